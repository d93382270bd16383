/* tests/os/sockets_api.c - the socket system calls themselves, as Linux
 * i386 has them: socketcall (102) with each of its calls and the direct
 * numbers, the checks of their arguments (families, types, protocols,
 * address lengths, flags), bad pointers (EFAULT), descriptors that are
 * not sockets, setsockopt/getsockopt, and AF_UNIX socketpair.
 *
 * Every expectation is Linux's: the program passes on the Linux host
 * and in the OS. */
#include <sys/syscall.h>

#include "kernel/uapi/net.h"
#include "sockets.h"

/* an unmapped user address (hidden from the compiler's checks) */
static void *volatile bad_address = (void *)1;
#define BAD bad_address

/* socketcall(call, {args...}) */
#define SC(call, ...)                                                          \
	syscall(SYS_socketcall, call, (const unsigned long[6]){__VA_ARGS__})
#define L(p) ((unsigned long)(p))

struct mmsg { /* struct mmsghdr */
	struct msghdr hdr;
	unsigned len;
};

/* a whole conversation through socketcall alone */
static void socketcall_all(void)
{
	struct sockaddr_in a = lo(0), b;
	socklen_t len = sizeof(a);
	int l, c, s, one = 1, v = 0, sv[2];
	char buf[16];
	struct iovec iov = {buf, sizeof(buf)};
	struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1};

	l = T_OK(SC(SYS_SOCKET, AF_INET, SOCK_STREAM, 0));
	T_OK(SC(SYS_SETSOCKOPT, l, SOL_SOCKET, SO_REUSEADDR, L(&one), sizeof(one)));
	len = sizeof(v);
	T_OK(SC(SYS_GETSOCKOPT, l, SOL_SOCKET, SO_REUSEADDR, L(&v), L(&len)));
	T_EQ(v, 1);
	T_OK(SC(SYS_BIND, l, L(&a), sizeof(a)));
	T_OK(SC(SYS_LISTEN, l, 4));
	len = sizeof(a);
	T_OK(SC(SYS_GETSOCKNAME, l, L(&a), L(&len)));
	T_TRUE(a.sin_port != 0);
	c = T_OK(SC(SYS_SOCKET, AF_INET, SOCK_STREAM, 0));
	T_OK(SC(SYS_CONNECT, c, L(&a), sizeof(a)));
	len = sizeof(b);
	s = T_OK(SC(SYS_ACCEPT, l, L(&b), L(&len)));
	T_EQ(len, sizeof(b));
	len = sizeof(b);
	T_OK(SC(SYS_GETPEERNAME, c, L(&b), L(&len)));
	T_EQ(b.sin_port, a.sin_port);
	T_EQ(SC(SYS_SEND, c, L("ping"), 4, 0), 4);
	T_EQ(SC(SYS_RECV, s, L(buf), 4, MSG_WAITALL), 4);
	T_MEMEQ(buf, "ping", 4);
	T_EQ(SC(SYS_SENDTO, s, L("pong"), 4, 0, 0, 0), 4);
	T_EQ(SC(SYS_RECVFROM, c, L(buf), 4, MSG_WAITALL, 0, 0), 4);
	T_MEMEQ(buf, "pong", 4);
	iov = (struct iovec){"msg!", 4};
	T_EQ(SC(SYS_SENDMSG, c, L(&m), 0), 4);
	iov = (struct iovec){buf, 4};
	T_EQ(SC(SYS_RECVMSG, s, L(&m), MSG_WAITALL), 4);
	T_MEMEQ(buf, "msg!", 4);
	T_OK(SC(SYS_SHUTDOWN, c, SHUT_WR));
	T_EQ(read(s, buf, 1), 0);
	c = T_OK(SC(SYS_SOCKET, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
	T_EQ(fcntl(c, F_GETFD), FD_CLOEXEC);
	T_OK(SC(SYS_CONNECT, c, L(&a), sizeof(a)));
	s = T_OK(SC(SYS_ACCEPT4, l, 0, 0, SOCK_NONBLOCK | SOCK_CLOEXEC));
	T_EQ(fcntl(s, F_GETFD), FD_CLOEXEC);
	T_ERR(read(s, buf, 1), EAGAIN);
	T_OK(SC(SYS_SOCKETPAIR, AF_UNIX, SOCK_STREAM, 0, L(sv)));
	T_EQ(write(sv[0], "x", 1), 1);
	T_EQ(read(sv[1], buf, 1), 1);
}

/* sendmmsg and recvmmsg, through socketcall and their own numbers */
static void mmsg_calls(void)
{
	int u1 = bound(SOCK_DGRAM), u2 = T_OK(socket(AF_INET, SOCK_DGRAM, 0));
	struct sockaddr_in a = lo(port_of(u1));
	char b[3][8];
	struct iovec out[3] = {{"a", 1}, {"bb", 2}, {"ccc", 3}};
	struct iovec in[3] = {{b[0], 8}, {b[1], 8}, {b[2], 8}};
	struct mmsg m[3];

	T_OK(connect(u2, SA(&a), sizeof(a)));
	for (int i = 0; i < 3; i++)
		m[i] = (struct mmsg){{.msg_iov = &out[i], .msg_iovlen = 1}, 0};
	T_EQ(SC(SYS_SENDMMSG, u2, L(m), 2, 0), 2);
	T_EQ(m[0].len, 1);
	T_EQ(m[1].len, 2);
	T_EQ(syscall(SYS_sendmmsg, u2, &m[2], 1, 0), 1);
	T_EQ(poll1(u1, POLLIN, 10000), POLLIN);
	t_sleep_ms(20);
	for (int i = 0; i < 3; i++)
		m[i] = (struct mmsg){{.msg_iov = &in[i], .msg_iovlen = 1}, 0};
	T_EQ(SC(SYS_RECVMMSG, u1, L(m), 2, 0, 0), 2);
	T_EQ(m[0].len, 1);
	T_EQ(m[1].len, 2);
	T_MEMEQ(b[1], "bb", 2);
	T_EQ(syscall(SYS_recvmmsg, u1, &m[2], 1, 0, NULL), 1);
	T_EQ(m[2].len, 3);
	T_MEMEQ(b[2], "ccc", 3);
}

/* the direct numbers, without the libc's wrappers */
static void direct_numbers(void)
{
	int fd = T_OK(syscall(SYS_socket, AF_INET, SOCK_STREAM, 0));
	struct sockaddr_in a = lo(0);
	socklen_t len = sizeof(a);

	T_OK(syscall(SYS_bind, fd, &a, sizeof(a)));
	T_OK(syscall(SYS_listen, fd, 1));
	T_OK(syscall(SYS_getsockname, fd, &a, &len));
	T_TRUE(a.sin_port != 0);
	T_ERR(syscall(SYS_shutdown, fd, 7), EINVAL);
	T_ERR(syscall(SYS_accept4, fd, NULL, NULL, 0x100), EINVAL);
}

static void socketcall_errors(void)
{
	unsigned long a[6] = {AF_INET, SOCK_STREAM, 0};

	T_ERR(syscall(SYS_socketcall, 0, a), EINVAL);
	T_ERR(syscall(SYS_socketcall, 21, a), EINVAL);
	T_ERR(syscall(SYS_socketcall, -1, a), EINVAL);
	T_ERR(syscall(SYS_socketcall, SYS_SOCKET, BAD), EFAULT);
	T_ERR(SC(SYS_BIND, 99, 0, 0), EBADF);
}

/* socket(), socketpair() and friends: what they refuse */
static void bad_arguments(void)
{
	int sv[2], fd = T_OK(socket(AF_INET, SOCK_STREAM, 0));
	struct sockaddr_in a = lo(0);

	T_ERR(socket(12345, SOCK_STREAM, 0), EAFNOSUPPORT);
	T_ERR(socket(-1, SOCK_STREAM, 0), EAFNOSUPPORT);
	T_ERR(socket(AF_INET, 77, 0), EINVAL);
	T_ERR(socket(AF_INET, 13, 0), EINVAL);
	T_ERR(socket(AF_INET, -1, 0), EINVAL);
	T_ERR(socket(AF_INET, SOCK_STREAM | 0x40000000, 0), EINVAL);
	T_ERR(socket(AF_INET, SOCK_SEQPACKET, 0), ESOCKTNOSUPPORT);
	T_ERR(socket(AF_INET, SOCK_STREAM, IPPROTO_UDP), EPROTONOSUPPORT);
	T_ERR(socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP), EPROTONOSUPPORT);
	T_ERR(socket(AF_INET, SOCK_STREAM, -1), EINVAL);
	T_OK(close(T_OK(socket(AF_INET, SOCK_STREAM, IPPROTO_TCP))));
	T_OK(close(T_OK(socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP))));
	T_ERR(socketpair(AF_INET, SOCK_STREAM, 0, sv), EOPNOTSUPP);
	T_ERR(socketpair(99, SOCK_STREAM, 0, sv), EAFNOSUPPORT);
	T_ERR(socketpair(AF_UNIX, SOCK_STREAM | 0x100, 0, sv), EINVAL);
	T_ERR(bind(fd, SA(&a), sizeof(a) - 1), EINVAL);
	T_ERR(bind(fd, SA(&a), 129), EINVAL);
	T_ERR(bind(fd, SA(&a), -1), EINVAL);
	T_ERR(bind(fd, NULL, 0), EINVAL);
	a.sin_family = AF_INET6;
	T_ERR(bind(fd, SA(&a), sizeof(a)), EAFNOSUPPORT);
	a.sin_family = AF_UNSPEC; /* only with INADDR_ANY */
	T_ERR(bind(fd, SA(&a), sizeof(a)), EAFNOSUPPORT);
	a = lo(0);
	a.sin_addr.s_addr = htonl(0x0a636363); /* 10.99.99.99: not ours */
	T_ERR(bind(fd, SA(&a), sizeof(a)), EADDRNOTAVAIL);
	a = lo(1);
	T_ERR(connect(fd, SA(&a), sizeof(a) - 1), EINVAL);
	T_ERR(connect(fd, NULL, 0), EINVAL);
	a.sin_family = 99;
	T_ERR(connect(fd, SA(&a), sizeof(a)), EAFNOSUPPORT);
	a = (struct sockaddr_in){.sin_family = AF_UNSPEC};
	T_OK(bind(fd, SA(&a), sizeof(a))); /* AF_UNSPEC, INADDR_ANY: fine */
	T_ERR(shutdown(fd, -1), EINVAL);
	T_ERR(accept4(fd, NULL, NULL, 0x100), EINVAL);
}

