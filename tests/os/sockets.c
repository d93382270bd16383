/* tests/os/sockets.c - TCP sockets over 127.0.0.1 as Linux has them:
 * connections and their names, many at once, a stream echoed through a
 * child process, non-blocking connect and I/O, refused connections,
 * TIME_WAIT and SO_REUSEADDR, half-close, resets, EPIPE and SIGPIPE,
 * timeouts, signals interrupting accept and recv, fork and dup sharing
 * one connection, FIONREAD, poll and select across sockets and pipes.
 *
 * Every expectation is Linux's: the program passes on the Linux host
 * and in the OS.  Ports are the kernel's choice (bind to port 0). */
#include <sys/select.h>
#include <sys/time.h>

#include "sockets.h"

/* --- connections */

static void echo(void)
{
	int l = listener(), c, s;
	struct sockaddr_in a, b;
	socklen_t len = sizeof(a);
	char buf[16];

	c = connect_to(port_of(l));
	s = T_OK(accept(l, SA(&a), &len));
	T_EQ(len, sizeof(a));
	T_EQ(a.sin_family, AF_INET);
	T_EQ(a.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
	len = sizeof(b);
	T_OK(getsockname(c, SA(&b), &len)); /* the peer is the client */
	T_EQ(a.sin_port, b.sin_port);
	len = sizeof(b);
	T_OK(getpeername(c, SA(&b), &len));
	T_EQ(ntohs(b.sin_port), port_of(l));
	T_EQ(b.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
	T_EQ(port_of(s), port_of(l));
	write_all(c, "hello", 5);
	read_all(s, buf, 5);
	T_MEMEQ(buf, "hello", 5);
	T_EQ(send(s, "world!", 6, 0), 6);
	T_EQ(recv(c, buf, 6, MSG_WAITALL), 6);
	T_MEMEQ(buf, "world!", 6);
	T_OK(close(c));
	T_EQ(read(s, buf, sizeof(buf)), 0); /* end of stream */
	T_EQ(read(s, buf, sizeof(buf)), 0);
}

/* a hundred connections at once, each with its own bytes */
static void many(void)
{
	enum { N = 100 };
	int l = listener(), c[N], s[N];
	char buf[32], want[32];

	for (int i = 0; i < N; i++) {
		c[i] = connect_to(port_of(l));
		s[i] = T_OK(accept(l, NULL, NULL));
	}
	for (int i = 0; i < N; i++) {
		int n = snprintf(want, sizeof(want), "connection %d", i);

		write_all(c[i], want, n);
	}
	for (int i = N - 1; i >= 0; i--) {
		int n = snprintf(want, sizeof(want), "connection %d", i);

		read_all(s[i], buf, n);
		T_MEMEQ(buf, want, n);
		write_all(s[i], buf, n);
	}
	for (int i = 0; i < N; i++) {
		int n = snprintf(want, sizeof(want), "connection %d", i);

		read_all(c[i], buf, n);
		T_MEMEQ(buf, want, n);
		T_OK(close(c[i]));
		T_EQ(read(s[i], buf, 1), 0);
		T_OK(close(s[i]));
	}
}

static unsigned char pattern(size_t i)
{
	return (unsigned char)(i * 7 + (i >> 13));
}

/* 4 MiB through a child that echoes what it reads, with poll
 * interleaving the two directions; every byte checked */
static void stream_echo(void)
{
	static unsigned char out[16384], in[16384];
	const size_t total = 4 << 20;
	size_t sent = 0, got = 0;
	int c, s;
	pid_t pid;

	tcp_pair(&c, &s);
	pid = t_fork();
	if (pid == 0) {
		ssize_t n;

		close(c);
		while ((n = read(s, in, sizeof(in))) > 0)
			write_all(s, in, n);
		_exit(n < 0);
	}
	T_OK(close(s));
	while (got < total) {
		struct pollfd p = {c, POLLIN | (sent < total ? POLLOUT : 0), 0};
		ssize_t n;

		if (T_OK(poll(&p, 1, 20000)) == 0)
			T_FAIL("stuck: sent %lu, got %lu", (unsigned long)sent,
			       (unsigned long)got);
		if (p.revents & POLLOUT) {
			size_t k = total - sent < sizeof(out) ? total - sent : sizeof(out);

			for (size_t i = 0; i < k; i++)
				out[i] = pattern(sent + i);
			n = send(c, out, k, MSG_DONTWAIT);
			if (n < 0 && errno != EAGAIN)
				T_FAIL("send: %s", t_errname(errno));
			if (n > 0 && (sent += n) == total)
				T_OK(shutdown(c, SHUT_WR));
		}
		if (p.revents & POLLIN) {
			n = T_OK(read(c, in, sizeof(in)));
			if (n == 0)
				T_FAIL("EOF after %lu bytes", (unsigned long)got);
			for (ssize_t i = 0; i < n; i++)
				if (in[i] != pattern(got + i))
					T_FAIL("byte %lu differs", (unsigned long)(got + i));
			got += n;
		}
	}
	T_EQ(read(c, in, 1), 0);
	T_EXITED(t_wait(pid), 0);
}

/* --- non-blocking */

static void nonblocking_connect(void)
{
	int l = listener(), fd, s;
	struct sockaddr_in a = lo(port_of(l));
	char b;

	fd = T_OK(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
	T_EQ(fcntl(fd, F_GETFL) & O_NONBLOCK, O_NONBLOCK);
	if (connect(fd, SA(&a), sizeof(a)) < 0) {
		T_EQ(errno, EINPROGRESS);
		T_EQ(poll1(fd, POLLOUT, 10000), POLLOUT);
		T_EQ(so_error(fd), 0);
		T_OK(connect(fd, SA(&a), sizeof(a))); /* reports the success */
	}
	T_ERR(connect(fd, SA(&a), sizeof(a)), EISCONN);
	s = T_OK(accept(l, NULL, NULL));
	T_ERR(read(fd, &b, 1), EAGAIN);
	T_EQ(write(s, "z", 1), 1);
	T_EQ(poll1(fd, POLLIN, 10000), POLLIN);
	T_EQ(read(fd, &b, 1), 1);
	T_EQ(b, 'z');
}

/* A listener with backlog 0 queues one connection and drops the next
 * one's SYN until that one is accepted: the second connection stays
 * being made.  Meanwhile connect says EALREADY, and a blocking connect
 * with SO_SNDTIMEO gives up with EINPROGRESS. */
static void connect_in_progress(void)
{
	struct timeval tv = {0, 200000};
	int l = bound(SOCK_STREAM), c1, c2, c3, s;
	struct sockaddr_in a;
	long long t0;

	T_OK(listen(l, 0));
	a = lo(port_of(l));
	c1 = connect_to(port_of(l));
	t_sleep_ms(50);
	c2 = T_OK(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
	T_ERR(connect(c2, SA(&a), sizeof(a)), EINPROGRESS);
	T_ERR(connect(c2, SA(&a), sizeof(a)), EALREADY);
	T_EQ(poll1(c2, POLLIN | POLLOUT, 100), 0);
	c3 = T_OK(socket(AF_INET, SOCK_STREAM, 0));
	T_OK(setsockopt(c3, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)));
	t0 = t_now_ns();
	T_ERR(connect(c3, SA(&a), sizeof(a)), EINPROGRESS);
	T_TRUE(t_now_ns() - t0 >= 150000000LL);
	T_ERR(connect(c3, SA(&a), sizeof(a)), EALREADY);
	T_OK(close(c3)); /* gives up: c2 is next */
	s = T_OK(accept(l, NULL, NULL)); /* room for the next one */
	T_OK(close(s));
	T_EQ(poll1(c2, POLLOUT, 15000), POLLOUT); /* its SYN is sent again */
	T_EQ(so_error(c2), 0);
	(void)c1;
}

static void eagain(void)
{
	static char chunk[65536];
	int l = listener(), c, s, n = 0;
	size_t total = 0, got = 0;
	char b;

	T_OK(fcntl(l, F_SETFL, O_NONBLOCK));
	T_ERR(accept(l, NULL, NULL), EAGAIN);
	c = connect_to(port_of(l));
	T_EQ(poll1(l, POLLIN, 10000), POLLIN);
	s = T_OK(accept4(l, NULL, NULL, SOCK_NONBLOCK));
	T_EQ(fcntl(s, F_GETFL) & O_NONBLOCK, O_NONBLOCK);
	T_ERR(read(s, &b, 1), EAGAIN);
	T_ERR(recv(c, &b, 1, MSG_DONTWAIT), EAGAIN);
	T_EQ(ioctl(c, FIONBIO, &(int){1}), 0);
	T_EQ(fcntl(c, F_GETFL) & O_NONBLOCK, O_NONBLOCK);
	/* fill the send buffer (and the peer's receive buffer) */
	for (;;) {
		ssize_t r = send(c, chunk, sizeof(chunk), 0);

		if (r < 0) {
			T_EQ(errno, EAGAIN);
			break;
		}
		total += r;
		if (++n > 2048)
			T_FAIL("64 KiB sent %d times without EAGAIN", n);
	}
	T_EQ(poll1(c, POLLOUT, 0), 0);
	/* reading it all makes room again */
	while (got < total) {
		ssize_t r = read(s, chunk, sizeof(chunk));

		if (r < 0 && errno == EAGAIN) {
			T_EQ(poll1(s, POLLIN, 10000), POLLIN);
			continue;
		}
		T_TRUE(r > 0);
		got += r;
	}
	T_ERR(read(s, &b, 1), EAGAIN);
	T_EQ(poll1(c, POLLOUT, 10000), POLLOUT);
}

/* --- errors of connections */

static void refused(void)
{
	int b = bound(SOCK_STREAM); /* holds the port, not listening */
	struct sockaddr_in a = lo(port_of(b));
	int fd = T_OK(socket(AF_INET, SOCK_STREAM, 0)), nb;

	T_ERR(connect(fd, SA(&a), sizeof(a)), ECONNREFUSED);
	T_EQ(poll1(fd, POLLIN | POLLOUT, 0), POLLOUT | POLLHUP);
	T_ERR(connect(fd, SA(&a), sizeof(a)), ECONNREFUSED); /* tries again */
	nb = T_OK(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
	T_ERR(connect(nb, SA(&a), sizeof(a)), EINPROGRESS);
	T_EQ(poll1(nb, POLLIN | POLLOUT | POLLRDHUP, 10000),
	     POLLIN | POLLOUT | POLLERR | POLLHUP | POLLRDHUP);
	T_EQ(so_error(nb), ECONNREFUSED);
	T_EQ(so_error(nb), 0); /* reported once */
}

/* a server (using SO_REUSEADDR) restarted while its old connection is
 * in TIME_WAIT binds its port again with SO_REUSEADDR, and only with it */
static void time_wait_reuse(void)
{
	struct sockaddr_in a = lo(0);
	int l = T_OK(socket(AF_INET, SOCK_STREAM, 0)), port, c, s, fd, one = 1;
	char b;

	T_OK(setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)));
	T_OK(bind(l, SA(&a), sizeof(a)));
	T_OK(listen(l, 4));
	port = port_of(l);
	a = lo(port);
	c = connect_to(port);
	s = T_OK(accept(l, NULL, NULL));
	T_OK(close(s)); /* the server closes first: its side waits */
	T_EQ(read(c, &b, 1), 0);
	T_OK(close(c));
	T_OK(close(l));
	t_sleep_ms(100);
	fd = T_OK(socket(AF_INET, SOCK_STREAM, 0));
	T_ERR(bind(fd, SA(&a), sizeof(a)), EADDRINUSE);
	T_OK(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)));
	T_OK(bind(fd, SA(&a), sizeof(a)));
	T_OK(listen(fd, 4));
	c = connect_to(port);
	s = T_OK(accept(fd, NULL, NULL));
	T_EQ(write(c, "!", 1), 1);
	T_EQ(read(s, &b, 1), 1);
}

