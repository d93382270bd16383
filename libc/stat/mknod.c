/* libc/stat/mknod.c - mknod, mknodat, mkfifo, mkfifoat.
 *
 * The kernel takes a device number as a 32-bit unsigned (Linux i386's
 * mknod); a dev_t that does not fit is EINVAL, as glibc says. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "libc/internal/syscall.h"

int mknodat(int dirfd, const char *path, mode_t mode, dev_t dev)
{
	unsigned int k_dev = (unsigned int)dev;

	if (k_dev != dev) {
		errno = EINVAL;
		return -1;
	}
	return __syscall_ret(__syscall4(SYS_mknodat, dirfd, path, mode, k_dev));
}

int mknod(const char *path, mode_t mode, dev_t dev)
{
	return mknodat(AT_FDCWD, path, mode, dev);
}

int mkfifoat(int dirfd, const char *path, mode_t mode)
{
	return mknodat(dirfd, path, mode | S_IFIFO, 0);
}

int mkfifo(const char *path, mode_t mode)
{
	return mknodat(AT_FDCWD, path, mode | S_IFIFO, 0);
}
