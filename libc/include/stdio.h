/* stdio.h - for now only rename and formatting into a buffer or straight
 * to an fd (kernel/format.c is the formatter: d i u x X o c s p, no
 * floating point).  FILE streams and printf arrive with the full libc. */
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>
#include <stddef.h>

int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
    __attribute__((format(printf, 3, 4)));
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
	      va_list ap);
int dprintf(int fd, const char *restrict fmt, ...)
    __attribute__((format(printf, 2, 3)));
int vdprintf(int fd, const char *restrict fmt, va_list ap);

int rename(const char *old, const char *new);

#endif
