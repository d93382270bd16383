/* libc/internal/strtod.h - between the text scanner of strtod and friends
 * (libc/stdlib/strtod.c) and the exact decimal-to-binary rounding
 * (libc/stdlib/strtod_round.c).
 *
 * A binary floating-point format is described by its precision p (bits
 * of mantissa, the leading one included), its exponent range and how
 * many significant decimal digits its conversions must look at.  A
 * finite result is mant * 2^exp with mant < 2^p: a normal number has
 * mant >= 2^(p-1); a subnormal one has exp == emin - p + 1.
 */
#ifndef LIBC_INTERNAL_STRTOD_H
#define LIBC_INTERNAL_STRTOD_H

#include <stdint.h>

struct fp_format {
	int p; /* precision: 24, 53, 64 */
	int emin, emax; /* exponents of the least and greatest normal */
	int max_digits; /* decimal digits that can matter for rounding */
	int dec_max, dec_min; /* a leading digit at 10^e with e above
				 dec_max overflows; below dec_min, the
				 value rounds to zero */
};

extern const struct fp_format __fp_float, __fp_double, __fp_long_double;

enum fp_class { FP_RESULT_ZERO, FP_RESULT_FINITE, FP_RESULT_INF, FP_RESULT_NAN };

struct fp_result {
	enum fp_class cls;
	int negative;
	uint64_t mant; /* FINITE: value = mant * 2^exp */
	int exp;
	int range_error; /* overflow, or a tiny inexact result: ERANGE */
};

/* A decimal significand of up to max_digits + 1 digits: the digits (as
 * values 0..9, no leading zero), and the power of ten of the last one. */
struct decimal {
	const unsigned char *digits;
	int count;
	long exp10;
};

/* Rounds d (count > 0) to the nearest value of format f, ties to even;
 * sets r's class, mant, exp and range_error (not its sign). */
void __fp_from_decimal(const struct decimal *d, const struct fp_format *f,
		       struct fp_result *r);

/* The same for a hexadecimal significand: digits are 0..15, the first
 * not 0, and the value is (digits as an integer) * 2^exp2, plus a little
 * more if sticky (digits were dropped that were not all 0). */
void __fp_from_hex(const unsigned char *digits, int count, long exp2,
		   int sticky, const struct fp_format *f, struct fp_result *r);

/* Scans a floating-point number as strtod does (after the blanks and
 * sign: "1.5e3", "0x1.8p1", "inf", "nan(...)"); returns where it ends,
 * or s itself if there is no number.  Sets errno to ERANGE on range
 * errors. */
const char *__fp_scan(const char *s, const struct fp_format *f,
		      struct fp_result *r);

#endif
