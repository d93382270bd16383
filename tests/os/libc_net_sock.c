/* tests/os/libc_net_sock.c - the libc's socket wrappers (libc/net/
 * socket.c, sendrecv.c, sockopt.c) through the kernel's sockets on
 * 127.0.0.1: a TCP round trip with every way of sending and receiving,
 * UDP datagrams with their addresses, options, shutdown, and the errors
 * programs meet (ECONNREFUSED, EADDRINUSE, ENOTSOCK, EBADF...).
 *
 * Every port is the kernel's choice (bind to port 0, then getsockname),
 * so the cases run alongside anything else on the host.  These need the
 * kernel's sockets: in the OS they pass once the network is in. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

#include "t.h"

/* --- helpers */

static struct sockaddr_in loopback(in_port_t port)
{
	struct sockaddr_in a = {0};

	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

#define SA(a) ((struct sockaddr *)(a))

/* the port a socket is bound to, in host order */
static in_port_t port_of(int fd)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);

	T_OK(getsockname(fd, SA(&a), &len));
	T_EQ(len, sizeof(a));
	T_EQ(a.sin_family, AF_INET);
	return ntohs(a.sin_port);
}

/* a TCP socket listening on 127.0.0.1, some free port */
static int tcp_listener(void)
{
	struct sockaddr_in a = loopback(0);
	int fd = T_OK(socket(AF_INET, SOCK_STREAM, 0));

	T_OK(bind(fd, SA(&a), sizeof(a)));
	T_OK(listen(fd, 8));
	return fd;
}

static int tcp_connect(in_port_t port)
{
	struct sockaddr_in a = loopback(port);
	int fd = T_OK(socket(AF_INET, SOCK_STREAM, 0));

	T_OK(connect(fd, SA(&a), sizeof(a)));
	return fd;
}

/* a connected pair: *cli from connect, *srv from accept */
static void tcp_pair(int *cli, int *srv)
{
	int l = tcp_listener();

	*cli = tcp_connect(port_of(l));
	*srv = T_OK(accept(l, NULL, NULL));
	T_OK(close(l));
}

/* reads exactly n bytes (a stream may deliver them in pieces) */
static void read_full(int fd, char *buf, int n)
{
	int got = 0;

	while (got < n) {
		int r = T_OK(read(fd, buf + got, n - got));

		if (r == 0)
			T_FAIL("end of stream after %d of %d bytes", got, n);
		got += r;
	}
}

/* --- TCP */

static void tcp_round_trip(void)
{
	struct sockaddr_in peer;
	socklen_t len = sizeof(peer);
	int l = tcp_listener(), c, s;
	in_port_t port = port_of(l);
	char buf[64];

	c = tcp_connect(port);
	s = T_OK(accept(l, SA(&peer), &len));
	T_EQ(len, sizeof(peer));
	T_EQ(peer.sin_family, AF_INET);
	T_EQX(ntohl(peer.sin_addr.s_addr), INADDR_LOOPBACK);
	T_EQ(ntohs(peer.sin_port), port_of(c)); /* the client's own port */

	/* send / recv */
	T_EQ(send(c, "hello", 5, 0), 5);
	read_full(s, buf, 5);
	T_MEMEQ(buf, "hello", 5);
	T_EQ(send(s, "world!", 6, 0), 6);
	int got = 0;
	while (got < 6)
		got += T_OK(recv(c, buf + got, sizeof(buf) - got, 0));
	T_MEMEQ(buf, "world!", 6);

	/* getpeername from both ends */
	len = sizeof(peer);
	T_OK(getpeername(c, SA(&peer), &len));
	T_EQ(ntohs(peer.sin_port), port);
	len = sizeof(peer);
	T_OK(getpeername(s, SA(&peer), &len));
	T_EQ(ntohs(peer.sin_port), port_of(c));

	/* close: the other end reads end of file */
	T_OK(close(c));
	T_EQ(recv(s, buf, sizeof(buf), 0), 0);
	T_OK(close(s));
	T_OK(close(l));
}

