/* net/socket_udp.c - UDP sockets on lwIP netconns.
 *
 * lwIP's recv callback posts each datagram (a netbuf: the data and the
 * sender's address) to the netconn's mailbox, dropping it when the
 * mailbox is full, as Linux drops a datagram when the receive buffer is.
 * The socket takes one datagram at a time out of the mailbox
 * (s->rx_dgram) and keeps it there for MSG_PEEK and FIONREAD; a receive
 * copies it straight into the caller's buffers, cutting it to their size
 * (MSG_TRUNC).  A send copies the caller's bytes into a new netbuf and
 * hands it to netconn_send/netconn_sendto: UDP never waits for room.
 * connect() only sets the default destination and filters what is
 * received; AF_UNSPEC undoes it.
 */
#include "lwip/ip4.h"
#include "lwip/netif.h"
#include "lwip/tcpip.h"
#include "lwip/udp.h"

#include "kernel/kernel.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/poll.h"
#include "net/socket_impl.h"

#define UDP_MAX 65507 /* the largest IPv4 UDP payload */

static struct udp_pcb *pcb_of(struct socket *s)
{
	return s->conn ? s->conn->pcb.udp : NULL;
}

/* Takes the next datagram out of the mailbox, if none is held; never
 * sleeps. */
static void udp_pull(struct socket *s)
{
	struct netbuf *nb;

	if (!s->rx_dgram && s->conn &&
	    netconn_recv_udp_raw_netbuf_flags(s->conn, &nb,
					      NETCONN_DONTBLOCK) == ERR_OK)
		s->rx_dgram = nb;
}

static int udpsock_bind(struct socket *s, const struct sockaddr_in *a)
{
	ip_addr_t ip;
	err_t e;

	/* bound already, by bind or by a send or connect */
	if (s->bound || !pcb_of(s) || pcb_of(s)->local_port)
		return -EINVAL;
	if (!sock_local_addr(a))
		return -EADDRNOTAVAIL;
	sock_ip_of(a, &ip, false);
	e = netconn_bind(s->conn, &ip, lwip_ntohs(a->sin_port));
	if (e)
		return -sock_errno(e);
	s->bound = true;
	return 0;
}

static int udpsock_connect(struct socket *s, const struct sockaddr_in *a,
			   bool nonblock)
{
	ip_addr_t ip;
	err_t e;

	(void)nonblock;
	if (!a) { /* AF_UNSPEC */
		netconn_disconnect(s->conn);
		s->tstate = TS_CLOSE;
		s->sstate = SS_UNCONNECTED;
		return 0;
	}
	sock_ip_of(a, &ip, true);
	e = netconn_connect(s->conn, &ip, lwip_ntohs(a->sin_port));
	if (e)
		return -sock_errno(e);
	sock_in_of(&s->peer, &ip, lwip_ntohs(a->sin_port));
	s->tstate = TS_ESTABLISHED;
	s->sstate = SS_CONNECTED;
	return 0;
}

/* The destination of a send: the message's address or the connected
 * one's (*given false). */
static int destination(struct socket *s, const struct sock_msg *m,
		       ip_addr_t *ip, u16_t *port, bool *given)
{
	struct sockaddr_in a;

	*given = m->addr != NULL;
	if (!*given)
		return s->tstate == TS_ESTABLISHED ? 0 : -EDESTADDRREQ;
	if (m->addrlen < (int)sizeof(a))
		return -EINVAL;
	a = *(const struct sockaddr_in *)m->addr;
	if (a.sin_family != AF_INET && a.sin_family != AF_UNSPEC)
		return -EAFNOSUPPORT;
	sock_ip_of(&a, ip, true);
	*port = lwip_ntohs(a.sin_port);
	return 0;
}

static long udpsock_send(struct socket *s, struct sock_msg *m, bool nonblock)
{
	struct iov_iter it;
	struct netbuf *nb;
	ip_addr_t ip;
	u16_t port = 0;
	bool given;
	err_t e;
	int err;

	(void)nonblock;
	err = destination(s, m, &ip, &port, &given);
	if (err)
		return err;
	if (s->error)
		return -sock_take_error(s);
	if (m->len > UDP_MAX)
		return -EMSGSIZE;
	if (s->snd_shut)
		return -EPIPE;
	nb = netbuf_new();
	if (!nb || !netbuf_alloc(nb, (u16_t)m->len)) {
		netbuf_delete(nb);
		return -ENOBUFS;
	}
	iter_init(&it, m);
	if (iter_in(&it, nb->p->payload, m->len)) {
		netbuf_delete(nb);
		return -EFAULT;
	}
	e = given ? netconn_sendto(s->conn, nb, &ip, port)
		  : netconn_send(s->conn, nb);
	netbuf_delete(nb);
	return e ? -sock_errno(e) : (long)m->len;
}

