/* libc/unistd/unlink.c - unlink, unlinkat, rmdir. */
#include <unistd.h>

#include "libc/internal/syscall.h"

int unlink(const char *path)
{
	return __syscall_ret(__syscall1(SYS_unlink, path));
}

int unlinkat(int dirfd, const char *path, int flags)
{
	return __syscall_ret(__syscall3(SYS_unlinkat, dirfd, path, flags));
}

int rmdir(const char *path)
{
	return __syscall_ret(__syscall1(SYS_rmdir, path));
}
