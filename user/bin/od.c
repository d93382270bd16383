/* user/bin/od.c - od [-bcdosvx] [-A RADIX] [-t TYPE]... [-j SKIP] [-N COUNT]
 * [-w[WIDTH]] [file...]: dump files in octal and other formats.
 *
 * As GNU's od: the input (the files one after another, or standard input)
 * is shown in lines of 16 bytes (-w: WIDTH, 32 without a number), each
 * line as an offset (-A o, d, x or n for none; octal by default) and the
 * bytes in every format asked for, one output line per format, aligned
 * in columns.  A TYPE is a letter and a size in bytes:
 *   o, u, d, x  octal, unsigned and signed decimal, hex; size 1, 2, 4 or 8
 *               (or C, S, I, L: char, short, int, long); default 4
 *   c           characters, with \n \t ... escapes and octal for the rest
 *   a           named characters (nul, sp, nl, del...)
 * and a "z" after a type adds the bytes as text between > and <.  The
 * shorthands: -b = -t o1, -c = -t c, -d = -t u2, -o = -t o2, -s = -t d2,
 * -x = -t x2; without any, -t o2.  Multi-byte values are read in the
 * machine's (little-endian) order.  Lines equal to the one before are
 * shown as one "*" unless -v.  -j skips bytes first, -N stops after a
 * count; both take decimal, 0x hex or 0 octal numbers with an optional
 * b (512), k (1024) or m (1048576) multiplier.  Floating-point types are
 * not supported. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_SPECS 16
#define MAX_WIDTH 4096

struct spec {
	char type;   /* o u d x c a */
	int size;    /* bytes per field */
	int width;   /* characters per field, without padding */
	int pad;     /* extra spaces spread over a line's fields */
	int trailer; /* z: the bytes as text at the end */
};

static struct spec specs[MAX_SPECS];
static int nspecs;
static int bytes_per_line = 16, verbose;
static char radix = 'o';

/* the input: the operands one after another */
static char **files;
static int nfiles, file_index = -1, fd = -1, status;
static long long limit = -1; /* -N: bytes left, or -1 */

static _Noreturn void usage(const char *fmt, const char *arg)
{
	fprintf(stderr, fmt, arg);
	fputs("usage: od [-bcdosvx] [-A RADIX] [-t TYPE]... [-j SKIP] "
	      "[-N COUNT] [-w[WIDTH]] [file...]\n",
	      stderr);
	exit(2);
}

static int field_width(char type, int size)
{
	static const int octal[] = {0, 3, 6, 0, 11, 0, 0, 0, 22};
	static const int sdec[] = {0, 4, 6, 0, 11, 0, 0, 0, 20};
	static const int udec[] = {0, 3, 5, 0, 10, 0, 0, 0, 20};

	switch (type) {
	case 'o':
		return octal[size];
	case 'd':
		return sdec[size];
	case 'u':
		return udec[size];
	case 'x':
		return 2 * size;
	default:
		return 3; /* c, a */
	}
}

/* Parses one TYPE string (maybe several types, "x1z" or "x2c"). */
static void add_types(const char *arg)
{
	const char *s = arg;

	while (*s) {
		struct spec sp = {*s++, 1, 0, 0, 0};

		if (!strchr("oudxca", sp.type)) {
			fprintf(stderr,
				"od: invalid character '%c' in type "
				"string '%s'\n",
				sp.type, arg);
			exit(1);
		}
		if (sp.type != 'c' && sp.type != 'a') {
			sp.size = 4;
			if (*s && strchr("CSIL", *s)) {
				sp.size = *s == 'C' ? 1 : *s == 'S' ? 2 : 4;
				s++;
			} else if (*s >= '0' && *s <= '9') {
				sp.size = strtol(s, (char **)&s, 10);
			}
			if (sp.size != 1 && sp.size != 2 && sp.size != 4 &&
			    sp.size != 8) {
				fprintf(stderr,
					"od: invalid type string '%s';\n"
					"this system doesn't provide a %d-byte "
					"integral type\n",
					arg, sp.size);
				exit(1);
			}
		}
		if (*s == 'z') {
			sp.trailer = 1;
			s++;
		}
		sp.width = field_width(sp.type, sp.size);
		if (nspecs == MAX_SPECS)
			usage("od: too many types%s\n", "");
		specs[nspecs++] = sp;
	}
}

