/* libc/select/poll.c - poll. */
#include <poll.h>
#include <signal.h>

#include "libc/internal/syscall.h"

int poll(struct pollfd *fds, nfds_t n, int timeout)
{
	return __syscall_ret(__syscall3(SYS_poll, fds, n, timeout));
}

/* ppoll: poll with a timespec, under a signal mask while it waits. */
int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *timeout,
	  const sigset_t *mask)
{
	return __syscall_ret(__syscall5(SYS_ppoll, fds, n, timeout, mask,
					mask ? sizeof(sigset_t) : 0));
}