/* sendto/recvfrom on a connected stream: no address is needed or given */
static void tcp_sendto_recvfrom(void)
{
	struct sockaddr_in from;
	socklen_t len = sizeof(from);
	int c, s;
	char buf[8];

	tcp_pair(&c, &s);
	T_EQ(sendto(c, "abc", 3, 0, NULL, 0), 3);
	read_full(s, buf, 3);
	T_MEMEQ(buf, "abc", 3);
	T_EQ(write(s, "xyz", 3), 3);
	T_EQ(recvfrom(c, buf, 3, MSG_WAITALL, SA(&from), &len), 3);
	T_MEMEQ(buf, "xyz", 3);
}

/* sendmsg gathers, recvmsg scatters */
static void tcp_sendmsg_recvmsg(void)
{
	char a[3] = "one", b[5] = "three", x[4], y[4];
	struct iovec out[2] = {{a, 3}, {b, 5}}, in[2] = {{x, 4}, {y, 4}};
	struct msghdr m = {0};
	int c, s;

	tcp_pair(&c, &s);
	m.msg_iov = out;
	m.msg_iovlen = 2;
	T_EQ(sendmsg(c, &m, 0), 8);
	m.msg_iov = in;
	T_EQ(recvmsg(s, &m, MSG_WAITALL), 8);
	T_MEMEQ(x, "onet", 4);
	T_MEMEQ(y, "hree", 4);
	T_EQ(m.msg_flags, 0);
}

/* MSG_PEEK leaves the bytes for the next read */
static void tcp_peek(void)
{
	int c, s;
	char buf[8];

	tcp_pair(&c, &s);
	T_EQ(send(c, "peek", 4, 0), 4);
	T_EQ(recv(s, buf, 4, MSG_PEEK | MSG_WAITALL), 4);
	T_MEMEQ(buf, "peek", 4);
	T_EQ(recv(s, buf, 4, MSG_WAITALL), 4);
	T_MEMEQ(buf, "peek", 4);
}

/* shutdown(SHUT_WR): the peer reads end of file, the other way still
 * works */
static void tcp_half_close(void)
{
	int c, s;
	char buf[8];

	tcp_pair(&c, &s);
	T_EQ(send(c, "last", 4, 0), 4);
	T_OK(shutdown(c, SHUT_WR));
	read_full(s, buf, 4);
	T_EQ(read(s, buf, sizeof(buf)), 0);
	T_EQ(send(s, "back", 4, 0), 4);
	read_full(c, buf, 4);
	T_MEMEQ(buf, "back", 4);
	T_ERR(send(c, "x", 1, MSG_NOSIGNAL), EPIPE);
}

/* a bigger transfer than any buffer: a child writes, the parent reads */
static void tcp_bulk(void)
{
	enum { TOTAL = 1 << 20 };
	static char buf[8192];
	unsigned sum = 0, want = 0;
	long got = 0;
	int c, s;

	tcp_pair(&c, &s);
	for (long i = 0; i < TOTAL; i++)
		want += (unsigned char)(i * 7 + i / 4096);
	pid_t pid = t_fork();
	if (pid == 0) {
		for (long i = 0; i < TOTAL;) {
			int n = 0;

			for (; n < (int)sizeof(buf) && i < TOTAL; n++, i++)
				buf[n] = (char)(i * 7 + i / 4096);
			for (int off = 0; off < n;)
				off += T_OK(send(c, buf + off, n - off, 0));
		}
		_exit(0);
	}
	T_OK(close(c));
	for (int r; (r = T_OK(recv(s, buf, sizeof(buf), 0))) > 0; got += r)
		for (int i = 0; i < r; i++)
			sum += (unsigned char)buf[i];
	T_EQ(got, TOTAL);
	T_EQ(sum, want);
	T_EXITED(t_wait(pid), 0);
}