/* bad pointers are EFAULT; a failed receive keeps its data */
static void bad_pointers(void)
{
	int l = listener(), fd = T_OK(socket(AF_INET, SOCK_STREAM, 0)), c, s;
	int u = T_OK(socket(AF_INET, SOCK_DGRAM, 0)), sv[2], v;
	struct sockaddr_in a = lo(port_of(l));
	socklen_t len = sizeof(a);
	struct msghdr m = {0};
	struct iovec iov = {BAD, 4};
	char buf[8];

	T_ERR(connect(fd, BAD, sizeof(a)), EFAULT);
	T_ERR(bind(fd, BAD, sizeof(a)), EFAULT);
	T_ERR(sendto(u, "x", 1, 0, BAD, sizeof(a)), EFAULT);
	T_ERR(socketpair(AF_UNIX, SOCK_STREAM, 0, BAD), EFAULT);
	tcp_pair(&c, &s);
	T_ERR(send(c, BAD, 4, 0), EFAULT);
	T_ERR(write(c, BAD, 4), EFAULT);
	T_EQ(write(c, "abcd", 4), 4);
	T_EQ(poll1(s, POLLIN, 10000), POLLIN);
	t_sleep_ms(20);
	T_ERR(recv(s, BAD, 4, 0), EFAULT);
	T_ERR(read(s, BAD, 4), EFAULT);
	T_EQ(recv(s, buf, sizeof(buf), 0), 4); /* still there */
	T_ERR(recv(s, BAD, 4, MSG_DONTWAIT), EAGAIN); /* no data first */
	T_ERR(getsockname(c, BAD, &len), EFAULT);
	T_ERR(getsockname(c, SA(&a), BAD), EFAULT);
	T_ERR(getpeername(c, BAD, &len), EFAULT);
	T_ERR(getsockopt(c, SOL_SOCKET, SO_TYPE, BAD, &len), EFAULT);
	T_ERR(getsockopt(c, SOL_SOCKET, SO_TYPE, &v, BAD), EFAULT);
	T_ERR(setsockopt(c, SOL_SOCKET, SO_KEEPALIVE, BAD, sizeof(v)), EFAULT);
	T_ERR(sendmsg(c, BAD, 0), EFAULT);
	T_ERR(recvmsg(s, BAD, 0), EFAULT);
	m.msg_iov = BAD;
	m.msg_iovlen = 1;
	T_ERR(sendmsg(c, &m, 0), EFAULT);
	m.msg_iov = &iov;
	T_ERR(sendmsg(c, &m, 0), EFAULT);
	T_ERR(socketpair(AF_UNIX, SOCK_STREAM, 0, BAD), EFAULT);
	(void)sv;
	/* a bad address for accept loses that connection, as on Linux */
	T_OK(close(connect_to(port_of(l))));
	T_ERR(accept(l, BAD, &len), EFAULT);
}

