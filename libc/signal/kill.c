/* libc/signal/kill.c - kill, tgkill, raise. */
#include <signal.h>
#include <unistd.h>

#include "libc/internal/syscall.h"

int kill(pid_t pid, int sig)
{
	return __syscall_ret(__syscall2(SYS_kill, pid, sig));
}

int tgkill(pid_t tgid, pid_t tid, int sig)
{
	return __syscall_ret(__syscall3(SYS_tgkill, tgid, tid, sig));
}

int raise(int sig)
{
	return tgkill(getpid(), gettid(), sig);
}
