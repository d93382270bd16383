/* libc/stdlib/strtod.c - strtod, strtof, strtold and atof: the text
 * side.
 *
 * Accepted, after blanks and a sign, as in glibc's C locale: decimal
 * ("12", "1.5", ".5", "1e-3"), hexadecimal ("0x1.8p3", the p exponent
 * optional), "inf"/"infinity" and "nan"/"nan(chars)", in any case.  The
 * digits are gathered here (the significant ones, at most what can
 * matter for rounding, and a 1 standing for any nonzero digits
 * dropped); strtod_round.c turns them into the nearest float, double or
 * long double.  Overflow gives +-HUGE_VAL, and an underflow a subnormal
 * or zero, both with errno ERANGE; no number gives 0 with *end == s.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <strings.h>

#include "libc/internal/strtod.h"

/* p, emin, emax, max_digits, dec_max, dec_min (see the header) */
const struct fp_format __fp_float = {24, -126, 127, 120, 38, -47};
const struct fp_format __fp_double = {53, -1022, 1023, 800, 308, -325};
const struct fp_format __fp_long_double = {64, -16382, 16383, 11600, 4932,
					   -4953};

#define MAX_DIGITS 11600 /* the most any format needs */
#define MAX_HEX_DIGITS 24 /* 96 bits: more than 64 + a rounding bit */
#define EXP_LIMIT 100000000L /* exponents beyond this are all the same */

static int hexval(int c)
{
	return isdigit(c) ? c - '0' : (c | 32) - 'a' + 10;
}

/* "e-12" or "p+3" after a number; the exponent's value, or 0 and s
 * unmoved if there is no exponent there */
static const char *scan_exponent(const char *s, int letter, long *out)
{
	const char *p = s + 1;
	long v = 0;
	int neg = 0;

	*out = 0;
	if ((*s | 32) != letter)
		return s;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (!isdigit(*p))
		return s;
	for (; isdigit(*p); p++)
		if (v < EXP_LIMIT)
			v = 10 * v + (*p - '0');
	*out = neg ? -v : v;
	return p;
}

/* Gathers the digits of base 10 or 16 from s: the significant ones
 * into digits (at most max), and how to scale them: each digit dropped
 * before the point, or kept after it, moves *scale by one.  Returns the
 * end, or s if there is no digit. */
static const char *scan_digits(const char *s, int base, unsigned char *digits,
			       int max, int *count, long *scale, int *sticky)
{
	int any = 0, after_point = 0;

	*count = 0;
	*scale = 0;
	*sticky = 0;
	for (;; s++) {
		if (*s == '.' && !after_point) {
			after_point = 1;
			continue;
		}
		if (!(base == 16 ? isxdigit(*s) : isdigit(*s)))
			break;
		any = 1;
		int v = hexval(*s);

		if (*count == 0 && v == 0) { /* a leading zero */
			*scale -= after_point;
		} else if (*count < max) {
			digits[(*count)++] = v;
			*scale -= after_point;
		} else {
			*scale += !after_point;
			*sticky |= v != 0;
		}
	}
	return any ? s : NULL;
}

static const char *scan_decimal(const char *s, const struct fp_format *f,
				struct fp_result *r)
{
	static unsigned char digits[MAX_DIGITS + 1];
	struct decimal d = {.digits = digits};
	const char *end;
	long exp;
	int sticky;

	end = scan_digits(s, 10, digits, f->max_digits, &d.count, &d.exp10,
			  &sticky);
	if (!end)
		return s;
	end = scan_exponent(end, 'e', &exp);
	if (!d.count) {
		r->cls = FP_RESULT_ZERO;
		return end;
	}
	if (sticky) { /* a 1 just after the digits kept */
		digits[d.count++] = 1;
		d.exp10--;
	}
	d.exp10 += exp;
	__fp_from_decimal(&d, f, r);
	return end;
}

/* after "0x" */
static const char *scan_hex(const char *s, const struct fp_format *f,
			    struct fp_result *r)
{
	unsigned char digits[MAX_HEX_DIGITS];
	const char *end;
	long scale, exp;
	int count, sticky;

	end = scan_digits(s, 16, digits, MAX_HEX_DIGITS, &count, &scale,
			  &sticky);
	if (!end) { /* just the "0" of "0x" */
		r->cls = FP_RESULT_ZERO;
		return s - 1;
	}
	end = scan_exponent(end, 'p', &exp);
	if (!count) {
		r->cls = FP_RESULT_ZERO;
		return end;
	}
	__fp_from_hex(digits, count, 4 * scale + exp, sticky, f, r);
	return end;
}

