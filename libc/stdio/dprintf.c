/* libc/stdio/dprintf.c - dprintf and vdprintf: printf to a file
 * descriptor, through a stream of the moment on it, buffered as glibc's
 * would be (a terminal line by line, anything else in blocks of its
 * st_blksize: normally one write at the end).  The buffer is on the
 * stack: no malloc, so it works even when the heap does not. */
#include "libc/stdio/stdio_impl.h"

int vdprintf(int fd, const char *restrict fmt, va_list ap)
{
	unsigned char buf[BUFSIZ];
	FILE f;
	int n;

	__stdio_init(&f, fd, F_WRITE);
	__stdio_use_buffer(&f, buf, __stdio_choose_buffer(&f));
	n = vfprintf(&f, fmt, ap);
	if (__stdio_flush_buffer(&f) && n >= 0)
		n = -1;
	return n;
}

int dprintf(int fd, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}
