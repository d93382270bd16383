/* libc/process/fork.c - fork, and vfork as fork (a real vfork shares the
 * parent's memory until exec; fork is a correct if slower substitute). */
#include <unistd.h>

#include "libc/internal/syscall.h"

pid_t fork(void)
{
	return __syscall_ret(__syscall0(SYS_fork));
}

pid_t vfork(void)
{
	return fork();
}