static long udpsock_recv(struct socket *s, struct sock_msg *m, bool nonblock)
{
	uint64_t deadline = sock_deadline(s->rcvtimeo);
	int flags = m->flags;
	struct iov_iter it;
	struct netbuf *nb;
	size_t total, n;
	long r;

	for (;;) {
		udp_pull(s);
		if (s->rx_dgram)
			break;
		if (s->error)
			return -sock_take_error(s);
		if (nonblock)
			return -EAGAIN;
		if (s->rcv_shut)
			return 0;
		r = sock_wait(s, s->events, deadline, s->rcvtimeo);
		if (r)
			return r == -ETIMEDOUT ? -EAGAIN : r;
	}
	nb = s->rx_dgram;
	total = nb->p->tot_len;
	n = MIN(total, m->len);
	iter_init(&it, m);
	r = n ? iter_out_pbuf(&it, nb->p, 0, n) : 0;
	if (r >= 0 && m->addr) {
		sock_in_of((struct sockaddr_in *)m->addr, &nb->addr, nb->port);
		m->addrlen = sizeof(struct sockaddr_in);
	}
	m->flags = total > n ? MSG_TRUNC : 0;
	if (!(flags & MSG_PEEK) || r < 0) { /* Linux drops what faulted */
		netbuf_delete(nb);
		s->rx_dgram = NULL;
	}
	if (r < 0)
		return r;
	return (long)(flags & MSG_TRUNC ? total : n);
}

static int udpsock_shutdown(struct socket *s, int how)
{
	s->rcv_shut |= how != SHUT_WR;
	s->snd_shut |= how != SHUT_RD;
	sock_wake(s);
	return s->tstate == TS_ESTABLISHED ? 0 : -ENOTCONN;
}

static int udpsock_getname(struct socket *s, struct sockaddr_in *a, bool peer)
{
	struct udp_pcb *pcb = pcb_of(s);

	if (peer) {
		if (s->tstate != TS_ESTABLISHED)
			return -ENOTCONN;
		*a = s->peer;
	} else if (pcb) {
		ip_addr_t ip = pcb->local_ip;

		/* connected, as Linux: the address the route gives */
		if (ip_addr_isany(&ip) && s->tstate == TS_ESTABLISHED) {
			struct netif *n;

			LOCK_TCPIP_CORE();
			n = ip4_route(ip_2_ip4(&pcb->remote_ip));
			if (n)
				ip_addr_copy(ip, *netif_ip_addr4(n));
			UNLOCK_TCPIP_CORE();
		}
		sock_in_of(a, &ip, pcb->local_port);
	}
	return 0;
}

/* Linux's datagram_poll: always writable. */
static unsigned udpsock_poll(struct socket *s)
{
	unsigned mask = POLLOUT | POLLWRNORM;

	udp_pull(s);
	if (s->rx_dgram)
		mask |= POLLIN | POLLRDNORM;
	if (s->rcv_shut)
		mask |= POLLIN | POLLRDNORM | POLLRDHUP;
	if (s->rcv_shut && s->snd_shut)
		mask |= POLLHUP;
	if (s->error)
		mask |= POLLERR;
	return mask;
}

/* FIONREAD: the size of the next datagram */
static int udpsock_nread(struct socket *s)
{
	udp_pull(s);
	return s->rx_dgram ? s->rx_dgram->p->tot_len : 0;
}

static void udpsock_release(struct socket *s)
{
	netbuf_delete(s->rx_dgram);
	s->rx_dgram = NULL;
	sock_delete_conn(s);
}

const struct sock_ops sock_udp_ops = {
    .bind = udpsock_bind,
    .connect = udpsock_connect,
    .send = udpsock_send,
    .recv = udpsock_recv,
    .shutdown = udpsock_shutdown,
    .getname = udpsock_getname,
    .poll = udpsock_poll,
    .nread = udpsock_nread,
    .release = udpsock_release,
};
