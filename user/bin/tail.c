/* tail - the last part of files.
 *
 *   tail [-qv] [-n [+]N | -c [+]N | -N] [FILE]...
 *
 * The last N lines (-n N, -N; default 10) or bytes (-c N) of each FILE
 * ("-" or none: standard input); with a leading "+", everything from
 * line or byte N on.  N may end in b (512), K or k (1024), M, G, kB
 * (1000), MB or GB.  With several files each gets a "==> NAME <=="
 * header (-q never, -v always).  Messages as GNU tail's.  Input is read
 * once, from the start, keeping only what may still be among the last N
 * lines, so pipes work like files.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK 65536

static bool by_bytes;	/* -c, else lines */
static bool from_start; /* +N */
static unsigned long long count = 10;
static int status;

static void usage(void)
{
	fputs("Usage: tail [-qv] [-n [+]N | -c [+]N | -N] [FILE]...\n", stderr);
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
	int sign = arg[0] == '+' || arg[0] == '-';

	by_bytes = bytes;
	from_start = arg[0] == '+';
	if (parse_count(arg + sign, &count, &err))
		return;
	fprintf(stderr, "tail: invalid number of %s: '%s'%s%s\n",
		bytes ? "bytes" : "lines", arg + (arg[0] == '-'),
		err ? ": " : "", err ? strerror(err) : "");
	exit(1);
}

static ssize_t read_chunk(int fd, char *buf, size_t size)
{
	ssize_t n;

	do
		n = read(fd, buf, size);
	while (n < 0 && errno == EINTR);
	return n;
}

/* From line or byte COUNT on (the first is 1, as is 0).  Returns -1 on a
 * read error. */
static int tail_from_start(int fd)
{
	static char buf[CHUNK];
	unsigned long long skip = count > 0 ? count - 1 : 0;
	ssize_t n;

	while ((n = read_chunk(fd, buf, sizeof(buf))) > 0) {
		ssize_t i = 0;

		if (by_bytes) {
			i = skip < (unsigned long long)n ? (ssize_t)skip : n;
			skip -= i;
		} else {
			for (; i < n && skip > 0; i++)
				skip -= buf[i] == '\n';
		}
		fwrite(buf + i, 1, n - i, stdout);
	}
	return n < 0 ? -1 : 0;
}

/* The last COUNT lines or bytes: whatever may still be among them stays
 * in KEPT.  Returns -1 on a read error. */
static int tail_from_end(int fd)
{
	static char buf[CHUNK];
	char *kept = NULL;
	size_t len = 0, lines = 0; /* lines in kept, the last maybe open */
	ssize_t n;

	while ((n = read_chunk(fd, buf, sizeof(buf))) > 0) {
		char *grown = realloc(kept, len + n);
		if (!grown) {
			fputs("tail: memory exhausted\n", stderr);
			exit(1);
		}
		kept = grown;
		bool open_line = len > 0 && kept[len - 1] != '\n';
		memcpy(kept + len, buf, n);
		len += n;
		size_t drop = 0;
		if (by_bytes) {
			drop = len > count ? len - count : 0;
		} else {
			lines -= open_line;
			for (ssize_t i = 0; i < n; i++)
				lines += buf[i] == '\n';
			lines += kept[len - 1] != '\n';
			for (; lines > count; lines--) {
				char *nl =
				    memchr(kept + drop, '\n', len - drop);
				drop = nl ? (size_t)(nl - kept + 1) : len;
			}
		}
		memmove(kept, kept + drop, len - drop);
		len -= drop;
	}
	fwrite(kept, 1, len, stdout);
	free(kept);
	return n < 0 ? -1 : 0;
}

/* Prints the part of NAME ("-": standard input) asked for. */
static void tail_file(const char *name, bool header, bool first)
{
	bool std_in = !strcmp(name, "-");
	const char *shown = std_in ? "standard input" : name;
	int fd = std_in ? 0 : open(name, O_RDONLY);

	if (fd < 0) {
		fflush(stdout);
		fprintf(stderr, "tail: cannot open '%s' for reading: %s\n",
			name, strerror(errno));
		status = 1;
		return;
	}
	if (header)
		printf("%s==> %s <==\n", first ? "" : "\n", shown);
	if ((from_start ? tail_from_start(fd) : tail_from_end(fd)) < 0) {
		fflush(stdout);
		fprintf(stderr, "tail: error reading '%s': %s\n", shown,
			strerror(errno));
		status = 1;
	}
	if (!std_in)
		close(fd);
}

int main(int argc, char **argv)
{
	int c, verbose = -1;

	/* the old form: tail -N */
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
		tail_file("-", headers, true);
	for (int i = optind; i < argc; i++)
		tail_file(argv[i], headers, i == optind);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "tail: write error: %s\n", strerror(errno));
		return 1;
	}
	return status;
}
