/* net/socket_tcp.c - TCP sockets: connections (bind, listen, accept,
 * connect, shutdown, close) on lwIP's netconns.  The data path (send,
 * recv, poll) is net/socket_tcp_io.c.
 *
 * The socket follows the connection through lwIP's events (tcp_event,
 * in lwIP's context): the connected callback's SENDPLUS ends SYN_SENT;
 * the peer's FIN is a RCVPLUS of length 0 in CLOSE_WAIT or later; the
 * error callback (the PCB is gone) is a reset, a refusal, a timeout, or
 * the end of a connection both sides closed.  lwIP frees a PCB in
 * TIME_WAIT without telling its netconn, so when the peer's FIN arrives
 * after ours (CLOSING, TIME_WAIT) the socket lets go of the PCB first.
 *
 * A netconn whose PCB is gone cannot connect or listen again; a socket
 * that may (Linux allows it after a failed connect, or connect to
 * AF_UNSPEC) gets a new netconn with its options and bound address.
 * The last close deletes the netconn: lwIP then closes gracefully (FIN
 * after the queued data), or resets when data was left unread, as
 * Linux does; a listener resets the connections nobody accepted.
 */
#include "lwip/priv/tcp_priv.h"
#include "lwip/tcp.h"
#include "lwip/tcpip.h"

#include "kernel/kernel.h"
#include "kernel/uapi/errno.h"
#include "net/socket_impl.h"

/* --- lwIP's side (runs in lwIP's context: must not sleep) */

/* Cuts the netconn off its PCB, which lwIP goes on closing alone. */
static void let_go(struct netconn *c)
{
	struct tcp_pcb *pcb = c->pcb.tcp;

	tcp_arg(pcb, NULL);
	tcp_recv(pcb, NULL);
	tcp_sent(pcb, NULL);
	tcp_poll(pcb, NULL, 0);
	tcp_err(pcb, NULL);
	c->pcb.tcp = NULL;
}

static void cache_names(struct socket *s, const struct tcp_pcb *pcb)
{
	sock_in_of(&s->local, &pcb->local_ip, pcb->local_port);
	if (pcb->state != LISTEN)
		sock_in_of(&s->peer, &pcb->remote_ip, pcb->remote_port);
}

/* The connection is over and lwIP freed its PCB: err says why. */
static void connection_ended(struct socket *s, err_t err)
{
	int e;

	switch (err) {
	case ERR_OK: /* our own close */
		return;
	case ERR_RST:
		e = s->tstate == TS_SYN_SENT	  ? ECONNREFUSED
		    : s->peer_fin && !s->snd_shut ? EPIPE /* in CLOSE_WAIT */
						  : ECONNRESET;
		break;
	case ERR_ABRT: /* lwIP gave up retransmitting (or keep-alive) */
		e = ETIMEDOUT;
		break;
	case ERR_CLSD: /* both sides closed: no error */
		e = 0;
		break;
	default:
		e = sock_errno(err);
		break;
	}
	if (e)
		s->error = e;
	s->tstate = TS_CLOSE;
	s->rcv_shut = s->snd_shut = true;
}

static void tcpsock_event(struct socket *s, enum netconn_evt evt, u16_t len)
{
	struct tcp_pcb *pcb = s->conn->pcb.tcp;

	switch (evt) {
	case NETCONN_EVT_SENDPLUS: /* also lwIP's "connected" */
		if (s->tstate == TS_SYN_SENT && pcb &&
		    pcb->state >= ESTABLISHED) {
			s->tstate = TS_ESTABLISHED;
			cache_names(s, pcb);
		}
		break;
	case NETCONN_EVT_RCVPLUS:
		if (len || !pcb || pcb->state < CLOSE_WAIT)
			break;
		s->peer_fin = s->rcv_shut = true; /* Linux's RCV_SHUTDOWN */
		if (pcb->state == CLOSING || pcb->state == TIME_WAIT)
			let_go(s->conn);
		break;
	case NETCONN_EVT_ERROR:
		connection_ended(s, s->conn->pending_err);
		break;
	default:
		break;
	}
}

/* --- the netconn */

/* A fresh netconn for s (its old PCB is gone or must go), bound where
 * bind() put the socket. */
static int renew_conn(struct socket *s)
{
	ip_addr_t ip;
	err_t e;
	int err;

	tcpsock_rx_free(s);
	sock_delete_conn(s);
	s->rcvevent = 0;
	s->sendevent = true;
	s->peer_fin = s->fin = s->rx_dead = false;
	err = sock_new_conn(s, NETCONN_TCP);
	if (err || !s->bound)
		return err;
	sock_ip_of(&s->bind_addr, &ip, false);
	e = netconn_bind(s->conn, &ip, lwip_ntohs(s->bind_addr.sin_port));
	return e ? -sock_errno(e) : 0;
}

