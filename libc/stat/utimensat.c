/* libc/stat/utimensat.c - utimensat, futimens: set a file's access and
 * modification times to the nanosecond (UTIME_NOW and UTIME_OMIT in
 * tv_nsec mean "now" and "leave alone").  The 32-bit utimensat call
 * (320) takes the 32-bit time_t timespec this libc has. */
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>

#include "libc/internal/syscall.h"

int utimensat(int dirfd, const char *path, const struct timespec times[2],
	      int flags)
{
	return __syscall_ret(
	    __syscall4(SYS_utimensat, dirfd, path, times, flags));
}

/* A NULL path makes utimensat work on the fd itself, as Linux defines. */
int futimens(int fd, const struct timespec times[2])
{
	return __syscall_ret(__syscall4(SYS_utimensat, fd, 0, times, 0));
}
