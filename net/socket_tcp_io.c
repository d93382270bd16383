/* net/socket_tcp_io.c - TCP sockets: sending, receiving, polling.
 *
 * Receiving: lwIP's recv callback posts each segment's pbuf chain to the
 * netconn's mailbox.  tcp_pull() moves whatever is there onto the
 * socket's own list (s->rx_head...), without sleeping; recv copies from
 * those pbufs straight into the caller's buffers and frees them as they
 * empty.  The window opens (netconn_tcp_recvd) only as the program reads
 * (NETCONN_NOAUTORCVD): a slow reader slows the sender, and closing with
 * unread data resets the connection, as on Linux.  The FIN stays a flag
 * on the netconn (NETCONN_NOFIN) which the socket reads as its EOF.
 *
 * Sending: the caller's bytes go through a kernel buffer (lwIP must not
 * fault on a user page) into netconn_write_partly(NETCONN_COPY |
 * NETCONN_DONTBLOCK), which queues what fits in the send buffer; when it
 * is full the caller sleeps until lwIP's sent callback makes room
 * (SENDPLUS), unless O_NONBLOCK/MSG_DONTWAIT (-EAGAIN) or SO_SNDTIMEO.
 */
#include "lwip/tcp.h"

#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/poll.h"
#include "net/socket_impl.h"

#define SEND_CHUNK 16384 /* bytes staged per netconn_write_partly */

/* --- the received data */

static void rx_append(struct socket *s, struct pbuf *p)
{
	struct pbuf *last = p;

	s->rx_bytes += p->tot_len;
	while (last->next)
		last = last->next;
	if (s->rx_tail)
		s->rx_tail->next = p;
	else
		s->rx_head = p;
	s->rx_tail = last;
}

/* Drops n bytes read from the front, opening the window by as much. */
static void rx_drop(struct socket *s, size_t n)
{
	size_t left = n;

	s->rx_bytes -= n;
	while (s->rx_head && left >= (size_t)(s->rx_head->len - s->rx_off)) {
		struct pbuf *p = s->rx_head;

		left -= p->len - s->rx_off;
		s->rx_head = p->next;
		s->rx_off = 0;
		p->next = NULL;
		pbuf_free(p);
	}
	if (!s->rx_head)
		s->rx_tail = NULL;
	s->rx_off += left;
	if (s->conn)
		netconn_tcp_recvd(s->conn, n);
}

void tcpsock_rx_free(struct socket *s)
{
	while (s->rx_head) {
		struct pbuf *p = s->rx_head;

		s->rx_head = p->next;
		p->next = NULL;
		pbuf_free(p);
	}
	s->rx_tail = NULL;
	s->rx_off = 0;
	s->rx_bytes = 0;
}

/* Moves what arrived from the netconn's mailbox onto s's list; never
 * sleeps.  Stops at the peer's FIN (s->fin) or the connection's end. */
static void tcp_pull(struct socket *s)
{
	const u8_t flags =
	    NETCONN_DONTBLOCK | NETCONN_NOAUTORCVD | NETCONN_NOFIN;
	struct pbuf *p;
	err_t e;

	while (s->conn && !s->fin && !s->rx_dead && s->tstate != TS_LISTEN) {
		if (netconn_is_flag_set(s->conn, NETCONN_FIN_RX_PENDING)) {
			s->fin = true;
			break;
		}
		e = netconn_recv_tcp_pbuf_flags(s->conn, &p, flags);
		if (e == ERR_OK) {
			rx_append(s, p);
			continue;
		}
		if (e !=
		    ERR_WOULDBLOCK) /* reset or aborted: the event said so */
			s->rx_dead = true;
		else if (netconn_is_flag_set(s->conn, NETCONN_FIN_RX_PENDING))
			s->fin = true;
		break;
	}
}

/* --- receiving */

/* What ends a receive that has nothing: 0 at end of stream, an error,
 * or 1 to wait for data (Linux's tcp_recvmsg order). */
static long recv_empty(struct socket *s)
{
	if (s->fin)
		return 0;
	if (s->error)
		return -sock_take_error(s);
	if (s->rcv_shut)
		return 0;
	if (s->tstate == TS_CLOSE)
		return -ENOTCONN; /* never connected */
	return 1;
}

