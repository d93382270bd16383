/* net/socket_opt.c - setsockopt and getsockopt.
 *
 * Options live in struct socket, and the ones lwIP acts on are copied
 * into the PCB (sock_apply_opts, under the core lock) whenever they
 * change or the socket gets a new netconn: SO_REUSEADDR, SO_KEEPALIVE,
 * SO_BROADCAST, IP_TTL, IP_TOS, TCP_NODELAY and TCP's keep-alive timing.
 * The socket layer itself uses SO_RCVTIMEO, SO_SNDTIMEO and SO_LINGER;
 * SO_RCVBUF and SO_SNDBUF are kept and reported as Linux reports them
 * (doubled) but lwIP's buffers are fixed.  Errors and lengths as Linux's
 * sock_setsockopt/sock_getsockopt, do_tcp_*sockopt and ip_*sockopt.
 */
#include "lwip/ip.h"
#include "lwip/tcp.h"
#include "lwip/tcpip.h"

#include "kernel/kernel.h"
#include "kernel/string.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/tcp.h"
#include "kernel/uapi/time.h"
#include "net/socket_impl.h"

#define BUF_MAX 212992	/* net.core.rmem_max, wmem_max */
#define RCVBUF_MIN 2304 /* SOCK_MIN_RCVBUF */
#define SNDBUF_MIN 4608 /* SOCK_MIN_SNDBUF */

static void set_flag(struct ip_pcb *pcb, u8_t opt, bool on)
{
	if (on)
		ip_set_option(pcb, opt);
	else
		ip_reset_option(pcb, opt);
}

void sock_apply_opts(struct socket *s)
{
	struct ip_pcb *ip = s->conn ? s->conn->pcb.ip : NULL;
	struct tcp_pcb *tcp = s->conn ? s->conn->pcb.tcp : NULL;

	if (!ip)
		return;
	LOCK_TCPIP_CORE();
	set_flag(ip, SOF_REUSEADDR, s->reuseaddr);
	set_flag(ip, SOF_KEEPALIVE, s->keepalive);
	set_flag(ip, SOF_BROADCAST, s->broadcast);
	ip->ttl = (u8_t)s->ttl;
	ip->tos = (u8_t)s->tos;
	/* a listening PCB is smaller: no TCP options of its own */
	if (s->type == SOCK_STREAM && tcp->state != LISTEN) {
		if (s->nodelay)
			tcp_nagle_disable(tcp);
		else
			tcp_nagle_enable(tcp);
		tcp->keep_idle = (u32_t)s->keepidle * 1000;
		tcp->keep_intvl = (u32_t)s->keepintvl * 1000;
		tcp->keep_cnt = (u32_t)s->keepcnt;
	}
	UNLOCK_TCPIP_CORE();
}

void sock_inherit_opts(struct socket *s, const struct socket *from)
{
	s->rcvtimeo = from->rcvtimeo;
	s->sndtimeo = from->sndtimeo;
	s->rcvbuf = from->rcvbuf;
	s->sndbuf = from->sndbuf;
	s->reuseaddr = from->reuseaddr;
	s->keepalive = from->keepalive;
	s->nodelay = from->nodelay;
	s->linger = from->linger;
	s->keepidle = from->keepidle;
	s->keepintvl = from->keepintvl;
	s->keepcnt = from->keepcnt;
	s->ttl = from->ttl;
	s->tos = from->tos;
}

/* --- setsockopt */

static int get_timeo(const void *uval, int len, uint64_t *timeo)
{
	struct timeval tv;

	if (len < (int)sizeof(tv))
		return -EINVAL;
	if (copy_from_user(&tv, uval, sizeof(tv)))
		return -EFAULT;
	if (tv.tv_usec < 0 || tv.tv_usec >= 1000000)
		return -EDOM;
	if (tv.tv_sec < 0) /* Linux: no wait at all */
		*timeo = 1;
	else
		*timeo = (uint64_t)tv.tv_sec * 1000000000u +
			 (uint64_t)tv.tv_usec * 1000u;
	return 0;
}

static int clamp_buf(int v, int min)
{
	unsigned u = (unsigned)v < BUF_MAX ? (unsigned)v : BUF_MAX;

	return MAX((int)u * 2, min);
}

/* SOL_SOCKET: every option starts as an int (Linux checks that first). */
static int set_socket(struct socket *s, int name, const void *uval, int len)
{
	int v;

	if (len < (int)sizeof(int))
		return -EINVAL;
	if (copy_from_user(&v, uval, sizeof(v)))
		return -EFAULT;
	switch (name) {
	case SO_REUSEADDR:
		s->reuseaddr = v;
		break;
	case SO_REUSEPORT:
		break; /* accepted; lwIP has only REUSEADDR */
	case SO_KEEPALIVE:
		s->keepalive = v;
		break;
	case SO_BROADCAST:
		s->broadcast = v;
		break;
	case SO_RCVBUF:
		s->rcvbuf = clamp_buf(v, RCVBUF_MIN);
		break;
	case SO_SNDBUF:
		s->sndbuf = clamp_buf(v, SNDBUF_MIN);
		break;
	case SO_RCVTIMEO:
		return get_timeo(uval, len, &s->rcvtimeo);
	case SO_SNDTIMEO:
		return get_timeo(uval, len, &s->sndtimeo);
	case SO_LINGER:
		if (len < (int)sizeof(s->linger))
			return -EINVAL;
		return copy_from_user(&s->linger, uval, sizeof(s->linger));
	default:
		return -ENOPROTOOPT;
	}
	return 0;
}

