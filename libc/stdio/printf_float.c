/* libc/stdio/printf_float.c - %e %f %g %a: floating point, exactly as glibc.
 *
 * A binary floating-point number is m * 2^e, and every such number has a
 * finite decimal expansion.  glibc prints that exact expansion, rounded
 * at the last printed digit in the current rounding mode (to nearest,
 * ties to even, by default), and so do we:
 *
 *   1. to_decimal() writes out the digits of m * 2^e exactly, as far as
 *      the conversion needs them plus one, and notes whether any nonzero
 *      digit follows: an integer part m * 2^e (e >= 0) by doubling a
 *      base-10^9 number; a fraction m / 2^k by multiplying it by 10^9 and
 *      taking what crosses the binary point as the next nine digits.
 *   2. round_decimal() cuts the digits at the precision and decides from
 *      the first cut digit and the rest (below, at, above one half) and
 *      the rounding mode whether the last kept digit goes up.
 *   3. The digits are laid out as %f, %e or %g would, with sign, width
 *      and padding (print_fixed, print_exp).
 *
 * Every argument is widened to long double (x87 80-bit: a 64-bit
 * significand, exponents down to 2^-16445), which is exact for a double.
 * The hexadecimal forms (%a) work on the bits directly and round the same
 * way; a double and a long double look different there (0x1p+0 and
 * 0x8p-3), as in glibc on x86.
 */
#include <stdint.h>

#include "libc/stdio/printf_impl.h"

/* The most significant digits a long double can have: m * 5^16445 with
 * m < 2^64, about 11,515 digits (the largest integer has 4,933). */
#define DEC_MAX 11600
/* No expansion has more than 16,445 digits after the point, so larger
 * precisions only add zeros: digit positions are clamped to this. */
#define PREC_CLAMP 20000

struct decimal {
	char d[DEC_MAX]; /* significant digits '0'..'9', d[0] != '0' */
	int n;		 /* how many; 0 for the value zero */
	int dp;		 /* the value is 0.d[0]d[1]... * 10^dp */
	int tail;	 /* nonzero digits follow d[n - 1] (not stored) */
};

/* The x87 rounding modes, as in the control word's bits 10-11. */
enum { ROUND_NEAREST, ROUND_DOWN, ROUND_UP, ROUND_TOWARD_ZERO };

/* The current rounding mode (what fesetround set), as glibc reads it. */
static int rounding_mode(void)
{
#if defined(__i386__) || defined(__x86_64__)
	unsigned short cw;

	__asm__ volatile("fnstcw %0" : "=m"(cw));
	return (cw >> 10) & 3;
#else
	return ROUND_NEAREST;
#endif
}

/* Whether a number cut short goes up to the next step away from zero:
 * half: the first cut bit or digit is at least one half; more: something
 * nonzero follows it; odd: the last kept digit is odd. */
static int round_away(int mode, int negative, int odd, int half, int more)
{
	switch (mode) {
	case ROUND_NEAREST:
		return half && (odd || more);
	case ROUND_UP:
		return !negative && (half || more);
	case ROUND_DOWN:
		return negative && (half || more);
	default:
		return 0;
	}
}

/* The parts of a long double: sign, the 15-bit biased exponent, the 64-bit
 * significand with its explicit integer bit. */
struct ld_parts {
	int negative;
	int biased_exp;
	uint64_t mant;
};

static struct ld_parts ld_split(long double x)
{
	union {
		long double f;
		struct {
			uint64_t mant;
			uint16_t sign_exp;
		} i;
	} u = {.f = x};

	return (struct ld_parts){u.i.sign_exp >> 15, u.i.sign_exp & 0x7fff,
				 u.i.mant};
}

/* --- the exact decimal expansion */

static void append_digit(struct decimal *dec, int digit)
{
	if (dec->n == 0 && digit == 0) {
		dec->dp--; /* a leading zero of a fraction */
		return;
	}
	if (dec->n < DEC_MAX)
		dec->d[dec->n++] = '0' + digit;
	else if (digit)
		dec->tail = 1; /* cannot happen: DEC_MAX is the bound */
}

/* Appends v's nine decimal digits, leading zeros included. */
static void append_nine(struct decimal *dec, uint32_t v)
{
	char tmp[9];

	for (int i = 8; i >= 0; i--, v /= 10)
		tmp[i] = v % 10;
	for (int i = 0; i < 9; i++)
		append_digit(dec, tmp[i]);
}