/* the calls a socket's state does not allow */
static void state_errors(void)
{
	int fd = T_OK(socket(AF_INET, SOCK_STREAM, 0)), l = listener(), c, s;
	struct sockaddr_in a = lo(port_of(l));
	socklen_t len = sizeof(a);
	char b;

	signal(SIGPIPE, SIG_IGN);
	T_ERR(getpeername(fd, SA(&a), &len), ENOTCONN);
	T_ERR(recv(fd, &b, 1, 0), ENOTCONN);
	T_ERR(read(fd, &b, 1), ENOTCONN);
	T_ERR(send(fd, "x", 1, 0), EPIPE);
	T_ERR(write(fd, "x", 1), EPIPE);
	T_ERR(accept(fd, NULL, NULL), EINVAL);
	T_ERR(shutdown(fd, SHUT_RDWR), ENOTCONN);
	T_ERR(shutdown(fd, 3), EINVAL);
	T_ERR(send(l, "x", 1, 0), EPIPE);
	T_ERR(recv(l, &b, 1, 0), ENOTCONN);
	T_ERR(getpeername(l, SA(&a), &len), ENOTCONN);
	T_ERR(bind(l, SA(&a), sizeof(a)), EINVAL); /* bound already */
	tcp_pair(&c, &s);
	T_ERR(connect(c, SA(&a), sizeof(a)), EISCONN);
	T_ERR(listen(c, 1), EINVAL);
	T_ERR(listen(s, 1), EINVAL);
	T_ERR(bind(c, SA(&a), sizeof(a)), EINVAL);
}

