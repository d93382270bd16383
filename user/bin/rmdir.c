/* user/bin/rmdir.c - rmdir [-pv] dir...: remove empty directories.
 *
 * -p removes each directory and then its ancestors as named ("rmdir -p
 * a/b/c" removes a/b/c, a/b and a), stopping at the first that cannot go;
 * -v reports each removal.  A directory that cannot be removed gets a
 * message with the reason and status 1, and rmdir goes on with the rest. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int parents, verbose;

static _Noreturn void usage(int opt)
{
	fprintf(stderr, "rmdir: invalid option -- '%c'\n", opt);
	fputs("usage: rmdir [-pv] dir...\n", stderr);
	exit(2);
}

static int remove_one(const char *path, int is_parent)
{
	if (verbose)
		printf("rmdir: removing directory, '%s'\n", path);
	if (rmdir(path) == 0)
		return 0;
	fflush(stdout);
	fprintf(stderr, "rmdir: failed to remove %s'%s': %s\n",
		is_parent ? "directory " : "", path, strerror(errno));
	return 1;
}

/* Cuts the last component (and the slashes before it) off PATH in
 * place; returns 0 if there is nothing left to remove. */
static int to_parent(char *path)
{
	char *end = path + strlen(path);

	while (end > path && end[-1] == '/')
		end--;
	while (end > path && end[-1] != '/')
		end--;
	while (end > path && end[-1] == '/')
		end--;
	*end = '\0';
	return end > path;
}

static int remove_path(char *path)
{
	if (remove_one(path, 0) != 0)
		return 1;
	while (parents && to_parent(path))
		if (remove_one(path, 1) != 0)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	int status = 0, c;

	opterr = 0;
	while ((c = getopt(argc, argv, "pv")) != -1) {
		if (c == 'p')
			parents = 1;
		else if (c == 'v')
			verbose = 1;
		else
			usage(optopt);
	}
	if (optind == argc) {
		fputs("rmdir: missing operand\n", stderr);
		return 1;
	}
	for (int i = optind; i < argc; i++)
		status |= remove_path(argv[i]);
	if (fflush(stdout) != 0)
		status = 1;
	return status;
}
