/* libc/string/strcoll.c - strcoll and strxfrm in the only locale there
 * is, "C": collation is byte order, and the transform a copy. */
#include <string.h>

int strcoll(const char *a, const char *b)
{
	return strcmp(a, b);
}

size_t strxfrm(char *restrict dst, const char *restrict src, size_t n)
{
	size_t len = strlen(src);

	if (len < n)
		memcpy(dst, src, len + 1);
	return len;
}