static volatile int sigpipes;

static void on_sigpipe(int sig)
{
	(void)sig;
	sigpipes++;
}

/* after the peer closed, a write is answered with a reset: the next
 * write fails with EPIPE and raises SIGPIPE, unless MSG_NOSIGNAL */
static void epipe(void)
{
	struct sigaction sa = {.sa_handler = on_sigpipe};
	int c, s;
	char b;

	T_OK(sigaction(SIGPIPE, &sa, NULL));
	tcp_pair(&c, &s);
	T_OK(close(s));
	T_EQ(read(c, &b, 1), 0);
	T_EQ(write(c, "x", 1), 1);
	T_EQ(poll1(c, 0, 10000) & POLLERR, POLLERR); /* the reset */
	T_ERR(send(c, "x", 1, MSG_NOSIGNAL), EPIPE);
	T_EQ(sigpipes, 0);
	T_ERR(write(c, "x", 1), EPIPE);
	T_EQ(sigpipes, 1);
	T_ERR(send(c, "x", 1, 0), EPIPE);
	T_EQ(sigpipes, 2);
}

static void sigpipe_kills_child(void)
{
	int c, s;
	char b;

	tcp_pair(&c, &s);
	T_OK(close(s));
	T_EQ(read(c, &b, 1), 0);
	T_EQ(write(c, "x", 1), 1);
	T_EQ(poll1(c, 0, 10000) & POLLERR, POLLERR);
	write(c, "x", 1); /* SIGPIPE's default: the end */
	T_FAIL("still alive after EPIPE");
}

