/* libc/fcntl/fcntl.c - fcntl through fcntl64 (the same for the commands
 * the libc knows: F_DUPFD*, F_GETFD/SETFD, F_GETFL/SETFL). */
#include <fcntl.h>
#include <stdarg.h>

#include "libc/internal/syscall.h"

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall3(SYS_fcntl64, fd, cmd, arg));
}
