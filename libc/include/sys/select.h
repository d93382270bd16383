/* sys/select.h - select (the _newselect call) and fd_set: FD_SETSIZE
 * bits, as the kernel reads the first nfds of them. */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <bits/alltypes.h>
#include <kernel/uapi/time.h>

#define FD_SETSIZE 1024

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / (8 * sizeof(long))];
} fd_set;

#define __FD_WORD(fd) ((unsigned)(fd) / (8 * sizeof(long)))
#define __FD_BIT(fd) (1UL << ((unsigned)(fd) % (8 * sizeof(long))))
#define FD_ZERO(s) __builtin_memset((s), 0, sizeof(fd_set))
#define FD_SET(fd, s) ((s)->fds_bits[__FD_WORD(fd)] |= __FD_BIT(fd))
#define FD_CLR(fd, s) ((s)->fds_bits[__FD_WORD(fd)] &= ~__FD_BIT(fd))
#define FD_ISSET(fd, s) (!!((s)->fds_bits[__FD_WORD(fd)] & __FD_BIT(fd)))

/* Linux writes the time left back into *timeout */
int select(int nfds, fd_set *restrict r, fd_set *restrict w, fd_set *restrict e,
	   struct timeval *restrict timeout);

#endif
