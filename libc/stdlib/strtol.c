/* libc/stdlib/strtol.c - strtol, strtoul, strtoll, strtoull: one
 * scanner for all of them.
 *
 * Blanks, a sign, then digits of the base (2..36; 0 means "0x" -> 16,
 * "0" -> 8, else 10; base 16 also takes "0x").  A value out of range
 * gives the type's limit and errno ERANGE; the unsigned ones negate a
 * '-' value in their own type, as C says (strtoul("-1") is ULONG_MAX).
 * No digits: 0, with *end = the string itself; a bad base: 0 and
 * EINVAL.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isalpha(c))
		return (c | 32) - 'a' + 10;
	return 99;
}

/* The value of s in base, with the limits of the type: max for a
 * positive value, min_magnitude for the magnitude of a negative one
 * (for an unsigned type, both are its maximum). */
static unsigned long long scan(const char *s, char **end, int base,
			       unsigned long long max,
			       unsigned long long min_magnitude, int is_unsigned)
{
	const char *p = s;
	unsigned long long v = 0, limit;
	int neg = 0, any = 0, overflow = 0;

	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (end)
			*end = (char *)s;
		return 0;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 32) == 'x' &&
	    digit_value((unsigned char)p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}
	limit = neg && !is_unsigned ? min_magnitude : max;
	for (;; p++) {
		int d = digit_value((unsigned char)*p);

		if (d >= base)
			break;
		any = 1;
		if (v > (limit - d) / base)
			overflow = 1;
		else
			v = v * base + d;
	}
	if (end)
		*end = (char *)(any ? p : s);
	if (overflow) {
		errno = ERANGE;
		return neg && !is_unsigned ? -min_magnitude : max;
	}
	return neg ? -v : v;
}

long strtol(const char *restrict s, char **restrict end, int base)
{
	return scan(s, end, base, LONG_MAX, -(unsigned long long)LONG_MIN, 0);
}

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	return scan(s, end, base, ULONG_MAX, ULONG_MAX, 1);
}

long long strtoll(const char *restrict s, char **restrict end, int base)
{
	return scan(s, end, base, LLONG_MAX, -(unsigned long long)LLONG_MIN,
		    0);
}

unsigned long long strtoull(const char *restrict s, char **restrict end,
			    int base)
{
	return scan(s, end, base, ULLONG_MAX, ULLONG_MAX, 1);
}
