/* net/socket.c - sockets as files: the socket's file operations and the
 * entry points the system calls use (net/socket.h).
 *
 *   read(fd)  -> sock_read  -> sock_recvmsg -> s->ops->recv (TCP, UDP...)
 *   recvfrom  ---------------> sock_recvmsg
 *
 * Here: creating sockets (socket, socketpair, accept's new file), the
 * checks every family makes the same way (address lengths and families,
 * shutdown's how), SIGPIPE, FIONREAD, and the last close.  The protocol
 * does the rest (net/socket_tcp.c, socket_udp.c, socket_unix.c); events,
 * waiting and errors are in net/socket_event.c.
 */
#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/string.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/fcntl.h"
#include "kernel/uapi/termios.h"
#include "kernel/vfs.h"
#include "net/socket_impl.h"

#define NPROTO 46   /* Linux's count of address families */
#define SOCK_MAX 11 /* socket types are below this (SOCK_PACKET + 1) */
#define IPPROTO_MAX 263

/* --- the file operations */

static struct socket *sock_of_file(struct file *f)
{
	return f->private;
}

static long sock_read(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	struct iovec v = {buf, n};
	struct sock_msg m = {.iov = &v, .iovlen = 1, .len = n};

	(void)pos;
	if (!n) /* as Linux's sock_read_iter: nothing is read, not even a
		   datagram */
		return 0;
	return sock_recvmsg(sock_of_file(f), &m, f->flags & O_NONBLOCK);
}

static long sock_write(struct file *f, const void *buf, size_t n, uint64_t *pos)
{
	struct iovec v = {(void *)buf, n};
	struct sock_msg m = {.iov = &v, .iovlen = 1, .len = n};

	(void)pos;
	return sock_sendmsg(sock_of_file(f), &m, f->flags & O_NONBLOCK);
}

static unsigned sock_poll(struct file *f)
{
	struct socket *s = sock_of_file(f);

	return s->ops->poll(s);
}

static int sock_ioctl(struct file *f, unsigned cmd, unsigned long arg)
{
	struct socket *s = sock_of_file(f);
	int n;

	if (s->ops->ioctl)
		return s->ops->ioctl(s, cmd, arg);
	if (cmd != FIONREAD) /* FIONBIO and FIOCLEX: sys_ioctl does them */
		return -ENOTTY;
	n = s->ops->nread(s);
	if (n < 0)
		return n;
	return copy_to_user((void *)arg, &n, sizeof(n)) ? -EFAULT : 0;
}

static int64_t sock_lseek(struct file *f, int64_t off, int whence)
{
	(void)f, (void)off, (void)whence;
	return -ESPIPE;
}

/* The last reference to the description went (close, exit): the
 * protocol closes the connection (TCP: gracefully, in the background). */
static void sock_release(struct file *f)
{
	struct socket *s = sock_of_file(f);

	s->ops->release(s);
	sock_free(s);
}

static const struct file_operations sock_fops = {
    .read = sock_read,
    .write = sock_write,
    .poll = sock_poll,
    .ioctl = sock_ioctl,
    .lseek = sock_lseek,
    .release = sock_release,
    .anon_mode = S_IFSOCK | 0777,
};

struct socket *sock_of(struct file *f)
{
	return f && f->f_op == &sock_fops ? f->private : NULL;
}

struct file *sock_file(struct socket *s, int flags)
{
	struct file *f =
	    file_alloc(NULL, &sock_fops,
		       O_RDWR | (flags & SOCK_NONBLOCK ? O_NONBLOCK : 0));

	if (f)
		f->private = s;
	return f;
}

/* --- making sockets */

static struct sock_stats stats;

static unsigned *count_of(const struct socket *s)
{
	if (s->family == AF_UNIX)
		return &stats.unix_stream;
	return s->type == SOCK_DGRAM ? &stats.udp : &stats.tcp;
}

