/* tests/unit/test_printf.c - the libc's printf core against the host
 * glibc's snprintf, which is the ground truth for every conversion.
 *
 * Our libc and glibc cannot share one binary, but the core is plain C
 * that talks to the world through a sink: this file includes
 * libc/stdio/{vsnprintf,printf_core,printf_float}.c with our snprintf
 * family renamed t_snprintf..., and calls both on the same arguments.
 *
 * Besides a table of chosen cases, random_* generates 200,000 formats
 * with arguments (integers of every length, characters, strings,
 * pointers, doubles and long doubles: random bit patterns, subnormals,
 * exact ties, values next to ties, infinities, NaNs; every flag, widths,
 * precisions, '*'), floating point under all four rounding modes, and
 * requires the two outputs and return values to be identical.
 */
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h> /* INFINITY, NAN: no libm, the unit rule does not link it */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define vsnprintf t_vsnprintf
#define snprintf t_snprintf
#define vsprintf t_vsprintf
#define sprintf t_sprintf
#include "libc/stdio/vsnprintf.c"
#undef vsnprintf
#undef snprintf
#undef vsprintf
#undef sprintf
#include "libc/stdio/printf_core.c"
#include "libc/stdio/printf_float.c"

#include "tests/unit/unit.h"

/* Odd formats on purpose: keep the compiler from refusing them. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
#pragma GCC diagnostic ignored "-Wformat-overflow"
#pragma GCC diagnostic ignored "-Wformat-truncation"

/* The x87 rounding modes (control word bits 10-11), which is what glibc's
 * printf and ours read; set directly, as fesetround lives in libm. */
enum { TO_NEAREST, DOWNWARD, UPWARD, TOWARD_ZERO };

static void set_rounding(int mode)
{
	unsigned short cw;

	__asm__ volatile("fnstcw %0" : "=m"(cw));
	cw = (cw & ~0xc00) | mode << 10;
	__asm__ volatile("fldcw %0" : : "m"(cw));
}

/* m * 2^e, exactly (no libm) */
static double scale2(double m, int e)
{
	for (; e > 0; e--)
		m *= 2;
	for (; e < 0; e++)
		m /= 2;
	return m;
}

static double pow10i(int k)
{
	double p = 1;

	while (k-- > 0)
		p *= 10;
	return p;
}

/* the next double towards +inf (up) or -inf, for finite nonzero d > 0 */
static double step(double d, int up)
{
	uint64_t b;

	memcpy(&b, &d, sizeof(b));
	b += up ? 1 : -1;
	memcpy(&d, &b, sizeof(d));
	return d;
}

#define OUT_SIZE 24000
static char ours[OUT_SIZE], theirs[OUT_SIZE];

/* Formats with both and compares the text (NULs included) and length. */
#define SAME(...)                                                              \
	do {                                                                   \
		int n1_ = t_snprintf(ours, OUT_SIZE, __VA_ARGS__);             \
		int n2_ = snprintf(theirs, OUT_SIZE, __VA_ARGS__);             \
		EXPECT_EQ(n1_, n2_);                                           \
		if (n1_ == n2_ && n1_ >= 0 &&                                  \
		    memcmp(ours, theirs, n1_ < OUT_SIZE ? n1_ + 1 : OUT_SIZE)) \
			UNIT_FAIL("%s:%d: \"%s\" vs glibc \"%s\"", __FILE__,   \
				  __LINE__, ours, theirs);                     \
	} while (0)

TEST(integers)
{
	SAME("%d %i %u", 0, -1, 4294967295u);
	SAME("%d %d", INT_MAX, INT_MIN);
	SAME("%x %X %o", 0xdeadbeefu, 0xdeadbeefu, 0777u);
	SAME("%hhd %hhu %hd %hu %hhx %hx", 300, 300, 70000, 70000, -1, -1);
	SAME("%ld %lu %lx", -5L, 5UL, 0xffUL);
	SAME("%lld %llu %llx %llo", LLONG_MIN, ULLONG_MAX,
	     0x0123456789abcdefULL, ULLONG_MAX);
	SAME("%jd %ju %zd %zu %td %tu %Zd", INTMAX_MIN, UINTMAX_MAX, (size_t)-1,
	     (size_t)-1, (ptrdiff_t)-7, (ptrdiff_t)-7, (size_t)3);
	SAME("%Ld %qd %Lx %qu", 1LL << 40, -(1LL << 40), 1LL << 40, 5ULL);
}

