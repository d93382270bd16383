/* libc/unistd/fsync.c - fsync, fdatasync, sync. */
#include <unistd.h>

#include "libc/internal/syscall.h"

int fsync(int fd)
{
	return __syscall_ret(__syscall1(SYS_fsync, fd));
}

int fdatasync(int fd)
{
	return __syscall_ret(__syscall1(SYS_fdatasync, fd));
}

void sync(void)
{
	__syscall0(SYS_sync);
}
