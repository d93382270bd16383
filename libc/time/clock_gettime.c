/* libc/time/clock_gettime.c - clock_gettime and clock_getres (no vDSO: a
 * system call each). */
#include <time.h>

#include "libc/internal/syscall.h"

int clock_gettime(clockid_t clock, struct timespec *ts)
{
	return __syscall_ret(__syscall2(SYS_clock_gettime, clock, ts));
}

int clock_getres(clockid_t clock, struct timespec *res)
{
	return __syscall_ret(__syscall2(SYS_clock_getres, clock, res));
}
