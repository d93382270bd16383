/* libc/string/strcasecmp.c - strcasecmp, strncasecmp and strcasestr:
 * comparison and search ignoring ASCII case (the C locale). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

int strcasecmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	for (; *p && tolower(*p) == tolower(*q); p++, q++)
		;
	return tolower(*p) - tolower(*q);
}

int strncasecmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	if (!n)
		return 0;
	for (; --n && *p && tolower(*p) == tolower(*q); p++, q++)
		;
	return tolower(*p) - tolower(*q);
}

char *strcasestr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return (char *)hay;
	return n ? NULL : (char *)hay;
}
