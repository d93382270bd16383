/* user/bin/rm.c - rm [-dfrRv] file...: remove files and directories.
 *
 * -r (or -R) removes directories with everything in them; -d removes
 * empty directories; -f ignores files that do not exist and never
 * complains about a missing operand; -v tells each removal.  As GNU's rm,
 * it refuses "." and ".." (and "/" with -r), and it goes on after a
 * failure, exiting with status 1.  It never asks questions (there is no
 * -i, and write-protected files are removed like the others).
 *
 * A directory's entries are read completely before any is removed, so
 * removing never disturbs the reading. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int force, recursive, empty_dirs, verbose;

static _Noreturn void usage(int opt)
{
	fprintf(stderr, "rm: invalid option -- '%c'\n", opt);
	fputs("usage: rm [-dfrRv] file...\n", stderr);
	exit(2);
}

static int fail(const char *what, const char *path, int err)
{
	fflush(stdout);
	fprintf(stderr, "rm: %s '%s': %s\n", what, path, strerror(err));
	return 1;
}

static void removed(const char *path, int dir)
{
	if (verbose)
		printf("removed %s'%s'\n", dir ? "directory " : "", path);
}

/* The names in directory PATH but . and .., as a NULL-ended array (one
 * allocation); NULL with errno set on failure. */
static char **read_names(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;

	if (!d)
		return NULL;
	while ((errno = 0, e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (n + 1 >= cap) {
			cap = cap ? cap * 2 : 16;
			char **bigger = realloc(names, cap * sizeof *names);
			if (!bigger)
				goto fail;
			names = bigger;
		}
		if (!(names[n++] = strdup(e->d_name)))
			goto fail;
	}
	if (errno)
		goto fail;
	closedir(d);
	if (!names && !(names = malloc(sizeof *names)))
		return NULL;
	names[n] = NULL;
	return names;
fail : {
	int err = errno;

	while (n > 0)
		free(names[--n]);
	free(names);
	closedir(d);
	errno = err;
	return NULL;
}
}

static int remove_path(const char *path);

/* Removes everything in directory PATH, then PATH itself. */
static int remove_tree(const char *path)
{
	char **names = read_names(path);
	/* on the heap: a deep tree must not use up the stack */
	char *child = malloc(PATH_MAX);
	const char *sep = path[strlen(path) - 1] == '/' ? "" : "/";
	int status = 0;

	if (!names || !child) {
		status = fail("cannot remove", path, errno);
		free(child);
		return status;
	}
	for (char **name = names; *name; name++) {
		if (snprintf(child, PATH_MAX, "%s%s%s", path, sep, *name) >=
		    PATH_MAX)
			status |= fail("cannot remove", *name, ENAMETOOLONG);
		else
			status |= remove_path(child);
		free(*name);
	}
	free(names);
	free(child);
	if (status)
		return status; /* not empty: saying so again helps nobody */
	if (rmdir(path) != 0)
		return fail("cannot remove", path, errno);
	removed(path, 1);
	return 0;
}

static int remove_path(const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0) {
		if (force && errno == ENOENT)
			return 0;
		return fail("cannot remove", path, errno);
	}
	if (!S_ISDIR(st.st_mode)) {
		if (unlink(path) != 0)
			return fail("cannot remove", path, errno);
		removed(path, 0);
		return 0;
	}
	if (recursive)
		return remove_tree(path);
	if (!empty_dirs)
		return fail("cannot remove", path, EISDIR);
	if (rmdir(path) != 0)
		return fail("cannot remove", path, errno);
	removed(path, 1);
	return 0;
}

/* Is the last component of PATH "." or ".."? */
static int is_dot_or_dotdot(const char *path)
{
	size_t len = strlen(path);

	while (len > 1 && path[len - 1] == '/')
		len--;
	size_t start = len;
	while (start > 0 && path[start - 1] != '/')
		start--;
	return (len - start == 1 && path[start] == '.') ||
	       (len - start == 2 && path[start] == '.' &&
		path[start + 1] == '.');
}

static int is_root(const char *path)
{
	return path[0] == '/' && path[strspn(path, "/")] == '\0';
}

static int remove_operand(const char *path)
{
	if ((recursive || empty_dirs) && is_dot_or_dotdot(path)) {
		fprintf(stderr,
			"rm: refusing to remove '.' or '..' directory: "
			"skipping '%s'\n",
			path);
		return 1;
	}
	if (recursive && is_root(path)) {
		fprintf(stderr, "rm: it is dangerous to operate recursively "
				"on '/'\n");
		return 1;
	}
	return remove_path(path);
}

int main(int argc, char **argv)
{
	int status = 0, c;

	opterr = 0;
	while ((c = getopt(argc, argv, "dfrRv")) != -1) {
		if (c == 'd')
			empty_dirs = 1;
		else if (c == 'f')
			force = 1;
		else if (c == 'r' || c == 'R')
			recursive = 1;
		else if (c == 'v')
			verbose = 1;
		else
			usage(optopt);
	}
	if (optind == argc && !force) {
		fputs("rm: missing operand\n", stderr);
		return 1;
	}
	for (int i = optind; i < argc; i++)
		status |= remove_operand(argv[i]);
	if (fflush(stdout) != 0)
		status = 1;
	return status;
}
