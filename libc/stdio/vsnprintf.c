/* libc/stdio/vsnprintf.c - snprintf and vsnprintf.
 *
 * For now the formatter is the kernel's kernel/format.c (kvsnprintf),
 * compiled into libc.a as it is: C99 return values, no floating point.
 * The full libc's printf family replaces it.
 */
#include <stdio.h>

#include "kernel/format.h"

int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
	      va_list ap)
{
	return kvsnprintf(buf, size, fmt, ap);
}

int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