/* recvmsg/sendmsg's header checks */
static void msghdr_checks(void)
{
	int u = bound(SOCK_DGRAM);
	char buf[4];
	struct iovec iov[2] = {{buf, 4}, {buf, 4}};
	struct msghdr m = {.msg_iov = iov, .msg_iovlen = 1025};

	T_ERR(sendmsg(u, &m, 0), EMSGSIZE);
	m.msg_iovlen = 1;
	iov[0].iov_len = (size_t)-1;
	T_ERR(sendmsg(u, &m, 0), EINVAL);
	iov[0].iov_len = 4;
	T_ERR(sendmsg(u, &m, 0), EDESTADDRREQ); /* no address, not connected */
}

/* calls on descriptors that are no sockets, or no descriptors */
/* fstat says socket, as Linux's sockfs: type S_IFSOCK, mode 0777 */
static void fstat_says_socket(void)
{
	int fds[4], sv[2];
	struct stat st;

	fds[0] = T_OK(socket(AF_INET, SOCK_STREAM, 0));
	fds[1] = T_OK(socket(AF_INET, SOCK_DGRAM, 0));
	T_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	fds[2] = sv[0];
	fds[3] = sv[1];
	for (int i = 0; i < 4; i++) {
		T_OK(fstat(fds[i], &st));
		T_TRUE(S_ISSOCK(st.st_mode));
		T_EQ(st.st_mode & 07777, 0777);
		T_EQ(st.st_size, 0);
		T_OK(close(fds[i]));
	}
}

