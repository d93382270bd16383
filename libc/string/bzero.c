/* libc/string/bzero.c - the old BSD names <strings.h> keeps: bzero,
 * bcopy (overlap allowed) and bcmp (0 if equal). */
#include <string.h>
#include <strings.h>

void bzero(void *s, size_t n)
{
	memset(s, 0, n);
}

void bcopy(const void *src, void *dst, size_t n)
{
	memmove(dst, src, n);
}

int bcmp(const void *a, const void *b, size_t n)
{
	return memcmp(a, b, n);
}
