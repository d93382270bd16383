/* libc/time/clock.c - clock: the processor time used, in
 * CLOCKS_PER_SEC units (from CLOCK_PROCESS_CPUTIME_ID, which on this
 * kernel, without CPU accounting, still counts wall time). */
#include <time.h>

clock_t clock(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) < 0)
		return -1;
	return ts.tv_sec * CLOCKS_PER_SEC + ts.tv_nsec / 1000;
}
