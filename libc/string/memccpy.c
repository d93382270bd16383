/* libc/string/memccpy.c - memccpy (copy up to and including the first c;
 * return the byte after it in dst, or NULL if c was not among the n
 * bytes) and mempcpy (memcpy returning dst + n, GNU). */
#include <string.h>

void *memccpy(void *restrict dst, const void *restrict src, int c, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	for (; n; n--) {
		if ((*d++ = *s++) == (unsigned char)c)
			return d;
	}
	return NULL;
}

void *mempcpy(void *restrict dst, const void *restrict src, size_t n)
{
	return (char *)memcpy(dst, src, n) + n;
}
