/* libc/stat/stat.c - stat, lstat, fstat, fstatat: the 64-bit calls, into
 * the caller's struct stat (which is struct stat64, see stat_layout.c). */
#include <sys/stat.h>

#include "libc/internal/syscall.h"

int stat(const char *restrict path, struct stat *restrict st)
{
	return __syscall_ret(__syscall2(SYS_stat64, path, st));
}

int lstat(const char *restrict path, struct stat *restrict st)
{
	return __syscall_ret(__syscall2(SYS_lstat64, path, st));
}

int fstat(int fd, struct stat *st)
{
	return __syscall_ret(__syscall2(SYS_fstat64, fd, st));
}

int fstatat(int dirfd, const char *restrict path, struct stat *restrict st,
	    int flags)
{
	return __syscall_ret(__syscall4(SYS_fstatat64, dirfd, path, st, flags));
}
