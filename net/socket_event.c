/* net/socket_event.c - what lwIP tells a socket, and waiting for it.
 *
 * Each socket's netconn is created with sock_event as its callback and
 * registered in a small hash table (netconn -> socket): lwIP's netconn
 * has no pointer of its own for us.  sock_event runs in the tcpip thread
 * or in a task that holds the core lock, and must not sleep: it counts
 * the events as lwIP's own sockets.c does (rcvevent, sendevent), lets
 * the protocol update the socket's state (a connection made, refused,
 * reset), and wakes whoever may now go on (sock_wake).  An event for a
 * netconn with no socket (a connection not accepted yet, a socket being
 * closed) is dropped: accept reads the new connection's state itself.
 *
 * Waiting: see net/socket_impl.h (s->events, sock_wait).  A signal ends
 * a wait with -ERESTARTSYS, which restarts the call after an SA_RESTART
 * handler, except when the socket has a timeout (SO_RCVTIMEO/SNDTIMEO):
 * then it is -EINTR, as Linux's sock_intr_errno.
 */
#include "lwip/netif.h"

#include "kernel/kernel.h"
#include "kernel/poll.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "kernel/wait.h"
#include "net/socket_impl.h"

#define HASH_SIZE 256

static struct socket *by_conn[HASH_SIZE];

static unsigned hash(const struct netconn *c)
{
	return ((uintptr_t)c >> 4) % HASH_SIZE;
}

static struct socket *lookup(const struct netconn *c)
{
	struct socket *s = by_conn[hash(c)];

	while (s && s->conn != c)
		s = s->hash_next;
	return s;
}

void sock_wake(struct socket *s)
{
	s->events++;
	wake_up(&s->wq);
	poll_notify();
}

/* The netconn callback (lwIP's context: never sleeps). */
static void sock_event(struct netconn *conn, enum netconn_evt evt, u16_t len)
{
	struct socket *s = lookup(conn);

	if (!s)
		return;
	switch (evt) {
	case NETCONN_EVT_RCVPLUS:
		s->rcvevent++;
		break;
	case NETCONN_EVT_RCVMINUS:
		s->rcvevent--;
		break;
	case NETCONN_EVT_SENDPLUS:
		s->sendevent = true;
		break;
	case NETCONN_EVT_SENDMINUS:
		s->sendevent = false;
		break;
	default:
		break;
	}
	if (s->ops->event)
		s->ops->event(s, evt, len);
	/* the minus events (we took something, the buffer filled) never
	 * let anyone on */
	if (evt != NETCONN_EVT_RCVMINUS && evt != NETCONN_EVT_SENDMINUS)
		sock_wake(s);
}

void sock_attach(struct socket *s, struct netconn *conn)
{
	unsigned h = hash(conn);

	s->conn = conn;
	s->hash_next = by_conn[h];
	by_conn[h] = s;
}

static void detach(struct socket *s)
{
	struct socket **pp = &by_conn[hash(s->conn)];

	while (*pp && *pp != s)
		pp = &(*pp)->hash_next;
	if (*pp)
		*pp = s->hash_next;
	s->hash_next = NULL;
}

int sock_new_conn(struct socket *s, enum netconn_type t)
{
	struct netconn *c = netconn_new_with_callback(t, sock_event);

	if (!c)
		return -ENOBUFS;
	netconn_set_nonblocking(c, 1);
	sock_attach(s, c);
	sock_apply_opts(s);
	return 0;
}

void sock_delete_conn(struct socket *s)
{
	if (!s->conn)
		return;
	detach(s);
	netconn_delete(s->conn);
	s->conn = NULL;
}

/* --- waiting */

uint64_t sock_deadline(uint64_t timeo)
{
	return timeo ? time_ns() + timeo : 0;
}

int sock_wait(struct socket *s, uint32_t seen, uint64_t deadline,
	      uint64_t timeo)
{
	int r = wait_event_interruptible_deadline(&s->wq, s->events != seen,
						  deadline);

	return r == -ERESTARTSYS && timeo ? -EINTR : r;
}

/* --- errors */

int sock_take_error(struct socket *s)
{
	int e = s->error;

	s->error = 0;
	return e;
}

int sock_errno(err_t err)
{
	switch (err) {
	case ERR_OK:
		return 0;
	case ERR_MEM:
	case ERR_BUF:
		return ENOBUFS;
	case ERR_TIMEOUT:
		return ETIMEDOUT;
	case ERR_RTE:
		return ENETUNREACH;
	case ERR_INPROGRESS:
		return EINPROGRESS;
	case ERR_WOULDBLOCK:
		return EAGAIN;
	case ERR_USE:
		return EADDRINUSE;
	case ERR_ALREADY:
		return EALREADY;
	case ERR_ISCONN:
		return EISCONN;
	case ERR_CONN:
	case ERR_CLSD:
		return ENOTCONN;
	case ERR_IF:
		return ENETDOWN;
	case ERR_ABRT:
		return ECONNABORTED;
	case ERR_RST:
		return ECONNRESET;
	default:
		return EINVAL;
	}
}

/* --- addresses */

bool sock_local_addr(const struct sockaddr_in *a)
{
	uint32_t addr = lwip_ntohl(a->sin_addr.s_addr);
	struct netif *n;

	if (addr == INADDR_ANY || (addr >> 24) == 127)
		return true;
	NETIF_FOREACH(n)
	{
		if (ip4_addr_get_u32(netif_ip4_addr(n)) == a->sin_addr.s_addr &&
		    !ip4_addr_isany_val(*netif_ip4_addr(n)))
			return true;
	}
	return false;
}
