/* libc/stdio/dprintf.c - dprintf and vdprintf: format, then one write.
 * Output longer than the 1024-byte buffer is cut (no FILE streams yet). */
#include <stdio.h>
#include <unistd.h>

int vdprintf(int fd, const char *restrict fmt, va_list ap)
{
	char buf[1024];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);

	if (n < 0)
		return n;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	return write(fd, buf, n);
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
