/* libc/unistd/link.c - link, symlink, readlink. */
#include <unistd.h>

#include "libc/internal/syscall.h"

int link(const char *old, const char *new)
{
	return __syscall_ret(__syscall2(SYS_link, old, new));
}

int symlink(const char *target, const char *linkpath)
{
	return __syscall_ret(__syscall2(SYS_symlink, target, linkpath));
}

ssize_t readlink(const char *restrict path, char *restrict buf, size_t size)
{
	return __syscall_ret(__syscall3(SYS_readlink, path, buf, size));
}
