/* libc/time/nanosleep.c - nanosleep (rem gets the time left when a
 * signal interrupts it: EINTR). */
#include <time.h>

#include "libc/internal/syscall.h"

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return __syscall_ret(__syscall2(SYS_nanosleep, req, rem));
}
