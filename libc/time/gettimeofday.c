/* libc/time/gettimeofday.c - gettimeofday and time (each its own call). */
#include <sys/time.h>
#include <time.h>

#include "libc/internal/syscall.h"

int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	return __syscall_ret(__syscall2(SYS_gettimeofday, tv, tz));
}

time_t time(time_t *t)
{
	return __syscall_ret(__syscall1(SYS_time, t));
}
