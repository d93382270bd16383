/* libc/env/getenv.c - getenv: the value of NAME=value in environ. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *getenv(const char *name)
{
	size_t n = strlen(name);

	if (!environ || !n || strchr(name, '='))
		return NULL;
	for (char **e = environ; *e; e++)
		if (!strncmp(*e, name, n) && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}
