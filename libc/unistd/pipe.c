/* libc/unistd/pipe.c - pipe and pipe2 (flags O_CLOEXEC, O_NONBLOCK). */
#include <unistd.h>

#include "libc/internal/syscall.h"

int pipe(int fds[2])
{
	return __syscall_ret(__syscall1(SYS_pipe, fds));
}

int pipe2(int fds[2], int flags)
{
	return __syscall_ret(__syscall2(SYS_pipe2, fds, flags));
}
