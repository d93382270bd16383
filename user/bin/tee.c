/* tee - copy standard input to standard output and to files.
 *
 *   tee [-ai] [FILE]...
 *
 * -a appends to the files instead of truncating them; -i ignores SIGINT.
 * Data goes out as it comes in (no buffering), so tee in the middle of a
 * pipeline does not hold anything back.  A file that cannot be opened or
 * written gives a message (as GNU tee's) and exit status 1, and the copy
 * goes on to the others.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct output {
	int fd; /* -1 once it failed */
	const char *name;
};

static void usage(void)
{
	fputs("Usage: tee [-ai] [FILE]...\n", stderr);
	exit(2);
}

static void error(const char *name)
{
	fprintf(stderr, "tee: %s: %s\n", name, strerror(errno));
}

static bool write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return false;
		buf += n;
		len -= n;
	}
	return true;
}

int main(int argc, char **argv)
{
	static char buf[65536];
	int flags = O_WRONLY | O_CREAT | O_TRUNC;
	int c, status = 0, nout = 0;
	ssize_t n;

	while ((c = getopt(argc, argv, "ai")) != -1) {
		switch (c) {
		case 'a':
			flags = O_WRONLY | O_CREAT | O_APPEND;
			break;
		case 'i':
			signal(SIGINT, SIG_IGN);
			break;
		default:
			usage();
		}
	}
	struct output *outs = calloc(argc - optind + 1, sizeof(*outs));
	if (!outs) {
		error("memory");
		return 1;
	}
	outs[nout++] = (struct output){1, "standard output"};
	for (int i = optind; i < argc; i++) {
		int fd = open(argv[i], flags, 0666);

		if (fd < 0) {
			error(argv[i]);
			status = 1;
			continue;
		}
		outs[nout++] = (struct output){fd, argv[i]};
	}
	while ((n = read(0, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			error("read error");
			return 1;
		}
		for (int i = 0; i < nout; i++) {
			if (outs[i].fd < 0 || write_all(outs[i].fd, buf, n))
				continue;
			error(outs[i].name);
			outs[i].fd = -1;
			status = 1;
		}
	}
	for (int i = 1; i < nout; i++) {
		if (outs[i].fd >= 0 && close(outs[i].fd) < 0) {
			error(outs[i].name);
			status = 1;
		}
	}
	return status;
}
