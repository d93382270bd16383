/* libc/string/memmem.c - memmem: the first occurrence of a byte string in
 * another (GNU).  The plain quadratic search, with memchr finding each
 * candidate's first byte; an empty needle is found at the start. */
#include <string.h>

void *memmem(const void *hay, size_t hay_len, const void *needle,
	     size_t needle_len)
{
	const unsigned char *h = hay, *end, *n = needle;

	if (!needle_len)
		return (void *)hay;
	if (needle_len > hay_len)
		return NULL;
	end = h + hay_len - needle_len + 1;
	while ((h = memchr(h, n[0], end - h))) {
		if (!memcmp(h, n, needle_len))
			return (void *)h;
		h++;
	}
	return NULL;
}
