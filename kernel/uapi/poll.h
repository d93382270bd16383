/* kernel/uapi/poll.h - poll/ppoll's struct pollfd and event bits (Linux's
 * asm-generic/poll.h).  Shared by the kernel and the libc. */
#ifndef UAPI_POLL_H
#define UAPI_POLL_H

struct pollfd {
	int fd; /* negative: ignored, revents 0 */
	short events;
	short revents;
};

#define POLLIN 0x0001
#define POLLPRI 0x0002
#define POLLOUT 0x0004
#define POLLERR 0x0008 /* always reported */
#define POLLHUP 0x0010 /* always reported */
#define POLLNVAL 0x0020 /* always reported: fd not open */
#define POLLRDNORM 0x0040
#define POLLRDBAND 0x0080
#define POLLWRNORM 0x0100
#define POLLWRBAND 0x0200
#define POLLMSG 0x0400
#define POLLRDHUP 0x2000

#endif
