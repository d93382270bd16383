/* uniq - report or omit repeated lines.
 *
 *   uniq [-cdiu] [-f N] [-s N] [INPUT [OUTPUT]]
 *
 * Each run of equal adjacent lines is written once.  -c prefixes each
 * with its count ("%7d "), -d writes only runs of two or more, -u only
 * runs of one.  Lines compare after skipping N fields (-f: a field is
 * blanks then non-blanks), then N characters (-s), ignoring case with -i.
 * INPUT "-" or none is standard input; OUTPUT none is standard output.
 * As GNU uniq: the last line counts even without a newline, and is
 * written with one.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static bool show_count, only_repeated, only_single, ignore_case;
static size_t skip_fields, skip_chars;

static void usage(void)
{
	fputs("Usage: uniq [-cdiu] [-f N] [-s N] [INPUT [OUTPUT]]\n", stderr);
	exit(2);
}

static void die(const char *name)
{
	fflush(stdout);
	fprintf(stderr, "uniq: %s: %s\n", name, strerror(errno));
	exit(1);
}

static size_t number(const char *arg, const char *what)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(arg, &end, 10);
	if (end == arg || *end || errno || arg[0] == '-') {
		fprintf(stderr, "uniq: %s: invalid number of %s to skip\n", arg,
			what);
		exit(1);
	}
	return n;
}

/* The part of LINE (LEN bytes) that is compared. */
static const char *compared(const char *line, size_t len, size_t *rest)
{
	const char *p = line, *end = line + len;

	for (size_t i = 0; i < skip_fields; i++) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		while (p < end && *p != ' ' && *p != '\t')
			p++;
	}
	p = (size_t)(end - p) < skip_chars ? end : p + skip_chars;
	*rest = end - p;
	return p;
}

static bool equal(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t na, nb;

	a = compared(a, alen, &na);
	b = compared(b, blen, &nb);
	if (na != nb)
		return false;
	return ignore_case ? !strncasecmp(a, b, na) : !memcmp(a, b, na);
}

static void write_run(FILE *out, const char *line, size_t len, long count)
{
	if ((only_repeated && count < 2) || (only_single && count > 1))
		return;
	if (show_count)
		fprintf(out, "%7ld ", count);
	fwrite(line, 1, len, out);
	putc('\n', out);
}

static void uniq(FILE *in, FILE *out)
{
	char *line = NULL, *prev = NULL;
	size_t cap = 0, prev_cap = 0, prev_len = 0;
	ssize_t len;
	long count = 0;

	while ((len = getline(&line, &cap, in)) >= 0) {
		if (len > 0 && line[len - 1] == '\n')
			len--;
		if (count > 0 && equal(prev, prev_len, line, len)) {
			count++;
			continue;
		}
		if (count > 0)
			write_run(out, prev, prev_len, count);
		/* the new line becomes the run's first: swap the buffers */
		char *t = prev;
		size_t tcap = prev_cap;
		prev = line, prev_cap = cap, prev_len = len;
		line = t, cap = tcap;
		count = 1;
	}
	if (count > 0)
		write_run(out, prev, prev_len, count);
	free(line);
	free(prev);
}

int main(int argc, char **argv)
{
	FILE *in = stdin, *out = stdout;
	const char *in_name = "-", *out_name = NULL;
	int c;

	while ((c = getopt(argc, argv, "cdf:is:u")) != -1) {
		switch (c) {
		case 'c':
			show_count = true;
			break;
		case 'd':
			only_repeated = true;
			break;
		case 'f':
			skip_fields = number(optarg, "fields");
			break;
		case 'i':
			ignore_case = true;
			break;
		case 's':
			skip_chars = number(optarg, "bytes");
			break;
		case 'u':
			only_single = true;
			break;
		default:
			usage();
		}
	}
	if (argc - optind > 2) {
		fprintf(stderr, "uniq: extra operand '%s'\n", argv[optind + 2]);
		usage();
	}
	if (optind < argc)
		in_name = argv[optind];
	if (optind + 1 < argc)
		out_name = argv[optind + 1];
	if (strcmp(in_name, "-") && !(in = fopen(in_name, "r")))
		die(in_name);
	if (out_name && strcmp(out_name, "-") && !(out = fopen(out_name, "w")))
		die(out_name);
	uniq(in, out);
	if (ferror(in)) { /* GNU's wording, without the reason */
		fflush(out);
		fprintf(stderr, "uniq: error reading '%s'\n", in_name);
		return 1;
	}
	if (fflush(out) != 0 || ferror(out))
		die(out_name ? out_name : "write error");
	return 0;
}
