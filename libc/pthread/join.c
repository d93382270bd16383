/* libc/pthread/join.c - pthread_join and pthread_detach, and the list of
 * detached threads whose mappings are still to be freed.
 *
 * A thread is gone when the kernel has cleared its tid (CLONE_CHILD_
 * CLEARTID): from then on it touches none of its memory, so its mapping
 * can go.  pthread_join sleeps on the tid word with FUTEX_WAIT until then
 * (a shared futex, as glibc: the kernel's wake at thread exit is one).  A
 * detached thread cannot wait for itself, so it puts itself on a list,
 * and the next pthread_create frees those that are gone (as musl frees
 * a detached thread's stack late).
 */
#include <errno.h>
#include <sys/mman.h>

#include "libc/internal/lock.h"
#include "libc/internal/pthread.h"

static volatile int dead_lock;
static struct pthread *dead;

void __pthread_add_dead(struct pthread *t)
{
	__lock(&dead_lock);
	t->next_dead = dead;
	dead = t;
	__unlock(&dead_lock);
}

void __pthread_reap_dead(void)
{
	struct pthread *gone = NULL, **pp, *t;

	if (!__atomic_load_n(&dead, __ATOMIC_RELAXED))
		return;
	__lock(&dead_lock);
	for (pp = &dead; (t = *pp);) {
		if (t->tid == 0) {
			*pp = t->next_dead;
			t->next_dead = gone;
			gone = t;
		} else {
			pp = &t->next_dead;
		}
	}
	__unlock(&dead_lock);
	while ((t = gone)) {
		gone = t->next_dead;
		__pthread_free(t);
	}
}

void __pthread_wait_gone(struct pthread *t)
{
	int tid;

	while ((tid = t->tid) != 0)
		__futex_wait(&t->tid, tid, NULL, 0);
}

void __pthread_free(struct pthread *t)
{
	if (t->map)
		munmap(t->map, t->map_size);
}

int pthread_join(pthread_t thread, void **result)
{
	struct pthread *t = (struct pthread *)thread;

	if (t == __pthread_self())
		return EDEADLK;
	if (t->state == T_DETACHED)
		return EINVAL;
	__pthread_wait_gone(t);
	if (result)
		*result = t->result;
	__pthread_free(t);
	return 0;
}

int pthread_detach(pthread_t thread)
{
	struct pthread *t = (struct pthread *)thread;
	int old = __a_cas(&t->state, T_JOINABLE, T_DETACHED);

	if (old == T_DETACHED)
		return EINVAL;
	if (old == T_EXITED) {
		__pthread_wait_gone(t);
		__pthread_free(t);
	}
	return 0;
}
