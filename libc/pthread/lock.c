/* libc/pthread/lock.c - the futex calls and the slow path of the libc's
 * locks (libc/internal/lock.h has the fast paths and the design). */
#include "libc/internal/lock.h"
#include "libc/internal/syscall.h"

int __libc_threaded;

int __futex_wait(volatile int *addr, int val, const struct timespec *rel,
		 int priv)
{
	return __syscall4(SYS_futex, addr,
			  FUTEX_WAIT | (priv ? FUTEX_PRIVATE : 0), val, rel);
}

void __futex_wake(volatile int *addr, int n, int priv)
{
	__syscall3(SYS_futex, addr, FUTEX_WAKE | (priv ? FUTEX_PRIVATE : 0), n);
}

/* The lock was held: spin a little (the holder may be about to release
 * it, on another CPU), then mark it contended (2) and sleep until a
 * release finds the mark and wakes us.  Whoever takes the lock from the
 * sleep leaves 2 behind, so its release wakes the next sleeper. */
void __lock_slow(volatile int *l)
{
	for (int i = 0; i < 100; i++) {
		if (*l == 0 && __a_cas(l, 0, 1) == 0)
			return;
		__a_spin();
	}
	while (__a_swap(l, 2))
		__futex_wait(l, 2, NULL, 1);
}
