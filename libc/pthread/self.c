/* libc/pthread/self.c - pthread_self, pthread_equal, pthread_kill,
 * pthread_sigmask. */
#include <errno.h>
#include <signal.h>

#include "libc/internal/pthread.h"
#include "libc/internal/syscall.h"

pthread_t pthread_self(void)
{
	return (pthread_t)__pthread_self();
}

int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

/* a signal to one thread of ours (tgkill); ESRCH once it is gone */
int pthread_kill(pthread_t thread, int sig)
{
	struct pthread *t = (struct pthread *)thread;
	int tid = t->tid;

	if (tid == 0)
		tid = __syscall0(SYS_gettid); /* the main thread, never
						 threaded yet */
	if (tid <= 0)
		return ESRCH;
	return -__syscall3(SYS_tgkill, __syscall0(SYS_getpid), tid, sig);
}

/* The signal mask is the calling thread's own on Linux. */
int pthread_sigmask(int how, const sigset_t *restrict set,
		    sigset_t *restrict old)
{
	return -__syscall4(SYS_rt_sigprocmask, how, set, old, sizeof(sigset_t));
}
