/* user/bin/dmesg.c - dmesg: print the kernel's log.
 *
 *   dmesg [-r]
 *
 * Reads the whole kernel log buffer through syslog(2) (klogctl(3):
 * SYSLOG_ACTION_SIZE_BUFFER for its size, then SYSLOG_ACTION_READ_ALL,
 * which leaves the log as it is) and prints it.  Each line the kernel
 * keeps starts with its level as "<N>"; dmesg drops it, as util-linux's
 * "dmesg -S" does, and -r (raw) keeps it:
 *
 *	[    0.014272] kernel: ready		(dmesg)
 *	<6>[    0.014272] kernel: ready		(dmesg -r)
 *
 * As util-linux too, a record with a time stamp and no text (a piece of
 * a continued line) prints as an empty line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <unistd.h>

#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_SIZE_BUFFER 10
#define FALLBACK_SIZE (64 * 1024) /* if the kernel will not say */

/* The length of a "<N>" level at the start of LINE, or 0. */
static size_t level_length(const char *line, size_t len)
{
	size_t i = 1;

	if (len < 3 || line[0] != '<')
		return 0;
	while (i < len && line[i] >= '0' && line[i] <= '9')
		i++;
	return i > 1 && i < len && line[i] == '>' ? i + 1 : 0;
}

/* Whether LINE (with its newline) is a time stamp "[   1.234567] " and no
 * text: util-linux prints such a record as an empty line. */
static int is_empty_record(const char *line, size_t len)
{
	const char *end = memchr(line, ']', len);

	return line[0] == '[' && end && (size_t)(end - line) + 3 == len &&
	       end[1] == ' ' && end[2] == '\n';
}

/* Writes LINE (LEN bytes, with its newline) without a leading "<N>". */
static void print_line(const char *line, size_t len, int raw)
{
	size_t skip = raw ? 0 : level_length(line, len);

	if (!raw && is_empty_record(line + skip, len - skip))
		skip = len - 1;
	fwrite(line + skip, 1, len - skip, stdout);
}

static void print_log(const char *buf, size_t len, int raw)
{
	size_t start = 0;

	for (size_t i = 0; i < len; i++)
		if (buf[i] == '\n') {
			print_line(buf + start, i + 1 - start, raw);
			start = i + 1;
		}
	if (start < len) { /* a last line without its newline */
		print_line(buf + start, len - start, raw);
		putchar('\n');
	}
}

int main(int argc, char **argv)
{
	int raw = 0, size, len, c;
	char *buf;

	opterr = 0;
	while ((c = getopt(argc, argv, "r")) != -1) {
		if (c != 'r') {
			fprintf(stderr, "dmesg: invalid option -- '%c'\n",
				optopt);
			fputs("usage: dmesg [-r]\n", stderr);
			return 2;
		}
		raw = 1;
	}
	if (optind < argc) {
		fprintf(stderr,
			"dmesg: extra operand '%s'\nusage: dmesg [-r]\n",
			argv[optind]);
		return 2;
	}
	size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
	if (size <= 0)
		size = FALLBACK_SIZE;
	buf = malloc(size);
	if (!buf) {
		fputs("dmesg: out of memory\n", stderr);
		return 1;
	}
	len = klogctl(SYSLOG_ACTION_READ_ALL, buf, size);
	if (len < 0) {
		fprintf(stderr, "dmesg: read kernel buffer failed: %s\n",
			strerror(errno));
		return 1;
	}
	print_log(buf, (size_t)len, raw);
	free(buf);
	return 0;
}
