/* user/bin/mkdir.c - mkdir [-pv] [-m MODE] dir...: make directories.
 *
 * -p makes missing parents too and is content when a directory exists
 * already; -v says "created directory" for each one made; -m sets the
 * new directory's mode exactly (regardless of the umask), in octal
 * ("755") or chmod's symbolic form ("u=rwx,go+rx", applied to a=rwx; a
 * clause without u, g, o or a leaves alone the bits the umask has).
 * (GNU's mkdir differs in corners: a symbolic mode that mentions s or t
 * gets the umask applied to the rest, e.g. "+t" is 1755 there.)  A
 * parent made by -p gets the default mode plus u+wx, as with GNU's mkdir,
 * so that its children can be made. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int parents, verbose;
static mode_t mask;

static _Noreturn void usage(const char *fmt, int opt)
{
	fprintf(stderr, fmt, opt);
	fputs("usage: mkdir [-pv] [-m MODE] dir...\n", stderr);
	exit(2);
}

/* The bits of one permission letter for the WHO bits ("X" counts as
 * "x": the file is a directory). */
static mode_t perm_bits(int c, mode_t who)
{
	switch (c) {
	case 'r':
		return who & 0444;
	case 'w':
		return who & 0222;
	case 'x':
	case 'X':
		return who & 0111;
	case 's':
		return who & 06000;
	case 't':
		return who & 01000;
	}
	return (mode_t)-1;
}

/* Applies one symbolic clause ("ug+rx", "o=") at *s to MODE, as chmod
 * does for a directory: without u, g, o or a the change leaves out the
 * bits the umask has, and "=" then sets every bit.  Returns the new mode,
 * or (mode_t)-1 if the clause is bad; advances *s past it. */
static mode_t apply_clause(const char **s, mode_t mode)
{
	mode_t who = 0;
	const char *p = *s;

	for (; *p && strchr("ugoa", *p); p++)
		who |= *p == 'u'   ? 04700
		       : *p == 'g' ? 02070
		       : *p == 'o' ? 01007
				   : 07777;
	if (!*p || !strchr("+-=", *p))
		return (mode_t)-1;
	while (*p && strchr("+-=", *p)) {
		int op = *p++;
		mode_t bits = 0;

		for (; *p && strchr("rwxXst", *p); p++)
			bits |= perm_bits(*p, who ? who : 07777);
		bits &= who ? who : ~mask;
		if (op == '+')
			mode |= bits;
		else if (op == '-')
			mode &= ~bits;
		else
			mode = (mode & ~(who ? who : 07777)) | bits;
	}
	*s = p;
	return mode;
}

/* -m's MODE as bits, or exits with "invalid mode". */
static mode_t parse_mode(const char *arg)
{
	const char *s = arg;
	mode_t mode = 0;

	if (*s >= '0' && *s <= '7') {
		for (; *s >= '0' && *s <= '7' && mode <= 07777; s++)
			mode = mode * 8 + (*s - '0');
		if (*s || mode > 07777)
			goto bad;
		return mode;
	}
	mode = 0777;
	for (;;) {
		mode = apply_clause(&s, mode);
		if (mode == (mode_t)-1)
			goto bad;
		if (*s == '\0')
			return mode;
		if (*s++ != ',')
			goto bad;
	}
bad:
	fprintf(stderr, "mkdir: invalid mode '%s'\n", arg);
	exit(1);
}

static int is_directory(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Makes PATH with MODE; with CHMOD_AFTER, sets the mode exactly. */
static int make(const char *path, mode_t mode, int chmod_after)
{
	if (mkdir(path, mode) != 0)
		return -1;
	if (verbose)
		printf("mkdir: created directory '%s'\n", path);
	if (chmod_after && chmod(path, mode) != 0)
		return -1;
	return 0;
}

static int fail(const char *path, int err)
{
	fprintf(stderr, "mkdir: cannot create directory '%s': %s\n", path,
		strerror(err));
	return 1;
}

/* -p: makes every missing ancestor of PATH (not PATH itself). */
static int make_parents(const char *path)
{
	char buf[PATH_MAX];
	size_t len = strlen(path);

	if (len >= sizeof buf)
		return fail(path, ENAMETOOLONG);
	memcpy(buf, path, len + 1);
	for (char *p = buf + 1; (p = strchr(p, '/')) != NULL; p++) {
		if (p[1] == '/' || p[1] == '\0')
			continue;
		*p = '\0';
		if (make(buf, (0777 & ~mask) | 0300, 0) != 0 &&
		    (errno != EEXIST || !is_directory(buf)))
			return fail(buf, errno == EEXIST ? ENOTDIR : errno);
		*p = '/';
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *mode_arg = NULL;
	mode_t mode;
	int status = 0, c;

	opterr = 0;
	while ((c = getopt(argc, argv, ":pvm:")) != -1) {
		if (c == 'p')
			parents = 1;
		else if (c == 'v')
			verbose = 1;
		else if (c == 'm')
			mode_arg = optarg;
		else if (c == ':')
			usage("mkdir: option requires an argument -- '%c'\n",
			      optopt);
		else
			usage("mkdir: invalid option -- '%c'\n", optopt);
	}
	if (optind == argc) {
		fputs("mkdir: missing operand\n", stderr);
		return 1;
	}
	mask = umask(0);
	umask(mask);
	mode = mode_arg ? parse_mode(mode_arg) : 0777 & ~mask;
	for (int i = optind; i < argc; i++) {
		const char *path = argv[i];

		if (parents && make_parents(path) != 0) {
			status = 1;
			continue;
		}
		if (make(path, mode, mode_arg != NULL) == 0)
			continue;
		if (parents && errno == EEXIST && is_directory(path))
			continue;
		status |= fail(path, errno);
	}
	if (fflush(stdout) != 0)
		status = 1;
	return status;
}
