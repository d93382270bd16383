/* libc/misc/ioctl.c - ioctl: one argument, an integer or a pointer. */
#include <stdarg.h>
#include <sys/ioctl.h>

#include "libc/internal/syscall.h"

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	long arg;

	va_start(ap, request);
	arg = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall3(SYS_ioctl, fd, request, arg));
}
