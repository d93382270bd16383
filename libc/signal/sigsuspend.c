/* libc/signal/sigsuspend.c - waiting for a signal: sigsuspend through
 * rt_sigsuspend, pause, and the alternate signal stack. */
#include <signal.h>
#include <unistd.h>

#include "libc/internal/syscall.h"

int sigsuspend(const sigset_t *mask)
{
	return __syscall_ret(__syscall2(SYS_rt_sigsuspend, mask, sizeof(sigset_t)));
}

int pause(void)
{
	return __syscall_ret(__syscall0(SYS_pause));
}

int sigaltstack(const stack_t *restrict ss, stack_t *restrict old)
{
	return __syscall_ret(__syscall2(SYS_sigaltstack, ss, old));
}
