/* libc/stdio/vsnprintf.c - snprintf, vsnprintf, sprintf, vsprintf: the
 * printf core (printf_core.c) with a sink that fills a caller's buffer.
 *
 * The sink stores what fits, leaving room for the final '\0', and drops
 * the rest; the return value is the length the whole output would have
 * had (C99), so a caller can size a buffer from a first call with size 0.
 * The buffer is terminated even when formatting fails.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "libc/stdio/printf_impl.h"

struct buffer_out {
	struct fmt_out out;
	char *next;  /* where the next character goes */
	size_t room; /* characters that still fit, not counting the '\0' */
};

static int buffer_write(struct fmt_out *out, const char *s, size_t n)
{
	struct buffer_out *b = (struct buffer_out *)out;
	size_t k = n < b->room ? n : b->room;

	memcpy(b->next, s, k);
	b->next += k;
	b->room -= k;
	return 0;
}

int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
	      va_list ap)
{
	char nowhere;
	struct buffer_out b = {
	    {buffer_write}, size ? buf : &nowhere, size ? size - 1 : 0};
	int n = __printf_core(&b.out, fmt, ap);

	*b.next = '\0';
	return n;
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

/* No limit: the caller promises the buffer is large enough. */
int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
{
	return vsnprintf(buf, SIZE_MAX, fmt, ap);
}

int sprintf(char *restrict buf, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsprintf(buf, fmt, ap);
	va_end(ap);
	return n;
}