/* accept4's flags; a non-blocking listener with nobody waiting */
static void tcp_accept4_flags(void)
{
	int l = tcp_listener(), c, s;

	c = tcp_connect(port_of(l));
	s = T_OK(accept4(l, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK));
	T_EQ(fcntl(s, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
	T_EQ(fcntl(s, F_GETFL) & O_NONBLOCK, O_NONBLOCK);
	char b;
	T_ERR(recv(s, &b, 1, 0), EAGAIN);
	T_ERR(recv(c, &b, 1, MSG_DONTWAIT), EAGAIN);
	int nl = T_OK(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
	struct sockaddr_in a = loopback(0);
	T_OK(bind(nl, SA(&a), sizeof(a)));
	T_OK(listen(nl, 1));
	T_ERR(accept(nl, NULL, NULL), EAGAIN);
}

/* poll sees a connection to accept and data to read */
static void tcp_poll(void)
{
	int l = tcp_listener(), c, s;
	struct pollfd p = {l, POLLIN, 0};

	T_EQ(poll(&p, 1, 0), 0);
	c = tcp_connect(port_of(l));
	T_EQ(poll(&p, 1, 5000), 1);
	T_EQ(p.revents, POLLIN);
	s = T_OK(accept(l, NULL, NULL));
	p.fd = s;
	T_EQ(poll(&p, 1, 0), 0);
	T_EQ(send(c, "x", 1, 0), 1);
	T_EQ(poll(&p, 1, 5000), 1);
	T_EQ(p.revents, POLLIN);
}

/* --- options */

static void sockopts(void)
{
	int fd = T_OK(socket(AF_INET, SOCK_STREAM, 0)), v = -1;
	socklen_t len = sizeof(v);

	T_OK(getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len));
	T_EQ(v, SOCK_STREAM);
	T_EQ(len, sizeof(int));
	v = 1;
	T_OK(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &v, sizeof(v)));
	v = 0;
	len = sizeof(v);
	T_OK(getsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &v, &len));
	T_TRUE(v != 0);
	v = 1;
	T_OK(setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &v, sizeof(v)));
	v = 0;
	len = sizeof(v);
	T_OK(getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &v, &len));
	T_TRUE(v != 0);
	len = sizeof(v);
	T_OK(getsockopt(fd, SOL_SOCKET, SO_ERROR, &v, &len));
	T_EQ(v, 0);
}

/* --- UDP */

static void udp_round_trip(void)
{
	struct sockaddr_in a = loopback(0), from;
	socklen_t len = sizeof(from);
	int u1 = T_OK(socket(AF_INET, SOCK_DGRAM, 0));
	int u2 = T_OK(socket(AF_INET, SOCK_DGRAM, 0));
	char buf[16];

	T_OK(bind(u1, SA(&a), sizeof(a)));
	T_OK(bind(u2, SA(&a), sizeof(a)));
	a = loopback(port_of(u1));
	T_EQ(sendto(u2, "ping", 4, 0, SA(&a), sizeof(a)), 4);
	T_EQ(recvfrom(u1, buf, sizeof(buf), 0, SA(&from), &len), 4);
	T_MEMEQ(buf, "ping", 4);
	T_EQ(len, sizeof(from));
	T_EQ(ntohs(from.sin_port), port_of(u2));
	T_EQX(ntohl(from.sin_addr.s_addr), INADDR_LOOPBACK);
	/* the reply to where it came from */
	T_EQ(sendto(u1, "pong!", 5, 0, SA(&from), len), 5);
	T_EQ(recv(u2, buf, sizeof(buf), 0), 5);
	T_MEMEQ(buf, "pong!", 5);
}

/* datagrams keep their boundaries; a short buffer truncates one */
static void udp_boundaries(void)
{
	struct sockaddr_in a = loopback(0);
	int u1 = T_OK(socket(AF_INET, SOCK_DGRAM, 0));
	int u2 = T_OK(socket(AF_INET, SOCK_DGRAM, 0));
	char buf[16];

	T_OK(bind(u1, SA(&a), sizeof(a)));
	a = loopback(port_of(u1));
	T_OK(connect(u2, SA(&a), sizeof(a))); /* send without an address */
	T_EQ(send(u2, "one", 3, 0), 3);
	T_EQ(send(u2, "twotwo", 6, 0), 6);
	T_EQ(send(u2, "", 0, 0), 0);
	T_EQ(recv(u1, buf, sizeof(buf), 0), 3);
	T_EQ(recv(u1, buf, 2, 0), 2); /* the rest of "twotwo" is dropped */
	T_MEMEQ(buf, "tw", 2);
	T_EQ(recv(u1, buf, sizeof(buf), 0), 0); /* the empty one */
	T_ERR(recv(u1, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);
}

/* --- socketpair (AF_UNIX: the OS may not have it) */

static void socketpair_stream(void)
{
	int sv[2];
	char buf[4];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) {
		T_EQ(errno, EAFNOSUPPORT);
		T_TRUE(!t_on_linux()); /* Linux has it */
		return;
	}
	T_EQ(write(sv[0], "ab", 2), 2);
	T_EQ(read(sv[1], buf, 4), 2);
	T_EQ(write(sv[1], "cd", 2), 2);
	T_EQ(read(sv[0], buf, 4), 2);
	T_MEMEQ(buf, "cd", 2);
}