/* closing with unread data resets the connection */
static void reset(void)
{
	int c, s;
	char b;

	tcp_pair(&c, &s);
	T_EQ(write(c, "data", 4), 4);
	T_EQ(poll1(s, POLLIN, 10000), POLLIN);
	T_OK(close(s));
	T_EQ(poll1(c, POLLIN | POLLOUT | POLLRDHUP, 10000),
	     POLLIN | POLLOUT | POLLERR | POLLHUP | POLLRDHUP);
	T_ERR(recv(c, &b, 1, 0), ECONNRESET);
	T_EQ(recv(c, &b, 1, 0), 0);
	T_ERR(send(c, "x", 1, MSG_NOSIGNAL), EPIPE);
	T_EQ(poll1(c, POLLIN | POLLOUT | POLLRDHUP, 0),
	     POLLIN | POLLOUT | POLLHUP | POLLRDHUP);
}

/* closing a listener resets the connections nobody accepted */
static void listener_close(void)
{
	int l = listener(), c = connect_to(port_of(l));
	char b;

	t_sleep_ms(50);
	T_OK(close(l));
	T_EQ(poll1(c, POLLIN, 10000) & POLLIN, POLLIN);
	T_ERR(recv(c, &b, 1, 0), ECONNRESET);
}

/* --- half-close */

static void half_close(void)
{
	int c, s;
	char buf[16];

	tcp_pair(&c, &s);
	write_all(c, "request", 7);
	T_OK(shutdown(c, SHUT_WR));
	read_all(s, buf, 7);
	T_MEMEQ(buf, "request", 7);
	T_EQ(read(s, buf, 1), 0);
	T_EQ(poll1(s, POLLIN | POLLOUT | POLLRDHUP, 0), POLLIN | POLLOUT | POLLRDHUP);
	T_EQ(poll1(c, POLLIN | POLLOUT | POLLRDHUP, 0), POLLOUT);
	write_all(s, "response", 8); /* the client still reads */
	read_all(c, buf, 8);
	T_MEMEQ(buf, "response", 8);
	T_ERR(send(c, "x", 1, MSG_NOSIGNAL), EPIPE);
	T_OK(close(s));
	T_EQ(read(c, buf, 1), 0);
	T_EQ(poll1(c, POLLIN | POLLOUT | POLLRDHUP, 0),
	     POLLIN | POLLOUT | POLLHUP | POLLRDHUP);
}

