/* libc/stdlib/strtod_round.c - decimal to binary floating point,
 * correctly rounded (to nearest, ties to even), by exact big-integer
 * arithmetic.
 *
 * The decimal number is D * 10^E with D an integer of at most
 * max_digits + 1 digits (strtod.c drops the digits after max_digits and
 * appends a 1 if any of them was not 0: every number halfway between
 * two floats has at most max_digits significant digits, so that keeps
 * every rounding decision).  Then:
 *
 *   E >= 0:  q = D * 5^E, exactly, and the value is q * 2^E;
 *   E < 0:   the value is D / 5^-E * 2^E; shift D (or 5^-E) so that the
 *            quotient has p + 3 or p + 4 bits, divide bit by bit, and
 *            keep "the remainder is not 0" as a sticky bit.
 *
 * Either way the value is q * 2^s (plus a bit if sticky), and
 * round_to_format keeps the top p bits (fewer for a subnormal result),
 * rounds on the next bit and the sticky bits, and reports overflow and
 * tiny inexact results (glibc's ERANGE cases).  Nothing here uses the
 * FPU, so the x87's extended precision cannot round twice.
 *
 * The big numbers are arrays of 32-bit limbs, least significant first,
 * sized for the worst case of long double (a 11,600-digit D divided by
 * 5^16,600: about 38,600 bits).
 */
#include <string.h>

#include "libc/internal/strtod.h"

#define LIMBS 1300

struct big {
	int n; /* limbs in use; w[n - 1] != 0 unless n == 0 */
	uint32_t w[LIMBS];
};

static void big_trim(struct big *b)
{
	while (b->n && !b->w[b->n - 1])
		b->n--;
}

/* b = b * m + add */
static void big_mul_add(struct big *b, uint32_t m, uint32_t add)
{
	uint64_t carry = add;

	for (int i = 0; i < b->n; i++) {
		carry += (uint64_t)b->w[i] * m;
		b->w[i] = (uint32_t)carry;
		carry >>= 32;
	}
	if (carry)
		b->w[b->n++] = (uint32_t)carry;
}

/* b = the number written with these digits (values below base) */
static void big_from_digits(struct big *b, const unsigned char *digits,
			    int count, uint32_t base)
{
	b->n = 0;
	while (count > 0) {
		/* up to 7 digits at a time: 16^7 and 10^7 fit in 32 bits */
		uint32_t chunk = 0, scale = 1;

		for (int i = 0; i < 7 && count > 0; i++, count--) {
			chunk = chunk * base + *digits++;
			scale *= base;
		}
		big_mul_add(b, scale, chunk);
	}
}

/* b = b * 5^k */
static void big_mul_pow5(struct big *b, long k)
{
	for (; k >= 13; k -= 13)
		big_mul_add(b, 1220703125u, 0); /* 5^13, the largest in 32 bits */
	if (k > 0) {
		uint32_t m = 1;

		while (k--)
			m *= 5;
		big_mul_add(b, m, 0);
	}
}

static void big_shl(struct big *b, long bits)
{
	int limbs = bits / 32, sh = bits % 32;

	if (!b->n)
		return;
	if (sh) {
		b->w[b->n] = 0;
		for (int i = b->n; i > 0; i--)
			b->w[i] = b->w[i] << sh | b->w[i - 1] >> (32 - sh);
		b->w[0] <<= sh;
		b->n++;
	}
	if (limbs) {
		memmove(b->w + limbs, b->w, b->n * sizeof(uint32_t));
		memset(b->w, 0, limbs * sizeof(uint32_t));
		b->n += limbs;
	}
	big_trim(b);
}

static void big_shr1(struct big *b)
{
	for (int i = 0; i < b->n; i++)
		b->w[i] = b->w[i] >> 1 |
			  (i + 1 < b->n ? b->w[i + 1] << 31 : 0);
	big_trim(b);
}

static int big_cmp(const struct big *a, const struct big *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (int i = a->n - 1; i >= 0; i--)
		if (a->w[i] != b->w[i])
			return a->w[i] < b->w[i] ? -1 : 1;
	return 0;
}

/* a -= b, where a >= b */
static void big_sub(struct big *a, const struct big *b)
{
	uint64_t borrow = 0;

	for (int i = 0; i < a->n; i++) {
		uint64_t d = (uint64_t)a->w[i] - (i < b->n ? b->w[i] : 0) -
			     borrow;

		a->w[i] = (uint32_t)d;
		borrow = d >> 63;
	}
	big_trim(a);
}

static long big_bitlen(const struct big *b)
{
	if (!b->n)
		return 0;
	return 32L * (b->n - 1) + 32 - __builtin_clz(b->w[b->n - 1]);
}