void sock_get_stats(struct sock_stats *st)
{
	*st = stats;
}

struct socket *sock_alloc(int family, int type, const struct sock_ops *ops)
{
	struct socket *s = kzalloc(sizeof(*s));

	if (!s)
		return NULL;
	s->family = family;
	s->type = type;
	s->ops = ops;
	s->sendevent = true;
	/* Linux's defaults (net.core.rmem_default, tcp_wmem[1]) */
	s->rcvbuf = 212992;
	s->sndbuf = 16384;
	s->ttl = 64;
	s->local.sin_family = AF_INET;
	s->keepidle = 7200;
	s->keepintvl = 75;
	s->keepcnt = 9;
	(*count_of(s))++;
	return s;
}

void sock_free(struct socket *s)
{
	(*count_of(s))--;
	kfree(s->bounce);
	kfree(s);
}

/* The protocol of an AF_INET socket of this type, as Linux's inet_create
 * finds it. */
static int inet_proto(int type, int protocol, const struct sock_ops **ops,
		      enum netconn_type *t)
{
	if (protocol < 0 || protocol >= IPPROTO_MAX)
		return -EINVAL;
	switch (type) {
	case SOCK_STREAM:
		*ops = &sock_tcp_ops;
		*t = NETCONN_TCP;
		return protocol && protocol != IPPROTO_TCP ? -EPROTONOSUPPORT
							   : 0;
	case SOCK_DGRAM:
		*ops = &sock_udp_ops;
		*t = NETCONN_UDP;
		return protocol && protocol != IPPROTO_UDP ? -EPROTONOSUPPORT
							   : 0;
	case SOCK_RAW: /* no raw IP in this lwIP */
		return -EPROTONOSUPPORT;
	default:
		return -ESOCKTNOSUPPORT;
	}
}

int sock_create(int family, int type, int protocol, int flags,
		struct file **out)
{
	const struct sock_ops *ops;
	enum netconn_type t;
	struct socket *s;
	int err;

	if (family < 0 || family >= NPROTO)
		return -EAFNOSUPPORT;
	if (type < 0 || type >= SOCK_MAX)
		return -EINVAL;
	if (family != AF_INET) /* AF_UNIX only as socketpair's */
		return -EAFNOSUPPORT;
	err = inet_proto(type, protocol, &ops, &t);
	if (err)
		return err;
	s = sock_alloc(family, type, ops);
	if (!s)
		return -ENOBUFS;
	err = sock_new_conn(s, t);
	if (!err && !(*out = sock_file(s, flags)))
		err = -ENFILE;
	if (err) {
		s->ops->release(s);
		sock_free(s);
	}
	return err;
}

int sock_create_pair(int family, int type, int protocol, int flags,
		     struct file *out[2])
{
	if (family < 0 || family >= NPROTO)
		return -EAFNOSUPPORT;
	if (type < 0 || type >= SOCK_MAX)
		return -EINVAL;
	if (family == AF_INET)
		return -EOPNOTSUPP; /* Linux's inet sockets have no pairs */
	if (family != AF_UNIX)
		return -EAFNOSUPPORT;
	if (type != SOCK_STREAM)
		return -EOPNOTSUPP;	     /* only stream pairs here */
	if (protocol && protocol != AF_UNIX) /* PF_UNIX passes, as on Linux */
		return -EPROTONOSUPPORT;
	return sock_unix_pair(flags, out);
}

/* --- the calls: the checks every family makes alike, then the protocol */

/* The IPv4 address of a bind, connect or sendto: -EINVAL if too short,
 * -EAFNOSUPPORT for another family (AF_UNSPEC passes when unspec_ok). */
static int get_in(const void *addr, int len, struct sockaddr_in *a,
		  bool unspec_ok)
{
	if (len < (int)sizeof(*a))
		return -EINVAL;
	memcpy(a, addr, sizeof(*a));
	if (a->sin_family != AF_INET &&
	    !(unspec_ok && a->sin_family == AF_UNSPEC))
		return -EAFNOSUPPORT;
	return 0;
}

