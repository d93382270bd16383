/* libc/unistd/access.c - access and faccessat (flags through faccessat2). */
#include <unistd.h>

#include "libc/internal/syscall.h"

int access(const char *path, int mode)
{
	return __syscall_ret(__syscall2(SYS_access, path, mode));
}

int faccessat(int dirfd, const char *path, int mode, int flags)
{
	if (flags)
		return __syscall_ret(
		    __syscall4(SYS_faccessat2, dirfd, path, mode, flags));
	return __syscall_ret(__syscall3(SYS_faccessat, dirfd, path, mode));
}
