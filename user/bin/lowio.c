/* user/bin/lowio.c - the raw read of 1000 bytes (CS162 lecture 5, 2023,
 * "Recall: Example: lowio.c").
 *
 * The slide's program opens "lowio.c" with open(2), reads it into a
 * char buf[1000] with one read(2), closes it and writes what it read to
 * STDOUT_FILENO with write(2), checking each call's result (an error is
 * "return < 0: the global errno variable set"), and asks: "How many bytes
 * does this program read?"  This one does the same with FILE (default
 * lowio.c, as on the slide) and answers on stderr: at most 1000, the size
 * of the buffer and the count passed to read(); fewer if the file is
 * shorter; and one read() is not a loop, so the rest of a longer file is
 * never read.  The bytes on stdout are exactly what read() returned.
 *
 *	$ lowio /etc/rc		(prints the first 1000 bytes of /etc/rc)
 *	$ lowio /bin/ls | wc -c
 *	1000
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* "lowio: WHAT: the error errno names", and status 1. */
static void fail(const char *what)
{
	fprintf(stderr, "lowio: %s: %s\n", what, strerror(errno));
	exit(1);
}

int main(int argc, char **argv)
{
	const char *name = "lowio.c"; /* the slide reads its own source */
	char buf[1000];
	struct stat st;
	ssize_t rd, wr;
	int fd;

	opterr = 0;
	if (getopt(argc, argv, "") != -1) {
		fprintf(stderr, "lowio: invalid option -- '%c'\n", optopt);
		fputs("usage: lowio [FILE]\n", stderr);
		return 2;
	}
	argc -= optind - 1; /* the operands follow argv[0] */
	argv += optind - 1;
	if (argc > 2) {
		fprintf(stderr, "lowio: extra operand '%s'\n", argv[argc - 1]);
		fputs("usage: lowio [FILE]\n", stderr);
		return 2;
	}
	if (argc == 2)
		name = argv[1];
	fd = open(name, O_RDONLY);
	if (fd < 0)
		fail(name); /* errno says which error */
	rd = read(fd, buf, sizeof(buf));
	if (rd < 0)
		fail(name);
	if (fstat(fd, &st) < 0)
		fail(name);
	if (close(fd) < 0)
		fail(name);
	wr = write(STDOUT_FILENO, buf, rd);
	if (wr < 0)
		fail("write");
	fprintf(stderr,
		"lowio: read() returned %ld of the %lld bytes of %s "
		"(it asks for at most %zu)\n",
		(long)rd, (long long)st.st_size, name, sizeof(buf));
	return 0;
}