TEST(flags_width_precision)
{
	SAME("[%5d] [%-5d] [%05d] [%+d] [% d] [%+ d]", 42, 42, 42, 42, 42, 42);
	SAME("[%-05d] [%+05d] [%05d] [% 05d]", -42, 42, -42, 42);
	SAME("[%.3d] [%8.3d] [%-8.3d] [%08.3d] [%.0d] [%5.0d]", 7, 7, 7, 7, 0,
	     0);
	SAME("[%#x] [%#X] [%#o] [%#o] [%#x] [%#.0o] [%#.0x] [%#.3o]", 255u,
	     255u, 8u, 0u, 0u, 0u, 0u, 8u);
	SAME("[%#010x] [%#10x] [%-#10x] [%#5.3x] [%+u] [% u] [%+x]", 255u, 255u,
	     255u, 1u, 5u, 5u, 5u);
	SAME("[%*d] [%-*d] [%.*d] [%*d] [%.*d]", 6, 1, 6, 1, 4, 1, -6, 1, -3,
	     5);
	SAME("[%'d] [%'u] [%'.3f]", 1234567, 1234567u, 1234567.125);
	SAME("[%--5d] [%++d] [%00d] [%0-5d]", 1, 2, 3, 4);
}

TEST(chars_strings_pointers)
{
	SAME("[%s] [%10s] [%-10s] [%.2s] [%10.2s] [%05s]", "abc", "abc", "abc",
	     "abc", "abc", "ab");
	SAME("[%c] [%3c] [%-3c] [%05c] [%.0c]", 'x', 'y', 'z', 'a', 'b');
	SAME("[%c%c]", 0, 255);
	SAME("[%s] [%.5s] [%.6s] [%10s] [%-10.3s]", (char *)0, (char *)0,
	     (char *)0, (char *)0, (char *)0);
	SAME("%p %p %p", (void *)0x1234, (void *)0xc0100000, (void *)0);
	SAME("[%+p] [% p] [%05p] [%.10p] [%-10p] [%.1p] [%10p] [%010p]",
	     (void *)0x12, (void *)0x12, (void *)0x12, (void *)0x12,
	     (void *)0x12, (void *)0, (void *)0, (void *)0);
	SAME("[%*s] [%.*s] [%.*s]", -5, "ab", -1, "abcdef", 2, "abcdef");
	SAME("[%lc] [%ls] [%5ls] [%.2ls] [%C] [%S]", L'a', L"abc", L"abc",
	     L"abc", L'Q', L"xyz");
	SAME("[%ls]", (wchar_t *)0);
}

TEST(percent_n_m_unknown)
{
	signed char hh = 0;
	short h = 0;
	int i = 0;
	long l = 0;
	long long ll = 0;
	intmax_t j = 0;
	size_t z = 0;
	ptrdiff_t t = 0;

	t_snprintf(ours, 10, "abc%hhn%hn%n%ln%lln%jn%zn%tnxyz%n", &hh, &h, &i,
		   &l, &ll, &j, &z, &t, &i);
	EXPECT_EQ(hh, 3);
	EXPECT_EQ(h + l + ll + j + (long long)z + t, 6 * 3);
	EXPECT_EQ(i, 6);
	t_snprintf(ours, 10, "%300d%hhn", 1, &hh);
	EXPECT_EQ(hh, 300 - 256);
	SAME("[%%] [%5%] [%-5%] [%y] [%5y] [%-5k] [%lk]", 1, 2);
	errno = ENOENT;
	SAME("[%m] [%20m] [%.3m]");
	errno = 0;
	SAME("[%m]");
}