static int big_bit(const struct big *b, long i)
{
	return i >= 0 && i / 32 < b->n ? b->w[i / 32] >> (i % 32) & 1 : 0;
}

/* is any of the bits below bit `below` set? */
static int big_any_below(const struct big *b, long below)
{
	if (below <= 0)
		return 0;
	for (long i = 0; i < below / 32 && i < b->n; i++)
		if (b->w[i])
			return 1;
	if (below % 32 && below / 32 < b->n)
		return (b->w[below / 32] & ((1u << (below % 32)) - 1)) != 0;
	return 0;
}

/* Is the value (q, len bits, leading bit at 2^e) below the least normal
 * number even after rounding to p bits?  (The x86 way of judging an
 * underflow, which glibc follows: a value that would round up to 2^emin
 * with unlimited exponent range is not tiny.)  It rounds up to 2^emin
 * only from 2^(emin-1) <= value, with p + 1 leading ones. */
static int tiny(const struct big *q, long len, long e,
		const struct fp_format *f)
{
	if (e >= f->emin)
		return 0;
	if (e < f->emin - 1 || len < f->p + 1)
		return 1;
	for (long i = len - 1; i >= len - 1 - f->p; i--)
		if (!big_bit(q, i))
			return 1;
	return 0;
}

/* Rounds q * 2^s (+ sticky; q != 0) to f's nearest value, with glibc's
 * range errors: overflow, and an inexact tiny result. */
static void round_to_format(const struct big *q, long s, int sticky,
			    const struct fp_format *f, struct fp_result *r)
{
	long len = big_bitlen(q), e = len - 1 + s, keep, drop;
	uint64_t mant = 0;
	int round;

	r->range_error = 0;
	if (e > f->emax)
		goto overflow;
	keep = e >= f->emin ? f->p : f->p - (f->emin - e);
	drop = len - keep;
	for (long i = len - 1; i >= drop && i >= 0; i--)
		mant = mant << 1 | big_bit(q, i);
	if (drop < 0)
		mant <<= -drop;
	round = big_bit(q, drop - 1);
	sticky = sticky || big_any_below(q, drop - 1);
	r->exp = s + drop;
	if (round && (sticky || (mant & 1))) {
		mant++;
		if (keep == f->p && (f->p == 64 ? !mant : mant >> f->p)) {
			/* carried into a new bit: 0b1000... */
			mant = 1ULL << (f->p - 1);
			r->exp++;
			if (e + 1 > f->emax)
				goto overflow;
		}
	}
	if ((round || sticky) && tiny(q, len, e, f))
		r->range_error = 1;
	r->mant = mant;
	r->cls = mant ? FP_RESULT_FINITE : FP_RESULT_ZERO;
	return;
overflow:
	r->cls = FP_RESULT_INF;
	r->range_error = 1;
}

/* static: 5 KiB each, too big for a small stack */
static struct big num, den, quo;

void __fp_from_decimal(const struct decimal *d, const struct fp_format *f,
		       struct fp_result *r)
{
	long lead = d->count - 1 + d->exp10, k;

	if (lead > f->dec_max) {
		r->cls = FP_RESULT_INF;
		r->range_error = 1;
		return;
	}
	if (lead < f->dec_min) {
		r->cls = FP_RESULT_ZERO;
		r->range_error = 1;
		return;
	}
	big_from_digits(&num, d->digits, d->count, 10);
	if (d->exp10 >= 0) {
		big_mul_pow5(&num, d->exp10);
		round_to_format(&num, d->exp10, 0, f, r);
		return;
	}
	/* num / 5^-exp10, to p + 4 bits of quotient */
	den.n = 1;
	den.w[0] = 1;
	big_mul_pow5(&den, -d->exp10);
	k = f->p + 3 - (big_bitlen(&num) - big_bitlen(&den));
	if (k > 0)
		big_shl(&num, k);
	else
		big_shl(&den, -k);
	big_shl(&den, f->p + 3);
	quo.n = (f->p + 4 + 31) / 32;
	memset(quo.w, 0, sizeof(uint32_t) * quo.n);
	for (int bit = f->p + 3; bit >= 0; bit--) {
		if (big_cmp(&num, &den) >= 0) {
			big_sub(&num, &den);
			quo.w[bit / 32] |= 1u << (bit % 32);
		}
		big_shr1(&den);
	}
	big_trim(&quo);
	round_to_format(&quo, d->exp10 - k, num.n != 0, f, r);
}

void __fp_from_hex(const unsigned char *digits, int count, long exp2,
		   int sticky, const struct fp_format *f, struct fp_result *r)
{
	big_from_digits(&num, digits, count, 16);
	round_to_format(&num, exp2, sticky, f, r);
}
