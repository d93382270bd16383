/* net/socket_impl.h - the inside of a socket, shared by net/socket*.c.
 *
 * struct socket is the private data of a socket's open file description.
 * Its protocol (struct sock_ops: TCP in socket_tcp.c and socket_tcp_io.c,
 * UDP in socket_udp.c, AF_UNIX pairs in socket_unix.c) does the work;
 * what they share is in socket.c (the file operations, creating
 * sockets, the checks every family makes), socket_event.c (the lwIP
 * event callback, waiting, errors), socket_iov.c (copying to and from
 * the caller's iovecs) and socket_opt.c (options).
 *
 * Every netconn call is non-blocking (netconn_set_nonblocking): lwIP
 * never sleeps on the caller's behalf except for its core lock.  lwIP
 * tells the socket what happened through the netconn's event callback
 * (sock_event), which runs in the tcpip thread or in a task holding the
 * core lock, and which must not sleep: it updates the socket's state,
 * bumps s->events, and wakes s->wq and the poll/select sleepers.  A
 * system call that has to wait notes s->events after its last lwIP call,
 * checks whether it can go on, and sleeps until s->events changes
 * (sock_wait).  The kernel is not preempted, so nothing can happen
 * between the check and the sleep: no wake-up is lost.
 *
 * The state follows Linux's two levels: sstate is what the system calls
 * saw (struct socket's SS_*), tstate what the connection is (sk_state,
 * coarsely), rcv_shut/snd_shut are sk_shutdown, error is sk_err (the
 * pending error SO_ERROR reports once).
 */
#ifndef NET_SOCKET_IMPL_H
#define NET_SOCKET_IMPL_H

#include "lwip/api.h"
#include "lwip/netbuf.h"
#include "lwip/pbuf.h"

#include "kernel/task.h"
#include "kernel/uapi/in.h"
#include "kernel/uapi/socket.h"
#include "net/socket.h"

enum sock_sstate { SS_UNCONNECTED, SS_CONNECTING, SS_CONNECTED };
enum sock_tstate { TS_CLOSE, TS_LISTEN, TS_SYN_SENT, TS_ESTABLISHED };

struct sock_ops;

struct socket {
	const struct sock_ops *ops;
	int type;		  /* SOCK_STREAM or SOCK_DGRAM */
	int family;		  /* AF_INET or AF_UNIX */
	struct netconn *conn;	  /* NULL for AF_UNIX */
	struct socket *hash_next; /* netconn -> socket (socket_event.c) */
	struct wait_queue wq;	  /* tasks waiting in this socket's calls */
	uint32_t events; /* bumped by each event that may let a waiter on */

	/* lwIP's event counts, as its sockets.c keeps them */
	int rcvevent;	/* a listener: connections waiting for accept */
	bool sendevent; /* room in the send buffer */

	enum sock_sstate sstate;
	enum sock_tstate tstate;
	bool rcv_shut, snd_shut;
	int error;     /* pending error, a positive errno; 0: none */
	bool bound;    /* by bind(): kept when the netconn is replaced */
	bool peer_fin; /* the peer's FIN arrived (lwIP state CLOSE_WAIT..) */
	bool fin;      /* ... and sits at the end of the received data */
	bool rx_dead;  /* the netconn's mailbox has nothing more to give */

	/* TCP: received data not read yet, pbuf chains linked one after the
	 * other (only ->next, ->len and ->payload are used: tot_len is the
	 * first chain's); rx_off bytes of rx_head are read already */
	struct pbuf *rx_head, *rx_tail;
	uint16_t rx_off;
	size_t rx_bytes;
	/* UDP: the next datagram, once taken from the mailbox */
	struct netbuf *rx_dgram;
	uint8_t *bounce;  /* TCP: staging for sends (SEND_CHUNK bytes) */
	bool bounce_busy; /* a send is using it */

	struct sockaddr_in local, peer, bind_addr;

	/* options (socket_opt.c) */
	uint64_t rcvtimeo, sndtimeo; /* ns; 0: wait for ever */
	int rcvbuf, sndbuf;
	bool reuseaddr, keepalive, nodelay, broadcast;
	struct linger linger;
	int keepidle, keepintvl, keepcnt; /* seconds, seconds, probes */
	int ttl, tos;

	void *proto; /* the protocol's own data (AF_UNIX) */
};

