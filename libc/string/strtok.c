/* libc/string/strtok.c - strtok, strtok_r and strsep: split a string in
 * place.  strtok and strtok_r skip runs of delimiters (no empty tokens);
 * strsep returns an empty token between two delimiters. */
#include <string.h>

char *strtok_r(char *restrict s, const char *restrict delim,
	       char **restrict save)
{
	if (!s)
		s = *save;
	s += strspn(s, delim);
	if (!*s) {
		*save = s;
		return NULL;
	}
	char *end = s + strcspn(s, delim);

	if (*end)
		*end++ = 0;
	*save = end;
	return s;
}

char *strtok(char *restrict s, const char *restrict delim)
{
	static char *save;

	return strtok_r(s, delim, &save);
}

char *strsep(char **sp, const char *delim)
{
	char *s = *sp, *end;

	if (!s)
		return NULL;
	end = s + strcspn(s, delim);
	if (*end) {
		*end = 0;
		*sp = end + 1;
	} else {
		*sp = NULL;
	}
	return s;
}
