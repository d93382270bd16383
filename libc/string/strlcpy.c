/* libc/string/strlcpy.c - strlcpy and strlcat (BSD, glibc 2.38): copy
 * or append into a buffer of size bytes, always terminated when size is
 * not 0; return the length of the string they tried to make, so a result
 * >= size means it was cut. */
#include <string.h>

size_t strlcpy(char *restrict dst, const char *restrict src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = 0;
	}
	return len;
}

size_t strlcat(char *restrict dst, const char *restrict src, size_t size)
{
	size_t used = strnlen(dst, size);

	if (used == size)
		return size + strlen(src);
	return used + strlcpy(dst + used, src, size - used);
}
