/* user/bin/sync.c - sync [-d] [file...]: write cached data to disk.
 *
 * Without files, sync(2) flushes everything (on this OS: every dirty
 * block of the block cache).  With files, each is opened and fsync'ed
 * (fdatasync with -d), as GNU's sync does. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static _Noreturn void usage(int opt)
{
	fprintf(stderr, "sync: invalid option -- '%c'\n", opt);
	fputs("usage: sync [-d] [file...]\n", stderr);
	exit(2);
}

static int sync_file(const char *path, int data_only)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK);

	if (fd < 0)
		fd = open(path, O_WRONLY | O_NONBLOCK);
	if (fd < 0) {
		fprintf(stderr, "sync: error opening '%s': %s\n", path,
			strerror(errno));
		return 1;
	}
	if ((data_only ? fdatasync(fd) : fsync(fd)) != 0) {
		fprintf(stderr, "sync: error syncing '%s': %s\n", path,
			strerror(errno));
		close(fd);
		return 1;
	}
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	int data_only = 0, status = 0, c;

	opterr = 0;
	while ((c = getopt(argc, argv, "d")) != -1) {
		if (c == 'd')
			data_only = 1;
		else
			usage(optopt);
	}
	if (optind == argc) {
		if (data_only) {
			fputs("sync: --data needs at least one argument\n",
			      stderr);
			return 1;
		}
		sync();
		return 0;
	}
	for (int i = optind; i < argc; i++)
		status |= sync_file(argv[i], data_only);
	return status;
}