TEST(errors)
{
	errno = 0;
	EXPECT_EQ(t_snprintf(ours, sizeof(ours), "abc%"), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_STREQ(ours, "abc");
	errno = 0;
	EXPECT_EQ(t_snprintf(ours, sizeof(ours), "%5l"), -1);
	EXPECT_EQ(errno, EINVAL);
	errno = 0;
	EXPECT_EQ(t_snprintf(ours, sizeof(ours), "%2147483648d", 1), -1);
	EXPECT_EQ(errno, EOVERFLOW);
	errno = 0;
	EXPECT_EQ(snprintf(theirs, sizeof(theirs), "%2147483648d", 1), -1);
	EXPECT_EQ(errno, EOVERFLOW);
	errno = 0;
	EXPECT_EQ(t_snprintf(ours, 4, "%*d%*d", INT_MAX - 3, 1, 10, 2), -1);
	EXPECT_EQ(errno, EOVERFLOW);
	errno = 0;
	EXPECT_EQ(t_snprintf(ours, 4, "%*d%.*f", INT_MAX - 3, 1, 10, 2.0), -1);
	EXPECT_EQ(errno, EOVERFLOW);
	errno = 0;
	EXPECT_EQ(t_snprintf(ours, 4, "%*d", INT_MIN, 1), -1);
	EXPECT_EQ(errno, EOVERFLOW);
	errno = 0;
	EXPECT_EQ(t_snprintf(ours, 4, "%lc", (wint_t)0xe9), -1);
	EXPECT_EQ(errno, EILSEQ);
}

TEST(positional)
{
	SAME("[%1$d %1$x %2$s]", 17, "s");
	SAME("[%2$s %1$s]", "world", "hello");
	SAME("[%3$*1$.*2$f] [%1$d]", 10, 3, 3.14159);
	SAME("[%1$*2$d] [%1$-*2$d]", 5, 6);
	SAME("[%2$Lf %1$lld %3$hhd %4$p %5$c %6$zu %7$g]", -1LL, 2.5L, 300,
	     (void *)0x10, 'q', (size_t)9, 1e300);
	SAME("[%10$d %9$d %8$d %7$d %6$d %5$d %4$d %3$d %2$d %1$d]", 1, 2, 3, 4,
	     5, 6, 7, 8, 9, 10);
	SAME("%1$s%%%1$s", "x");
}

TEST(snprintf_truncation)
{
	char buf[16];

	for (size_t size = 0; size < sizeof(buf); size++) {
		memset(buf, '#', sizeof(buf));
		int n = t_snprintf(buf, size, "%s-%d", "hello", 12345);
		EXPECT_EQ(n, 11);
		for (size_t i = size; i < sizeof(buf); i++)
			EXPECT_EQ(buf[i], '#');
		if (size) {
			EXPECT_EQ(strlen(buf), size - 1 < 11 ? size - 1 : 11);
			EXPECT(!strncmp(buf, "hello-12345", strlen(buf)));
		}
	}
	EXPECT_EQ(t_snprintf(NULL, 0, "%0100d", 1), 100);
	EXPECT_EQ(t_sprintf(buf, "%s%c", "abc", 'd'), 4);
	EXPECT_STREQ(buf, "abcd");
}

TEST(float_fixed)
{
	SAME("%f %f %f %f %f", 0.0, -0.0, 1.0, -1.5, 3.14159265358979);
	SAME("%.0f %.0f %.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, -0.5, -2.5, 3.5);
	SAME("%.1f %.1f %.1f %.2f %.2f", 0.25, 0.35, 0.05, 0.125, 0.375);
	SAME("%.3f %.10f %.20f %.30f", 1.0 / 3, 1.0 / 3, 0.1, 0.1);
	SAME("%f %.0f %f", DBL_MAX, DBL_MAX, -DBL_MAX);
	SAME("%.1074f", DBL_TRUE_MIN);
	SAME("%.1100f %.1022f", DBL_MIN, DBL_MIN);
	SAME("%f %e %g %a", DBL_TRUE_MIN, DBL_TRUE_MIN, DBL_TRUE_MIN,
	     DBL_TRUE_MIN);
	SAME("[%10.3f] [%-10.3f] [%+010.3f] [% .3f] [%#.0f] [%010.0f]", 1.5,
	     -1.5, 1.5, 1.5, 2.0, -3.0);
	SAME("%.15f %.17f %.16f", 0.1 + 0.2, 0.1 + 0.2, 1e-5);
	SAME("%f %f %f", 1e15, 1e16, 123456789012345678.0);
	SAME("%.3f %.3f", 999.9995, 999.9996);
	SAME("%5000.3000f|", 1.0);
}

TEST(float_exp_general)
{
	SAME("%e %E %e %e", 0.0, 1.0, 123456.789, -1e-300);
	SAME("%.0e %#.0e %.3e %.20e", 2.5, 2.5, 1e23, 1e23);
	SAME("%e %e %e", DBL_MAX, DBL_MIN, 5e-324);
	SAME("%g %g %g %g %g %g", 0.0, 100000.0, 1000000.0, 1e-4, 1e-5,
	     123.456);
	SAME("%#g %#.3g %#.0g %.0g %G %g", 1.0, 1.0, 1.0, 1.5, 1e-20,
	     0.0001234);
	SAME("%g %g %.17g %.16g", 0.1, 1.0 / 3, 0.1, 0.1);
	SAME("%.3g %.3g %.3g %.3g", 99.95, 99.96, 0.00099951, 999.5);
	SAME("%+g %+e % g %010g %-10g|", 1.0, 1.0, 1.0, -2.5, 2.5);
	SAME("%.100g %.500e", 1e-300, 1e-300);
	SAME("%#.10g %#g %#G", 12.0, 1e100, 1e-100);
}

TEST(float_special)
{
	double inf = INFINITY, nan = NAN;

	SAME("[%f] [%e] [%g] [%a] [%F] [%E] [%G] [%A]", inf, inf, inf, inf, inf,
	     inf, inf, inf);
	SAME("[%f] [%e] [%g] [%a] [%F] [%E] [%G] [%A]", -nan, nan, -inf, -nan,
	     nan, -nan, nan, -inf);
	SAME("[%05f] [%-+8f] [%+08e] [% 8g] [%010a] [%.3f] [%#f]", inf, nan,
	     inf, -inf, nan, inf, nan);
	SAME("[%Lf] [%Le] [%La] [%Lg]", (long double)INFINITY,
	     -(long double)NAN, (long double)NAN, -(long double)INFINITY);
}

TEST(float_hex)
{
	SAME("[%a] [%a] [%a] [%a] [%A]", 1.0, -2.0, 0.1, 0.0, 1e300);
	SAME("[%a] [%a] [%a]", 5e-324, DBL_MIN, DBL_MAX);
	SAME("[%.0a] [%.1a] [%.3a] [%#.0a] [%.20a] [%.0a]", 1.5, 1.0 / 3, 1.0,
	     1.0, 0.1, 1.96875);
	SAME("[%.0a] [%.0a] [%.0a] [%.1a] [%.1a]", 2.5, 3.5, 1.5, 1.03125,
	     1.09375);
	SAME("[%20a] [%-20a] [%020a] [%+a] [% a] [%#a]", 1.0, 1.0, -1.0, 1.0,
	     1.0, 1.0);
	SAME("[%La] [%La] [%La] [%La] [%LA]", 1.0L, 15.5L, 0.0L, -0.1L,
	     LDBL_MAX);
	SAME("[%La] [%La] [%.0La] [%.0La] [%.3La]", LDBL_MIN, LDBL_TRUE_MIN,
	     15.5L, 15.75L, 1.0L / 3);
}

TEST(long_double)
{
	SAME("%Lf %Le %Lg", 1.0L / 3, 1.0L / 3, 1.0L / 3);
	SAME("%.30Lf %.25Le %.20Lg", 0.1L, 0.1L, 0.1L);
	SAME("%Lf", LDBL_MAX);
	SAME("%Le %Lg %.50Le", LDBL_MIN, LDBL_TRUE_MIN, LDBL_TRUE_MIN);
	SAME("%.20000Lf", LDBL_TRUE_MIN);
	SAME("%.0Lf %.0Lf %.0Lf %.1Lf", 0.5L, 1.5L, 2.5L, 0.25L);
	SAME("%llf %Lf", 2.5L, 1e4000L);
}

TEST(rounding_modes)
{
	for (int m = 0; m < 4; m++) {
		set_rounding(m);
		SAME("%.0f %.0f %.0f %.0f %.1f %.1f", 0.5, -0.5, 1.5, -2.5,
		     0.25, -0.25);
		SAME("%.2e %.3g %.1a %.0a %.0La", 1.0 / 3, -2.0 / 3, 1.0 / 3,
		     -1.5, 15.5L);
		SAME("%.0f %.0f %f %e", 0.1, -0.1, 1e-10, -1e-300);
		SAME("%.0f %.5Lf %.3Le", 0.0, 1.0L / 3, -2.0L / 3);
		SAME("%.0f %.0e %.0g", 9.5, 9.5, 9.5);
	}
	set_rounding(TO_NEAREST);
}

/* --- random cases */

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(void)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static unsigned below(unsigned n)
{
	return (unsigned)(rnd() % n);
}

enum vtype {
	V_INT,
	V_LONG,
	V_LLONG,
	V_INTMAX,
	V_SIZE,
	V_PTRDIFF,
	V_DOUBLE,
	V_LDOUBLE,
	V_STR,
	V_PTR,
	V_WSTR
};

struct rcase {
	char fmt[80];
	int nstars, star[2];
	enum vtype type;
	long long i;
	double d;
	long double ld;
	const void *p;
	int mode;
};

/* an integer with a random number of significant bits and sign */
static long long random_int(void)
{
	int bits = below(65);
	uint64_t v = bits ? rnd() >> (64 - bits) : 0;

	if (below(8) == 0) {
		static const long long edges[] = {
		    0,	       1,   -1,	 INT_MAX, INT_MIN, LLONG_MAX,
		    LLONG_MIN, 255, 128, 65535,	  32768,   UINT_MAX};
		return edges[below(sizeof(edges) / sizeof(edges[0]))];
	}
	return below(2) ? -(long long)v : (long long)v;
}

static double from_bits(uint64_t b)
{
	double d;

	memcpy(&d, &b, sizeof(d));
	return d;
}

/* A double worth printing: random bits, subnormals, exact ties (m / 2^j
 * ends in a 5 at digit j after the point), neighbours of ties, decimals,
 * specials.  *tie_prec: a precision that puts the tie at the cut. */
static double random_double(int *tie_prec)
{
	static const double specials[] = {
	    0.0,  -0.0, 1.0,  0.5,  1e-310, DBL_MAX, DBL_MIN, 5e-324, 1e22,
	    1e23, 9.5,	0.95, 99.5, 0.05,   1e15,    1e16,    1e17};
	double d;
	int j;

	*tie_prec = -1;
	switch (below(10)) {
	case 0:
	case 1:
		return from_bits(rnd());
	case 2:
		return from_bits((rnd() >> 12) | (below(2) ? 1ULL << 63 : 0));
	case 3:
	case 4:
		j = 1 + below(60);
		d = scale2((double)(rnd() >> (12 + below(52)) | 1), -j);
		*tie_prec = j - 1;
		return below(2) ? -d : d;
	case 5:
		j = 1 + below(30);
		d = scale2((double)(rnd() >> (20 + below(40)) | 1), -j);
		*tie_prec = j - 1;
		d = step(d, below(2));
		return below(2) ? -d : d;
	case 6:
		return (double)random_int() / pow10i(below(25));
	case 7:
		return from_bits(rnd() & 0x7ff0000000000000ULL) *
		       (below(2) ? 1 : -1) * (1 + below(9));
	case 8:
		return specials[below(sizeof(specials) / sizeof(specials[0]))] *
		       (below(2) ? 1 : -1);
	default:
		return below(3) ? NAN : -INFINITY;
	}
}

static long double random_long_double(void)
{
	union {
		long double f;
		struct {
			uint64_t m;
			uint16_t se;
		} i;
	} u = {0};
	int exp;

	switch (below(6)) {
	case 0: /* anywhere in the range */
		exp = 1 + below(0x7ffe);
		break;
	case 1: /* subnormal */
		exp = 0;
		break;
	case 2:
		u.f = (long double)random_double(&exp);
		return u.f;
	case 3:
		u.f = (long double)random_int() / (1 + below(1000));
		return u.f;
	default: /* where most numbers live */
		exp = 16383 - 200 + below(400);
		break;
	}
	u.i.m = rnd() >> below(64);
	if (exp)
		u.i.m |= 1ULL << 63;
	else
		u.i.m &= ~(1ULL << 63);
	u.i.se = exp | (below(2) << 15);
	return u.f;
}

static void append(char **p, const char *s)
{
	size_t n = strlen(s);

	memcpy(*p, s, n);
	*p += n;
}

/* flags, width and precision (up to max_prec) into *p */
static void random_spec(struct rcase *c, char **p, int max_prec,
			int forced_prec)
{
	static const char flags[] = "-+ #0'";
	char num[16];

	for (int i = 0; i < 6; i++)
		if (below(4) == 0)
			*(*p)++ = flags[i];
	switch (below(5)) {
	case 0:
	case 1:
		break;
	case 2:
	case 3:
		sprintf(num, "%u", below(4) ? below(25) : below(300));
		append(p, num);
		break;
	default:
		*(*p)++ = '*';
		c->star[c->nstars++] = (int)below(61) - 30;
	}
	if (forced_prec >= 0 && below(2)) {
		sprintf(num, ".%d", forced_prec);
		append(p, num);
		return;
	}
	switch (below(7)) {
	case 0:
	case 1:
	case 2:
		break;
	case 3:
		*(*p)++ = '.';
		break;
	case 4:
	case 5:
		sprintf(num, ".%u", below(5) ? below(20) : below(max_prec + 1));
		append(p, num);
		break;
	default:
		append(p, ".*");
		c->star[c->nstars++] = (int)below(max_prec / 2 + 10) - 5;
	}
}

static void random_case(struct rcase *c)
{
	static const char *const int_convs = "diouxX";
	static const char *const float_convs = "eEfFgGaA";
	static const char *const int_lengths[] = {"",  "hh", "h", "l", "ll",
						  "j", "z",  "t", "L", "q"};
	static const enum vtype int_types[] = {
	    V_INT,    V_INT,  V_INT,	 V_LONG,  V_LLONG,
	    V_INTMAX, V_SIZE, V_PTRDIFF, V_LLONG, V_LLONG};
	static const char *const strings[] = {"",
					      "a",
					      "hello",
					      "hello, world",
					      "tab\there",
					      "0123456789abcdefghij"
					      "klmnopqrstuvwxyz"};
	char *p = c->fmt;
	int kind = below(20), tie = -1, len;

	memset(c, 0, sizeof(*c));
	p = c->fmt;
	if (below(4) == 0)
		append(&p, "<");
	*p++ = '%';
	if (kind < 7) { /* integers */
		random_spec(c, &p, 40, -1);
		len = below(10);
		append(&p, int_lengths[len]);
		*p++ = int_convs[below(6)];
		c->type = int_types[len];
		c->i = random_int();
	} else if (kind < 15) { /* doubles */
		c->d = random_double(&tie);
		random_spec(c, &p, below(20) ? 60 : 1100, tie);
		*p++ = float_convs[below(8)];
		c->type = V_DOUBLE;
	} else if (kind < 17) { /* long doubles */
		c->ld = random_long_double();
		random_spec(c, &p, below(20) ? 60 : 400, -1);
		*p++ = 'L';
		*p++ = float_convs[below(8)];
		c->type = V_LDOUBLE;
	} else if (kind == 17) { /* strings */
		random_spec(c, &p, 30, -1);
		if (below(6)) {
			*p++ = 's';
			c->type = V_STR;
			c->p = below(10) ? strings[below(6)] : NULL;
		} else {
			append(&p, "ls");
			c->type = V_WSTR;
			c->p = below(2) ? L"wide" : L"";
		}
	} else if (kind == 18) { /* characters */
		random_spec(c, &p, 5, -1);
		*p++ = 'c';
		c->type = V_INT;
		c->i = 1 + below(255);
	} else { /* pointers */
		random_spec(c, &p, 20, -1);
		*p++ = 'p';
		c->type = V_PTR;
		c->p = below(5) ? (void *)(uintptr_t)rnd() : NULL;
	}
	if (below(4) == 0)
		append(&p, ">\n");
	*p = 0;
	c->mode = below(4) ? TO_NEAREST : 1 + below(3);
}

#define CALL_BOTH(...)                                                         \
	do {                                                                   \
		*n1 = t_snprintf(ours, OUT_SIZE, c->fmt, __VA_ARGS__);         \
		*n2 = snprintf(theirs, OUT_SIZE, c->fmt, __VA_ARGS__);         \
	} while (0)

#define WITH_STARS(value)                                                      \
	do {                                                                   \
		if (c->nstars == 0)                                            \
			CALL_BOTH(value);                                      \
		else if (c->nstars == 1)                                       \
			CALL_BOTH(c->star[0], value);                          \
		else                                                           \
			CALL_BOTH(c->star[0], c->star[1], value);              \
	} while (0)

static void run_case(const struct rcase *c, int *n1, int *n2)
{
	set_rounding(c->mode);
	switch (c->type) {
	case V_INT:
		WITH_STARS((int)c->i);
		break;
	case V_LONG:
		WITH_STARS((long)c->i);
		break;
	case V_LLONG:
		WITH_STARS(c->i);
		break;
	case V_INTMAX:
		WITH_STARS((intmax_t)c->i);
		break;
	case V_SIZE:
		WITH_STARS((size_t)c->i);
		break;
	case V_PTRDIFF:
		WITH_STARS((ptrdiff_t)c->i);
		break;
	case V_DOUBLE:
		WITH_STARS(c->d);
		break;
	case V_LDOUBLE:
		WITH_STARS(c->ld);
		break;
	case V_STR:
	case V_PTR:
	case V_WSTR:
		WITH_STARS(c->p);
		break;
	}
	set_rounding(TO_NEAREST);
}

static void describe(const struct rcase *c, char *buf, size_t size)
{
	unsigned char b[12];

	memcpy(b, &c->ld, sizeof(b));
	snprintf(buf, size,
		 "fmt \"%s\" stars %d %d i %lld d %a ld %La mode %d: "
		 "ours \"%.60s\" glibc \"%.60s\"",
		 c->fmt, c->star[0], c->star[1], c->i, c->d, c->ld, c->mode,
		 ours, theirs);
}

#define RANDOM_CASES 200000

TEST(random_against_glibc)
{
	int differ = 0;

	/* another seed explores other cases: TEST_PRINTF_SEED=n */
	if (getenv("TEST_PRINTF_SEED"))
		rng_state += strtoull(getenv("TEST_PRINTF_SEED"), NULL, 0);
	for (int i = 0; i < RANDOM_CASES; i++) {
		struct rcase c;
		int n1 = 0, n2 = 0;

		random_case(&c);
		run_case(&c, &n1, &n2);
		if (n1 != n2 ||
		    (n1 >= 0 &&
		     memcmp(ours, theirs, n1 < OUT_SIZE ? n1 + 1 : OUT_SIZE))) {
			char what[400];

			if (!differ++) {
				describe(&c, what, sizeof(what));
				UNIT_FAIL("case %d: %s", i, what);
			}
			if (differ <= 20) {
				describe(&c, what, sizeof(what));
				fprintf(stderr, "# %s\n", what);
			}
		}
	}
	if (differ)
		fprintf(stderr, "# %d of %d random cases differ\n", differ,
			RANDOM_CASES);
}

UNIT_MAIN(CASE(integers), CASE(flags_width_precision),
	  CASE(chars_strings_pointers), CASE(percent_n_m_unknown), CASE(errors),
	  CASE(positional), CASE(snprintf_truncation), CASE(float_fixed),
	  CASE(float_exp_general), CASE(float_special), CASE(float_hex),
	  CASE(long_double), CASE(rounding_modes), CASE(random_against_glibc))
