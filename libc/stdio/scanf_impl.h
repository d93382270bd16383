/* libc/stdio/scanf_impl.h - the scanf family's core (private).
 *
 * __scanf_core() reads through a source, struct scan_in, one byte at a
 * time with one byte of push-back: a stream (vfscanf: getc and ungetc)
 * or a string (vsscanf).  Like the printf core it knows nothing else
 * about its input, so tests/unit/test_scanf.c compiles it against glibc
 * and compares the two.
 */
#ifndef LIBC_STDIO_SCANF_IMPL_H
#define LIBC_STDIO_SCANF_IMPL_H

#include <stdarg.h>

struct scan_in {
	int (*get)(struct scan_in *in);		  /* the next byte, or EOF */
	void (*unget)(struct scan_in *in, int c); /* gives back c, just read */
};

/* Scans the input by fmt, storing through the pointers in ap.  Returns
 * the number of conversions assigned, or EOF if the input ended (or
 * failed) before the first one, as glibc. */
int __scanf_core(struct scan_in *in, const char *fmt, va_list ap);

#endif
