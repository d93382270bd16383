/* tests/unit/test_libc_strtod.c - our strtod, strtof, strtold (libc/
 * stdlib/strtod.c and strtod_round.c, compiled here under other names)
 * against the host glibc's, which rounds correctly: the same bits, the
 * same errno and the same end pointer, on about 230,000 inputs (each
 * read as all three types): random doubles printed with too few, just
 * enough and too many digits, exact halfway points between neighbours (and their nearest
 * decimal neighbours), long digit strings, subnormals and overflow,
 * hexadecimal floats, inf and nan. */
#include <errno.h>
#include <math.h> /* isnan, a macro: no libm needed */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/unit.h"

#define strtod our_strtod
#define strtof our_strtof
#define strtold our_strtold
#define atof our_atof
#include "libc/stdlib/strtod.c"
#include "libc/stdlib/strtod_round.c"
#undef strtod
#undef strtof
#undef strtold
#undef atof

static uint64_t rng_state = 88172645463325252ULL;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static int failures_shown;

/* Parses s with both, as double, float and long double, and compares. */
static void compare(const char *s)
{
	char *e1, *e2;
	int err1, err2;

	errno = 0;
	double d1 = our_strtod(s, &e1);
	err1 = errno;
	errno = 0;
	double d2 = strtod(s, &e2);
	err2 = errno;
	if ((memcmp(&d1, &d2, sizeof(d1)) && !(isnan(d1) && isnan(d2))) ||
	    err1 != err2 || e1 != e2) {
		if (failures_shown++ < 5)
			UNIT_FAIL("strtod(\"%.200s\"): got %a errno %d end +%d, "
				  "want %a errno %d end +%d",
				  s, d1, err1, (int)(e1 - s), d2, err2,
				  (int)(e2 - s));
	}
	errno = 0;
	float f1 = our_strtof(s, &e1);
	err1 = errno;
	errno = 0;
	float f2 = strtof(s, &e2);
	err2 = errno;
	if ((memcmp(&f1, &f2, sizeof(f1)) && !(isnan(f1) && isnan(f2))) ||
	    err1 != err2 || e1 != e2) {
		if (failures_shown++ < 5)
			UNIT_FAIL("strtof(\"%.200s\"): got %a errno %d, want %a "
				  "errno %d",
				  s, f1, err1, f2, err2);
	}
	errno = 0;
	long double l1 = our_strtold(s, &e1);
	err1 = errno;
	errno = 0;
	long double l2 = strtold(s, &e2);
	err2 = errno;
	if ((memcmp(&l1, &l2, 10) && !(isnan(l1) && isnan(l2))) ||
	    err1 != err2 || e1 != e2) {
		if (failures_shown++ < 5)
			UNIT_FAIL("strtold(\"%.200s\"): got %La errno %d, want "
				  "%La errno %d",
				  s, l1, err1, l2, err2);
	}
}

/* no libm here: |d| and the next double up, on the bits */
static double magnitude(double d)
{
	uint64_t bits;

	memcpy(&bits, &d, sizeof(d));
	bits &= ~(1ULL << 63);
	memcpy(&d, &bits, sizeof(d));
	return d;
}

static double next_up(double d) /* d >= 0 and finite */
{
	uint64_t bits;

	memcpy(&bits, &d, sizeof(d));
	bits++;
	memcpy(&d, &bits, sizeof(d));
	return d;
}

static double random_double(void)
{
	uint64_t bits = rng();
	double d;

	memcpy(&d, &bits, sizeof(d));
	return isnan(d) || isinf(d) ? 1.0 : d;
}

