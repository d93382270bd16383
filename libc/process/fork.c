/* libc/process/fork.c - fork, and vfork as fork (a real vfork shares the
 * parent's memory until exec; fork is a correct if slower substitute).
 *
 * In a process that has made threads, the child gets a copy of memory
 * that other threads may have been changing: __fork_hook (set by the
 * first pthread_create to libc/pthread/fork_hooks.c's) takes the libc's
 * own locks first so the child's copy is whole, and the child resets
 * what belonged to threads it does not have.  A program without threads
 * links none of it.
 */
#include <unistd.h>

#include "libc/internal/libc.h"
#include "libc/internal/syscall.h"

void (*__fork_hook)(int phase);

pid_t fork(void)
{
	long r;

	if (!__fork_hook)
		return __syscall_ret(__syscall0(SYS_fork));
	__fork_hook(FORK_PREPARE);
	r = __syscall0(SYS_fork);
	__fork_hook(r == 0 ? FORK_CHILD : FORK_PARENT);
	return __syscall_ret(r);
}

pid_t vfork(void)
{
	return fork();
}
