/* libc/stat/statfs.c - statfs and fstatfs on the 64-bit calls. */
#include <sys/statfs.h>

#include "libc/internal/syscall.h"

_Static_assert(sizeof(struct statfs) == sizeof(struct statfs64),
	       "struct statfs is the kernel's statfs64");

int statfs(const char *path, struct statfs *buf)
{
	return __syscall_ret(__syscall3(SYS_statfs64, path, sizeof(*buf), buf));
}

int fstatfs(int fd, struct statfs *buf)
{
	return __syscall_ret(__syscall3(SYS_fstatfs64, fd, sizeof(*buf), buf));
}
