/* libc/unistd/write.c - write, pwrite (pwrite64: the offset as a register
 * pair). */
#include <unistd.h>

#include "libc/internal/syscall.h"

ssize_t write(int fd, const void *buf, size_t n)
{
	return __syscall_ret(__syscall3(SYS_write, fd, buf, n));
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t offset)
{
	return __syscall_ret(__syscall5(SYS_pwrite64, fd, buf, n,
					__lo32(offset), __hi32(offset)));
}
