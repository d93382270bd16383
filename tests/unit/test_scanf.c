/* tests/unit/test_scanf.c - the libc's scanf core against the host
 * glibc's sscanf.
 *
 * libc/stdio/{vsscanf,scanf_core}.c are compiled here with our sscanf
 * renamed t_sscanf; both scan the same input with the same format into
 * separate targets (filled with the same pattern first), and must agree
 * on the return value and on every byte stored, including where a final
 * %n says the input stopped.  The numbers themselves are converted by the
 * strto* functions, here glibc's: what is compared is the scanning (what
 * is read, what is left, what counts, when it is EOF).
 *
 * A table of chosen cases, then random_* with 100,000 generated formats
 * (every conversion, length modifier, width, '*', literals, white space)
 * over inputs built from pieces that stress the edges (signs, 0x, 0,
 * exponents without digits, inf/infinity/nan, (nil), scan sets).
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define vsscanf t_vsscanf
#define sscanf t_sscanf
#include "libc/stdio/vsscanf.c"
#undef vsscanf
#undef sscanf
#include "libc/stdio/scanf_core.c"

#include "tests/unit/unit.h"

#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

#define NTARGETS 8 /* every format here assigns at most 8 */
#define TARGET_SIZE 320

union target {
	long double ld;
	char bytes[TARGET_SIZE];
};

static union target ours[NTARGETS], theirs[NTARGETS];

static void fill(void)
{
	memset(ours, 0xa5, sizeof(ours));
	memset(theirs, 0xa5, sizeof(theirs));
}

/* Scans with both and compares.  Returns 1 if they agree. */
static int same(const char *input, const char *fmt, int *r_ours, int *r_theirs)
{
	fill();
	*r_ours = t_sscanf(input, fmt, &ours[0], &ours[1], &ours[2], &ours[3],
			   &ours[4], &ours[5], &ours[6], &ours[7]);
	*r_theirs =
	    sscanf(input, fmt, &theirs[0], &theirs[1], &theirs[2], &theirs[3],
		   &theirs[4], &theirs[5], &theirs[6], &theirs[7]);
	return *r_ours == *r_theirs && !memcmp(ours, theirs, sizeof(ours));
}

#define SAME(input, fmt)                                                       \
	do {                                                                   \
		int a_, b_;                                                    \
		if (!same(input, fmt, &a_, &b_))                               \
			UNIT_FAIL("%s:%d: \"%s\" with \"%s\": %d vs glibc %d"  \
				  " (or the stored bytes differ)",             \
				  __FILE__, __LINE__, input, fmt, a_, b_);     \
	} while (0)

TEST(integers)
{
	SAME("42", "%d%n");
	SAME("  -17 +5", "%d %d%n");
	SAME("0x1f 0X1F 017 -0x 0xg", "%i %i %i %i %n%i%n");
	SAME("0x1f 1f ff", "%x %X %x%n");
	SAME("777 8", "%o %o%n");
	SAME("-1 4294967296 99999999999999999999", "%u %u %u%n");
	SAME("-1 99999999999999999999 -99999999999999999999",
	     "%lld %llu %lld%n");
	SAME("300 -129 70000", "%hhd %hhd %hd%n");
	SAME("300 65537", "%hhu %hu%n");
	SAME("123456", "%3d%d%n");
	SAME("-123", "%1d%n");
	SAME("+", "%d%n");
	SAME("- 5", "%d%n");
	SAME("0x", "%x%n");
	SAME("0x", "%i%n");
	SAME("0xz", "%i%c%n");
	SAME("12 34", "%*d %d%n");
	SAME("9 8 7", "%jd %zd %td%n");
	SAME("0x10 (nil) (nix)", "%p %p %p%n");
	SAME("12345", "%2x%2o%n");
}

TEST(floats)
{
	SAME("1.5 -2.25e3 .5 5.", "%f %lf %Lf %f%n");
	SAME("1e 1e+ 1e+5x", "%f %lf %lf%n");
	SAME("inf -INF infinity INFINITE nan NAN(12)", "%f %f %f %f %f %f%n");
	SAME("in", "%f%n");
	SAME("0x1.8p3 0x 0xp1 -0x.8", "%lf %lf%n");
	SAME("-0x.8 0x1p", "%la %la%n");
	SAME("12.5e1", "%3f%f%n");
	SAME(".", "%f%n");
	SAME("-.e5", "%f%n");
	SAME("1.2.3", "%g%g%n");
	SAME("3.14 2.71", "%e %E%n");
	SAME("123456789012345678901234567890", "%Lg%n");
}

TEST(strings_chars_sets)
{
	SAME("hello world", "%s %s%n");
	SAME("hello", "%3s%s%n");
	SAME("  abc", "%c%c%n");
	SAME("abcdef", "%4c%n");
	SAME("ab", "%4c%n");
	SAME("abc123def", "%[a-z]%[0-9]%[^0-9]%n");
	SAME("]-x", "%[]-]%n");
	SAME("-a", "%[-a]%n");
	SAME("abc", "%[^]a]%n");
	SAME("z-a", "%[z-a]%n");
	SAME("abc", "%[a-c%n");
	SAME("123", "%[a-z]%n");
	SAME("aaaa", "%2[a]%n");
	SAME("", "%[a]%n");
	SAME("wide chars", "%ls %2lc%n");
	SAME("abc-def", "%l[a-z]%n");
	SAME("caf\xc3\xa9 x", "%ls%n");
	SAME("\xe9", "%lc%n");
	SAME("a\xe9", "%l[^ ]%n");
	SAME("\xe9t\xe9", "%s%n");
}

