/* libc/syscall/syscall_ret.c - the one place a kernel result becomes the
 * C convention: -4095..-1 is -errno (errno set, -1 returned); anything
 * else is the result. */
#include <errno.h>

#include "libc/internal/syscall.h"

long __syscall_ret(unsigned long r)
{
	if (r > -4096UL) {
		errno = -(long)r;
		return -1;
	}
	return (long)r;
}