static void not_sockets(void)
{
	int p[2], null = T_OK(open("/dev/null", O_RDWR)), v;
	struct sockaddr_in a = lo(1);
	socklen_t len = sizeof(a);
	struct msghdr m = {0};
	char b;

	T_OK(pipe(p));
	int fds[] = {p[0], p[1], null};
	for (int i = 0; i < 3; i++) {
		int fd = fds[i];

		T_ERR(bind(fd, SA(&a), sizeof(a)), ENOTSOCK);
		T_ERR(connect(fd, SA(&a), sizeof(a)), ENOTSOCK);
		T_ERR(listen(fd, 1), ENOTSOCK);
		T_ERR(accept(fd, NULL, NULL), ENOTSOCK);
		T_ERR(getsockname(fd, SA(&a), &len), ENOTSOCK);
		T_ERR(getpeername(fd, SA(&a), &len), ENOTSOCK);
		T_ERR(send(fd, "x", 1, 0), ENOTSOCK);
		T_ERR(recv(fd, &b, 1, 0), ENOTSOCK);
		T_ERR(sendmsg(fd, &m, 0), ENOTSOCK);
		T_ERR(recvmsg(fd, &m, 0), ENOTSOCK);
		T_ERR(shutdown(fd, SHUT_RD), ENOTSOCK);
		T_ERR(setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &v, sizeof(v)), ENOTSOCK);
		T_ERR(getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len), ENOTSOCK);
		T_ERR(SC(SYS_SHUTDOWN, fd, SHUT_RD), ENOTSOCK);
	}
	T_ERR(bind(-1, SA(&a), sizeof(a)), EBADF);
	T_ERR(getsockname(99, SA(&a), &len), EBADF);
	T_ERR(getsockopt(99, SOL_SOCKET, SO_TYPE, &v, &len), EBADF);
	T_ERR(setsockopt(99, SOL_SOCKET, SO_TYPE, &v, sizeof(v)), EBADF);
	T_ERR(sendmsg(99, &m, 0), EBADF);
	T_ERR(SC(SYS_SEND, 99, L("x"), 1, 0), EBADF);
}