/* The integer m * 2^e (e >= 0): a base-10^9 number, little-endian,
 * doubled up to 29 times a pass; then its digits. */
static void integer_digits(struct decimal *dec, uint64_t m, int e)
{
	enum { BASE = 1000000000 };
	uint32_t limb[DEC_MAX / 9 + 2];
	int n = 0;

	for (; m; m /= BASE)
		limb[n++] = m % BASE;
	while (e > 0) {
		int s = e < 29 ? e : 29;
		uint32_t carry = 0;

		for (int i = 0; i < n; i++) {
			uint64_t t = ((uint64_t)limb[i] << s) + carry;

			limb[i] = t % BASE;
			carry = t / BASE;
		}
		if (carry)
			limb[n++] = carry;
		e -= s;
	}
	/* the top limb without its leading zeros, then nine digits a limb */
	uint32_t top = limb[n - 1];
	char tmp[10];
	int k = 0;

	for (; top; top /= 10)
		tmp[k++] = top % 10;
	while (k)
		append_digit(dec, tmp[--k]);
	for (int i = n - 2; i >= 0; i--)
		append_nine(dec, limb[i]);
	dec->dp = dec->n;
}

/* The fraction f / 2^k (f < 2^k, f < 2^64): the next nine digits are what
 * f * 10^9 carries across the binary point.  f is kept in 32-bit limbs,
 * little-endian, shifted so the point falls on a limb boundary.  Stops
 * once enough digits are there: fixed: want digits after the point;
 * otherwise: want significant digits. */
static void fraction_digits(struct decimal *dec, uint64_t f, int k, int fixed,
			    int want)
{
	uint32_t limb[(16445 + 31) / 32 + 3] = {0};
	int nlimbs = (k + 31) / 32, s = 32 * nlimbs - k, low = 0;
	int after_point = 0;

	limb[0] = (uint32_t)(f << s);
	limb[1] = (uint32_t)(f >> (32 - s));
	limb[2] = s ? (uint32_t)(f >> (64 - s)) : 0;
	for (;;) {
		while (low < nlimbs && !limb[low])
			low++;
		if (low == nlimbs)
			break; /* the expansion ends here */
		if (fixed ? after_point >= want : dec->n >= want)
			break;
		uint32_t carry = 0;

		for (int i = low; i < nlimbs; i++) {
			uint64_t t = (uint64_t)limb[i] * 1000000000u + carry;

			limb[i] = (uint32_t)t;
			carry = t >> 32;
		}
		append_nine(dec, carry);
		after_point += 9;
	}
	dec->tail = low < nlimbs;
}

/* The decimal expansion of m * 2^e (m > 0), as many digits as a fixed
 * (want digits after the point) or exponent (want significant digits)
 * conversion needs to round, or all of them. */
static void to_decimal(struct decimal *dec, uint64_t m, int e, int fixed,
		       int want)
{
	dec->n = 0;
	dec->dp = 0;
	dec->tail = 0;
	while (!(m & 1) && e < 0) {
		m >>= 1;
		e++;
	}
	if (e >= 0) {
		integer_digits(dec, m, e);
		while (dec->d[dec->n - 1] == '0') /* 1000 is 0.1e4 */
			dec->n--;
		return;
	}
	int k = -e;
	uint64_t ipart = k < 64 ? m >> k : 0;
	uint64_t fpart = k < 64 ? m & ((1ULL << k) - 1) : m;

	if (ipart)
		integer_digits(dec, ipart, 0);
	/* the rounding digit too: one more than asked for */
	fraction_digits(dec, fpart, k, fixed, want + 1);
	if (!dec->tail) /* the whole expansion: its last digit is nonzero */
		while (dec->n > 0 && dec->d[dec->n - 1] == '0')
			dec->n--;
}

/* Cuts dec to its first keep digits (keep may be 0 or negative: the value
 * rounds to 0 or to one unit in that place) and rounds in mode. */
