/* poll.h - waiting for file descriptors; struct pollfd and the POLL*
 * bits from kernel/uapi/poll.h. */
#ifndef _POLL_H
#define _POLL_H

#include <kernel/uapi/poll.h>
#include <signal.h>

typedef unsigned long nfds_t;

/* timeout in milliseconds; negative waits for ever */
int poll(struct pollfd *fds, nfds_t n, int timeout);
struct timespec;
int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *timeout,
	  const sigset_t *mask);

#endif
