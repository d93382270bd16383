/* libc/process/getpid.c - getpid, getppid, gettid (they cannot fail). */
#include <unistd.h>

#include "libc/internal/syscall.h"

pid_t getpid(void)
{
	return __syscall0(SYS_getpid);
}

pid_t getppid(void)
{
	return __syscall0(SYS_getppid);
}

pid_t gettid(void)
{
	return __syscall0(SYS_gettid);
}