/* --- timeouts and signals */

static void rcvtimeo(void)
{
	struct timeval tv = {0, 200000}, got;
	socklen_t len = sizeof(got);
	int c, s, l;
	long long t0, ms;
	char b;

	tcp_pair(&c, &s);
	T_OK(setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)));
	T_OK(getsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &got, &len));
	T_EQ(len, sizeof(got));
	T_EQ(got.tv_sec, 0);
	T_EQ(got.tv_usec, 200000);
	t0 = t_now_ns();
	T_ERR(recv(s, &b, 1, 0), EAGAIN);
	ms = (t_now_ns() - t0) / 1000000;
	if (ms < 150 || ms > 5000)
		T_FAIL("SO_RCVTIMEO of 200 ms waited %lld ms", ms);
	l = listener();
	T_OK(setsockopt(l, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)));
	T_ERR(accept(l, NULL, NULL), EAGAIN);
}

/* SO_SNDTIMEO ends a send the peer does not read: with what was sent */
static void sndtimeo(void)
{
	static char chunk[1 << 20];
	struct timeval tv = {0, 200000};
	int c, s, i;

	tcp_pair(&c, &s);
	T_OK(setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)));
	for (i = 0; i < 64; i++) {
		ssize_t r = send(c, chunk, sizeof(chunk), 0);

		if (r < 0) {
			T_EQ(errno, EAGAIN);
			break;
		}
		if (r < (ssize_t)sizeof(chunk))
			break;
	}
	T_TRUE(i < 64);
}

static volatile int signals;

static void on_signal(int sig)
{
	(void)sig;
	signals++;
}

/* a child that sends SIGUSR1 to its parent after ms, then maybe
 * connects to port */
static pid_t signal_later(int ms, int port)
{
	pid_t parent = getpid(), pid = t_fork();

	if (pid == 0) {
		t_sleep_ms(ms);
		kill(parent, SIGUSR1);
		if (port) {
			int fd;

			t_sleep_ms(100);
			fd = connect_to(port);
			t_sleep_ms(200);
			close(fd);
		}
		_exit(0);
	}
	return pid;
}

/* ^C-style: a signal with a handler ends accept and recv with EINTR */
static void signal_interrupts(void)
{
	struct sigaction sa = {.sa_handler = on_signal};
	int l = listener(), c, s;
	pid_t pid;
	char b;

	T_OK(sigaction(SIGUSR1, &sa, NULL));
	pid = signal_later(100, 0);
	T_ERR(accept(l, NULL, NULL), EINTR);
	T_EQ(signals, 1);
	T_EXITED(t_wait(pid), 0);
	tcp_pair(&c, &s);
	pid = signal_later(100, 0);
	T_ERR(recv(s, &b, 1, 0), EINTR);
	T_EQ(signals, 2);
	T_EXITED(t_wait(pid), 0);
}

/* with SA_RESTART accept goes on after the handler; with a timeout set
 * it is EINTR all the same (Linux's sock_intr_errno) */
static void signal_restarts(void)
{
	struct sigaction sa = {.sa_handler = on_signal, .sa_flags = SA_RESTART};
	struct timeval tv = {20, 0};
	int l = listener(), s;
	pid_t pid;

	T_OK(sigaction(SIGUSR1, &sa, NULL));
	pid = signal_later(100, port_of(l));
	s = T_OK(accept(l, NULL, NULL));
	T_EQ(signals, 1);
	T_OK(close(s));
	T_EXITED(t_wait(pid), 0);
	T_OK(setsockopt(l, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)));
	pid = signal_later(100, 0);
	T_ERR(accept(l, NULL, NULL), EINTR);
	T_EQ(signals, 2);
	T_EXITED(t_wait(pid), 0);
}

/* --- sharing */

