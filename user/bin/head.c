/* head - the first part of files.
 *
 *   head [-qv] [-n [-]N | -c [-]N | -N] [FILE]...
 *
 * The first N lines (-n N, -N; default 10) or bytes (-c N) of each FILE
 * ("-" or none: standard input); with a leading "-", all but the last N.
 * N may end in b (512), K or k (1024), M, G, kB (1000), MB or GB.  With
 * several files each gets a "==> NAME <==" header (-q never, -v always).
 * Messages and numbers as GNU head's.  When it stops early in a regular
 * file, head moves the file offset back to just after what it printed,
 * so that `(head -n 1; cat) < file` shows every line once.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK 65536

static bool by_bytes; /* -c, else lines */
static bool all_but;  /* -n -N, -c -N: all but the last N */
static unsigned long long count = 10;
static int status;

static void usage(void)
{
	fputs("Usage: head [-qv] [-n [-]N | -c [-]N | -N] [FILE]...\n", stderr);
	exit(2);
}

/* N with an optional multiplier; false if it is not a number (*ERR then
 * says why, or is 0). */
static bool parse_count(const char *arg, unsigned long long *n, int *err)
{
	static const struct {
		const char *suffix;
		unsigned long long factor;
	} suffixes[] = {
	    {"", 1},	  {"b", 512},	   {"K", 1024},
	    {"k", 1024},  {"M", 1 << 20},  {"G", 1 << 30},
	    {"kB", 1000}, {"MB", 1000000}, {"GB", 1000000000},
	};
	unsigned long long v = 0;
	const char *p = arg;

	*err = 0;
	if (*p < '0' || *p > '9')
		return false;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > (~0ULL - (*p - '0')) / 10)
			*err = EOVERFLOW;
		v = v * 10 + (*p - '0');
	}
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		if (strcmp(p, suffixes[i].suffix))
			continue;
		if (v > ~0ULL / suffixes[i].factor)
			*err = EOVERFLOW;
		*n = v * suffixes[i].factor;
		return !*err;
	}
	return false;
}

static void set_count(const char *arg, bool bytes)
{
	int err;

	by_bytes = bytes;
	all_but = arg[0] == '-';
	if (parse_count(arg + all_but, &count, &err))
		return;
	fprintf(stderr, "head: invalid number of %s: '%s'%s%s\n",
		bytes ? "bytes" : "lines", arg + all_but, err ? ": " : "",
		err ? strerror(err) : "");
	exit(1);
}

static void read_error(const char *name)
{
	fflush(stdout);
	fprintf(stderr, "head: error reading '%s': %s\n", name,
		strerror(errno));
	status = 1;
}

static ssize_t read_chunk(int fd, char *buf, size_t size)
{
	ssize_t n;

	do
		n = read(fd, buf, size);
	while (n < 0 && errno == EINTR);
	return n;
}

/* The first COUNT lines or bytes.  Returns -1 on a read error. */
static int head_first(int fd)
{
	static char buf[CHUNK];
	unsigned long long left = count;
	ssize_t n = 0, used = 0;

	while (left > 0 && (n = read_chunk(fd, buf, sizeof(buf))) > 0) {
		if (by_bytes) {
			used = (unsigned long long)n < left ? n : (ssize_t)left;
			left -= used;
		} else {
			for (used = 0; used < n && left > 0; used++)
				left -= buf[used] == '\n';
		}
		fwrite(buf, 1, used, stdout);
	}
	if (n < 0)
		return -1;
	if (used < n) /* give back what was read but not printed */
		lseek(fd, used - n, SEEK_CUR);
	return 0;
}

/* Everything but the last COUNT lines or bytes: what may still be among
 * them waits in PENDING. */
static int head_all_but(int fd)
{
	static char buf[CHUNK];
	char *pending = NULL;
	size_t len = 0, newlines = 0;
	ssize_t n;

	while ((n = read_chunk(fd, buf, sizeof(buf))) > 0) {
		char *grown = realloc(pending, len + n);
		if (!grown) {
			fputs("head: memory exhausted\n", stderr);
			exit(1);
		}
		pending = grown;
		memcpy(pending + len, buf, n);
		len += n;
		size_t out = 0;
		if (by_bytes) {
			out = len > count ? len - count : 0;
		} else {
			for (ssize_t i = 0; i < n; i++)
				newlines += buf[i] == '\n';
			/* a line may go once COUNT whole lines follow it */
			for (; newlines > count; newlines--)
				out = (char *)memchr(pending + out, '\n',
						     len - out) -
				      pending + 1;
		}
		fwrite(pending, 1, out, stdout);
		memmove(pending, pending + out, len - out);
		len -= out;
	}
	if (!by_bytes && len > 0 && pending[len - 1] != '\n' &&
	    newlines == count) {
		/* the unterminated last line is one of the last COUNT */
		char *first = memchr(pending, '\n', len);
		fwrite(pending, 1, count ? (size_t)(first - pending + 1) : len,
		       stdout);
	}
	free(pending);
	return n < 0 ? -1 : 0;
}

/* Prints the part of NAME ("-": standard input) asked for. */
static void head_file(const char *name, bool header, bool first)
{
	bool std_in = !strcmp(name, "-");
	const char *shown = std_in ? "standard input" : name;
	int fd = std_in ? 0 : open(name, O_RDONLY);

	if (fd < 0) {
		fflush(stdout);
		fprintf(stderr, "head: cannot open '%s' for reading: %s\n",
			name, strerror(errno));
		status = 1;
		return;
	}
	if (header)
		printf("%s==> %s <==\n", first ? "" : "\n", shown);
	if ((all_but ? head_all_but(fd) : head_first(fd)) < 0)
		read_error(shown);
	if (!std_in)
		close(fd);
}

int main(int argc, char **argv)
{
	int c, verbose = -1;

	/* the old form: head -N */
	if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' &&
	    argv[1][1] <= '9') {
		set_count(argv[1] + 1, false);
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	while ((c = getopt(argc, argv, "c:n:qv")) != -1) {
		switch (c) {
		case 'c':
			set_count(optarg, true);
			break;
		case 'n':
			set_count(optarg, false);
			break;
		case 'q':
			verbose = 0;
			break;
		case 'v':
			verbose = 1;
			break;
		default:
			usage();
		}
	}
	int nfiles = argc - optind;
	bool headers = verbose == 1 || (verbose < 0 && nfiles > 1);
	if (nfiles == 0)
		head_file("-", headers, true);
	for (int i = optind; i < argc; i++)
		head_file(argv[i], headers, i == optind);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "head: write error: %s\n", strerror(errno));
		return 1;
	}
	return status;
}
