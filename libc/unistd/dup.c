/* libc/unistd/dup.c - dup, dup2, dup3. */
#include <unistd.h>

#include "libc/internal/syscall.h"

int dup(int fd)
{
	return __syscall_ret(__syscall1(SYS_dup, fd));
}

int dup2(int fd, int newfd)
{
	return __syscall_ret(__syscall2(SYS_dup2, fd, newfd));
}

int dup3(int fd, int newfd, int flags)
{
	return __syscall_ret(__syscall3(SYS_dup3, fd, newfd, flags));
}
