/* user/bin/ln.c - ln [-fnsvT] target [link], or ln [-fnsv] target... dir:
 * make links.
 *
 * Hard links by default (link(2): the same inode under another name, not
 * for directories), symbolic links with -s (symlink(2): a name holding
 * the TARGET text, which may dangle and is resolved from the link's own
 * directory).  With one operand the link goes in the current directory
 * under the target's last name; when the last operand is a directory the
 * links go in it.  -f replaces an existing link name, -n treats a last
 * operand that is a symbolic link to a directory as a plain name, -v
 * tells each link made ("'l' => 't'" hard, "'l' -> 't'" symbolic), -T
 * never treats the last operand as a directory.  Messages and statuses
 * follow GNU's ln. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int symbolic, force, no_deref, verbose, no_target_dir;

static _Noreturn void usage(int opt)
{
	fprintf(stderr, "ln: invalid option -- '%c'\n", opt);
	fputs("usage: ln [-fnsvT] target [link]\n"
	      "       ln [-fnsv] target... directory\n",
	      stderr);
	exit(2);
}

/* Where a symbolic link NAME holding TARGET points, as a path from here. */
static void resolve_from(char *out, const char *name, const char *target)
{
	const char *slash = strrchr(name, '/');

	if (target[0] == '/' || !slash)
		snprintf(out, PATH_MAX, "%s", target);
	else
		snprintf(out, PATH_MAX, "%.*s/%s", (int)(slash - name), name,
			 target);
}

/* The directory part of PATH ("." if none) into OUT. */
static void parent_of(char *out, const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		strcpy(out, ".");
	else
		snprintf(out, PATH_MAX, "%.*s", (int)(slash - path + 1), path);
}

/* Do paths A and B name the same directory entry (same last name in
 * the same directory)? */
static int same_entry(const char *a, const char *b)
{
	const char *na = strrchr(a, '/'), *nb = strrchr(b, '/');
	char pa[PATH_MAX], pb[PATH_MAX];
	struct stat sa, sb;

	if (strcmp(na ? na + 1 : a, nb ? nb + 1 : b) != 0)
		return 0;
	parent_of(pa, a);
	parent_of(pb, b);
	return stat(pa, &sa) == 0 && stat(pb, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* -f: removes an existing NAME, unless that would remove TARGET itself
 * or NAME is a directory; 0 or 1 after a message. */
static int make_room(const char *target, const char *name)
{
	struct stat t, l;
	char path[PATH_MAX];

	if (lstat(name, &l) != 0)
		return 0;
	if (S_ISDIR(l.st_mode)) {
		fprintf(stderr, "ln: %s: cannot overwrite directory\n", name);
		return 1;
	}
	resolve_from(path, name, target);
	if ((symbolic ? stat(path, &t) : lstat(target, &t)) == 0 &&
	    t.st_dev == l.st_dev && t.st_ino == l.st_ino &&
	    (t.st_nlink == 1 || same_entry(symbolic ? path : target, name))) {
		fprintf(stderr, "ln: '%s' and '%s' are the same file\n", target,
			name);
		return 1;
	}
	if (unlink(name) != 0) {
		fprintf(stderr, "ln: cannot remove '%s': %s\n", name,
			strerror(errno));
		return 1;
	}
	return 0;
}

static int make_link(const char *target, const char *name)
{
	struct stat st;

	if (!symbolic) {
		if (lstat(target, &st) != 0) {
			fprintf(stderr, "ln: failed to access '%s': %s\n",
				target, strerror(errno));
			return 1;
		}
		if (S_ISDIR(st.st_mode)) {
			fprintf(stderr,
				"ln: %s: hard link not allowed for "
				"directory\n",
				target);
			return 1;
		}
	}
	if (force && make_room(target, name) != 0)
		return 1;
	if ((symbolic ? symlink(target, name) : link(target, name)) != 0) {
		fprintf(stderr, "ln: failed to create %s link '%s': %s\n",
			symbolic ? "symbolic" : "hard", name, strerror(errno));
		return 1;
	}
	if (verbose)
		printf("'%s' %s '%s'\n", name, symbolic ? "->" : "=>", target);
	return 0;
}

/* Is PATH a directory to put links in? */
static int is_target_dir(const char *path)
{
	struct stat st;

	if (no_deref && lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		return 0;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int link_into(const char *dir, char **targets, int n)
{
	int status = 0;

	for (int i = 0; i < n; i++) {
		const char *t = targets[i];
		size_t len = strlen(t), start, dlen = strlen(dir);
		char name[PATH_MAX];

		while (len > 1 && t[len - 1] == '/')
			len--;
		for (start = len; start > 0 && t[start - 1] != '/'; start--)
			;
		if ((size_t)snprintf(name, sizeof name, "%s%s%.*s", dir,
				     dir[dlen - 1] == '/' ? "" : "/",
				     (int)(len - start),
				     t + start) >= sizeof name) {
			fprintf(stderr, "ln: %s: %s\n", t,
				strerror(ENAMETOOLONG));
			status = 1;
			continue;
		}
		status |= make_link(t, name);
	}
	return status;
}

int main(int argc, char **argv)
{
	int status, c, n;

	opterr = 0;
	while ((c = getopt(argc, argv, "fnsvT")) != -1) {
		switch (c) {
		case 'f':
			force = 1;
			break;
		case 'n':
			no_deref = 1;
			break;
		case 's':
			symbolic = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'T':
			no_target_dir = 1;
			break;
		default:
			usage(optopt);
		}
	}
	n = argc - optind;
	char **ops = argv + optind;
	if (n == 0 || (n == 1 && no_target_dir)) {
		if (n == 0)
			fputs("ln: missing file operand\n", stderr);
		else
			fprintf(stderr,
				"ln: missing destination file operand "
				"after '%s'\n",
				ops[0]);
		return 1;
	}
	if (no_target_dir && n > 2) {
		fprintf(stderr, "ln: extra operand '%s'\n", ops[2]);
		return 1;
	}
	if (n == 1)
		status = link_into(".", ops, 1);
	else if (!no_target_dir && is_target_dir(ops[n - 1]))
		status = link_into(ops[n - 1], ops, n - 1);
	else if (n == 2)
		status = make_link(ops[0], ops[1]);
	else {
		struct stat st;
		int err = stat(ops[n - 1], &st) != 0 ? errno : ENOTDIR;

		fprintf(stderr, "ln: target '%s': %s\n", ops[n - 1],
			strerror(err));
		status = 1;
	}
	if (fflush(stdout) != 0)
		status = 1;
	return status;
}
