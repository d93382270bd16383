/* tests/os/sockets_udp.c - UDP sockets over 127.0.0.1 as Linux has
 * them: datagrams with their addresses, boundaries and truncation,
 * MSG_PEEK and FIONREAD, connect and its filter, AF_UNSPEC, the largest
 * datagram, many senders, poll, timeouts, shutdown, and the errors.
 *
 * Every expectation is Linux's: the program passes on the Linux host
 * and in the OS. */
#include "sockets.h"

static int udp(void)
{
	return T_OK(socket(AF_INET, SOCK_DGRAM, 0));
}

static void to(int fd, const char *data, size_t n, int port)
{
	struct sockaddr_in a = lo(port);

	T_EQ(sendto(fd, data, n, 0, SA(&a), sizeof(a)), n);
}

/* waits until fd has a datagram */
static void ready(int fd)
{
	T_EQ(poll1(fd, POLLIN, 10000), POLLIN);
}

static void addresses(void)
{
	int u1 = bound(SOCK_DGRAM), u2 = bound(SOCK_DGRAM);
	struct sockaddr_in from;
	socklen_t len = sizeof(from);
	char buf[16];

	to(u2, "hello", 5, port_of(u1));
	T_EQ(recvfrom(u1, buf, sizeof(buf), 0, SA(&from), &len), 5);
	T_MEMEQ(buf, "hello", 5);
	T_EQ(len, sizeof(from));
	T_EQ(from.sin_family, AF_INET);
	T_EQ(ntohs(from.sin_port), port_of(u2));
	T_EQ(from.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
	/* the answer goes back to where it came from */
	T_EQ(sendto(u1, "hi", 2, 0, SA(&from), len), 2);
	T_EQ(recv(u2, buf, sizeof(buf), 0), 2);
	/* an unbound socket gets a port when it first sends */
	int u3 = udp();
	T_EQ(port_of(u3), 0);
	to(u3, "x", 1, port_of(u1));
	T_TRUE(port_of(u3) != 0);
	len = sizeof(from);
	T_EQ(recvfrom(u1, buf, sizeof(buf), 0, SA(&from), &len), 1);
	T_EQ(ntohs(from.sin_port), port_of(u3));
	/* a short address length cuts the address, and says how long */
	to(u3, "y", 1, port_of(u1));
	len = 4;
	memset(&from, 0, sizeof(from));
	T_EQ(recvfrom(u1, buf, sizeof(buf), 0, SA(&from), &len), 1);
	T_EQ(len, sizeof(from));
	T_EQ(from.sin_addr.s_addr, 0);
}

/* each receive takes one datagram, cut to the buffer */
static void boundaries(void)
{
	int u1 = bound(SOCK_DGRAM), u2 = udp(), port = port_of(u1);
	char buf[16], a[4], b[4];
	struct iovec iov[2] = {{a, 4}, {b, 4}};
	struct msghdr m = {.msg_iov = iov, .msg_iovlen = 2};

	to(u2, "one", 3, port);
	to(u2, "twotwo", 6, port);
	to(u2, "", 0, port);
	to(u2, "three-three", 11, port);
	to(u2, "four", 4, port);
	ready(u1);
	t_sleep_ms(50);
	T_EQ(recv(u1, buf, sizeof(buf), 0), 3);
	T_EQ(recv(u1, buf, 2, 0), 2); /* the rest is dropped */
	T_MEMEQ(buf, "tw", 2);
	T_EQ(recv(u1, buf, sizeof(buf), 0), 0); /* the empty one */
	T_EQ(recvmsg(u1, &m, 0), 8);
	T_EQ(m.msg_flags, MSG_TRUNC);
	T_MEMEQ(a, "thre", 4);
	T_MEMEQ(b, "e-th", 4);
	T_EQ(recv(u1, buf, 1, MSG_TRUNC), 4); /* the datagram's length */
	T_ERR(recv(u1, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);
}

static void peek_fionread(void)
{
	int u1 = bound(SOCK_DGRAM), u2 = udp(), n = -1;
	char buf[16];

	T_OK(ioctl(u1, FIONREAD, &n));
	T_EQ(n, 0);
	to(u2, "first", 5, port_of(u1));
	to(u2, "second!", 7, port_of(u1));
	ready(u1);
	t_sleep_ms(50);
	T_OK(ioctl(u1, FIONREAD, &n));
	T_EQ(n, 5); /* the next datagram's size */
	T_EQ(recv(u1, buf, sizeof(buf), MSG_PEEK), 5);
	T_EQ(recv(u1, buf, 2, MSG_PEEK), 2);
	T_EQ(recv(u1, buf, sizeof(buf), 0), 5);
	T_MEMEQ(buf, "first", 5);
	T_OK(ioctl(u1, FIONREAD, &n));
	T_EQ(n, 7);
	T_EQ(read(u1, buf, sizeof(buf)), 7);
	T_MEMEQ(buf, "second!", 7);
}

/* connect sets the default destination and keeps others' datagrams out */
static void connected(void)
{
	int u1 = bound(SOCK_DGRAM), u2 = bound(SOCK_DGRAM), u3 = udp();
	struct sockaddr_in a = lo(port_of(u1)), peer;
	socklen_t len = sizeof(peer);
	char buf[16];

	T_ERR(getpeername(u2, SA(&peer), &len), ENOTCONN);
	T_OK(connect(u3, SA(&a), sizeof(a))); /* gets a port and an address */
	T_OK(getsockname(u3, SA(&peer), &len));
	T_TRUE(peer.sin_port != 0);
	T_EQ(peer.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
	u3 = udp();
	T_OK(connect(u2, SA(&a), sizeof(a)));
	T_OK(getpeername(u2, SA(&peer), &len));
	T_EQ(peer.sin_port, a.sin_port);
	T_EQ(send(u2, "via send", 8, 0), 8);
	T_EQ(write(u2, "via write", 9), 9);
	T_EQ(recv(u1, buf, sizeof(buf), 0), 8);
	T_EQ(recv(u1, buf, sizeof(buf), 0), 9);
	to(u3, "stranger", 8, port_of(u2)); /* not from u1: dropped */
	to(u1, "friend", 6, port_of(u2));
	T_EQ(recv(u2, buf, sizeof(buf), 0), 6);
	T_MEMEQ(buf, "friend", 6);
	T_ERR(recv(u2, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);
	a = (struct sockaddr_in){.sin_family = AF_UNSPEC};
	T_OK(connect(u2, SA(&a), sizeof(a))); /* undone */
	T_ERR(getpeername(u2, SA(&peer), &len), ENOTCONN);
	T_ERR(send(u2, "x", 1, 0), EDESTADDRREQ);
}

/* the largest datagram there is, byte for byte */
static void largest(void)
{
	static unsigned char out[65508], in[65508];
	int u1 = bound(SOCK_DGRAM), u2 = udp();
	struct sockaddr_in a = lo(port_of(u1));

	for (size_t i = 0; i < sizeof(out); i++)
		out[i] = (unsigned char)(i * 13 + (i >> 8));
	T_EQ(sendto(u2, out, 65507, 0, SA(&a), sizeof(a)), 65507);
	T_ERR(sendto(u2, out, 65508, 0, SA(&a), sizeof(a)), EMSGSIZE);
	T_EQ(recv(u1, in, sizeof(in), 0), 65507);
	T_MEMEQ(in, out, 65507);
}

/* five senders, ten datagrams each: every one arrives once */
static void many_senders(void)
{
	enum { SENDERS = 5, EACH = 10 };
	int u = bound(SOCK_DGRAM), s[SENDERS], seen[SENDERS][EACH] = {{0}};
	char buf[16];

	for (int i = 0; i < SENDERS; i++)
		s[i] = udp();
	for (int k = 0; k < EACH; k++)
		for (int i = 0; i < SENDERS; i++) {
			int n = snprintf(buf, sizeof(buf), "%d %d", i, k);

			to(s[i], buf, n, port_of(u));
		}
	for (int j = 0; j < SENDERS * EACH; j++) {
		int i, k, n = T_OK(recv(u, buf, sizeof(buf) - 1, 0));

		buf[n] = 0;
		T_EQ(sscanf(buf, "%d %d", &i, &k), 2);
		T_TRUE(i >= 0 && i < SENDERS && k >= 0 && k < EACH);
		seen[i][k]++;
	}
	for (int i = 0; i < SENDERS; i++)
		for (int k = 0; k < EACH; k++)
			T_EQ(seen[i][k], 1);
}

static void poll_and_timeouts(void)
{
	int u1 = bound(SOCK_DGRAM), u2 = udp();
	struct timeval tv = {0, 200000};
	long long t0, ms;
	char b;

	T_EQ(poll1(u1, POLLIN | POLLOUT, 0), POLLOUT);
	to(u2, "x", 1, port_of(u1));
	T_EQ(poll1(u1, POLLIN | POLLOUT, 10000), POLLIN | POLLOUT);
	T_EQ(recv(u1, &b, 1, 0), 1);
	T_OK(setsockopt(u1, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)));
	t0 = t_now_ns();
	T_ERR(recv(u1, &b, 1, 0), EAGAIN);
	ms = (t_now_ns() - t0) / 1000000;
	if (ms < 150 || ms > 5000)
		T_FAIL("SO_RCVTIMEO of 200 ms waited %lld ms", ms);
	T_OK(fcntl(u1, F_SETFL, O_NONBLOCK));
	T_ERR(recv(u1, &b, 1, 0), EAGAIN);
}

/* a blocked receive wakes for a datagram from another process */
static void wakes(void)
{
	int u = bound(SOCK_DGRAM), port = port_of(u);
	pid_t pid = t_fork();
	char buf[8];

	if (pid == 0) {
		t_sleep_ms(100);
		to(udp(), "late", 4, port);
		_exit(0);
	}
	T_EQ(recv(u, buf, sizeof(buf), 0), 4);
	T_MEMEQ(buf, "late", 4);
	T_EXITED(t_wait(pid), 0);
}

static void shutdowns(void)
{
	int u1 = bound(SOCK_DGRAM), u2 = udp();
	struct sockaddr_in a = lo(port_of(u1));
	char b;

	signal(SIGPIPE, SIG_IGN);
	T_ERR(shutdown(u1, SHUT_RD), ENOTCONN); /* not connected, but shut */
	T_EQ(poll1(u1, POLLIN | POLLOUT | POLLRDHUP, 0), POLLIN | POLLOUT | POLLRDHUP);
	T_ERR(recv(u1, &b, 1, MSG_DONTWAIT), EAGAIN);
	T_EQ(recv(u1, &b, 1, 0), 0);
	T_OK(connect(u2, SA(&a), sizeof(a)));
	T_OK(shutdown(u2, SHUT_WR));
	T_ERR(send(u2, "x", 1, 0), EPIPE);
	T_EQ(poll1(u2, POLLIN | POLLOUT | POLLRDHUP, 0), POLLOUT);
}

static void errors(void)
{
	int u = udp(), b = bound(SOCK_DGRAM);
	struct sockaddr_in a = lo(port_of(b));
	char c;

	T_ERR(send(u, "x", 1, 0), EDESTADDRREQ);
	T_ERR(write(u, "x", 1), EDESTADDRREQ);
	T_ERR(sendto(u, "x", 1, 0, NULL, sizeof(a)), EDESTADDRREQ);
	T_ERR(sendto(u, "x", 1, 0, SA(&a), sizeof(a) - 1), EINVAL);
	T_ERR(sendto(u, "x", 1, 0, SA(&a), 0), EINVAL);
	a.sin_family = 5;
	T_ERR(sendto(u, "x", 1, 0, SA(&a), sizeof(a)), EAFNOSUPPORT);
	a.sin_family = AF_UNSPEC; /* taken as AF_INET */
	T_EQ(sendto(u, "x", 1, 0, SA(&a), sizeof(a)), 1);
	T_EQ(recv(b, &c, 1, 0), 1);
	T_ERR(listen(u, 1), EOPNOTSUPP);
	T_ERR(accept(u, NULL, NULL), EOPNOTSUPP);
	a = lo(port_of(b));
	T_ERR(bind(u, SA(&a), sizeof(a)), EINVAL); /* it has a port already */
	u = udp();
	T_ERR(bind(u, SA(&a), sizeof(a)), EADDRINUSE);
	T_ERR(recv(u, &c, 1, MSG_DONTWAIT), EAGAIN);
	T_ERR(getpeername(u, SA(&a), &(socklen_t){sizeof(a)}), ENOTCONN);
}

static const struct t_case cases[] = {
    T(addresses),
    T(boundaries),
    T(peek_fionread),
    T(connected),
    T(largest),
    T(many_senders),
    T(poll_and_timeouts),
    T(wakes),
    T(shutdowns),
    T(errors),
};

T_MAIN(cases, NULL)