/* fork and dup share one connection: a child's writes and close */
static void fork_shared(void)
{
	int c, s, d;
	pid_t pid;
	char buf[16];

	tcp_pair(&c, &s);
	pid = t_fork();
	if (pid == 0) {
		write_all(c, "child ", 6);
		close(c);
		_exit(0);
	}
	T_EXITED(t_wait(pid), 0);
	write_all(c, "parent", 6);
	read_all(s, buf, 12);
	T_MEMEQ(buf, "child parent", 12);
	d = T_OK(dup(c));
	T_OK(close(c));
	write_all(d, "dup", 3);
	read_all(s, buf, 3);
	T_MEMEQ(buf, "dup", 3);
	T_OK(close(d)); /* the last reference: now it closes */
	T_EQ(read(s, buf, 1), 0);
}

/* two processes writing one shared connection at once: every byte of
 * each arrives (in some order) */
static void shared_writers(void)
{
	static char buf[1 << 20];
	const size_t each = sizeof(buf);
	size_t got = 0, count[2] = {0, 0};
	int c, s;
	pid_t pid, pid2 = -1;

	tcp_pair(&c, &s);
	pid = t_fork();
	if (pid) /* two writers, the parent reads */
		pid2 = t_fork();
	if (pid == 0 || pid2 == 0) {
		memset(buf, pid ? 'P' : 'C', each);
		write_all(c, buf, each);
		_exit(0);
	}
	T_OK(close(c));
	t_sleep_ms(100); /* both writers blocked on a full buffer */
	while (got < 2 * each) {
		ssize_t n = T_OK(read(s, buf, 8192));

		if (n == 0)
			T_FAIL("EOF after %lu bytes", (unsigned long)got);
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] != 'P' && buf[i] != 'C')
				T_FAIL("byte %lu is %d", (unsigned long)(got + i), buf[i]);
			count[buf[i] == 'C']++;
		}
		got += n;
	}
	T_EQ(count[0], each);
	T_EQ(count[1], each);
	T_EQ(read(s, buf, 1), 0);
	T_EXITED(t_wait(pid), 0);
	T_EXITED(t_wait(pid2), 0);
}

/* --- what is ready */

static void fionread(void)
{
	int c, s, n = -1, l = listener();

	tcp_pair(&c, &s);
	T_OK(ioctl(s, FIONREAD, &n));
	T_EQ(n, 0);
	write_all(c, "12345", 5);
	T_EQ(poll1(s, POLLIN, 10000), POLLIN);
	t_sleep_ms(20);
	T_OK(ioctl(s, FIONREAD, &n));
	T_EQ(n, 5);
	T_EQ(recv(s, (char[2]){0}, 2, 0), 2);
	T_OK(ioctl(s, FIONREAD, &n));
	T_EQ(n, 3);
	T_ERR(ioctl(l, FIONREAD, &n), EINVAL);
}

/* poll and select over a socket and a pipe, and a poller woken by the
 * socket */
static void poll_select_mixed(void)
{
	int p[2], c, s;
	struct pollfd fds[2];
	struct timeval tv = {5, 0};
	fd_set r;
	pid_t pid;
	char b;

	T_OK(pipe(p));
	tcp_pair(&c, &s);
	fds[0] = (struct pollfd){p[0], POLLIN, 0};
	fds[1] = (struct pollfd){s, POLLIN, 0};
	T_EQ(poll(fds, 2, 0), 0);
	T_EQ(write(c, "x", 1), 1);
	T_EQ(poll(fds, 2, 10000), 1);
	T_EQ(fds[0].revents, 0);
	T_EQ(fds[1].revents, POLLIN);
	T_EQ(write(p[1], "y", 1), 1);
	T_EQ(poll(fds, 2, 10000), 2);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	FD_SET(s, &r);
	T_EQ(select((p[0] > s ? p[0] : s) + 1, &r, NULL, NULL, &tv), 2);
	T_TRUE(FD_ISSET(p[0], &r) && FD_ISSET(s, &r));
	T_EQ(read(p[0], &b, 1), 1);
	T_EQ(read(s, &b, 1), 1);
	T_EQ(poll(fds, 2, 0), 0);
	pid = t_fork();
	if (pid == 0) {
		t_sleep_ms(100);
		write_all(c, "z", 1);
		_exit(0);
	}
	T_EQ(poll(fds, 2, 10000), 1); /* woken by the socket */
	T_EQ(fds[1].revents, POLLIN);
	T_EXITED(t_wait(pid), 0);
}

