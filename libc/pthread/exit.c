/* libc/pthread/exit.c - pthread_exit: the end of a thread.
 *
 * The thread's TSD destructors run, then: the last thread alive ends the
 * process with exit(0) (atexit handlers, stdio flushed), as on Linux;
 * any other ends alone with exit(2), and the kernel clears its tid and
 * wakes a pthread_join.  A detached thread puts itself on the list of
 * mappings to free (join.c) -- it cannot unmap the stack it runs on.
 * Which of pthread_exit and pthread_detach came first decides, through
 * one compare-and-swap of t->state, who frees the mapping.
 */
#include <stdlib.h>

#include "libc/internal/lock.h"
#include "libc/internal/pthread.h"
#include "libc/internal/syscall.h"

volatile int __pthread_count = 1;

_Noreturn void pthread_exit(void *result)
{
	struct pthread *self = __pthread_self();

	self->result = result;
	if (self->tsd_used)
		__pthread_tsd_run_destructors(self);
	if (__a_fetch_add(&__pthread_count, -1) == 1)
		exit(0);
	if (__a_cas(&self->state, T_JOINABLE, T_EXITED) == T_DETACHED &&
	    self->map)
		__pthread_add_dead(self);
	for (;;)
		__syscall1(SYS_exit, 0);
}