long tcpsock_recv(struct socket *s, struct sock_msg *m, bool nonblock)
{
	bool peek = m->flags & MSG_PEEK;
	bool waitall = (m->flags & MSG_WAITALL) && !peek;
	uint64_t deadline = sock_deadline(s->rcvtimeo);
	struct iov_iter it;
	size_t done = 0;
	long r;

	m->addrlen = 0; /* TCP gives no source address */
	m->flags = 0;
	if (s->tstate == TS_LISTEN)
		return -ENOTCONN;
	if (!m->len)
		return 0;
	iter_init(&it, m);
	for (;;) {
		tcp_pull(s);
		if (s->rx_bytes) {
			r = iter_out_pbuf(&it, s->rx_head, s->rx_off,
					  MIN(m->len - done, s->rx_bytes));
			if (r < 0)
				return done ? (long)done : r;
			if (!peek)
				rx_drop(s, (size_t)r);
			done += (size_t)r;
			if (!waitall || done == m->len)
				return (long)done;
			continue;
		}
		if (done) { /* MSG_WAITALL: what came, if no more can */
			if (s->fin || s->error || s->rcv_shut ||
			    s->tstate == TS_CLOSE)
				return (long)done;
		} else if ((r = recv_empty(s)) != 1) {
			return r;
		}
		if (nonblock)
			return done ? (long)done : -EAGAIN;
		r = sock_wait(s, s->events, deadline, s->rcvtimeo);
		if (r)
			return done		 ? (long)done
			       : r == -ETIMEDOUT ? -EAGAIN
						 : r;
	}
}

/* --- sending */

/* 0 when data can be queued, 1 while the connection is being made, or
 * the error a send gets now (Linux's tcp_sendmsg). */
static int send_state(struct socket *s)
{
	if (s->error)
		return -sock_take_error(s);
	if (s->snd_shut)
		return -EPIPE;
	if (s->tstate == TS_SYN_SENT)
		return 1;
	return s->tstate == TS_ESTABLISHED ? 0 : -EPIPE;
}

/* Queues the message, staging it piece by piece in stage (SEND_CHUNK
 * bytes). */
static long send_loop(struct socket *s, struct sock_msg *m, bool nonblock,
		      uint8_t *stage)
{
	uint64_t deadline = sock_deadline(s->sndtimeo);
	size_t done = 0, boff = 0, blen = 0;
	struct iov_iter it;
	int st, r;

	iter_init(&it, m);
	for (;;) {
		st = send_state(s);
		if (st < 0)
			return done ? (long)done : st;
		if (!st && done == m->len)
			return (long)done;
		if (!st) {
			size_t n, written = 0;
			u8_t flags = NETCONN_COPY | NETCONN_DONTBLOCK;
			err_t e;

			if (!blen) { /* stage the next piece */
				n = MIN(m->len - done, SEND_CHUNK);
				if (iter_in(&it, stage, n))
					return done ? (long)done : -EFAULT;
				boff = 0;
				blen = n;
			}
			if (done + blen < m->len || (m->flags & MSG_MORE))
				flags |= NETCONN_MORE;
			e = netconn_write_partly(s->conn, stage + boff, blen,
						 flags, &written);
			if (e == ERR_OK) {
				boff += written;
				blen -= written;
				done += written;
				if (!blen) /* all of it fitted: go on */
					continue;
			} else if (e != ERR_WOULDBLOCK) {
				if (!s->error) /* no PCB any more */
					return done ? (long)done : -EPIPE;
				continue; /* the error, at the top */
			}
		}
		/* the send buffer is full, or the connection is not made yet */
		if (nonblock)
			return done ? (long)done : -EAGAIN;
		r = sock_wait(s, s->events, deadline, s->sndtimeo);
		if (r)
			return done		 ? (long)done
			       : r == -ETIMEDOUT ? -EAGAIN
						 : r;
	}
}

/* The staging buffer is the socket's own, kept from send to send; a
 * send that finds it in use (a socket shared by fork, the other process
 * sleeping in its own send) stages in one of its own. */
long tcpsock_send(struct socket *s, struct sock_msg *m, bool nonblock)
{
	bool own = !s->bounce_busy;
	uint8_t *stage;
	long r;

	if (own && !s->bounce)
		s->bounce = kmalloc(SEND_CHUNK);
	stage = own ? s->bounce : kmalloc(SEND_CHUNK);
	if (!stage)
		return -ENOBUFS;
	s->bounce_busy |= own;
	r = send_loop(s, m, nonblock, stage);
	if (own)
		s->bounce_busy = false;
	else
		kfree(stage);
	return r;
}

/* --- poll and FIONREAD */

/* Linux's tcp_poll, bit for bit. */
unsigned tcpsock_poll(struct socket *s)
{
	unsigned mask = 0;

	if (s->tstate == TS_LISTEN)
		return s->rcvevent > 0 ? POLLIN | POLLRDNORM : 0;
	tcp_pull(s);
	if ((s->rcv_shut && s->snd_shut) || s->tstate == TS_CLOSE)
		mask |= POLLHUP;
	if (s->rcv_shut)
		mask |= POLLIN | POLLRDNORM | POLLRDHUP;
	if (s->tstate != TS_SYN_SENT) {
		if (s->rx_bytes)
			mask |= POLLIN | POLLRDNORM;
		if (s->snd_shut || s->sendevent)
			mask |= POLLOUT | POLLWRNORM;
	}
	if (s->error)
		mask |= POLLERR;
	return mask;
}

int tcpsock_nread(struct socket *s)
{
	if (s->tstate == TS_LISTEN)
		return -EINVAL;
	tcp_pull(s);
	return (int)MIN(s->rx_bytes, 0x7FFFFFFFu);
}
