/* user/bin/hexdump.c - hexdump [-bcCdovx] [-n LENGTH] [-s SKIP] [file...]:
 * show files (one after another, or standard input) in hex and other
 * formats, as util-linux's hexdump does.
 *
 * Each line covers 16 bytes and starts with the offset in hex.  The
 * formats (several may be given; each then has its own line):
 *   (none)  eight 2-byte words in hex            "0000000 6568 6c6c ..."
 *   -x      the same, wider columns              "0000000    6568 ..."
 *   -d, -o  2-byte words in decimal, in octal
 *   -b, -c  bytes in octal; bytes as characters (\n \t ... or octal)
 *   -C      canonical: 16 bytes in hex in two groups of eight, then the
 *           bytes as text between | |         "00000000  68 65 ... |he|"
 * 2-byte words are read little-endian.  A line equal to the one before
 * is shown as one "*" unless -v.  -s skips bytes first and -n stops after
 * LENGTH bytes; both take decimal, 0x hex or 0 octal numbers with an
 * optional b (512), k (1024) or m (1048576).  The last line is the offset
 * at the end; no input at all gives no output.  Format strings (-e, -f)
 * are not supported. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LINE 16
#define MAX_FORMATS 8

enum format {
	WORDS_HEX,
	WORDS_HEX_WIDE,
	WORDS_DEC,
	WORDS_OCT,
	BYTES_OCT,
	BYTES_CHAR,
	CANONICAL
};

static enum format formats[MAX_FORMATS];
static int nformats, verbose, status;

/* the input: the operands one after another */
static char **files;
static int nfiles, file_index = -1, fd = -1;
static long long limit = -1; /* -n: bytes left, or -1 */

static _Noreturn void usage(const char *fmt, int opt)
{
	fprintf(stderr, fmt, opt);
	fputs("usage: hexdump [-bcCdovx] [-n LENGTH] [-s SKIP] [file...]\n",
	      stderr);
	exit(2);
}

static long long parse_count(const char *arg)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(arg, &end, 0);
	if (end == arg || v < 0 || errno)
		goto bad;
	if (*end && end[1] == '\0' && strchr("bkm", *end))
		v *= *end == 'b' ? 512 : *end == 'k' ? 1024 : 1048576;
	else if (*end)
		goto bad;
	return v;
bad:
	fprintf(stderr, "hexdump: invalid number '%s'\n", arg);
	exit(1);
}

static void add_format(enum format f)
{
	if (nformats == MAX_FORMATS)
		usage("hexdump: too many formats%c\n", ' ');
	formats[nformats++] = f;
}

/* --- input */

static int open_next(void)
{
	while (++file_index < nfiles) {
		const char *name = files[file_index];

		if (strcmp(name, "-") == 0)
			return fd = STDIN_FILENO;
		fd = open(name, O_RDONLY);
		if (fd >= 0)
			return fd;
		fprintf(stderr, "hexdump: %s: %s\n", name, strerror(errno));
		status = 1;
	}
	return fd = -1;
}

/* Reads up to N bytes of the combined input; 0 at its end. */
static size_t read_input(unsigned char *buf, size_t n)
{
	size_t got = 0;

	if (limit >= 0 && (long long)n > limit)
		n = limit;
	while (got < n) {
		if (fd < 0 && open_next() < 0)
			break;
		ssize_t r = read(fd, buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r < 0) {
				fprintf(stderr, "hexdump: %s: %s\n",
					files[file_index], strerror(errno));
				status = 1;
			}
			if (fd != STDIN_FILENO)
				close(fd);
			fd = -1;
			continue;
		}
		got += r;
	}
	if (limit >= 0)
		limit -= got;
	return got;
}

/* Skips up to SKIP bytes; returns how many there were. */
static long long skip_input(long long skip)
{
	unsigned char buf[4096];
	long long done = 0, saved = limit;

	limit = -1;
	while (done < skip) {
		long long left = skip - done;
		size_t n =
		    read_input(buf, left < (long long)sizeof buf ? (size_t)left
								 : sizeof buf);
		if (n == 0)
			break;
		done += n;
	}
	limit = saved;
	return done;
}

/* --- output */

