/* libc/unistd/pgrp.c - process groups and sessions. */
#include <unistd.h>

#include "libc/internal/syscall.h"

int setpgid(pid_t pid, pid_t pgid)
{
	return __syscall_ret(__syscall2(SYS_setpgid, pid, pgid));
}

pid_t getpgid(pid_t pid)
{
	return __syscall_ret(__syscall1(SYS_getpgid, pid));
}

pid_t getpgrp(void)
{
	return __syscall0(SYS_getpgrp);
}

pid_t getsid(pid_t pid)
{
	return __syscall_ret(__syscall1(SYS_getsid, pid));
}

pid_t setsid(void)
{
	return __syscall_ret(__syscall0(SYS_setsid));
}
