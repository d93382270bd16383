/* libc/stdlib/abs.c - abs, labs, llabs, and div, ldiv, lldiv (quotient
 * truncated toward zero, as C's / does). */
#include <stdlib.h>

int abs(int n)
{
	return n < 0 ? -n : n;
}

long labs(long n)
{
	return n < 0 ? -n : n;
}

long long llabs(long long n)
{
	return n < 0 ? -n : n;
}

div_t div(int num, int den)
{
	return (div_t){num / den, num % den};
}

ldiv_t ldiv(long num, long den)
{
	return (ldiv_t){num / den, num % den};
}

lldiv_t lldiv(long long num, long long den)
{
	return (lldiv_t){num / den, num % den};
}
