/* libc/pthread/mutex.c - mutexes: normal, recursive and error-checking.
 *
 * The lock itself is the libc's futex lock (libc/internal/lock.h): one
 * atomic instruction to take or release when nobody waits.  A normal
 * mutex is only that.  The other two also note their holder (its struct
 * pthread), so that a second lock by the holder counts up (recursive) or
 * fails with EDEADLK (error-checking), and an unlock by anyone else
 * fails with EPERM.  The holder is set after the lock is taken and
 * cleared before it is released, so a thread that reads itself there is
 * the holder.
 */
#include <errno.h>
#include <limits.h>

#include "libc/internal/lock.h"
#include "libc/internal/pthread.h"

int pthread_mutex_init(pthread_mutex_t *restrict m,
		       const pthread_mutexattr_t *restrict attr)
{
	*m = (pthread_mutex_t){0, attr ? attr->__type : PTHREAD_MUTEX_NORMAL, 0,
			       0};
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
	return m->__lock ? EBUSY : 0;
}

/* recursive and error-checking: the lock is already taken by self?
 * Returns -1 if not (go and take it), else the result. */
static int relock(pthread_mutex_t *m, struct pthread *self)
{
	if (m->__owner != self)
		return -1;
	if (m->__type != PTHREAD_MUTEX_RECURSIVE)
		return EDEADLK;
	if (m->__count == INT_MAX)
		return EAGAIN;
	m->__count++;
	return 0;
}

static void taken(pthread_mutex_t *m, struct pthread *self)
{
	m->__owner = self;
	m->__count = 1;
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
	struct pthread *self;
	int r;

	if (m->__type == PTHREAD_MUTEX_NORMAL) {
		__lock(&m->__lock);
		return 0;
	}
	self = __pthread_self();
	if ((r = relock(m, self)) >= 0)
		return r;
	__lock(&m->__lock);
	taken(m, self);
	return 0;
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
	struct pthread *self;
	int r;

	if (m->__type == PTHREAD_MUTEX_NORMAL)
		return __trylock(&m->__lock) ? EBUSY : 0;
	self = __pthread_self();
	if ((r = relock(m, self)) >= 0)
		return r == EDEADLK ? EBUSY : r;
	if (__trylock(&m->__lock))
		return EBUSY;
	taken(m, self);
	return 0;
}

int pthread_mutex_timedlock(pthread_mutex_t *restrict m,
			    const struct timespec *restrict abstime)
{
	struct pthread *self = __pthread_self();
	int r;

	if (m->__type != PTHREAD_MUTEX_NORMAL && (r = relock(m, self)) >= 0)
		return r;
	if ((r = __lock_timed(&m->__lock, abstime)))
		return r;
	if (m->__type != PTHREAD_MUTEX_NORMAL)
		taken(m, self);
	return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	if (m->__type != PTHREAD_MUTEX_NORMAL) {
		if (m->__owner != __pthread_self())
			return EPERM;
		if (--m->__count)
			return 0;
		m->__owner = 0;
	}
	__unlock(&m->__lock);
	return 0;
}

int pthread_mutexattr_init(pthread_mutexattr_t *attr)
{
	attr->__type = PTHREAD_MUTEX_NORMAL;
	return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *attr)
{
	(void)attr;
	return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type)
{
	if (type != PTHREAD_MUTEX_NORMAL && type != PTHREAD_MUTEX_RECURSIVE &&
	    type != PTHREAD_MUTEX_ERRORCHECK)
		return EINVAL;
	attr->__type = type;
	return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *restrict attr,
			      int *restrict type)
{
	*type = attr->__type;
	return 0;
}