TEST(literals_space_eof)
{
	SAME("", "%d");
	SAME("   ", "%d");
	SAME("", "abc");
	SAME("abc", "abd%n");
	SAME("x", "x%d");
	SAME("x 5", "x%d%n");
	SAME("5 x", "%d x%n");
	SAME("5x", "%d x%n");
	SAME("5   ", "%d %n");
	SAME("5   ", "%d%n");
	SAME("a   b", "a b%n");
	SAME("ab", "a b%n");
	SAME("", "%n");
	SAME("  ", " %n");
	SAME("%", "%%%n");
	SAME("  %", "%%%n");
	SAME("x", "%%%n");
	SAME("abc", "%*s%d");
	SAME("12", "%y%n");
	SAME("12", "%");
	SAME("1 2", "%d%*d%n");
	SAME("\t\n\v\f\r 7", "%d%n");
	SAME("a\nb", "%c%c%c%n");
	SAME("a\nb", "%c %c%n");
}

/* --- random cases */

static uint64_t rng_state = 0x2545f4914f6cdd1dULL;

static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static unsigned below(unsigned n)
{
	return (unsigned)(rnd() % n);
}

static const char *const pieces[] = {
    "0",
    "1",
    "42",
    "-7",
    "+3",
    "007",
    "0x",
    "0X1f",
    "0xg",
    "-0x10",
    "0x1p4",
    "0x.8",
    "1e",
    "1e+",
    "1e-5",
    "2E+10",
    ".5",
    "5.",
    ".",
    "-",
    "+",
    "e5",
    "inf",
    "INF",
    "infinity",
    "infin",
    "nan",
    "NaN(1)",
    "na",
    "(nil)",
    "(ni",
    "abc",
    "xyz",
    "ABC",
    "]",
    "[",
    "%",
    "%%",
    " ",
    "  ",
    "\t",
    "\n",
    "99999999999999999999",
    "4294967296",
    "2147483648",
    "-2147483649",
    "18446744073709551616",
    "1.7976931348623157e309",
    "4.9e-325",
    "0.000001",
    "123456789",
    "0777",
    "089",
    "ff",
    "FF",
    "1,5",
    "1.2.3",
    "-.",
    "+.5e",
    "a-b",
    "z",
    "_",
    "caf\xc3\xa9",
};

static const char *const convs[] = {
    "d",	 "i",	   "u", "o", "x",  "X",	 "p",	   "f",	   "e",
    "g",	 "a",	   "E", "G", "s",  "c",	 "[a-z]",  "[^ ]", "[]a-]",
    "[0-9.e+-]", "[^0-9]", "%", "n", "ls", "lc", "l[a-z]",
};

static const char *const int_lengths[] = {"",  "hh", "h", "l", "ll",
					  "j", "z",  "t", "L", "q"};
static const char *const float_lengths[] = {"", "l", "L", "ll"};

static void append(char **p, const char *s)
{
	size_t n = strlen(s);

	memcpy(*p, s, n);
	*p += n;
}

static void random_input(char *buf)
{
	char *p = buf;
	int n = below(6);

	for (int i = 0; i < n; i++) {
		append(&p, pieces[below(sizeof(pieces) / sizeof(pieces[0]))]);
		if (below(3) == 0)
			*p++ = " \t\nx,"[below(5)];
	}
	*p = 0;
}

/* up to 4 directives (each using at most one target), then %n */
static void random_format(char *buf)
{
	char *p = buf, num[12];
	int n = 1 + below(4);

	for (int i = 0; i < n; i++) {
		const char *conv =
		    convs[below(sizeof(convs) / sizeof(convs[0]))];

		if (below(4) == 0)
			*p++ = " x,"[below(3)];
		*p++ = '%';
		if (!strcmp(conv, "%")) {
			*p++ = '%';
			continue;
		}
		if (below(5) == 0)
			*p++ = '*';
		if (below(3) == 0) {
			snprintf(num, sizeof(num), "%u", 1 + below(6));
			append(&p, num);
		}
		if (strchr("diuoxX", conv[0]))
			append(&p, int_lengths[below(10)]);
		else if (strchr("fegaEG", conv[0]))
			append(&p, float_lengths[below(4)]);
		else if (conv[0] == 'n')
			append(&p, below(2) ? "" : "hh");
		append(&p, conv);
	}
	if (below(4) == 0)
		*p++ = ' ';
	append(&p, "%n");
	*p = 0;
}

#define RANDOM_CASES 100000

TEST(random_against_glibc)
{
	char input[256], fmt[128];
	int differ = 0;

	if (getenv("TEST_SCANF_SEED"))
		rng_state += strtoull(getenv("TEST_SCANF_SEED"), NULL, 0);
	for (int i = 0; i < RANDOM_CASES; i++) {
		int a, b;

		random_input(input);
		random_format(fmt);
		if (same(input, fmt, &a, &b))
			continue;
		if (!differ++)
			UNIT_FAIL("case %d: \"%s\" with \"%s\": %d vs glibc %d",
				  i, input, fmt, a, b);
		if (differ <= 20)
			fprintf(stderr,
				"# \"%s\" with \"%s\": %d vs glibc %d\n", input,
				fmt, a, b);
	}
	if (differ)
		fprintf(stderr, "# %d of %d random cases differ\n", differ,
			RANDOM_CASES);
}

UNIT_MAIN(CASE(integers), CASE(floats), CASE(strings_chars_sets),
	  CASE(literals_space_eof), CASE(random_against_glibc))
