/* libc/stdio/dprintf.c - dprintf and vdprintf: printf to a file
 * descriptor, through a stream of the moment on it (as glibc: buffered
 * like any stream on that file, so normally one write at the end). */
#include "libc/stdio/stdio_impl.h"

int vdprintf(int fd, const char *restrict fmt, va_list ap)
{
	FILE f;
	int n;

	__stdio_init(&f, fd, F_WRITE);
	n = vfprintf(&f, fmt, ap);
	if (__stdio_flush_buffer(&f) && n >= 0)
		n = -1;
	__stdio_free_buffer(&f);
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