static void put_char_escaped(unsigned char c)
{
	static const char escapes[] = "0\0a\ab\bf\fn\nr\rt\tv\v";

	for (int i = 0; i < 16; i += 2)
		if (escapes[i + 1] == (char)c) {
			printf("  \\%c", escapes[i]);
			return;
		}
	if (c >= ' ' && c < 127)
		printf("   %c", c);
	else
		printf(" %03o", c);
}

static void print_canonical(long long offset, const unsigned char *b, size_t n)
{
	printf("%08llx ", offset);
	for (size_t i = 0; i < LINE; i++) {
		if (i % 8 == 0)
			putchar(' ');
		if (i < n)
			printf("%02x ", b[i]);
		else
			fputs("   ", stdout);
	}
	fputs(" |", stdout);
	for (size_t i = 0; i < n; i++)
		putchar(b[i] >= ' ' && b[i] < 127 ? b[i] : '.');
	puts("|");
}

/* One line of format F for the N bytes at B (zero-padded to LINE). */
static void print_line(enum format f, long long offset, const unsigned char *b,
		       size_t n)
{
	static const int word_width[] = {
	    [WORDS_HEX] = 5, [WORDS_HEX_WIDE] = 8, [WORDS_DEC] = 8,
	    [WORDS_OCT] = 8, [BYTES_OCT] = 4,	   [BYTES_CHAR] = 4};

	if (f == CANONICAL) {
		print_canonical(offset, b, n);
		return;
	}
	int bytes = f == BYTES_OCT || f == BYTES_CHAR ? 1 : 2;
	printf("%07llx", offset);
	for (size_t i = 0; i < LINE; i += bytes) {
		unsigned word = b[i] | (bytes == 2 ? b[i + 1] << 8 : 0);

		if (i >= n)
			printf("%*s", word_width[f], "");
		else if (f == WORDS_HEX)
			printf(" %04x", word);
		else if (f == WORDS_HEX_WIDE)
			printf("    %04x", word);
		else if (f == WORDS_DEC)
			printf("   %05u", word);
		else if (f == WORDS_OCT)
			printf("  %06o", word);
		else if (f == BYTES_OCT)
			printf(" %03o", word);
		else
			put_char_escaped(b[i]);
	}
	putchar('\n');
}

static void dump(long long offset)
{
	unsigned char block[LINE], prev[LINE];
	int first = 1, starred = 0;
	size_t n;

	while ((n = read_input(block, LINE)) > 0) {
		memset(block + n, 0, LINE - n);
		if (!verbose && !first && n == LINE &&
		    memcmp(block, prev, LINE) == 0) {
			if (!starred)
				puts("*");
			starred = 1;
		} else {
			for (int i = 0; i < nformats; i++)
				print_line(formats[i], offset, block, n);
			starred = 0;
		}
		memcpy(prev, block, LINE);
		first = 0;
		offset += n;
	}
	if (offset > 0)
		printf(formats[nformats - 1] == CANONICAL ? "%08llx\n"
							  : "%07llx\n",
		       offset);
}

int main(int argc, char **argv)
{
	static char *stdin_only[] = {"-"};
	long long skip = 0;
	int c;

	opterr = 0;
	while ((c = getopt(argc, argv, ":bcCdn:os:vx")) != -1) {
		switch (c) {
		case 'b':
			add_format(BYTES_OCT);
			break;
		case 'c':
			add_format(BYTES_CHAR);
			break;
		case 'C':
			add_format(CANONICAL);
			break;
		case 'd':
			add_format(WORDS_DEC);
			break;
		case 'o':
			add_format(WORDS_OCT);
			break;
		case 'x':
			add_format(WORDS_HEX_WIDE);
			break;
		case 'n':
			limit = parse_count(optarg);
			break;
		case 's':
			skip = parse_count(optarg);
			break;
		case 'v':
			verbose = 1;
			break;
		case ':':
			usage("hexdump: option requires an argument -- '%c'\n",
			      optopt);
		default:
			usage("hexdump: invalid option -- '%c'\n", optopt);
		}
	}
	if (nformats == 0)
		add_format(WORDS_HEX);
	files = optind < argc ? argv + optind : stdin_only;
	nfiles = optind < argc ? argc - optind : 1;
	if (open_next() < 0) {
		fputs("hexdump: all input file arguments failed\n", stderr);
		return 1;
	}
	dump(skip_input(skip));
	if (fflush(stdout) != 0) {
		perror("hexdump: write error");
		return 1;
	}
	return status;
}
