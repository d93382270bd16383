/* libc/stdio/vsscanf.c - sscanf and vsscanf: the scanf core reading a
 * string; its end is the end of the input. */
#include <stdio.h>

#include "libc/stdio/scanf_impl.h"

struct string_in {
	struct scan_in in;
	const unsigned char *p;
};

static int string_get(struct scan_in *in)
{
	struct string_in *s = (struct string_in *)in;

	return *s->p ? *s->p++ : EOF;
}

static void string_unget(struct scan_in *in, int c)
{
	(void)c; /* it is the byte just read */
	((struct string_in *)in)->p--;
}

int vsscanf(const char *restrict str, const char *restrict fmt, va_list ap)
{
	struct string_in s = {{string_get, string_unget},
			      (const unsigned char *)str};

	return __scanf_core(&s.in, fmt, ap);
}

int sscanf(const char *restrict str, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsscanf(str, fmt, ap);
	va_end(ap);
	return n;
}