static int set_tcp(struct socket *s, int name, int v)
{
	switch (name) {
	case TCP_NODELAY:
		s->nodelay = v;
		return 0;
	case TCP_MAXSEG:
		return v < 88 || v > 32767 ? -EINVAL : 0; /* ignored */
	case TCP_KEEPIDLE:
		if (v < 1 || v > 32767)
			return -EINVAL;
		s->keepidle = v;
		return 0;
	case TCP_KEEPINTVL:
		if (v < 1 || v > 32767)
			return -EINVAL;
		s->keepintvl = v;
		return 0;
	case TCP_KEEPCNT:
		if (v < 1 || v > 127)
			return -EINVAL;
		s->keepcnt = v;
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

static int set_ip(struct socket *s, int name, int v)
{
	switch (name) {
	case IP_TTL:
		if (v == -1)
			v = 64;
		if (v < 1 || v > 255)
			return -EINVAL;
		s->ttl = v;
		return 0;
	case IP_TOS:
		s->tos = v & 0xff;
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

int sock_setsockopt(struct socket *s, int level, int name, const void *uval,
		    int len)
{
	int v, err;

	if (level == SOL_SOCKET) {
		err = set_socket(s, name, uval, len);
	} else if (s->family != AF_INET ||
		   (level != IPPROTO_IP &&
		    !(level == IPPROTO_TCP && s->type == SOCK_STREAM))) {
		return -ENOPROTOOPT;
	} else {
		if (len < (int)sizeof(int))
			return -EINVAL;
		if (copy_from_user(&v, uval, sizeof(v)))
			return -EFAULT;
		err = level == IPPROTO_TCP ? set_tcp(s, name, v)
					   : set_ip(s, name, v);
	}
	if (!err)
		sock_apply_opts(s);
	return err;
}

/* --- getsockopt */

union optval {
	int i;
	struct timeval tv;
	struct linger l;
};

static int timeval_of(uint64_t ns, union optval *v)
{
	v->tv.tv_sec = (long)(ns / 1000000000u);
	v->tv.tv_usec = (long)(ns % 1000000000u / 1000u);
	return sizeof(v->tv);
}

static int protocol_of(const struct socket *s)
{
	if (s->family != AF_INET)
		return 0;
	return s->type == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP;
}

/* The value's length, or -errno. */
static int get_socket(struct socket *s, int name, union optval *v)
{
	switch (name) {
	case SO_TYPE:
		v->i = s->type;
		break;
	case SO_DOMAIN:
		v->i = s->family;
		break;
	case SO_PROTOCOL:
		v->i = protocol_of(s);
		break;
	case SO_ERROR:
		v->i = sock_take_error(s);
		break;
	case SO_ACCEPTCONN:
		v->i = s->tstate == TS_LISTEN;
		break;
	case SO_REUSEADDR:
		v->i = s->reuseaddr;
		break;
	case SO_REUSEPORT:
		v->i = 0;
		break;
	case SO_KEEPALIVE:
		v->i = s->keepalive;
		break;
	case SO_BROADCAST:
		v->i = s->broadcast;
		break;
	case SO_RCVBUF:
		v->i = s->rcvbuf;
		break;
	case SO_SNDBUF:
		v->i = s->sndbuf;
		break;
	case SO_RCVTIMEO:
		return timeval_of(s->rcvtimeo, v);
	case SO_SNDTIMEO:
		return timeval_of(s->sndtimeo, v);
	case SO_LINGER:
		v->l = s->linger;
		v->l.l_onoff = !!v->l.l_onoff;
		return sizeof(v->l);
	default:
		return -ENOPROTOOPT;
	}
	return sizeof(int);
}

static int get_tcp(struct socket *s, int name, union optval *v)
{
	struct tcp_pcb *pcb = s->conn ? s->conn->pcb.tcp : NULL;

	switch (name) {
	case TCP_NODELAY:
		v->i = s->nodelay;
		break;
	case TCP_KEEPIDLE:
		v->i = s->keepidle;
		break;
	case TCP_KEEPINTVL:
		v->i = s->keepintvl;
		break;
	case TCP_KEEPCNT:
		v->i = s->keepcnt;
		break;
	case TCP_MAXSEG:
		v->i = pcb && pcb->state >= ESTABLISHED ? tcp_mss(pcb) : 536;
		break;
	default:
		return -ENOPROTOOPT;
	}
	return sizeof(int);
}

static int get_ip(struct socket *s, int name, union optval *v)
{
	switch (name) {
	case IP_TTL:
		v->i = s->ttl;
		break;
	case IP_TOS:
		v->i = s->tos;
		break;
	default:
		return -ENOPROTOOPT;
	}
	return sizeof(int);
}

int sock_getsockopt(struct socket *s, int level, int name, void *uval, int *len)
{
	union optval v;
	int n;

	if (*len < 0)
		return -EINVAL;
	memset(&v, 0, sizeof(v));
	if (level == SOL_SOCKET)
		n = get_socket(s, name, &v);
	else if (s->family == AF_INET && level == IPPROTO_TCP &&
		 s->type == SOCK_STREAM)
		n = get_tcp(s, name, &v);
	else if (s->family == AF_INET && level == IPPROTO_IP)
		n = get_ip(s, name, &v);
	else
		n = -EOPNOTSUPP;
	if (n < 0)
		return n;
	n = MIN(n, *len);
	if (copy_to_user(uval, &v, n))
		return -EFAULT;
	*len = n;
	return 0;
}