int sock_bind(struct socket *s, const void *addr, int len)
{
	struct sockaddr_in a;
	int err;

	if (!s->ops->bind)
		return -EOPNOTSUPP;
	err = get_in(addr, len, &a, true);
	/* AF_UNSPEC is AF_INET only with INADDR_ANY, for old programs */
	if (!err && a.sin_family == AF_UNSPEC &&
	    a.sin_addr.s_addr != INADDR_ANY)
		err = -EAFNOSUPPORT;
	return err ? err : s->ops->bind(s, &a);
}

int sock_connect(struct socket *s, const void *addr, int len, bool nonblock)
{
	struct sockaddr_in a;
	int err;

	if (!s->ops->connect)
		return -EOPNOTSUPP;
	if (len < (int)sizeof(sa_family_t))
		return -EINVAL;
	if (((const struct sockaddr *)addr)->sa_family == AF_UNSPEC)
		return s->ops->connect(s, NULL, nonblock);
	err = get_in(addr, len, &a, false);
	return err ? err : s->ops->connect(s, &a, nonblock);
}

int sock_listen(struct socket *s, int backlog)
{
	return s->ops->listen ? s->ops->listen(s, backlog) : -EOPNOTSUPP;
}

int sock_accept(struct socket *s, bool nonblock, int flags, struct file **out)
{
	struct socket *ns;
	int err;

	if (!s->ops->accept)
		return -EOPNOTSUPP;
	err = s->ops->accept(s, nonblock, &ns);
	if (err)
		return err;
	*out = sock_file(ns, flags);
	if (!*out) {
		ns->ops->release(ns);
		sock_free(ns);
		return -ENFILE;
	}
	return 0;
}

int sock_getname(struct socket *s, struct sockaddr_storage *addr, int *len,
		 bool peer)
{
	struct sockaddr_in a;
	int err;

	if (!s->ops->getname)
		return -EOPNOTSUPP;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	err = s->ops->getname(s, &a, peer);
	if (err < 0)
		return err;
	memset(addr, 0, sizeof(*addr));
	memcpy(addr, &a, sizeof(a));
	*len = err ? err : (int)sizeof(a); /* a family may give a length */
	return 0;
}

int sock_shutdown(struct socket *s, int how)
{
	if (how < SHUT_RD || how > SHUT_RDWR)
		return -EINVAL;
	return s->ops->shutdown(s, how);
}

long sock_sendmsg(struct socket *s, struct sock_msg *m, bool nonblock)
{
	long r = s->ops->send(s, m, nonblock || (m->flags & MSG_DONTWAIT));

	/* to the writing thread, as Linux sends it (not to the process) */
	if (r == -EPIPE && !(m->flags & MSG_NOSIGNAL) && current->proc)
		signal_send_thread(current, SIGPIPE);
	return r;
}

long sock_recvmsg(struct socket *s, struct sock_msg *m, bool nonblock)
{
	return s->ops->recv(s, m, nonblock || (m->flags & MSG_DONTWAIT));
}

/* --- addresses */

void sock_ip_of(const struct sockaddr_in *a, ip_addr_t *ip, bool to)
{
	uint32_t addr = a->sin_addr.s_addr;

	/* Linux connects to 0.0.0.0 as to itself */
	if (to && addr == INADDR_ANY)
		addr = lwip_htonl(INADDR_LOOPBACK);
	ip_addr_set_ip4_u32_val(*ip, addr);
}

void sock_in_of(struct sockaddr_in *a, const ip_addr_t *ip, u16_t port)
{
	memset(a, 0, sizeof(*a));
	a->sin_family = AF_INET;
	a->sin_port = lwip_htons(port);
	a->sin_addr.s_addr = ip_addr_get_ip4_u32(ip);
}
