/* libc/string/strchrnul.c - strchrnul: like strchr, but the terminator
 * instead of NULL when c is absent (GNU). */
#include <string.h>

char *strchrnul(const char *s, int c)
{
	while (*s && *s != (char)c)
		s++;
	return (char *)s;
}
