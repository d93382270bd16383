/* sort - sort lines of text.
 *
 *   sort [-bcfnrsu] [-t SEP] [-k POS1[,POS2]]... [-o FILE] [FILE]...
 *
 * Lines compare byte by byte (the C locale), or by keys: -k F[.C][OPTS]
 * [,F[.C][OPTS]] is the text from character C of field F to the end of
 * field (or character) F2, with OPTS among b (skip leading blanks), f
 * (fold lower case to upper), n (numeric), r (reverse).  Fields are
 * separated by SEP (-t), or else each begins where blanks start.  A key
 * without options takes the global ones (-b -f -n -r).  Lines whose keys
 * are all equal compare as whole lines, unless -s (stable) or -u (print
 * the first line of each run of equal ones).  -c checks that the input is
 * sorted; -o writes the result to FILE (which may be an input).
 *
 * The rules (which blanks count, fields before their start, "-0" equal
 * to "0", text as 0 for -n, the messages) are GNU sort's under LC_ALL=C.
 * The sort is a merge sort: stable, n log n comparisons.
 */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define WHOLE_LINE SIZE_MAX /* a key without POS2 ends with the line */

struct key {
	size_t sword, schar; /* start: field and character, from 0 */
	size_t eword, echar; /* end: field from 0, character (0: all) */
	bool skip_start_blanks, skip_end_blanks, fold, numeric, reverse;
	struct key *next;
};

struct line {
	const char *text;
	size_t len; /* without the newline */
};

static struct key global; /* the options outside -k */
static struct key *keys;  /* -k, in order */
static int tab = -1;	  /* -t, or -1: fields start at blanks */
static bool unique, stable;

static void usage(void)
{
	fputs("Usage: sort [-bcfnrsu] [-t SEP] [-k POS1[,POS2]]... [-o FILE] "
	      "[FILE]...\n",
	      stderr);
	exit(2);
}

