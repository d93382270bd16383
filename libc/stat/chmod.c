/* libc/stat/chmod.c - chmod, fchmod, umask (umask cannot fail). */
#include <sys/stat.h>

#include "libc/internal/syscall.h"

int chmod(const char *path, mode_t mode)
{
	return __syscall_ret(__syscall2(SYS_chmod, path, mode));
}

int fchmod(int fd, mode_t mode)
{
	return __syscall_ret(__syscall2(SYS_fchmod, fd, mode));
}

mode_t umask(mode_t mask)
{
	return __syscall1(SYS_umask, mask);
}