/* getsockname's value-result length */
static void name_lengths(void)
{
	int fd = T_OK(socket(AF_INET, SOCK_STREAM, 0)), b = bound(SOCK_STREAM);
	struct sockaddr_in a;
	unsigned char buf[32];
	socklen_t len = sizeof(a);

	T_OK(getsockname(fd, SA(&a), &len)); /* unbound: 0.0.0.0:0 */
	T_EQ(len, sizeof(a));
	T_EQ(a.sin_family, AF_INET);
	T_EQ(a.sin_port, 0);
	T_EQ(a.sin_addr.s_addr, 0);
	memset(buf, 0xee, sizeof(buf));
	len = 4;
	T_OK(getsockname(b, SA(buf), &len));
	T_EQ(len, sizeof(a)); /* the whole length, the address cut */
	T_EQ(buf[0] | buf[1] << 8, AF_INET);
	T_EQ(buf[4], 0xee);
	len = sizeof(buf);
	T_OK(getsockname(b, SA(buf), &len));
	T_EQ(len, sizeof(a));
	T_EQ(buf[4], 127);
	len = 0;
	T_OK(getsockname(b, BAD, &len)); /* nothing to write */
	T_EQ(len, sizeof(a));
	len = (socklen_t)-1;
	T_ERR(getsockname(b, SA(buf), &len), EINVAL);
}