TEST(fixed_cases)
{
	static const char *cases[] = {
	    "0", "-0", "+0.0e10", "1", "-1", "0.1", "3.14159", "1e23", "8.5",
	    "9007199254740993", "2.2250738585072011e-308",
	    "2.2250738585072012e-308", "2.2250738585072014e-308",
	    "4.9406564584124654e-324", "2.4703282292062328e-324",
	    "2.4703282292062327e-324", "1e-400", "1e-310",
	    "1.7976931348623157e308", "1.7976931348623158e308",
	    "1.7976931348623159e308", "1e309", "1e2147483650",
	    "1e-2147483650", "0.000000000000000000000000000001e2147483647",
	    "0x1p-1074", "0x1p-1075", "0x1.8p-1075", "0x1.fffffffffffff8p1023",
	    "0x1.fffffffffffff7ffffffffp1023", "0x1.0000000000000800001p0",
	    "0X1P+4", "0x.8", "0x1.", "0x", "0x.p1", "0xg", ".e5", ".", "1e",
	    "1e+", "1e-x", "  +.5e-3x", "\t\n 12abc", "0x1p", "inf", "-INF",
	    "infinity", "InFiNiTy", "infin", "nan", "-nan", "NaN(123abc)",
	    "nan(", "nan(1 2)", "nanx", "in", "n", "", "-", "+", "- 1",
	    "1.5e3.5", "00000000000000000001.5", "1" "0000000000000000000000",
	    "3.4028234663852886e38", "3.4028235677973366e38",
	    "1.1754943508222875e-38", "1.401298464324817e-45",
	    "7.006492321624085e-46", "7.006492321624086e-46", "1e-4940",
	    "1.18973149535723176502e+4932", "1.18973149535723176508e+4932",
	    "3.6451995318824746025e-4951", "1.8225997659412373012e-4951",
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		compare(cases[i]);
}

TEST(random_doubles_printed_many_ways)
{
	static const char *formats[] = {"%.17g", "%.16g", "%.15g", "%.6g",
					"%.25g", "%.40e", "%a", "%.3a", "%.0f"};
	char buf[2000];

	for (int i = 0; i < 60000; i++) {
		double d = random_double();
		const char *fmt = formats[i % 9];

		if (fmt[2] == '0' && magnitude(d) > 1e300)
			continue;
		snprintf(buf, sizeof(buf), fmt, d);
		compare(buf);
	}
}

/* the exact midpoint between a double and the next, and the decimal
 * numbers just below and above it (ties and near-ties) */
TEST(halfway_points)
{
	char buf[1200];

	for (int i = 0; i < 20000; i++) {
		double d = magnitude(random_double());
		long double mid = ((long double)d + next_up(d)) / 2;
		int n = snprintf(buf, sizeof(buf), "%.800Le", mid);
		char *e = strchr(buf, 'e'), *last;

		if (n >= (int)sizeof(buf) || !e)
			continue;
		/* drop the zeros at the end of the digits: exact */
		for (last = e - 1; *last == '0'; last--)
			;
		memmove(last + 1, e, strlen(e) + 1);
		compare(buf);
		if (*last >= '1' && *last <= '8') {
			(*last)++;
			compare(buf);
			*last -= 2;
			compare(buf);
		}
	}
}

static void random_digits(char *buf, int n)
{
	for (int i = 0; i < n; i++)
		buf[i] = '0' + rng() % 10;
	buf[n] = 0;
}

TEST(random_digit_strings)
{
	char digits[1300], buf[1400];

	for (int i = 0; i < 60000; i++) {
		int n = 1 + rng() % (i % 10 == 0 ? 1200 : 30);
		int point = rng() % (n + 1);
		int exp = (int)(rng() % 5000) - 2500;

		if (i % 4)
			exp = (int)(rng() % 700) - 350;
		random_digits(digits, n);
		snprintf(buf, sizeof(buf), "%s%.*s.%se%d", rng() % 2 ? "-" : "",
			 point, digits, digits + point, exp);
		compare(buf);
	}
}

TEST(near_limits)
{
	char buf[64];
	static const char *bases[] = {"2.22507385850720", "4.94065645841246",
				      "1.79769313486231", "1.17549435082228",
				      "3.40282346638528", "1.40129846432481",
				      "3.36210314311209", "1.18973149535723"};
	static const int exps[] = {-308, -324, 308, -38, 38, -45, -4932, 4932};

	for (int i = 0; i < 20000; i++) {
		int k = rng() % 8;

		snprintf(buf, sizeof(buf), "%s%05ue%d", bases[k],
			 (unsigned)(rng() % 100000), exps[k]);
		compare(buf);
	}
}

TEST(random_hex_floats)
{
	char buf[64];

	for (int i = 0; i < 30000; i++) {
		snprintf(buf, sizeof(buf), "0x%llx.%llxp%d",
			 (unsigned long long)(rng() >> (rng() % 64)),
			 (unsigned long long)(rng() >> (rng() % 64)),
			 (int)(rng() % 34000) - 17000);
		compare(buf);
	}
}

UNIT_MAIN(CASE(fixed_cases), CASE(random_doubles_printed_many_ways),
	  CASE(halfway_points), CASE(random_digit_strings), CASE(near_limits),
	  CASE(random_hex_floats))
