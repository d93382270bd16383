/* libc/internal/lock.h - atomics, futex calls and the libc's own locks
 * (private; the slow paths are in libc/pthread/lock.c).
 *
 * A lock is an int: 0 free, 1 held, 2 held and someone may sleep on it
 * (Drepper's "Futexes are tricky", mutex 2).  Taking a free lock is one
 * compare-and-swap and releasing an uncontended one one exchange: no
 * system call.  Only a thread that finds the lock held goes to the kernel
 * (FUTEX_WAIT on the lock word, value 2), and only a release that sees 2
 * wakes one sleeper (FUTEX_WAKE).
 *
 * Until the first pthread_create there is one thread, and __libc_threaded
 * is 0: then the locks are taken and released with plain stores, so a
 * single-threaded program pays nothing for them.  The switch is safe
 * because only the one thread there is can flip it (in pthread_create,
 * before the clone), and a lock it holds at that moment is 1 either way.
 */
#ifndef LIBC_INTERNAL_LOCK_H
#define LIBC_INTERNAL_LOCK_H

#include <time.h>

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_PRIVATE 128 /* the word is in this process's memory only */

/* 1 from the first pthread_create on (libc/pthread/lock.c) */
extern int __libc_threaded;

/* --- atomics (sequentially consistent: lock-prefixed on x86) */

/* if *p == old, *p = new; returns what *p was */
static inline int __a_cas(volatile int *p, int old, int new)
{
	__atomic_compare_exchange_n(p, &old, new, 0, __ATOMIC_SEQ_CST,
				    __ATOMIC_SEQ_CST);
	return old;
}

static inline int __a_swap(volatile int *p, int v)
{
	return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST);
}

/* adds v; returns the old value */
static inline int __a_fetch_add(volatile int *p, int v)
{
	return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST);
}

static inline void __a_store(volatile int *p, int v)
{
	__atomic_store_n(p, v, __ATOMIC_SEQ_CST);
}

static inline void __a_spin(void)
{
	__asm__ __volatile__("pause" ::: "memory");
}

/* the calling thread's struct pthread (libc/internal/pthread.h): the
 * thread pointer, which %gs:0 holds */
static inline void *__thread_self(void)
{
	void *self;

	__asm__("movl %%gs:0, %0" : "=r"(self));
	return self;
}

/* --- futex (libc/pthread/lock.c) */

/* Sleeps while *addr == val, at most *rel if given (relative).  Returns 0
 * (woken, or maybe spuriously), -EAGAIN (*addr was not val), -ETIMEDOUT
 * or -EINTR. */
int __futex_wait(volatile int *addr, int val, const struct timespec *rel,
		 int priv);
/* Wakes up to n threads sleeping on addr. */
void __futex_wake(volatile int *addr, int n, int priv);

/* The time left until abstime on clock (libc/pthread/timeout.c): 0 and
 * *rel, or ETIMEDOUT when it has passed, or EINVAL for a bad abstime. */
int __timeout_left(const struct timespec *abstime, clockid_t clock,
		   struct timespec *rel);

/* --- the libc's locks */

void __lock_slow(volatile int *l);

static inline void __lock(volatile int *l)
{
	if (!__libc_threaded)
		*l = 1;
	else if (__a_cas(l, 0, 1))
		__lock_slow(l);
}

/* 0 if it took the lock, else nonzero (the lock is held) */
static inline int __trylock(volatile int *l)
{
	if (!__libc_threaded) {
		if (*l)
			return 1;
		*l = 1;
		return 0;
	}
	return __a_cas(l, 0, 1);
}

/* __lock with a time limit (CLOCK_REALTIME abstime): 0 or ETIMEDOUT */
int __lock_timed(volatile int *l, const struct timespec *abstime);

static inline void __unlock(volatile int *l)
{
	if (!__libc_threaded)
		*l = 0;
	else if (__a_swap(l, 0) == 2)
		__futex_wake(l, 1, 1);
}

#endif
