/* user/bin/cat.c - cat [-AbeEnstTv] [file...]: copy files, or standard
 * input for "-" or no file, to standard output.
 *
 * Without options the bytes are copied with read/write through one big
 * buffer.  The options turn on a filter that looks at every byte:
 *   -n  number every output line ("%6d\t"), -b  only non-blank ones
 *   -s  squeeze runs of blank lines into one
 *   -E  show "$" at each line end, -T  show tabs as "^I"
 *   -v  show control bytes as ^X and bytes >= 128 as M-x
 *   -A = -vET, -e = -vE, -t = -vT
 * As in GNU's cat, the line count and blank-line state carry on from one
 * file to the next.  A file that cannot be read gets a message and status
 * 1, and cat goes on with the others. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define IN_SIZE 65536
#define OUT_SIZE 8192

static struct {
	int number, number_nonblank, squeeze, ends, tabs, nonprinting;
} opt;

static char in[IN_SIZE], out[OUT_SIZE + 64];
static size_t out_len;

/* the filter's state, kept across files */
static long line_no;
static int at_line_start = 1, blank_lines;

static _Noreturn void usage(int c)
{
	fprintf(stderr, "cat: invalid option -- '%c'\n", c);
	fputs("usage: cat [-AbeEnstTv] [file...]\n", stderr);
	exit(2);
}

static int write_all(const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(STDOUT_FILENO, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			fprintf(stderr, "cat: write error: %s\n",
				strerror(errno));
			exit(1);
		}
		buf += n;
		len -= n;
	}
	return 0;
}

static void flush_out(void)
{
	write_all(out, out_len);
	out_len = 0;
}

/* Appends LEN bytes to the output buffer (LEN is small). */
static void put(const char *s, size_t len)
{
	memcpy(out + out_len, s, len);
	out_len += len;
	if (out_len >= OUT_SIZE)
		flush_out();
}

static void put_visible(unsigned char c)
{
	char buf[4];
	size_t n = 0;

	if (c >= 128) {
		buf[n++] = 'M';
		buf[n++] = '-';
		c -= 128;
	}
	if (c < 32 || c == 127) {
		buf[n++] = '^';
		buf[n++] = c == 127 ? '?' : c + 64;
	} else {
		buf[n++] = c;
	}
	put(buf, n);
}

static void filter_byte(unsigned char c)
{
	if (at_line_start) {
		blank_lines = c == '\n' ? blank_lines + 1 : 0;
		if (opt.squeeze && blank_lines > 1)
			return;
		if (opt.number && !(opt.number_nonblank && c == '\n')) {
			char num[32];

			put(num,
			    snprintf(num, sizeof num, "%6ld\t", ++line_no));
		}
	}
	at_line_start = c == '\n';
	if (c == '\n') {
		if (opt.ends)
			put("$", 1);
		put("\n", 1);
	} else if (c == '\t') {
		put(opt.tabs ? "^I" : "\t", opt.tabs ? 2 : 1);
	} else if (opt.nonprinting && (c < 32 || c >= 127)) {
		put_visible(c);
	} else {
		put((const char *)&c, 1);
	}
}

/* Copies FD to standard output; returns 0, or the read errno. */
static int copy(int fd)
{
	int filtering = opt.number || opt.squeeze || opt.ends || opt.tabs ||
			opt.nonprinting;

	for (;;) {
		ssize_t n = read(fd, in, sizeof in);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno;
		if (n == 0)
			return 0;
		if (!filtering) {
			write_all(in, n);
			continue;
		}
		for (ssize_t i = 0; i < n; i++)
			filter_byte(in[i]);
	}
}

static int cat_file(const char *name)
{
	int fd = strcmp(name, "-") == 0 ? STDIN_FILENO : open(name, O_RDONLY);
	int err;

	if (fd < 0) {
		fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
		return 1;
	}
	err = copy(fd);
	if (fd != STDIN_FILENO)
		close(fd);
	if (err) {
		flush_out();
		fprintf(stderr, "cat: %s: %s\n", name, strerror(err));
		return 1;
	}
	return 0;
}

static void parse_option(int c)
{
	switch (c) {
	case 'A':
		opt.nonprinting = opt.ends = opt.tabs = 1;
		break;
	case 'b':
		opt.number = opt.number_nonblank = 1;
		break;
	case 'e':
		opt.nonprinting = opt.ends = 1;
		break;
	case 'E':
		opt.ends = 1;
		break;
	case 'n':
		opt.number = 1;
		break;
	case 's':
		opt.squeeze = 1;
		break;
	case 't':
		opt.nonprinting = opt.tabs = 1;
		break;
	case 'T':
		opt.tabs = 1;
		break;
	case 'u':
		break; /* unbuffered: we always are */
	case 'v':
		opt.nonprinting = 1;
		break;
	default:
		usage(optopt);
	}
}

int main(int argc, char **argv)
{
	int status = 0, c;

	opterr = 0;
	while ((c = getopt(argc, argv, "AbeEnstTuv")) != -1)
		parse_option(c);
	if (optind == argc)
		status = cat_file("-");
	for (int i = optind; i < argc; i++)
		status |= cat_file(argv[i]);
	flush_out();
	return status;
}