/* setsockopt/getsockopt: values, lengths, errors as Linux's */
static void options(void)
{
	int t = T_OK(socket(AF_INET, SOCK_STREAM, 0)), u = T_OK(socket(AF_INET, SOCK_DGRAM, 0));
	int l = listener(), v, five = 5, c, s;
	struct timeval tv = {1, 500000};
	struct linger lg = {1, 5};
	socklen_t len;

#define GET(fd, level, name, want)                                             \
	do {                                                                   \
		v = -7;                                                        \
		len = sizeof(v);                                               \
		T_OK(getsockopt(fd, level, name, &v, &len));                   \
		T_EQ(len, sizeof(v));                                          \
		T_EQ(v, want);                                                 \
	} while (0)

	GET(t, SOL_SOCKET, SO_TYPE, SOCK_STREAM);
	GET(u, SOL_SOCKET, SO_TYPE, SOCK_DGRAM);
	GET(t, SOL_SOCKET, SO_DOMAIN, AF_INET);
	GET(t, SOL_SOCKET, SO_PROTOCOL, IPPROTO_TCP);
	GET(u, SOL_SOCKET, SO_PROTOCOL, IPPROTO_UDP);
	GET(t, SOL_SOCKET, SO_ERROR, 0);
	GET(t, SOL_SOCKET, SO_ACCEPTCONN, 0);
	GET(l, SOL_SOCKET, SO_ACCEPTCONN, 1);
	GET(t, SOL_SOCKET, SO_REUSEADDR, 0);
	GET(t, SOL_SOCKET, SO_KEEPALIVE, 0);
	GET(t, IPPROTO_TCP, TCP_NODELAY, 0);
	GET(t, IPPROTO_TCP, TCP_MAXSEG, 536);
	GET(t, IPPROTO_IP, IP_TTL, 64);
	T_OK(setsockopt(t, SOL_SOCKET, SO_REUSEADDR, &five, sizeof(five)));
	GET(t, SOL_SOCKET, SO_REUSEADDR, 1);
	T_OK(setsockopt(t, SOL_SOCKET, SO_KEEPALIVE, &five, sizeof(five)));
	GET(t, SOL_SOCKET, SO_KEEPALIVE, 1);
	T_OK(setsockopt(t, IPPROTO_TCP, TCP_NODELAY, &five, sizeof(five)));
	GET(t, IPPROTO_TCP, TCP_NODELAY, 1);
	v = 5000;
	T_OK(setsockopt(t, SOL_SOCKET, SO_RCVBUF, &v, sizeof(v)));
	GET(t, SOL_SOCKET, SO_RCVBUF, 10000); /* Linux doubles it */
	v = 5000;
	T_OK(setsockopt(t, SOL_SOCKET, SO_SNDBUF, &v, sizeof(v)));
	GET(t, SOL_SOCKET, SO_SNDBUF, 10000);
	v = 60;
	T_OK(setsockopt(t, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof(v)));
	GET(t, IPPROTO_TCP, TCP_KEEPIDLE, 60);
	v = 0;
	T_ERR(setsockopt(t, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof(v)), EINVAL);
	v = 32;
	T_OK(setsockopt(t, IPPROTO_IP, IP_TTL, &v, sizeof(v)));
	GET(t, IPPROTO_IP, IP_TTL, 32);
	v = 0;
	T_ERR(setsockopt(t, IPPROTO_IP, IP_TTL, &v, sizeof(v)), EINVAL);
	T_OK(setsockopt(t, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)));
	len = sizeof(tv);
	tv = (struct timeval){0, 0};
	T_OK(getsockopt(t, SOL_SOCKET, SO_SNDTIMEO, &tv, &len));
	T_EQ(len, sizeof(tv));
	T_EQ(tv.tv_sec, 1);
	T_EQ(tv.tv_usec, 500000);
	tv.tv_usec = 1000000;
	T_ERR(setsockopt(t, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)), EDOM);
	T_ERR(setsockopt(t, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv) - 1), EINVAL);
	T_OK(setsockopt(t, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)));
	lg = (struct linger){0, 0};
	len = sizeof(lg);
	T_OK(getsockopt(t, SOL_SOCKET, SO_LINGER, &lg, &len));
	T_EQ(lg.l_onoff, 1);
	T_EQ(lg.l_linger, 5);
	/* lengths */
	T_ERR(setsockopt(t, SOL_SOCKET, SO_REUSEADDR, &five, 2), EINVAL);
	len = 2;
	v = 0;
	T_OK(getsockopt(t, SOL_SOCKET, SO_TYPE, &v, &len));
	T_EQ(len, 2);
	T_EQ(v, SOCK_STREAM);
	len = (socklen_t)-1;
	T_ERR(getsockopt(t, SOL_SOCKET, SO_TYPE, &v, &len), EINVAL);
	T_ERR(setsockopt(t, SOL_SOCKET, SO_REUSEADDR, &five, -1), EINVAL);
	/* what is not there */
	len = sizeof(v);
	T_ERR(setsockopt(t, SOL_SOCKET, 99, &five, sizeof(five)), ENOPROTOOPT);
	T_ERR(setsockopt(t, SOL_SOCKET, SO_TYPE, &five, sizeof(five)), ENOPROTOOPT);
	T_ERR(setsockopt(t, SOL_SOCKET, SO_ERROR, &five, sizeof(five)), ENOPROTOOPT);
	T_ERR(getsockopt(t, SOL_SOCKET, 99, &v, &len), ENOPROTOOPT);
	T_ERR(setsockopt(t, 77, 1, &five, sizeof(five)), ENOPROTOOPT);
	T_ERR(getsockopt(t, 77, 1, &v, &len), EOPNOTSUPP);
	T_ERR(setsockopt(t, IPPROTO_TCP, 99, &five, sizeof(five)), ENOPROTOOPT);
	T_ERR(getsockopt(t, IPPROTO_TCP, 99, &v, &len), ENOPROTOOPT);
	T_ERR(setsockopt(u, IPPROTO_TCP, TCP_NODELAY, &five, sizeof(five)), ENOPROTOOPT);
	T_ERR(getsockopt(u, IPPROTO_TCP, TCP_NODELAY, &v, &len), EOPNOTSUPP);
	/* an accepted connection keeps its listener's SO_KEEPALIVE */
	T_OK(setsockopt(l, SOL_SOCKET, SO_KEEPALIVE, &five, sizeof(five)));
	c = connect_to(port_of(l));
	s = T_OK(accept(l, NULL, NULL));
	GET(s, SOL_SOCKET, SO_KEEPALIVE, 1);
	GET(c, SOL_SOCKET, SO_KEEPALIVE, 0);