static void round_decimal(struct decimal *dec, int keep, int negative, int mode)
{
	if (keep >= dec->n)
		return; /* nothing cut: exact */
	int first = keep >= 0 ? dec->d[keep] - '0' : 0;
	int rest = dec->tail || keep < 0;

	for (int i = keep + 1; i < dec->n && !rest; i++)
		rest = dec->d[i] != '0';
	int odd = keep > 0 && (dec->d[keep - 1] - '0') % 2;
	/* what is cut: at least a half, and more than exactly 0 or a half */
	int half = first >= 5, more = (first != 0 && first != 5) || rest;
	int up = round_away(mode, negative, odd, half, more);

	dec->tail = 0;
	if (keep <= 0) {
		/* nothing kept: 0, or one unit of the last place asked for */
		dec->n = 0;
		if (up) {
			dec->d[0] = '1';
			dec->n = 1;
			dec->dp = dec->dp - keep + 1;
		}
		return;
	}
	dec->n = keep;
	if (up) {
		int i = keep - 1;

		while (i >= 0 && dec->d[i] == '9')
			dec->d[i--] = '0';
		if (i >= 0) {
			dec->d[i]++;
		} else {
			dec->d[0] = '1'; /* 99.9 -> 100 */
			dec->n = 1;
			dec->dp++;
		}
	}
	while (dec->n > 0 && dec->d[dec->n - 1] == '0')
		dec->n--;
}

/* --- laying out the digits */

/* Emits digit positions [from, from + count) of dec: zeros where dec has
 * no digit (before d[0] after the point, or after d[n - 1]). */
static void emit_digits(struct fmt_state *st, const struct decimal *dec,
			long long from, long long count)
{
	long long end = from + count;

	if (from < 0) {
		long long z = end < 0 ? end - from : -from;

		__fmt_repeat(st, '0', z);
		from += z;
	}
	if (from < end && from < dec->n) {
		long long k = (end < dec->n ? end : dec->n) - from;

		__fmt_emit(st, dec->d + from, k);
		from += k;
	}
	__fmt_repeat(st, '0', end - from);
}

static const char *sign_of(const struct fmt_spec *sp, int negative)
{
	if (negative)
		return "-";
	if (sp->flags & FMT_PLUS)
		return "+";
	if (sp->flags & FMT_SPACE)
		return " ";
	return "";
}

/* %f with prec digits after the point. */
static void print_fixed(struct fmt_state *st, const struct fmt_spec *sp,
			const struct decimal *dec, const char *sign,
			long long prec)
{
	int dp = dec->n ? dec->dp : 1;
	long long int_len = dp > 0 ? dp : 1;
	int point = prec > 0 || (sp->flags & FMT_ALT);
	long long len = (*sign != 0) + int_len + point + prec;

	__fmt_pad_before(st, sp, len);
	__fmt_emit(st, sign, *sign != 0);
	__fmt_pad_zeros(st, sp, len);
	if (dp > 0)
		emit_digits(st, dec, 0, dp);
	else
		__fmt_emit(st, "0", 1);
	if (point)
		__fmt_emit(st, ".", 1);
	emit_digits(st, dec, dp, prec);
	__fmt_pad_after(st, sp, len);
}

/* %e with prec digits after the point; upper: 'E'. */
static void print_exp(struct fmt_state *st, const struct fmt_spec *sp,
		      const struct decimal *dec, const char *sign,
		      long long prec, int upper)
{
	int x = dec->n ? dec->dp - 1 : 0;
	unsigned ax = x < 0 ? -x : x;
	char exp[8];
	int k = sizeof(exp);
	int point = prec > 0 || (sp->flags & FMT_ALT);

	do {
		exp[--k] = '0' + ax % 10;
		ax /= 10;
	} while (ax || k > (int)sizeof(exp) - 2);
	exp[--k] = x < 0 ? '-' : '+';
	exp[--k] = upper ? 'E' : 'e';

	long long len =
	    (*sign != 0) + 1 + point + prec + ((int)sizeof(exp) - k);

	__fmt_pad_before(st, sp, len);
	__fmt_emit(st, sign, *sign != 0);
	__fmt_pad_zeros(st, sp, len);
	emit_digits(st, dec, 0, 1);
	if (point)
		__fmt_emit(st, ".", 1);
	emit_digits(st, dec, 1, prec);
	__fmt_emit(st, exp + k, sizeof(exp) - k);
	__fmt_pad_after(st, sp, len);
}

/* inf, nan, -inf, -nan...: padded with spaces only. */
static void print_special(struct fmt_state *st, const struct fmt_spec *sp,
			  const char *sign, const char *word)
{
	struct fmt_spec spaces = *sp;
	long long len = (*sign != 0) + 3;

	spaces.flags &= ~FMT_ZERO;
	__fmt_pad_before(st, &spaces, len);
	__fmt_emit(st, sign, *sign != 0);
	__fmt_emit(st, word, 3);
	__fmt_pad_after(st, &spaces, len);
}

