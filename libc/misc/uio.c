/* libc/misc/uio.c - readv and writev. */
#include <sys/uio.h>

#include "libc/internal/syscall.h"

ssize_t readv(int fd, const struct iovec *iov, int count)
{
	return __syscall_ret(__syscall3(SYS_readv, fd, iov, count));
}

ssize_t writev(int fd, const struct iovec *iov, int count)
{
	return __syscall_ret(__syscall3(SYS_writev, fd, iov, count));
}
