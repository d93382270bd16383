/* libc/process/wait.c - wait4, waitpid (its own call, 7), wait. */
#include <sys/wait.h>

#include "libc/internal/syscall.h"

pid_t wait4(pid_t pid, int *status, int options, struct rusage *usage)
{
	return __syscall_ret(
	    __syscall4(SYS_wait4, pid, status, options, usage));
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return __syscall_ret(__syscall3(SYS_waitpid, pid, status, options));
}

pid_t wait(int *status)
{
	return wait4(-1, status, 0, 0);
}