static void die(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("sort: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size);
	if (!p)
		die("memory exhausted");
	return p;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* --- keys: where they start and end */

static const char *key_start(const struct line *l, const struct key *k)
{
	const char *p = l->text, *end = l->text + l->len;

	for (size_t field = k->sword; p < end && field > 0; field--) {
		if (tab >= 0) {
			while (p < end && *p != tab)
				p++;
			if (p < end)
				p++;
		} else {
			while (p < end && blank(*p))
				p++;
			while (p < end && !blank(*p))
				p++;
		}
	}
	if (k->skip_start_blanks)
		while (p < end && blank(*p))
			p++;
	return (size_t)(end - p) < k->schar ? end : p + k->schar;
}

static const char *key_end(const struct line *l, const struct key *k)
{
	const char *p = l->text, *end = l->text + l->len;
	size_t fields = k->eword + (k->echar == 0); /* to skip */

	if (k->eword == WHOLE_LINE)
		return end;
	for (; p < end && fields > 0; fields--) {
		if (tab >= 0) {
			while (p < end && *p != tab)
				p++;
			/* stop before the separator that ends the key */
			if (p < end && (fields > 1 || k->echar))
				p++;
		} else {
			while (p < end && blank(*p))
				p++;
			while (p < end && !blank(*p))
				p++;
		}
	}
	if (k->echar) {
		if (k->skip_end_blanks)
			while (p < end && blank(*p))
				p++;
		p = (size_t)(end - p) < k->echar ? end : p + k->echar;
	}
	return p;
}

/* --- comparing */

/* The parts of a number as -n sees it: blanks, "-", digits, "." digits. */
struct number {
	bool negative;
	const char *digits, *fraction; /* without leading or trailing 0s */
	size_t ndigits, nfraction;
};

static struct number parse_number(const char *p, const char *end)
{
	struct number n = {0};

	while (p < end && blank(*p))
		p++;
	if (p < end && *p == '-') {
		n.negative = true;
		p++;
	}
	while (p < end && *p == '0')
		p++;
	n.digits = p;
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	n.ndigits = p - n.digits;
	if (p < end && *p == '.') {
		n.fraction = ++p;
		while (p < end && *p >= '0' && *p <= '9')
			p++;
		n.nfraction = p - n.fraction;
		while (n.nfraction > 0 && n.fraction[n.nfraction - 1] == '0')
			n.nfraction--;
	}
	if (n.ndigits == 0 && n.nfraction == 0)
		n.negative = false; /* -0 is 0 */
	return n;
}

static int compare_magnitude(const struct number *a, const struct number *b)
{
	size_t n = a->nfraction < b->nfraction ? a->nfraction : b->nfraction;
	int diff;

	if (a->ndigits != b->ndigits)
		return a->ndigits < b->ndigits ? -1 : 1;
	diff = memcmp(a->digits, b->digits, a->ndigits);
	if (!diff)
		diff = memcmp(a->fraction, b->fraction, n);
	if (!diff)
		diff = (a->nfraction > b->nfraction) -
		       (a->nfraction < b->nfraction);
	return diff;
}

static int compare_numbers(const char *a, const char *alim, const char *b,
			   const char *blim)
{
	struct number x = parse_number(a, alim), y = parse_number(b, blim);
	int diff;

	if (x.negative != y.negative)
		return x.negative ? -1 : 1;
	diff = compare_magnitude(&x, &y);
	return x.negative ? -diff : diff;
}

static int compare_text(const char *a, size_t alen, const char *b, size_t blen,
			bool fold)
{
	size_t n = alen < blen ? alen : blen;
	int diff = 0;

	if (!fold) {
		diff = memcmp(a, b, n);
	} else {
		for (size_t i = 0; i < n && !diff; i++) {
			unsigned char x = a[i], y = b[i];
			x = x >= 'a' && x <= 'z' ? x - 'a' + 'A' : x;
			y = y >= 'a' && y <= 'z' ? y - 'a' + 'A' : y;
			diff = x - y;
		}
	}
	if (diff)
		return diff < 0 ? -1 : 1;
	return (alen > blen) - (alen < blen);
}

static int compare_keys(const struct line *a, const struct line *b)
{
	for (const struct key *k = keys; k; k = k->next) {
		const char *ta = key_start(a, k), *tb = key_start(b, k);
		const char *la = key_end(a, k), *lb = key_end(b, k);
		int diff;

		/* a key that ends before it starts is empty */
		la = la < ta ? ta : la;
		lb = lb < tb ? tb : lb;
		if (k->numeric)
			diff = compare_numbers(ta, la, tb, lb);
		else
			diff = compare_text(ta, la - ta, tb, lb - tb, k->fold);
		if (diff)
			return k->reverse ? -diff : diff;
	}
	return 0;
}

static int compare(const struct line *a, const struct line *b)
{
	int diff;

	if (keys) {
		diff = compare_keys(a, b);
		if (diff || unique || stable)
			return diff;
	}
	diff = compare_text(a->text, a->len, b->text, b->len, false);
	return global.reverse ? -diff : diff;
}

/* A stable merge sort of LINES[0, N) with TMP as scratch space. */
static void merge_sort(struct line *lines, struct line *tmp, size_t n)
{
	size_t half = n / 2, i = 0, j = half, k = 0;

	if (n < 2)
		return;
	merge_sort(lines, tmp, half);
	merge_sort(lines + half, tmp, n - half);
	while (i < half && j < n)
		tmp[k++] =
		    compare(&lines[j], &lines[i]) < 0 ? lines[j++] : lines[i++];
	while (i < half)
		tmp[k++] = lines[i++];
	memcpy(lines, tmp, k * sizeof(*lines));
}

/* --- options */

/* The number at the start of S (digits; a huge one is SIZE_MAX). */
static const char *field_count(const char *s, size_t *n, const char *what)
{
	const char *p = s;

	for (*n = 0; *p >= '0' && *p <= '9'; p++)
		*n = *n > (SIZE_MAX - 9) / 10 ? SIZE_MAX : *n * 10 + (*p - '0');
	if (p == s)
		die("%s: invalid count at start of '%s'", what, s);
	return p;
}

static void bad_spec(const char *why, const char *spec)
{
	die("%s: invalid field specification '%s'", why, spec);
}

/* Key options after a position; START: b applies to the start. */
static const char *key_options(const char *s, struct key *k, bool start)
{
	for (;; s++) {
		switch (*s) {
		case 'b':
			if (start)
				k->skip_start_blanks = true;
			else
				k->skip_end_blanks = true;
			break;
		case 'f':
			k->fold = true;
			break;
		case 'n':
			k->numeric = true;
			break;
		case 'r':
			k->reverse = true;
			break;
		default:
			return s;
		}
	}
}

/* -k POS1[,POS2] */
static void add_key(const char *spec)
{
	static struct key **tail = &keys;
	struct key *k = xrealloc(NULL, sizeof(*k));
	const char *s;

	memset(k, 0, sizeof(*k));
	s = field_count(spec, &k->sword, "invalid number at field start");
	if (k->sword-- == 0)
		bad_spec("field number is zero", spec);
	if (*s == '.') {
		s = field_count(s + 1, &k->schar, "invalid number after '.'");
		if (k->schar-- == 0)
			bad_spec("character offset is zero", spec);
	}
	s = key_options(s, k, true);
	if (*s != ',') {
		k->eword = WHOLE_LINE;
	} else {
		s = field_count(s + 1, &k->eword, "invalid number after ','");
		if (k->eword-- == 0)
			bad_spec("field number is zero", spec);
		if (*s == '.')
			s = field_count(s + 1, &k->echar,
					"invalid number after '.'");
		s = key_options(s, k, false);
	}
	if (*s)
		bad_spec("stray character in field spec", spec);
	*tail = k;
	tail = &k->next;
}

static bool has_options(const struct key *k)
{
	return k->skip_start_blanks || k->skip_end_blanks || k->fold ||
	       k->numeric;
}

/* Keys without options of their own take the global ones; without -k,
 * global options other than -r make the whole line a key. */
static void finish_keys(void)
{
	for (struct key *k = keys; k; k = k->next) {
		if (has_options(k) || k->reverse)
			continue;
		k->skip_start_blanks = global.skip_start_blanks;
		k->skip_end_blanks = global.skip_end_blanks;
		k->fold = global.fold;
		k->numeric = global.numeric;
		k->reverse = global.reverse;
	}
	if (!keys && has_options(&global)) {
		global.eword = WHOLE_LINE;
		keys = &global;
	}
}

/* --- input and output */

static struct line *lines;
static size_t nlines, lines_cap;

/* Reads all of FD and adds its lines.  0, or -1 and errno. */
static int read_lines(int fd)
{
	char *data = NULL;
	size_t len = 0, cap = 0;
	ssize_t n;

	for (;;) {
		if (cap - len < 65536) {
			cap = 2 * cap + 65536;
			data = xrealloc(data, cap);
		}
		n = read(fd, data + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		len += n;
	}
	for (size_t start = 0; start < len;) {
		char *nl = memchr(data + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - data) : len;

		if (nlines == lines_cap) {
			lines_cap = 2 * lines_cap + 1024;
			lines = xrealloc(lines, lines_cap * sizeof(*lines));
		}
		lines[nlines++] = (struct line){data + start, end - start};
		start = end + 1;
	}
	return 0; /* DATA stays: the lines point into it */
}

static void read_file(const char *name)
{
	bool std_in = !strcmp(name, "-");
	int fd = std_in ? 0 : open(name, O_RDONLY);

	if (fd < 0)
		die("cannot read: %s: %s", name, strerror(errno));
	if (read_lines(fd) < 0)
		die("read failed: %s: %s", name, strerror(errno));
	if (!std_in)
		close(fd);
}

/* sort -c: is the input in order?  Exit status 0 or 1. */
static int check(const char *name)
{
	for (size_t i = 1; i < nlines; i++) {
		int diff = compare(&lines[i - 1], &lines[i]);

		if (diff > 0 || (unique && diff == 0)) {
			fprintf(stderr, "sort: %s:%zu: disorder: ", name,
				i + 1);
			fwrite(lines[i].text, 1, lines[i].len, stderr);
			fputc('\n', stderr);
			return 1;
		}
	}
	return 0;
}

static void write_lines(const char *output)
{
	FILE *out = stdout;

	if (output && !(out = fopen(output, "w")))
		die("open failed: %s: %s", output, strerror(errno));
	for (size_t i = 0; i < nlines; i++) {
		if (unique && i > 0 && compare(&lines[i - 1], &lines[i]) == 0)
			continue;
		fwrite(lines[i].text, 1, lines[i].len, out);
		putc('\n', out);
	}
	if (fflush(out) != 0 || (out != stdout && fclose(out) != 0))
		die("write failed: %s: %s", output ? output : "standard output",
		    strerror(errno));
}

int main(int argc, char **argv)
{
	const char *output = NULL;
	bool checking = false;
	int c;

	while ((c = getopt(argc, argv, "bcfk:no:rst:u")) != -1) {
		switch (c) {
		case 'b':
			global.skip_start_blanks = global.skip_end_blanks =
			    true;
			break;
		case 'c':
			checking = true;
			break;
		case 'f':
			global.fold = true;
			break;
		case 'k':
			add_key(optarg);
			break;
		case 'n':
			global.numeric = true;
			break;
		case 'o':
			output = optarg;
			break;
		case 'r':
			global.reverse = true;
			break;
		case 's':
			stable = true;
			break;
		case 't':
			if (!optarg[0])
				die("empty tab");
			if (optarg[1])
				die("multi-character tab '%s'", optarg);
			tab = (unsigned char)optarg[0];
			break;
		case 'u':
			unique = true;
			break;
		default:
			usage();
		}
	}
	finish_keys();
	if (checking && argc - optind > 1)
		die("extra operand '%s' not allowed with -c", argv[optind + 1]);
	if (optind == argc)
		read_file("-");
	for (int i = optind; i < argc; i++)
		read_file(argv[i]);
	if (checking)
		return check(optind < argc ? argv[optind] : "-");

	struct line *tmp = xrealloc(NULL, (nlines + 1) * sizeof(*tmp));
	merge_sort(lines, tmp, nlines);
	write_lines(output);
	return 0;
}
