/* sys/socket.h - the socket calls.  Constants and structures (socklen_t,
 * sockaddr, msghdr, cmsghdr, AF_/SOCK_/MSG_/SO_ names) come from
 * kernel/uapi/socket.h; the wrappers (libc/net/socket.c) use i386's
 * direct system calls 359-373, where accept, send and recv are accept4,
 * sendto and recvfrom with the extra arguments zero. */
#ifndef _SYS_SOCKET_H
#define _SYS_SOCKET_H

#include <bits/alltypes.h>
#include <kernel/uapi/socket.h>
#include <sys/uio.h>

int socket(int domain, int type, int protocol);
int socketpair(int domain, int type, int protocol, int fds[2]);
int bind(int fd, const struct sockaddr *addr, socklen_t len);
int connect(int fd, const struct sockaddr *addr, socklen_t len);
int listen(int fd, int backlog);
int accept(int fd, struct sockaddr *restrict addr, socklen_t *restrict len);
int accept4(int fd, struct sockaddr *restrict addr, socklen_t *restrict len,
	    int flags);
int getsockname(int fd, struct sockaddr *restrict addr,
		socklen_t *restrict len);
int getpeername(int fd, struct sockaddr *restrict addr,
		socklen_t *restrict len);
ssize_t send(int fd, const void *buf, size_t n, int flags);
ssize_t sendto(int fd, const void *buf, size_t n, int flags,
	       const struct sockaddr *addr, socklen_t len);
ssize_t recv(int fd, void *buf, size_t n, int flags);
ssize_t recvfrom(int fd, void *restrict buf, size_t n, int flags,
		 struct sockaddr *restrict addr, socklen_t *restrict len);
ssize_t sendmsg(int fd, const struct msghdr *msg, int flags);
ssize_t recvmsg(int fd, struct msghdr *msg, int flags);
int shutdown(int fd, int how);
int setsockopt(int fd, int level, int name, const void *val, socklen_t len);
int getsockopt(int fd, int level, int name, void *restrict val,
	       socklen_t *restrict len);

/* Ancillary data: a msghdr's msg_control is a sequence of cmsghdr, each
 * followed by its data and padded to a multiple of sizeof(long), as
 * Linux lays it out. */
#define CMSG_ALIGN(n) (((n) + sizeof(long) - 1) & ~(sizeof(long) - 1))
#define CMSG_SPACE(n) (CMSG_ALIGN(n) + CMSG_ALIGN(sizeof(struct cmsghdr)))
#define CMSG_LEN(n) (CMSG_ALIGN(sizeof(struct cmsghdr)) + (n))
#define CMSG_DATA(c) ((unsigned char *)(c) + CMSG_ALIGN(sizeof(struct cmsghdr)))
#define CMSG_FIRSTHDR(m)                                                       \
	((m)->msg_controllen >= sizeof(struct cmsghdr)                         \
	     ? (struct cmsghdr *)(m)->msg_control                              \
	     : (struct cmsghdr *)0)
#define CMSG_NXTHDR(m, c) __cmsg_nxthdr((m), (c))

/* the header after c, or NULL when there is no room for one after it
 * (only c's length is read: the next header may be still unwritten) */
static inline struct cmsghdr *__cmsg_nxthdr(const struct msghdr *m,
					    const struct cmsghdr *c)
{
	unsigned long left = (unsigned char *)m->msg_control +
			     m->msg_controllen - (unsigned char *)c;

	if (c->cmsg_len < sizeof(struct cmsghdr) ||
	    CMSG_ALIGN(c->cmsg_len) + sizeof(struct cmsghdr) > left)
		return 0;
	return (struct cmsghdr *)((unsigned char *)c + CMSG_ALIGN(c->cmsg_len));
}

#endif
