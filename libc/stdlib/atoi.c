/* libc/stdlib/atoi.c - atoi, atol, atoll: optional blanks and sign, then
 * decimal digits; no error reporting (strtol has that).  An overflow
 * wraps instead of being undefined. */
#include <stdlib.h>

long long atoll(const char *s)
{
	unsigned long long n = 0;
	int neg = 0;

	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	while (*s >= '0' && *s <= '9')
		n = 10 * n + (*s++ - '0');
	return neg ? -n : n;
}

long atol(const char *s)
{
	return atoll(s);
}

int atoi(const char *s)
{
	return atoll(s);
}
