/* libc/pthread/timeout.c - absolute times (pthread's timedwait and
 * timedlock) to the relative timeouts futex(2) takes. */
#include <errno.h>
#include <time.h>

#include "libc/internal/lock.h"

int __timeout_left(const struct timespec *abstime, clockid_t clock,
		   struct timespec *rel)
{
	struct timespec now;

	if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000)
		return EINVAL;
	clock_gettime(clock, &now);
	rel->tv_sec = abstime->tv_sec - now.tv_sec;
	rel->tv_nsec = abstime->tv_nsec - now.tv_nsec;
	if (rel->tv_nsec < 0) {
		rel->tv_nsec += 1000000000;
		rel->tv_sec--;
	}
	return rel->tv_sec < 0 ? ETIMEDOUT : 0;
}

/* as __lock_slow, but the sleeps end at abstime */
int __lock_timed(volatile int *l, const struct timespec *abstime)
{
	struct timespec rel;
	int r;

	if (__a_cas(l, 0, 1) == 0)
		return 0;
	if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000)
		return EINVAL;
	while (__a_swap(l, 2)) {
		if ((r = __timeout_left(abstime, CLOCK_REALTIME, &rel)))
			return r;
		__futex_wait(l, 2, &rel, 1);
	}
	return 0;
}
