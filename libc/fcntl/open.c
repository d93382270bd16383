/* libc/fcntl/open.c - open, openat, creat.  off_t is 64 bits, so every
 * open asks for O_LARGEFILE, as musl and glibc's 64-bit-offset builds do. */
#include <fcntl.h>
#include <stdarg.h>

#include "libc/internal/syscall.h"

int open(const char *path, int flags, ...)
{
	mode_t mode = 0;

	if (flags & O_CREAT) {
		va_list ap;

		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return __syscall_ret(
	    __syscall3(SYS_open, path, flags | O_LARGEFILE, mode));
}

int openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;

	if (flags & O_CREAT) {
		va_list ap;

		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return __syscall_ret(
	    __syscall4(SYS_openat, dirfd, path, flags | O_LARGEFILE, mode));
}

/* creat (8) is open(path, O_CREAT | O_WRONLY | O_TRUNC, mode) */
int creat(const char *path, mode_t mode)
{
	return __syscall_ret(__syscall2(SYS_creat, path, mode));
}