/* Resets the connection (RST) and starts over with a fresh netconn. */
static int abort_and_renew(struct socket *s)
{
	if (s->conn && s->conn->pcb.tcp && s->tstate != TS_LISTEN) {
		struct tcp_pcb *pcb = s->conn->pcb.tcp;

		LOCK_TCPIP_CORE();
		let_go(s->conn);
		tcp_abort(pcb);
		UNLOCK_TCPIP_CORE();
	}
	s->tstate = TS_CLOSE;
	s->sstate = SS_UNCONNECTED;
	s->rcv_shut = s->snd_shut = false;
	sock_wake(s);
	return renew_conn(s);
}

static bool has_pcb(const struct socket *s)
{
	return s->conn && s->conn->pcb.tcp;
}

/* --- bind, listen, accept */

/* Linux refuses to bind where a listener is, even with SO_REUSEADDR on
 * both sockets (lwIP would only refuse the second listen). */
static bool listener_on(const struct sockaddr_in *a)
{
	struct tcp_pcb_listen *l;
	u16_t port = lwip_ntohs(a->sin_port);
	bool found = false;

	if (!port)
		return false;
	LOCK_TCPIP_CORE();
	for (l = tcp_listen_pcbs.listen_pcbs; l && !found; l = l->next)
		found = l->local_port == port &&
			(ip_addr_isany(&l->local_ip) ||
			 a->sin_addr.s_addr == INADDR_ANY ||
			 ip4_addr_get_u32(ip_2_ip4(&l->local_ip)) ==
			     a->sin_addr.s_addr);
	UNLOCK_TCPIP_CORE();
	return found;
}

static int tcpsock_bind(struct socket *s, const struct sockaddr_in *a)
{
	ip_addr_t ip;
	err_t e;
	int err;

	if (s->bound || s->sstate != SS_UNCONNECTED || s->tstate != TS_CLOSE)
		return -EINVAL;
	if (!sock_local_addr(a))
		return -EADDRNOTAVAIL;
	if (!has_pcb(s) && (err = renew_conn(s)))
		return err;
	if (s->reuseaddr && listener_on(a))
		return -EADDRINUSE;
	sock_ip_of(a, &ip, false);
	e = netconn_bind(s->conn, &ip, lwip_ntohs(a->sin_port));
	if (e)
		return -sock_errno(e);
	s->bound = true;
	s->bind_addr = *a;
	cache_names(s, s->conn->pcb.tcp);
	return 0;
}

static int tcpsock_listen(struct socket *s, int backlog)
{
	/* lwIP queues backlog connections, Linux one more */
	u8_t b = (unsigned)backlog >= 254 ? 255 : (u8_t)(backlog + 1);
	err_t e;
	int err;

	if (s->sstate != SS_UNCONNECTED ||
	    (s->tstate != TS_CLOSE && s->tstate != TS_LISTEN))
		return -EINVAL;
	if (!has_pcb(s) && (err = renew_conn(s)))
		return err;
	/* Linux gives an unbound listener a port of its own */
	if (s->tstate == TS_CLOSE && !s->conn->pcb.tcp->local_port &&
	    (e = netconn_bind(s->conn, IP4_ADDR_ANY, 0)))
		return -sock_errno(e);
	e = netconn_listen_with_backlog(s->conn, b);
	if (e)
		return -sock_errno(e);
	if (s->tstate != TS_LISTEN)
		s->rcvevent = 0;
	s->tstate = TS_LISTEN;
	cache_names(s, s->conn->pcb.tcp);
	return 0;
}

/* The state of a connection lwIP accepted before accept() took it: its
 * events went nowhere, so read it off the netconn. */
static void accepted(struct socket *ns, struct netconn *nc)
{
	struct tcp_pcb *pcb = nc->pcb.tcp;

	ns->sstate = SS_CONNECTED;
	ns->tstate = TS_ESTABLISHED;
	if (pcb) {
		cache_names(ns, pcb);
		ns->peer_fin = ns->rcv_shut = pcb->state >= CLOSE_WAIT;
	}
	if (nc->pending_err != ERR_OK || !pcb)
		connection_ended(ns,
				 nc->pending_err ? nc->pending_err : ERR_CLSD);
}

static int tcpsock_accept(struct socket *s, bool nonblock, struct socket **out)
{
	uint64_t deadline = sock_deadline(s->rcvtimeo);
	struct netconn *nc;
	struct socket *ns;
	err_t e;
	int r;

	if (s->tstate != TS_LISTEN)
		return -EINVAL;
	while ((e = netconn_accept(s->conn, &nc)) == ERR_WOULDBLOCK) {
		if (nonblock)
			return -EAGAIN;
		r = sock_wait(s, s->events, deadline, s->rcvtimeo);
		if (r)
			return r == -ETIMEDOUT ? -EAGAIN : r;
	}
	if (e) /* lwIP ran out of something for a new connection */
		return e == ERR_ABRT ? -ECONNABORTED : -sock_errno(e);
	ns = sock_alloc(AF_INET, SOCK_STREAM, &sock_tcp_ops);
	if (!ns) {
		netconn_delete(nc);
		return -ENOBUFS;
	}
	netconn_set_nonblocking(nc, 1);
	sock_attach(ns, nc);
	sock_inherit_opts(ns, s);
	sock_apply_opts(ns);
	accepted(ns, nc);
	*out = ns;
	return 0;
}

