/* net/socket.h - sockets as files: what the system calls
 * (kernel/sys_socket.c) call.  No lwIP types here.
 *
 * A socket is an open file description (struct file) whose f_ops are
 * the socket's (net/socket.c), so read, write, poll, select, ioctl,
 * close, dup and fork work on it as on any descriptor.  The system-call
 * layer checks and copies the arguments (descriptors, addresses, message
 * headers, iovecs); the functions here take kernel copies of addresses
 * and iovecs whose buffers are still the caller's (moved with
 * copy_in/copy_out).  Every function returns 0 (or a count) or -errno,
 * with Linux's errors.
 */
#ifndef NET_SOCKET_H
#define NET_SOCKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/uapi/socket.h"

struct file;
struct socket;

/* socket(2): a new socket of family/type/protocol (type without its
 * flags); flags: SOCK_NONBLOCK.  The new description is in *out. */
int sock_create(int family, int type, int protocol, int flags,
		struct file **out);
/* socketpair(2): two connected sockets in out[0], out[1]. */
int sock_create_pair(int family, int type, int protocol, int flags,
		     struct file *out[2]);

/* How many sockets are open, by kind (for /proc/net/sockstat). */
struct sock_stats {
	unsigned tcp, udp, unix_stream;
};
void sock_get_stats(struct sock_stats *st);

/* The socket behind f, or NULL when f is something else (-ENOTSOCK). */
struct socket *sock_of(struct file *f);

/* Addresses: len is the caller's length, at most sizeof(struct
 * sockaddr_storage); addr holds that many bytes (NULL with len 0). */
int sock_bind(struct socket *s, const void *addr, int len);
int sock_connect(struct socket *s, const void *addr, int len, bool nonblock);
int sock_listen(struct socket *s, int backlog);
/* accept4: the new connection's description in *out (flags:
 * SOCK_NONBLOCK). */
int sock_accept(struct socket *s, bool nonblock, int flags, struct file **out);
/* getsockname (peer false) / getpeername: the address into addr, its
 * length into *len. */
int sock_getname(struct socket *s, struct sockaddr_storage *addr, int *len,
		 bool peer);
int sock_shutdown(struct socket *s, int how);
/* The option's value is at the caller's uval (user memory). */
int sock_setsockopt(struct socket *s, int level, int name, const void *uval,
		    int len);
/* The value goes to the caller's uval, at most *len bytes; *len becomes
 * the length written. */
int sock_getsockopt(struct socket *s, int level, int name, void *uval,
		    int *len);

/* A message being sent or received: iov (kernel array) describes the
 * caller's buffers, already checked to lie in user space.  addr/addrlen:
 * the destination of a send (addrlen 0: none) or, on return from a
 * receive, the source (addrlen set; 0 when the socket has none to give).
 * flags: MSG_* in; on return from a receive, the msghdr's msg_flags. */
struct sock_msg {
	const struct iovec *iov;
	int iovlen;
	size_t len; /* the iovecs' total */
	struct sockaddr_storage *addr;
	int addrlen;
	int flags;
};

/* sendmsg/sendto/send/write: the count sent.  -EPIPE raises SIGPIPE
 * unless MSG_NOSIGNAL. */
long sock_sendmsg(struct socket *s, struct sock_msg *m, bool nonblock);
/* recvmsg/recvfrom/recv/read: the count received, 0 at end of stream. */
long sock_recvmsg(struct socket *s, struct sock_msg *m, bool nonblock);

#endif