#undef GET
}

static volatile int sigpipes;

static void on_sigpipe(int sig)
{
	(void)sig;
	sigpipes++;
}

/* socketpair(AF_UNIX, SOCK_STREAM): a connected pair in one call */
static void unix_pair(void)
{
	struct sigaction sa = {.sa_handler = on_sigpipe};
	struct sockaddr_un_short {
		sa_family_t family;
		char path[14];
	} name;
	socklen_t len = sizeof(name);
	int sv[2], nb[2], v, n;
	char buf[8];
	pid_t pid;

	T_OK(sigaction(SIGPIPE, &sa, NULL));
	T_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	T_OK(getsockname(sv[0], SA(&name), &len));
	T_EQ(len, sizeof(sa_family_t));
	T_EQ(name.family, AF_UNIX);
	len = sizeof(v);
	T_OK(getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, &len));
	T_EQ(v, SOCK_STREAM);
	T_EQ(poll1(sv[1], POLLIN | POLLOUT | POLLRDHUP, 0), POLLOUT);
	T_EQ(write(sv[0], "ab", 2), 2);
	T_EQ(poll1(sv[1], POLLIN | POLLOUT | POLLRDHUP, 0), POLLIN | POLLOUT);
	T_OK(ioctl(sv[1], FIONREAD, &n));
	T_EQ(n, 2);
	T_EQ(read(sv[1], buf, sizeof(buf)), 2);
	pid = t_fork();
	if (pid == 0) {
		write_all(sv[1], "child", 5);
		_exit(0);
	}
	read_all(sv[0], buf, 5);
	T_MEMEQ(buf, "child", 5);
	T_EXITED(t_wait(pid), 0);
	T_OK(shutdown(sv[0], SHUT_WR));
	T_EQ(read(sv[1], buf, 1), 0);
	T_EQ(poll1(sv[1], POLLIN | POLLOUT | POLLRDHUP, 0),
	     POLLIN | POLLOUT | POLLRDHUP);
	T_ERR(send(sv[0], "x", 1, MSG_NOSIGNAL), EPIPE);
	T_EQ(sigpipes, 0);
	T_EQ(write(sv[1], "back", 4), 4); /* the other way still works */
	read_all(sv[0], buf, 4);
	T_OK(close(sv[1]));
	T_ERR(write(sv[0], "x", 1), EPIPE);
	T_EQ(sigpipes, 1);
	T_EQ(poll1(sv[0], POLLIN | POLLOUT | POLLRDHUP, 0),
	     POLLIN | POLLOUT | POLLHUP | POLLRDHUP);
	T_OK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, nb));
	T_EQ(fcntl(nb[0], F_GETFL) & O_NONBLOCK, O_NONBLOCK);
	T_EQ(fcntl(nb[1], F_GETFD), FD_CLOEXEC);
	T_ERR(read(nb[0], buf, 1), EAGAIN);
	T_ERR(recv(nb[1], buf, 1, MSG_DONTWAIT), EAGAIN);
}

/* --- random calls on live sockets: nothing may crash or hang, and the
 * sockets still work afterwards */

static unsigned rng = 12345;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng % n;
}

enum { SLOTS = 24, PORTS = 6 };

static int slot[SLOTS];
static in_port_t ports[PORTS];

static int any_fd(void)
{
	return slot[rnd(SLOTS)];
}

static void keep(int fd)
{
	int i = rnd(SLOTS);

	if (fd < 0)
		return;
	if (slot[i] >= 0)
		close(slot[i]);
	slot[i] = fd;
}

