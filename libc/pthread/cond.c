/* libc/pthread/cond.c - condition variables.
 *
 * A sequence number and a count of waiters.  wait reads the sequence
 * while it still holds the mutex, releases the mutex and sleeps on the
 * sequence word with FUTEX_WAIT -- which returns at once if a signal
 * bumped the number in between, so no wake-up is lost -- then takes the
 * mutex again.  signal and broadcast bump the number and, only if some
 * thread is waiting, wake one or all of them.  (The count is raised
 * before the sequence is read and both are changed with full barriers, so
 * a signal that sees no waiter came before any waiter read the number.)
 * Wake-ups may be spurious, as POSIX allows: callers wait in a loop.
 * A broadcast wakes every waiter at once to fight for the mutex (there
 * is no FUTEX_REQUEUE here).
 */
#include <errno.h>
#include <limits.h>

#include "libc/internal/lock.h"
#include "libc/internal/pthread.h"

int pthread_cond_init(pthread_cond_t *restrict c,
		      const pthread_condattr_t *restrict attr)
{
	*c = (pthread_cond_t){0, 0, attr ? attr->__clock : CLOCK_REALTIME};
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *c)
{
	(void)c;
	return 0;
}

static int wait(pthread_cond_t *c, pthread_mutex_t *m,
		const struct timespec *abstime)
{
	struct timespec rel;
	int seq, r = 0;

	if (abstime && (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000))
		return EINVAL;
	__a_fetch_add(&c->__waiters, 1);
	seq = c->__seq;
	if ((r = pthread_mutex_unlock(m))) {
		__a_fetch_add(&c->__waiters, -1);
		return r;
	}
	if (abstime)
		r = __timeout_left(abstime, c->__clock, &rel);
	if (r == 0 && __futex_wait(&c->__seq, seq, abstime ? &rel : NULL, 1) ==
			  -ETIMEDOUT)
		r = ETIMEDOUT;
	__a_fetch_add(&c->__waiters, -1);
	pthread_mutex_lock(m);
	return r;
}

int pthread_cond_wait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m)
{
	return wait(c, m, NULL);
}

int pthread_cond_timedwait(pthread_cond_t *restrict c,
			   pthread_mutex_t *restrict m,
			   const struct timespec *restrict abstime)
{
	return wait(c, m, abstime);
}

int pthread_cond_signal(pthread_cond_t *c)
{
	__a_fetch_add(&c->__seq, 1);
	if (c->__waiters)
		__futex_wake(&c->__seq, 1, 1);
	return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
	__a_fetch_add(&c->__seq, 1);
	if (c->__waiters)
		__futex_wake(&c->__seq, INT_MAX, 1);
	return 0;
}

int pthread_condattr_init(pthread_condattr_t *attr)
{
	attr->__clock = CLOCK_REALTIME;
	return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *attr)
{
	(void)attr;
	return 0;
}

int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock)
{
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
		return EINVAL;
	attr->__clock = clock;
	return 0;
}

int pthread_condattr_getclock(const pthread_condattr_t *restrict attr,
			      clockid_t *restrict clock)
{
	*clock = attr->__clock;
	return 0;
}