/* A byte count: decimal, 0x hex or 0 octal, with b, k or m after it. */
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
	fprintf(stderr, "od: invalid number '%s'\n", arg);
	exit(1);
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
		fprintf(stderr, "od: %s: %s\n", name, strerror(errno));
		status = 1;
	}
	return fd = -1;
}

/* Reads up to N bytes of the combined input; returns how many (0 at the
 * end of the last file, or when -N's count is used up). */
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
				fprintf(stderr, "od: %s: %s\n",
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

static void skip_input(long long skip)
{
	unsigned char buf[4096];
	long long saved = limit;

	limit = -1;
	while (skip > 0) {
		size_t n =
		    read_input(buf, skip < (long long)sizeof buf ? (size_t)skip
								 : sizeof buf);
		if (n == 0) {
			fputs("od: cannot skip past end of combined input\n",
			      stderr);
			exit(1);
		}
		skip -= n;
	}
	limit = saved;
}

/* --- output */

static void print_address(long long offset)
{
	switch (radix) {
	case 'o':
		printf("%07llo", offset);
		break;
	case 'd':
		printf("%07lld", offset);
		break;
	case 'x':
		printf("%06llx", offset);
		break;
	}
}

static int address_width(void)
{
	return radix == 'n' ? 0 : radix == 'x' ? 6 : 7;
}

/* The value of the field at P: its bytes little-endian, sign-extended
 * for d. */
static unsigned long long value(const unsigned char *p, const struct spec *sp)
{
	unsigned long long v = 0;

	for (int i = sp->size - 1; i >= 0; i--)
		v = v << 8 | p[i];
	if (sp->type == 'd' && sp->size < 8 && (v >> (8 * sp->size - 1)) & 1)
		v |= ~0ULL << (8 * sp->size);
	return v;
}

static void char_text(unsigned char c, char type, char *out)
{
	static const char *names[] = {
	    "nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs",
	    "ht",  "nl",  "vt",	 "ff",	"cr",  "so",  "si",  "dle", "dc1",
	    "dc2", "dc3", "dc4", "nak", "syn", "etb", "can", "em",  "sub",
	    "esc", "fs",  "gs",	 "rs",	"us",  "sp"};
	static const char escapes[] = "0\0a\ab\bf\fn\nr\rt\tv\v";

	if (type == 'a') {
		c &= 0x7f;
		if (c <= ' ')
			strcpy(out, names[c]);
		else if (c == 127)
			strcpy(out, "del");
		else
			sprintf(out, "%c", c);
		return;
	}
	for (int i = 0; i < 16; i += 2)
		if (escapes[i + 1] == (char)c) {
			sprintf(out, "\\%c", escapes[i]);
			return;
		}
	if (c >= ' ' && c < 127)
		sprintf(out, "%c", c);
	else
		sprintf(out, "%03o", c);
}

static void print_field(const unsigned char *p, const struct spec *sp, int w)
{
	unsigned long long v = value(p, sp);
	char text[8];

	switch (sp->type) {
	case 'o':
		printf("%*.*llo", w, sp->width, v);
		break;
	case 'x':
		printf("%*.*llx", w, sp->width, v);
		break;
	case 'u':
		printf("%*llu", w, v);
		break;
	case 'd':
		printf("%*lld", w, (long long)v);
		break;
	default:
		char_text(*p, sp->type, text);
		printf("%*s", w, text);
	}
}

/* One format's line for the N bytes at BLOCK (the tail of the input is
 * padded with zero bytes to a whole field of every format). */
static void print_line(const unsigned char *block, size_t n,
		       const struct spec *sp)
{
	int fields = bytes_per_line / sp->size;
	int blank = (bytes_per_line - n) / sp->size;
	int pad_left = sp->pad;

	/* GNU's spreading of the padding: field i of F gets the part
	 * pad*(F-i)/F - pad*(F-i-1)/F, so the columns of all formats line up */
	for (int i = fields; i > blank; i--) {
		int next = sp->pad * (i - 1) / fields;

		print_field(block, sp, pad_left - next + sp->width);
		pad_left = next;
		block += sp->size;
	}
	if (sp->trailer) {
		printf("%*s  >", blank * sp->width + sp->pad * blank / fields,
		       "");
		block -= (fields - blank) * sp->size;
		for (size_t i = 0; i < n; i++)
			putchar(block[i] >= ' ' && block[i] < 127 ? block[i]
								  : '.');
		putchar('<');
	}
	putchar('\n');
}

static void print_block(long long offset, const unsigned char *block, size_t n)
{
	for (int i = 0; i < nspecs; i++) {
		if (i == 0)
			print_address(offset);
		else
			printf("%*s", address_width(), "");
		print_line(block, n, &specs[i]);
	}
}

/* Pads every format so that they all take as much room per line. */
static void align_specs(void)
{
	int line = 0;

	for (int i = 0; i < nspecs; i++) {
		int w = (specs[i].width + 1) * (bytes_per_line / specs[i].size);
		if (line < w)
			line = w;
	}
	for (int i = 0; i < nspecs; i++)
		specs[i].pad =
		    line - specs[i].width * (bytes_per_line / specs[i].size);
}

static int largest_size(void)
{
	int m = 1;

	for (int i = 0; i < nspecs; i++)
		if (specs[i].size > m)
			m = specs[i].size;
	return m;
}

static void dump(long long offset)
{
	static unsigned char block[MAX_WIDTH], prev[MAX_WIDTH];
	int unit = largest_size(), first = 1, starred = 0;
	size_t n;

	while ((n = read_input(block, bytes_per_line)) > 0) {
		size_t padded = (n + unit - 1) / unit * unit;

		memset(block + n, 0, padded - n);
		if (!verbose && !first && n == (size_t)bytes_per_line &&
		    memcmp(block, prev, n) == 0) {
			if (!starred)
				puts("*");
			starred = 1;
		} else {
			print_block(offset, block, n);
			starred = 0;
		}
		memcpy(prev, block, n);
		first = 0;
		offset += n;
	}
	if (radix != 'n') {
		print_address(offset);
		putchar('\n');
	}
}

static void set_width(const char *arg)
{
	/* sizes are powers of two: the largest is a multiple of them all */
	int unit = largest_size();

	bytes_per_line = arg ? atoi(arg) : 32;
	if (bytes_per_line <= 0 || bytes_per_line % unit ||
	    bytes_per_line > MAX_WIDTH) {
		fprintf(stderr,
			"od: warning: invalid width %d; using %d "
			"instead\n",
			bytes_per_line, unit);
		bytes_per_line = unit;
	}
}

int main(int argc, char **argv)
{
	const char *width = NULL;
	long long skip = 0;
	int c, width_given = 0;

	opterr = 0;
	while ((c = getopt(argc, argv, ":A:bcdj:N:ost:vw::x")) != -1) {
		switch (c) {
		case 'A':
			if (!optarg[0] || optarg[1] ||
			    !strchr("odxn", optarg[0])) {
				fprintf(stderr,
					"od: invalid output address radix "
					"'%s'; it must be one character from "
					"[doxn]\n",
					optarg);
				return 1;
			}
			radix = optarg[0];
			break;
		case 'b':
			add_types("o1");
			break;
		case 'c':
			add_types("c");
			break;
		case 'd':
			add_types("u2");
			break;
		case 'o':
			add_types("o2");
			break;
		case 's':
			add_types("d2");
			break;
		case 'x':
			add_types("x2");
			break;
		case 't':
			add_types(optarg);
			break;
		case 'j':
			skip = parse_count(optarg);
			break;
		case 'N':
			limit = parse_count(optarg);
			break;
		case 'v':
			verbose = 1;
			break;
		case 'w':
			width = optarg;
			width_given = 1;
			break;
		case ':': {
			char opt[2] = {(char)optopt, 0};
			usage("od: option requires an argument -- '%s'\n", opt);
		}
		default: {
			char opt[2] = {(char)optopt, 0};
			usage("od: invalid option -- '%s'\n", opt);
		}
		}
	}
	if (nspecs == 0)
		add_types("o2");
	if (width_given)
		set_width(width);
	align_specs();
	static char *stdin_only[] = {"-"};
	files = optind < argc ? argv + optind : stdin_only;
	nfiles = optind < argc ? argc - optind : 1;
	if (open_next() < 0) /* no input at all: no output, as GNU's od */
		return status;
	skip_input(skip);
	dump(skip);
	if (fflush(stdout) != 0) {
		perror("od: write error");
		return 1;
	}
	return status;
}