static void random_op(char *buf, size_t size)
{
	static const int levels[] = {SOL_SOCKET, IPPROTO_TCP, IPPROTO_IP, 77};
	struct sockaddr_in a = lo(ports[rnd(PORTS)]);
	int fd = any_fd(), v = (int)rnd(5) - 1;
	socklen_t len = rnd(40);
	struct linger lg = {1, 0};
	int sv[2];

	if (rnd(8) == 0)
		a.sin_family = rnd(2) ? AF_UNSPEC : 99;
	switch (rnd(16)) {
	case 0:
		keep(socket(AF_INET, (rnd(2) ? SOCK_STREAM : SOCK_DGRAM) | SOCK_NONBLOCK, 0));
		break;
	case 1: bind(fd, SA(&a), rnd(4) ? sizeof(a) : rnd(20)); break;
	case 2: listen(fd, (int)rnd(4) - 1); break;
	case 3: connect(fd, SA(&a), rnd(4) ? sizeof(a) : rnd(20)); break;
	case 4: keep(accept4(fd, SA(&a), &len, SOCK_NONBLOCK)); break;
	case 5: send(fd, buf, rnd(size), MSG_DONTWAIT | MSG_NOSIGNAL); break;
	case 6: sendto(fd, buf, rnd(2000), MSG_DONTWAIT | MSG_NOSIGNAL, SA(&a), sizeof(a)); break;
	case 7: recv(fd, buf, rnd(size), MSG_DONTWAIT | (rnd(3) ? 0 : MSG_PEEK)); break;
	case 8: shutdown(fd, rnd(4)); break;
	case 9:
		setsockopt(fd, levels[rnd(4)], rnd(40), &v, rnd(3) ? sizeof(v) : rnd(8));
		break;
	case 10: getsockopt(fd, levels[rnd(4)], rnd(40), buf, &len); break;
	case 11: setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)); break;
	case 12:
		if (rnd(4) == 0 && socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv) == 0) {
			keep(sv[0]);
			keep(sv[1]);
		}
		break;
	case 13: getpeername(fd, SA(&a), &len); break;
	case 14: ioctl(fd, FIONREAD, &v); break;
	default: {
		struct pollfd p[SLOTS];

		for (int i = 0; i < SLOTS; i++)
			p[i] = (struct pollfd){slot[i], POLLIN | POLLOUT, 0};
		poll(p, SLOTS, 0);
		if (rnd(4) == 0 && fd >= 0) {
			close(fd);
			for (int i = 0; i < SLOTS; i++)
				if (slot[i] == fd)
					slot[i] = -1;
		}
	}
	}
}

static void random_round(unsigned seed, char *buf, size_t size)
{
	rng = seed;
	for (int i = 0; i < SLOTS; i++)
		slot[i] = -1;
	for (int i = 0; i < PORTS; i++) { /* ports to play with */
		int fd = bound(i % 2 ? SOCK_DGRAM : SOCK_STREAM);

		ports[i] = port_of(fd);
		if (i % 2 == 0)
			T_OK(listen(fd, 4));
		T_OK(fcntl(fd, F_SETFL, O_NONBLOCK));
		keep(fd);
	}
	for (int i = 0; i < 10000; i++)
		random_op(buf, size);
	for (int i = 0; i < SLOTS; i++)
		if (slot[i] >= 0)
			close(slot[i]);
}

static void random_calls(void)
{
	static const unsigned seeds[] = {12345, 777, 4242, 99, 31337, 2024};
	static char buf[20000];
	int c, s;

	for (size_t i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++)
		random_round(seeds[i], buf, sizeof(buf));
	tcp_pair(&c, &s);
	T_EQ(write(c, "still", 5), 5);
	read_all(s, buf, 5);
	T_MEMEQ(buf, "still", 5);
}

static const struct t_case cases[] = {
    T(socketcall_all),
    T(mmsg_calls),
    T(direct_numbers),
    T(socketcall_errors),
    T(bad_arguments),
    T(bad_pointers),
    T(msghdr_checks),
    T(not_sockets),
    T(fstat_says_socket),
    T(name_lengths),
    T(options),
    T(unix_pair),
    T(random_calls),
};

T_MAIN(cases, NULL)