/* "inf", "infinity", "nan", "nan(chars)" */
static const char *scan_special(const char *s, struct fp_result *r)
{
	const char *p;

	if (!strncasecmp(s, "inf", 3)) {
		r->cls = FP_RESULT_INF;
		return s + (strncasecmp(s + 3, "inity", 5) ? 3 : 8);
	}
	if (strncasecmp(s, "nan", 3))
		return s;
	r->cls = FP_RESULT_NAN;
	if (s[3] != '(')
		return s + 3;
	for (p = s + 4; isalnum(*p) || *p == '_'; p++)
		;
	return *p == ')' ? p + 1 : s + 3;
}

const char *__fp_scan(const char *s, const struct fp_format *f,
		      struct fp_result *r)
{
	r->range_error = 0;
	if (s[0] == '0' && (s[1] | 32) == 'x')
		return scan_hex(s + 2, f, r);
	if (isdigit(*s) || *s == '.')
		return scan_decimal(s, f, r);
	return scan_special(s, r);
}

/* blanks, a sign, a number; *end (if end) where it stops */
static void scan(const char *s, char **end, const struct fp_format *f,
		 struct fp_result *r)
{
	const char *p = s, *stop;

	while (isspace((unsigned char)*p))
		p++;
	r->negative = *p == '-';
	if (*p == '+' || *p == '-')
		p++;
	stop = __fp_scan(p, f, r);
	if (stop == p) {
		r->cls = FP_RESULT_ZERO;
		r->negative = 0;
		stop = s;
	} else if (r->range_error) {
		errno = ERANGE;
	}
	if (end)
		*end = (char *)stop;
}

/* an IEEE single or double from r: exponent and fraction fields */
static uint64_t ieee_bits(const struct fp_result *r, int p, int bias,
			  int exp_bits)
{
	uint64_t sign = (uint64_t)r->negative << (p - 1 + exp_bits);
	uint64_t all_ones = (1ULL << exp_bits) - 1, frac_mask = (1ULL << (p - 1)) - 1;

	switch (r->cls) {
	case FP_RESULT_ZERO:
		return sign;
	case FP_RESULT_INF:
		return sign | all_ones << (p - 1);
	case FP_RESULT_NAN:
		return sign | all_ones << (p - 1) | 1ULL << (p - 2);
	default:
		if (r->mant >> (p - 1)) /* normal */
			return sign |
			       (uint64_t)(r->exp + p - 1 + bias) << (p - 1) |
			       (r->mant & frac_mask);
		return sign | r->mant; /* subnormal */
	}
}

double strtod(const char *restrict s, char **restrict end)
{
	struct fp_result r;
	union {
		uint64_t bits;
		double d;
	} u;

	scan(s, end, &__fp_double, &r);
	u.bits = ieee_bits(&r, 53, 1023, 11);
	return u.d;
}

float strtof(const char *restrict s, char **restrict end)
{
	struct fp_result r;
	union {
		uint32_t bits;
		float f;
	} u;

	scan(s, end, &__fp_float, &r);
	u.bits = (uint32_t)ieee_bits(&r, 24, 127, 8);
	return u.f;
}

/* the x87's 80-bit format: a 64-bit mantissa with its leading 1, then
 * sign and 15 bits of exponent */
long double strtold(const char *restrict s, char **restrict end)
{
	struct fp_result r;
	union {
		struct {
			uint64_t mant;
			uint16_t sign_exp;
		} x;
		long double ld;
	} u = {.x = {0, 0}};

	scan(s, end, &__fp_long_double, &r);
	switch (r.cls) {
	case FP_RESULT_ZERO:
		break;
	case FP_RESULT_INF:
		u.x.mant = 1ULL << 63;
		u.x.sign_exp = 0x7fff;
		break;
	case FP_RESULT_NAN:
		u.x.mant = 3ULL << 62;
		u.x.sign_exp = 0x7fff;
		break;
	default:
		u.x.mant = r.mant;
		if (r.mant >> 63)
			u.x.sign_exp = r.exp + 63 + 16383;
	}
	u.x.sign_exp |= r.negative << 15;
	return u.ld;
}

double atof(const char *s)
{
	return strtod(s, NULL);
}
