/* libc/misc/getrandom.c - getrandom. */
#include <sys/random.h>

#include "libc/internal/syscall.h"

ssize_t getrandom(void *buf, size_t n, unsigned flags)
{
	return __syscall_ret(__syscall3(SYS_getrandom, buf, n, flags));
}
