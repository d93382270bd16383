/* user/bin/mkfifo.c - mkfifo [-m MODE] name...: make FIFOs (named pipes).
 *
 * Each FIFO gets mode 0666 less the umask, or with -m exactly MODE (set
 * again with chmod after the umask took its part), in octal ("600") or
 * chmod's symbolic form ("u=rw,go=", "+x", applied to a=rw; a clause
 * without u, g, o or a leaves alone the bits the umask has).  MODE may
 * hold permission bits only.  Messages and exit statuses are GNU
 * coreutils' (1 for a failure), but for a bad option: a usage line and
 * status 2, as every program here. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static _Noreturn void usage(const char *fmt, int opt)
{
	fprintf(stderr, fmt, opt);
	fputs("usage: mkfifo [-m MODE] name...\n", stderr);
	exit(2);
}

static _Noreturn void die(const char *msg)
{
	fprintf(stderr, "mkfifo: %s\n", msg);
	exit(1);
}

/* The bits of permission letter c for the WHO bits; "X" is x only if
 * MODE has an x bit already (a FIFO is not a directory). */
static mode_t perm_bits(int c, mode_t who, mode_t mode)
{
	switch (c) {
	case 'r':
		return who & 0444;
	case 'w':
		return who & 0222;
	case 'x':
		return who & 0111;
	case 'X':
		return mode & 0111 ? who & 0111 : 0;
	case 's':
		return who & 06000;
	case 't':
		return who & 01000;
	}
	return 0;
}

/* Applies the symbolic clause at *s ("ug+rw", "o=") to MODE, as chmod
 * does, MASK being the umask; advances *s past it.  -1 if it is bad. */
static long apply_clause(const char **s, mode_t mode, mode_t mask)
{
	const char *p = *s;
	mode_t who = 0;

	for (; *p && strchr("ugoa", *p); p++)
		who |= *p == 'u' ? 04700 : *p == 'g' ? 02070 : *p == 'o' ? 01007 : 07777;
	if (!*p || !strchr("+-=", *p))
		return -1;
	while (*p && strchr("+-=", *p)) {
		int op = *p++;
		mode_t bits = 0;

		for (; *p && strchr("rwxXst", *p); p++)
			bits |= perm_bits(*p, who ? who : 07777, mode);
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

/* -m's MODE as bits, or dies with coreutils' words. */
static mode_t parse_mode(const char *arg, mode_t mask)
{
	const char *s = arg;
	long mode = 0;

	if (*s >= '0' && *s <= '7') {
		for (; *s >= '0' && *s <= '7' && mode <= 07777; s++)
			mode = mode * 8 + (*s - '0');
		if (*s || mode > 07777)
			die("invalid mode");
	} else {
		mode = 0666;
		for (;;) {
			mode = apply_clause(&s, (mode_t)mode, mask);
			if (mode < 0)
				die("invalid mode");
			if (*s == '\0')
				break;
			if (*s++ != ',')
				die("invalid mode");
		}
	}
	if (mode & ~0777)
		die("mode must specify only file permission bits");
	return (mode_t)mode;
}

int main(int argc, char **argv)
{
	const char *mode_arg = NULL;
	mode_t mode = 0666, mask;
	int status = 0, c;

	opterr = 0;
	while ((c = getopt(argc, argv, ":m:")) != -1) {
		if (c == 'm')
			mode_arg = optarg;
		else if (c == ':')
			usage("mkfifo: option requires an argument -- '%c'\n", optopt);
		else
			usage("mkfifo: invalid option -- '%c'\n", optopt);
	}
	if (optind == argc) {
		fputs("mkfifo: missing operand\n", stderr);
		return 1;
	}
	mask = umask(0);
	umask(mask);
	if (mode_arg)
		mode = parse_mode(mode_arg, mask);
	for (int i = optind; i < argc; i++) {
		if (mkfifo(argv[i], mode) != 0) {
			fprintf(stderr, "mkfifo: cannot create fifo '%s': %s\n",
				argv[i], strerror(errno));
			status = 1;
		} else if (mode_arg && chmod(argv[i], mode) != 0) {
			fprintf(stderr, "mkfifo: cannot set permissions of '%s': %s\n",
				argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
