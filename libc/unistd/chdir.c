/* libc/unistd/chdir.c - chdir and fchdir. */
#include <unistd.h>

#include "libc/internal/syscall.h"

int chdir(const char *path)
{
	return __syscall_ret(__syscall1(SYS_chdir, path));
}

int fchdir(int fd)
{
	return __syscall_ret(__syscall1(SYS_fchdir, fd));
}
