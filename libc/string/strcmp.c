/* libc/string/strcmp.c - strcmp and strncmp (bytes compared unsigned). */
#include <string.h>

int strcmp(const char *a, const char *b)
{
	for (; *a && *a == *b; a++, b++)
		;
	return *(const unsigned char *)a - *(const unsigned char *)b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	if (!n)
		return 0;
	for (; --n && *a && *a == *b; a++, b++)
		;
	return *(const unsigned char *)a - *(const unsigned char *)b;
}
