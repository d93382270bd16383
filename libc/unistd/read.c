/* libc/unistd/read.c - read, pread (pread64: the offset as a register pair). */
#include <unistd.h>

#include "libc/internal/syscall.h"

ssize_t read(int fd, void *buf, size_t n)
{
	return __syscall_ret(__syscall3(SYS_read, fd, buf, n));
}

ssize_t pread(int fd, void *buf, size_t n, off_t offset)
{
	return __syscall_ret(__syscall5(SYS_pread64, fd, buf, n, __lo32(offset),
					__hi32(offset)));
}
