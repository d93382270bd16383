/* libc/select/poll.c - poll. */
#include <poll.h>

#include "libc/internal/syscall.h"

int poll(struct pollfd *fds, nfds_t n, int timeout)
{
	return __syscall_ret(__syscall3(SYS_poll, fds, n, timeout));
}