static int is_upper(char conv)
{
	return conv >= 'A' && conv <= 'Z';
}

/* %g: the style of %e or %f by the exponent (dec is already rounded to
 * the precision's significant digits), trailing zeros removed unless '#'.
 * x0: the exponent before rounding.  glibc's quirk: with '#', when the
 * rounding carries 9.9... (%f style) into 10^p (%e style), as %#.2g of
 * 99.5, it prints no digits after the point: "1.e+02". */
static void print_general(struct fmt_state *st, const struct fmt_spec *sp,
			  const struct decimal *dec, const char *sign, int x0)
{
	long long p = sp->prec < 0 ? 6 : sp->prec == 0 ? 1 : sp->prec;
	int alt = sp->flags & FMT_ALT;
	int x = dec->n ? dec->dp - 1 : 0;

	if (alt && x0 == p - 1 && x == p) {
		print_exp(st, sp, dec, sign, 0, is_upper(sp->conv));
	} else if (p > x && x >= -4) {
		long long prec = p - 1 - x;
		long long have = dec->n - dec->dp; /* digits after the point */

		if (!alt)
			prec = have > 0 ? have : 0;
		print_fixed(st, sp, dec, sign, prec);
	} else {
		long long prec = p - 1;

		if (!alt)
			prec = dec->n > 1 ? dec->n - 1 : 0;
		print_exp(st, sp, dec, sign, prec, is_upper(sp->conv));
	}
}

void __fmt_float(struct fmt_state *st, const struct fmt_spec *sp, long double x)
{
	struct decimal dec; /* 11.6 KB of stack: the long double worst case */
	struct ld_parts b = ld_split(x);
	const char *sign = sign_of(sp, b.negative);
	char conv = sp->conv | 0x20; /* lower case */
	int prec = sp->prec < 0 ? 6 : sp->prec;
	int p = prec > PREC_CLAMP ? PREC_CLAMP : prec;
	int mode = rounding_mode();

	if (b.biased_exp == 0x7fff) {
		int nan = (b.mant << 1) != 0;
		const char *word = nan ? (is_upper(sp->conv) ? "NAN" : "nan")
				       : (is_upper(sp->conv) ? "INF" : "inf");

		print_special(st, sp, sign, word);
		return;
	}
	int e = (b.biased_exp ? b.biased_exp : 1) - 16383 - 63;
	int sig = conv == 'g' ? (p == 0 ? 1 : p) : p + 1;

	dec.n = 0;
	dec.dp = 1;
	dec.tail = 0;
	if (b.mant) {
		if (conv == 'f')
			to_decimal(&dec, b.mant, e, 1, p);
		else
			to_decimal(&dec, b.mant, e, 0, sig);
	}
	if (conv == 'f') {
		round_decimal(&dec, dec.dp + p, b.negative, mode);
		print_fixed(st, sp, &dec, sign, prec);
	} else if (conv == 'e') {
		round_decimal(&dec, sig, b.negative, mode);
		print_exp(st, sp, &dec, sign, prec, is_upper(sp->conv));
	} else {
		int x0 = dec.n ? dec.dp - 1 : 0;

		round_decimal(&dec, sig, b.negative, mode);
		print_general(st, sp, &dec, sign, x0);
	}
}

/* --- %a: hexadecimal */

/* A number as %a prints it: lead.dig[0]dig[1]... * 2^exp in hex. */
struct hex_number {
	int negative;
	int lead;	       /* the digit before the point */
	unsigned char dig[16]; /* the digits after it, as values 0..15 */
	int ndig;	       /* how many, without trailing zeros */
	int exp;	       /* the power of two */
	int lead_wraps; /* the lead digit goes from 0xf to 0x1 (long double) */
};

/* Cuts h to prec digits after the point, rounding in the current mode. */
static void round_hex(struct hex_number *h, int prec)
{
	if (prec >= h->ndig)
		return;
	int next = h->dig[prec];
	int more = (next & 7) || prec + 1 < h->ndig;
	int last = prec > 0 ? h->dig[prec - 1] : h->lead;
	int i = prec - 1;

	h->ndig = prec;
	if (!round_away(rounding_mode(), h->negative, last & 1, next >= 8,
			more))
		return;
	while (i >= 0 && h->dig[i] == 15)
		h->dig[i--] = 0;
	if (i >= 0) {
		h->dig[i]++;
	} else if (h->lead < 15 || !h->lead_wraps) {
		h->lead++; /* a double's 0x1.f -> 0x2 */
	} else {
		h->lead = 1; /* a long double's 0xf.f -> 0x1p+4 more */
		h->exp += 4;
	}
}

