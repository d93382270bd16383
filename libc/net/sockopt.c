/* libc/net/sockopt.c - socket options: setsockopt and getsockopt (i386's
 * direct calls 366 and 365). */
#include <sys/socket.h>

#include "libc/internal/syscall.h"

int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
	return __syscall_ret(
	    __syscall5(SYS_setsockopt, fd, level, name, val, len));
}

int getsockopt(int fd, int level, int name, void *restrict val,
	       socklen_t *restrict len)
{
	return __syscall_ret(
	    __syscall5(SYS_getsockopt, fd, level, name, val, len));
}