/* the bits of Linux's tcp_poll through a connection's life */
static void poll_states(void)
{
	const int all = POLLIN | POLLOUT | POLLRDHUP;
	int fd = T_OK(socket(AF_INET, SOCK_STREAM, 0)), l = listener(), c, s;

	T_EQ(poll1(fd, all, 0), POLLOUT | POLLHUP); /* never connected */
	T_EQ(poll1(l, all, 0), 0);
	c = connect_to(port_of(l));
	T_EQ(poll1(l, all, 10000), POLLIN);
	s = T_OK(accept(l, NULL, NULL));
	T_EQ(poll1(l, all, 0), 0);
	T_EQ(poll1(c, all, 0), POLLOUT);
	T_EQ(poll1(s, all, 0), POLLOUT);
	T_OK(shutdown(s, SHUT_WR));
	T_EQ(poll1(c, all, 10000) & POLLRDHUP, POLLRDHUP);
	T_EQ(poll1(c, all, 0), POLLIN | POLLOUT | POLLRDHUP);
	T_OK(shutdown(c, SHUT_RDWR));
	T_EQ(poll1(c, all, 0), POLLIN | POLLOUT | POLLHUP | POLLRDHUP);
}

/* MSG_WAITALL waits for all of it; MSG_PEEK leaves it there */
static void waitall_peek(void)
{
	int c, s;
	pid_t pid;
	char buf[8];

	tcp_pair(&c, &s);
	pid = t_fork();
	if (pid == 0) {
		write_all(c, "abc", 3);
		t_sleep_ms(100);
		write_all(c, "def", 3);
		_exit(0);
	}
	T_EQ(recv(s, buf, 6, MSG_WAITALL), 6);
	T_MEMEQ(buf, "abcdef", 6);
	T_EXITED(t_wait(pid), 0);
	write_all(c, "xyz", 3);
	T_EQ(poll1(s, POLLIN, 10000), POLLIN);
	t_sleep_ms(20);
	T_EQ(recv(s, buf, 2, MSG_PEEK), 2);
	T_MEMEQ(buf, "xy", 2);
	T_EQ(recv(s, buf, sizeof(buf), MSG_PEEK), 3);
	T_EQ(recv(s, buf, sizeof(buf), 0), 3);
	T_MEMEQ(buf, "xyz", 3);
}

/* sendmsg and recvmsg scatter and gather */
static void msg_iovecs(void)
{
	int c, s;
	char a[4], b[8], name[32];
	struct iovec out[3] = {{"one", 3}, {"", 0}, {"twothree", 8}};
	struct iovec in[2] = {{a, sizeof(a)}, {b, sizeof(b)}};
	struct msghdr m = {.msg_iov = out, .msg_iovlen = 3};

	tcp_pair(&c, &s);
	T_EQ(sendmsg(c, &m, 0), 11);
	T_EQ(poll1(s, POLLIN, 10000), POLLIN);
	t_sleep_ms(20);
	m = (struct msghdr){.msg_name = name, .msg_namelen = sizeof(name),
			    .msg_iov = in, .msg_iovlen = 2, .msg_flags = -1};
	T_EQ(recvmsg(s, &m, 0), 11);
	T_MEMEQ(a, "onet", 4);
	T_MEMEQ(b, "wothree", 7);
	T_EQ(m.msg_namelen, 0); /* TCP has no address to give */
	T_EQ(m.msg_flags, 0);
}

static const struct t_case cases[] = {
    T(echo),
    T(many),
    T(stream_echo),
    T(nonblocking_connect),
    T(connect_in_progress),
    T(eagain),
    T(refused),
    T(time_wait_reuse),
    T(state_errors),
    T(epipe),
    T_SIG(sigpipe_kills_child, SIGPIPE),
    T(reset),
    T(listener_close),
    T(half_close),
    T(rcvtimeo),
    T(sndtimeo),
    T(signal_interrupts),
    T(signal_restarts),
    T(fork_shared),
    T(shared_writers),
    T(fionread),
    T(poll_select_mixed),
    T(poll_states),
    T(waitall_peek),
    T(msg_iovecs),
};

T_MAIN(cases, NULL)
