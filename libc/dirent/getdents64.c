/* libc/dirent/getdents64.c - getdents64: directory records into buf;
 * 0 at the end of the directory. */
#include <dirent.h>

#include "libc/internal/syscall.h"

ssize_t getdents64(int fd, void *buf, size_t size)
{
	return __syscall_ret(__syscall3(SYS_getdents64, fd, buf, size));
}