static void print_hex(struct fmt_state *st, const struct fmt_spec *sp,
		      struct hex_number *h)
{
	const char *xdigits =
	    is_upper(sp->conv) ? "0123456789ABCDEF" : "0123456789abcdef";
	const char *sign = sign_of(sp, h->negative);
	char head[4], tail[16], digits[16];
	int nhead = 0, ntail = 0;
	long long prec = sp->prec;
	unsigned ax;

	if (prec >= 0)
		round_hex(h, prec);
	else
		prec = h->ndig;
	head[nhead++] = '0';
	head[nhead++] = is_upper(sp->conv) ? 'X' : 'x';
	for (int i = 0; i < h->ndig; i++)
		digits[i] = xdigits[h->dig[i]];
	/* the exponent: p, its sign, its decimal digits */
	tail[ntail++] = is_upper(sp->conv) ? 'P' : 'p';
	tail[ntail++] = h->exp < 0 ? '-' : '+';
	ax = h->exp < 0 ? -h->exp : h->exp;
	char tmp[8];
	int k = 0;

	do {
		tmp[k++] = '0' + ax % 10;
		ax /= 10;
	} while (ax);
	while (k)
		tail[ntail++] = tmp[--k];

	int point = prec > 0 || (sp->flags & FMT_ALT);
	long long len = (*sign != 0) + nhead + 1 + point + prec + ntail;

	__fmt_pad_before(st, sp, len);
	__fmt_emit(st, sign, *sign != 0);
	__fmt_emit(st, head, nhead);
	__fmt_pad_zeros(st, sp, len);
	__fmt_emit(st, &xdigits[h->lead], 1);
	if (point)
		__fmt_emit(st, ".", 1);
	__fmt_emit(st, digits, h->ndig);
	__fmt_repeat(st, '0', prec - h->ndig);
	__fmt_emit(st, tail, ntail);
	__fmt_pad_after(st, sp, len);
}

static void trim_hex(struct hex_number *h)
{
	while (h->ndig > 0 && h->dig[h->ndig - 1] == 0)
		h->ndig--;
}

void __fmt_hex_double(struct fmt_state *st, const struct fmt_spec *sp, double x)
{
	union {
		double f;
		uint64_t i;
	} u = {.f = x};
	int biased = (u.i >> 52) & 0x7ff;
	uint64_t frac = u.i & ((1ULL << 52) - 1);
	struct hex_number h = {.negative = u.i >> 63};

	if (biased == 0x7ff) {
		print_special(st, sp, sign_of(sp, h.negative),
			      frac ? (is_upper(sp->conv) ? "NAN" : "nan")
				   : (is_upper(sp->conv) ? "INF" : "inf"));
		return;
	}
	/* 1.f * 2^(biased - 1023), or a subnormal 0.f * 2^-1022 */
	h.lead = biased != 0;
	h.exp = biased ? biased - 1023 : frac ? -1022 : 0;
	for (h.ndig = 0; h.ndig < 13; h.ndig++)
		h.dig[h.ndig] = (frac >> (48 - 4 * h.ndig)) & 15;
	trim_hex(&h);
	print_hex(st, sp, &h);
}

void __fmt_hex_long_double(struct fmt_state *st, const struct fmt_spec *sp,
			   long double x)
{
	struct ld_parts b = ld_split(x);
	struct hex_number h = {.negative = b.negative, .lead_wraps = 1};

	if (b.biased_exp == 0x7fff) {
		print_special(st, sp, sign_of(sp, h.negative),
			      (b.mant << 1)
				  ? (is_upper(sp->conv) ? "NAN" : "nan")
				  : (is_upper(sp->conv) ? "INF" : "inf"));
		return;
	}
	/* the top four bits of the significand lead: 0x8p-3 is 1.0 */
	h.lead = b.mant >> 60;
	h.exp = b.biased_exp ? b.biased_exp - 16383 - 3 : b.mant ? -16385 : 0;
	for (h.ndig = 0; h.ndig < 15; h.ndig++)
		h.dig[h.ndig] = (b.mant >> (56 - 4 * h.ndig)) & 15;
	trim_hex(&h);
	print_hex(st, sp, &h);
}
