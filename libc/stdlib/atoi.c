/* libc/stdlib/atoi.c - atoi: optional blanks and sign, then decimal digits. */
#include <stdlib.h>

int atoi(const char *s)
{
	int n = 0, neg = 0;

	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	/* accumulate negatively, so INT_MIN does not overflow */
	while (*s >= '0' && *s <= '9')
		n = 10 * n - (*s++ - '0');
	return neg ? n : -n;
}
