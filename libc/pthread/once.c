/* libc/pthread/once.c - pthread_once: fn runs once, and every caller
 * returns only after it has.
 *
 * The word goes 0 (not yet) -> 1 (running) -> 2 (done); a caller that
 * finds it running marks it 3 (running, with sleepers) and sleeps on it;
 * the runner wakes them all if it finds the mark when done.
 */
#include <limits.h>

#include "libc/internal/lock.h"
#include "libc/internal/pthread.h"

int pthread_once(pthread_once_t *once, void (*fn)(void))
{
	volatile int *w = once;

	for (;;) {
		int s = __a_cas(w, 0, 1);

		if (s == 0) {
			fn();
			if (__a_swap(w, 2) == 3)
				__futex_wake(w, INT_MAX, 1);
			return 0;
		}
		if (s == 2)
			return 0;
		if (s == 1 && __a_cas(w, 1, 3) == 2)
			return 0;
		__futex_wait(w, 3, NULL, 1);
	}
}
