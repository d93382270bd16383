/* libc/string/stpcpy.c - stpcpy and stpncpy: copy, and return where the
 * copy ends (the terminator; for stpncpy the first NUL written, or
 * dst + n when src was not shorter than n). */
#include <string.h>

char *stpcpy(char *restrict dst, const char *restrict src)
{
	while ((*dst = *src++))
		dst++;
	return dst;
}

char *stpncpy(char *restrict dst, const char *restrict src, size_t n)
{
	size_t len = strnlen(src, n);

	memcpy(dst, src, len);
	memset(dst + len, 0, n - len);
	return dst + len;
}
