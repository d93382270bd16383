/* kernel/format.h - printf-style formatting into a buffer (no I/O).
 *
 * Supported: flags "-0+ #", width and precision (numbers or '*'), length
 * modifiers hh h l ll z, conversions d i u x X o c s p %.  An unknown
 * conversion is copied through unchanged.  Pure code: also built and
 * tested on the host (tests/unit/test_format.c).
 */
#ifndef KERNEL_FORMAT_H
#define KERNEL_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/* Formats into buf (always NUL-terminated if size > 0); returns the length
 * the full output would have had, as C99 vsnprintf does. */
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int ksnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