/* --- errors */

/* a bound port where nobody listens refuses connections */
static void err_connrefused(void)
{
	struct sockaddr_in a = loopback(0);
	int b = T_OK(socket(AF_INET, SOCK_STREAM, 0));
	int fd = T_OK(socket(AF_INET, SOCK_STREAM, 0));

	T_OK(bind(b, SA(&a), sizeof(a))); /* holds the port, not listening */
	a = loopback(port_of(b));
	T_ERR(connect(fd, SA(&a), sizeof(a)), ECONNREFUSED);
}

static void err_addrinuse(void)
{
	int l = tcp_listener();
	struct sockaddr_in a = loopback(port_of(l));
	int fd = T_OK(socket(AF_INET, SOCK_STREAM, 0)), one = 1;

	T_ERR(bind(fd, SA(&a), sizeof(a)), EADDRINUSE);
	/* SO_REUSEADDR does not let two listeners share a port */
	T_OK(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)));
	T_ERR(bind(fd, SA(&a), sizeof(a)), EADDRINUSE);
}

static void err_notsock(void)
{
	struct sockaddr_in a = loopback(1);
	int p[2];
	char b;

	T_OK(pipe(p));
	T_ERR(connect(p[0], SA(&a), sizeof(a)), ENOTSOCK);
	T_ERR(bind(p[0], SA(&a), sizeof(a)), ENOTSOCK);
	T_ERR(listen(p[0], 1), ENOTSOCK);
	T_ERR(accept(p[0], NULL, NULL), ENOTSOCK);
	T_ERR(send(p[1], "x", 1, 0), ENOTSOCK);
	T_ERR(recv(p[0], &b, 1, 0), ENOTSOCK);
	T_ERR(shutdown(p[0], SHUT_RD), ENOTSOCK);
}

static void err_badf(void)
{
	struct sockaddr_in a = loopback(1);
	char b;

	T_ERR(connect(-1, SA(&a), sizeof(a)), EBADF);
	T_ERR(send(99, "x", 1, 0), EBADF);
	T_ERR(recv(99, &b, 1, 0), EBADF);
	T_ERR(sendto(99, "x", 1, 0, SA(&a), sizeof(a)), EBADF);
	T_ERR(accept(99, NULL, NULL), EBADF);
	T_ERR(listen(99, 1), EBADF);
	T_ERR(shutdown(99, SHUT_RDWR), EBADF);
}

/* calls that need a connection, on an unconnected socket */
static void err_notconn(void)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);
	int fd = T_OK(socket(AF_INET, SOCK_STREAM, 0));
	char b;

	T_ERR(getpeername(fd, SA(&a), &len), ENOTCONN);
	T_ERR(recv(fd, &b, 1, 0), ENOTCONN);
	T_ERR(shutdown(fd, SHUT_RDWR), ENOTCONN);
	T_ERR(accept(fd, NULL, NULL), EINVAL); /* not listening */
}

static void err_bad_family(void)
{
	T_ERR(socket(12345, SOCK_STREAM, 0), EAFNOSUPPORT);
	T_ERR(socket(AF_INET, 77, 0), EINVAL);
}

static const struct t_case cases[] = {
    T(tcp_round_trip),
    T(tcp_sendto_recvfrom),
    T(tcp_sendmsg_recvmsg),
    T(tcp_peek),
    T(tcp_half_close),
    T(tcp_bulk),
    T(tcp_accept4_flags),
    T(tcp_poll),
    T(sockopts),
    T(udp_round_trip),
    T(udp_boundaries),
    T(socketpair_stream),
    T(err_connrefused),
    T(err_addrinuse),
    T(err_notsock),
    T(err_badf),
    T(err_notconn),
    T(err_bad_family),
};

T_MAIN(cases, NULL)