/* What a kind of socket does; a missing operation is -EOPNOTSUPP. */
struct sock_ops {
	int (*bind)(struct socket *s, const struct sockaddr_in *a);
	/* a: NULL for AF_UNSPEC (disconnect) */
	int (*connect)(struct socket *s, const struct sockaddr_in *a,
		       bool nonblock);
	int (*listen)(struct socket *s, int backlog);
	int (*accept)(struct socket *s, bool nonblock, struct socket **out);
	long (*send)(struct socket *s, struct sock_msg *m, bool nonblock);
	long (*recv)(struct socket *s, struct sock_msg *m, bool nonblock);
	/* how: SHUT_RD, SHUT_WR or SHUT_RDWR (checked) */
	int (*shutdown)(struct socket *s, int how);
	int (*getname)(struct socket *s, struct sockaddr_in *a, bool peer);
	unsigned (*poll)(struct socket *s);
	/* FIONREAD: bytes readable, or -errno */
	int (*nread)(struct socket *s);
	/* instead of nread: the whole ioctl (arg: the caller's pointer) */
	int (*ioctl)(struct socket *s, unsigned cmd, unsigned long arg);
	/* the protocol's part of an lwIP event (in lwIP's context) */
	void (*event)(struct socket *s, enum netconn_evt evt, u16_t len);
	void (*release)(struct socket *s);
};

extern const struct sock_ops sock_tcp_ops, sock_udp_ops, sock_unix_ops;

/* --- socket.c */
/* A new socket (not yet with a netconn), or NULL without memory. */
struct socket *sock_alloc(int family, int type, const struct sock_ops *ops);
/* A new non-blocking netconn of type t for s, registered for events and
 * with s's options applied: 0, or -ENOBUFS. */
int sock_new_conn(struct socket *s, enum netconn_type t);
/* Registers an existing netconn (accept) as s's. */
void sock_attach(struct socket *s, struct netconn *conn);
/* Unregisters and deletes s's netconn (lwIP closes it gracefully). */
void sock_delete_conn(struct socket *s);
/* A new file for s (flags: SOCK_NONBLOCK), or NULL. */
struct file *sock_file(struct socket *s, int flags);
/* Frees s itself (its protocol released everything else). */
void sock_free(struct socket *s);
/* socketpair(AF_UNIX, SOCK_STREAM): two connected sockets (socket_unix.c). */
int sock_unix_pair(int flags, struct file *out[2]);

/* Something changed that waiters or pollers may be waiting for. */
void sock_wake(struct socket *s);
/* Sleeps until s->events differs from seen: 0, -ETIMEDOUT at deadline
 * (time_ns(); 0: none), or the error a signal gives (sock_intr). */
int sock_wait(struct socket *s, uint32_t seen, uint64_t deadline,
	      uint64_t timeo);
/* The absolute deadline of a wait limited by timeo (ns; 0: none). */
uint64_t sock_deadline(uint64_t timeo);
/* Takes the pending error: returns it (positive) and clears it. */
int sock_take_error(struct socket *s);
/* lwIP's err_t as an errno (positive). */
int sock_errno(err_t err);

/* Is a an address of this machine (for bind)? */
bool sock_local_addr(const struct sockaddr_in *a);
/* lwIP's address of a (INADDR_ANY as the loopback address when to). */
void sock_ip_of(const struct sockaddr_in *a, ip_addr_t *ip, bool to);
/* a from lwIP's address and port. */
void sock_in_of(struct sockaddr_in *a, const ip_addr_t *ip, u16_t port);

/* --- moving data between pbufs and the caller's iovecs */
struct iov_iter {
	const struct iovec *iov;
	int count;   /* iovecs left */
	size_t off;  /* into iov[0] */
	size_t left; /* bytes left in all of them */
};
void iter_init(struct iov_iter *it, const struct sock_msg *m);
/* Copies n bytes to (from) the caller's buffers and advances: 0 or
 * -EFAULT (the iterator then stands where it was). */
int iter_out(struct iov_iter *it, const void *src, size_t n);
int iter_in(struct iov_iter *it, void *dst, size_t n);
/* Copies up to n bytes of chain p from offset off out: the count, or
 * -EFAULT if nothing could be copied. */
long iter_out_pbuf(struct iov_iter *it, struct pbuf *p, size_t off, size_t n);

/* --- socket_tcp_io.c: TCP's data path */
long tcpsock_send(struct socket *s, struct sock_msg *m, bool nonblock);
long tcpsock_recv(struct socket *s, struct sock_msg *m, bool nonblock);
unsigned tcpsock_poll(struct socket *s);
int tcpsock_nread(struct socket *s);
/* Frees the received data nobody read. */
void tcpsock_rx_free(struct socket *s);

/* --- socket_opt.c */
/* Gives lwIP's PCB the options stored in s (after a new netconn). */
void sock_apply_opts(struct socket *s);
/* An accepted socket inherits its listener's options. */
void sock_inherit_opts(struct socket *s, const struct socket *from);

#endif