/* --- connect */

static int start_connect(struct socket *s, const struct sockaddr_in *a)
{
	ip_addr_t ip;
	err_t e;
	int err;

	if (!has_pcb(s) && (err = renew_conn(s)))
		return err;
	sock_ip_of(a, &ip, true);
	s->rcv_shut = s->snd_shut = false;
	/* before the call: its events may come at once */
	s->tstate = TS_SYN_SENT;
	e = netconn_connect(s->conn, &ip, lwip_ntohs(a->sin_port));
	if (e != ERR_OK && e != ERR_INPROGRESS) {
		s->tstate = TS_CLOSE;
		return e == ERR_USE ? -EADDRNOTAVAIL : -sock_errno(e);
	}
	s->sstate = SS_CONNECTING;
	if (has_pcb(s))
		cache_names(s, s->conn->pcb.tcp);
	return -EINPROGRESS;
}

/* Linux's inet_stream_connect: the first call starts the connection,
 * later ones report on it (-EALREADY while it is being made, 0 or the
 * error once it is done). */
static int tcpsock_connect(struct socket *s, const struct sockaddr_in *a,
			   bool nonblock)
{
	uint64_t deadline;
	int err, r, e;

	if (!a) /* AF_UNSPEC: disconnect */
		return s->tstate == TS_CLOSE && s->sstate == SS_UNCONNECTED
			   ? 0
			   : abort_and_renew(s);
	switch (s->sstate) {
	case SS_CONNECTED:
		return -EISCONN;
	case SS_CONNECTING:
		err = -EALREADY;
		break;
	default:
		if (s->tstate != TS_CLOSE)
			return -EISCONN;
		err = start_connect(s, a);
		if (err != -EINPROGRESS)
			return err;
	}
	if (s->tstate == TS_SYN_SENT) {
		if (nonblock)
			return err;
		deadline = sock_deadline(s->sndtimeo);
		while (s->tstate == TS_SYN_SENT) {
			r = sock_wait(s, s->events, deadline, s->sndtimeo);
			if (r) /* still connecting; connect again reports */
				return r == -ETIMEDOUT ? err : r;
		}
	}
	if (s->tstate == TS_CLOSE) { /* refused, reset, timed out */
		e = sock_take_error(s);
		s->sstate = SS_UNCONNECTED;
		s->rcv_shut = s->snd_shut = false;
		return -(e ? e : ECONNABORTED);
	}
	s->sstate = SS_CONNECTED;
	return 0;
}

/* --- names, shutdown, close */

static int tcpsock_getname(struct socket *s, struct sockaddr_in *a, bool peer)
{
	if (peer) {
		if (s->tstate != TS_ESTABLISHED)
			return -ENOTCONN;
		*a = s->peer;
		return 0;
	}
	if (has_pcb(s))
		cache_names(s, s->conn->pcb.tcp);
	*a = s->local;
	return 0;
}

/* Linux's inet_shutdown: an unconnected socket is -ENOTCONN (but marked
 * shut all the same); a listener or a connection being made is dropped. */
static int tcpsock_shutdown(struct socket *s, int how)
{
	bool rd = how != SHUT_WR, wr = how != SHUT_RD;
	err_t e;

	switch (s->tstate) {
	case TS_CLOSE:
		s->rcv_shut |= rd;
		s->snd_shut |= wr;
		sock_wake(s);
		return -ENOTCONN;
	case TS_LISTEN:
		if (!rd)
			return 0;
		/* closed: the connections queued on it are reset */
		return abort_and_renew(s);
	case TS_SYN_SENT:
		return abort_and_renew(s);
	default:
		break;
	}
	s->rcv_shut |= rd; /* reading ends here; the data stays readable */
	if (wr && !s->snd_shut && has_pcb(s)) {
		e = netconn_shutdown(s->conn, 0,
				     1); /* FIN after the queued data */
		if (e && e != ERR_CONN)
			return -sock_errno(e);
	}
	s->snd_shut |= wr;
	sock_wake(s);
	return 0;
}

static void tcpsock_release(struct socket *s)
{
	tcpsock_rx_free(s);
	/* SO_LINGER with a zero time: reset instead of closing */
	if (s->linger.l_onoff && !s->linger.l_linger && has_pcb(s) &&
	    s->tstate != TS_LISTEN) {
		struct tcp_pcb *pcb = s->conn->pcb.tcp;

		LOCK_TCPIP_CORE();
		let_go(s->conn);
		tcp_abort(pcb);
		UNLOCK_TCPIP_CORE();
	}
	sock_delete_conn(s);
}

const struct sock_ops sock_tcp_ops = {
    .bind = tcpsock_bind,
    .connect = tcpsock_connect,
    .listen = tcpsock_listen,
    .accept = tcpsock_accept,
    .send = tcpsock_send,
    .recv = tcpsock_recv,
    .shutdown = tcpsock_shutdown,
    .getname = tcpsock_getname,
    .poll = tcpsock_poll,
    .nread = tcpsock_nread,
    .event = tcpsock_event,
    .release = tcpsock_release,
};
