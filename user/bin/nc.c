/* nc - netcat: copy between standard input/output and a TCP or UDP socket.
 *
 *   nc [-unvzN] [-w SECS] [-q SECS] [-s ADDR] [-p PORT] HOST PORT[-PORT]
 *   nc -l [-ukvN] [-w SECS] [-q SECS] [-s ADDR] [-p PORT] [[ADDR] PORT]
 *
 * Connect mode connects to HOST PORT (a name through getaddrinfo, so
 * /etc/hosts names work, or an address); listen mode (-l) waits for one
 * connection on PORT (given as an argument or with -p; port 0 lets the
 * kernel choose: -v prints it), serves it and exits, or with -k serves
 * the next one after it.  Then one poll() loop copies standard input to
 * the socket and the socket to standard output.  At the end of standard
 * input a TCP connection is half-closed (shutdown(SHUT_WR)): the other
 * side sees the end while its answer still comes back; nc exits when
 * the other side closes.  -N is accepted for OpenBSD's nc, which
 * half-closes only with it.
 *
 *   -u       UDP: each read of standard input goes out as one datagram;
 *            a listener answers whoever sent the first datagram
 *   -z       probe: connect and close at once, for each port of a range
 *            such as 20-25 (-v says which ones answered)
 *   -w SECS  a connect taking longer fails; an idle connection (nothing
 *            either way for SECS) is closed
 *   -q SECS  after the end of standard input, quit SECS seconds later
 *            even if the other side has not closed (default: wait)
 *   -s ADDR  the local address to bind; -p PORT the local port
 *   -n       HOST must be a numeric address (no name lookup)
 *   -v       say what happens on standard error
 *   -k       listen again after each connection (with -l)
 *
 * Messages follow OpenBSD's nc ("nc: connect to 127.0.0.1 port 9 (tcp)
 * failed: Connection refused").  Exit status: 0 when the connection (or
 * one probe) succeeded, 1 on an error, 2 for bad usage.  IPv4 only, as
 * the OS's network.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BUFSIZE 16384

struct options {
	bool listen, udp, zero, verbose, numeric, keep;
	int wait_ms;	   /* -w, -1: none */
	int quit_ms;	   /* -q, -1: wait for the other side */
	const char *laddr; /* -s or the listener's ADDR */
	const char *lport; /* -p or the listener's PORT */
};

static struct options opt = {.wait_ms = -1, .quit_ms = -1};

static _Noreturn void usage(void)
{
	fputs("usage: nc [-unvzN] [-w SECS] [-q SECS] [-s ADDR] [-p PORT] "
	      "HOST PORT[-PORT]\n"
	      "       nc -l [-ukvN] [-w SECS] [-q SECS] [-s ADDR] [-p PORT] "
	      "[[ADDR] PORT]\n",
	      stderr);
	exit(2);
}

static void warn_errno(const char *what)
{
	fprintf(stderr, "nc: %s: %s\n", what, strerror(errno));
}

static const char *proto(void)
{
	return opt.udp ? "udp" : "tcp";
}

static int seconds_ms(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end || v > 86400 * 24)
		fprintf(stderr, "nc: invalid time '%s'\n", s), usage();
	return v < 0 ? -1 : (int)(v * 1000);
}

/* A port number 0-65535 (0 only to listen), or -1. */
static long port_number(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	return (end == s || *end || v < 0 || v > 65535) ? -1 : v;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w, n -= w;
	}
	return 0;
}

/* --- the copy loop */

struct pump {
	int net;
	bool in_open;	   /* standard input not yet at its end */
	bool shut;	   /* our side half-closed */
	char out[BUFSIZE]; /* read from stdin, not yet sent */
	size_t out_len, out_off;
	long long quit_at; /* -q: when to stop after stdin's end */
};

/* Reads standard input into the pump; at its end, half-closes a TCP
 * connection.  -1 on a read error. */
static int from_stdin(struct pump *p)
{
	ssize_t n = read(STDIN_FILENO, p->out, sizeof(p->out));

	if (n < 0)
		return errno == EINTR || errno == EAGAIN
			   ? 0
			   : (warn_errno("read"), -1);
	if (n > 0) {
		p->out_len = n, p->out_off = 0;
		return 0;
	}
	p->in_open = false;
	if (opt.quit_ms >= 0)
		p->quit_at = now_ms() + opt.quit_ms;
	return 0;
}

/* Sends what the pump holds (the socket is non-blocking). */
static int to_net(struct pump *p)
{
	ssize_t n = send(p->net, p->out + p->out_off, p->out_len - p->out_off,
			 MSG_NOSIGNAL);

	if (n < 0)
		return errno == EINTR || errno == EAGAIN
			   ? 0
			   : (warn_errno("write"), -1);
	p->out_off += n;
	if (p->out_off == p->out_len)
		p->out_len = p->out_off = 0;
	return 0;
}

/* Copies what the socket has to standard output: 1 at its end. */
static int from_net(struct pump *p)
{
	char buf[BUFSIZE];
	ssize_t n = recv(p->net, buf, sizeof(buf), 0);

	if (n < 0)
		return errno == EINTR || errno == EAGAIN
			   ? 0
			   : (warn_errno("read"), -1);
	if (n == 0)
		return 1;
	if (write_all(STDOUT_FILENO, buf, n) < 0) {
		warn_errno("write");
		return -1;
	}
	return 0;
}

/* The poll timeout: -w's idle limit, or what is left of -q's. */
static int poll_timeout(const struct pump *p)
{
	int t = opt.wait_ms;

	if (!p->in_open && p->quit_at >= 0) {
		long long left = p->quit_at - now_ms();
		int q = left < 0 ? 0 : (int)left;

		if (t < 0 || q < t)
			t = q;
	}
	return t;
}

/* Runs the copy loop on the connected socket NET; the exit status. */
static int pump_run(int net, bool stdin_open)
{
	struct pump p = {.net = net, .in_open = stdin_open, .quit_at = -1};

	fcntl(net, F_SETFL, fcntl(net, F_GETFL) | O_NONBLOCK);
	for (;;) {
		struct pollfd fds[2] = {
		    {.fd = -1, .events = POLLIN},
		    {.fd = net, .events = POLLIN},
		};
		int r;

		if (!p.in_open && !p.out_len && !p.shut && !opt.udp) {
			shutdown(net, SHUT_WR);
			p.shut = true;
		}
		if (p.in_open && !p.out_len)
			fds[0].fd = STDIN_FILENO;
		if (p.out_len)
			fds[1].events |= POLLOUT;
		r = poll(fds, 2, poll_timeout(&p));
		if (r < 0 && errno != EINTR)
			return warn_errno("poll"), 1;
		if (r == 0) /* idle (-w) or -q's time is up */
			return 0;
		if (r < 0)
			continue;
		if (fds[0].revents && from_stdin(&p) < 0)
			return 1;
		if ((fds[1].revents & POLLOUT) && to_net(&p) < 0)
			return 1;
		if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
			r = from_net(&p);
			if (r)
				return r < 0;
		}
	}
}

/* --- addresses */

static struct addrinfo *lookup(const char *host, const char *port, int flags)
{
	struct addrinfo hints = {0}, *res;
	int rv;

	hints.ai_family = AF_INET;
	hints.ai_socktype = opt.udp ? SOCK_DGRAM : SOCK_STREAM;
	hints.ai_flags =
	    flags | AI_NUMERICSERV | (opt.numeric ? AI_NUMERICHOST : 0);
	rv = getaddrinfo(host, port, &hints, &res);
	if (rv) {
		fprintf(stderr, "nc: getaddrinfo for host \"%s\" port %s: %s\n",
			host ? host : "0.0.0.0", port, gai_strerror(rv));
		return NULL;
	}
	return res;
}

static void describe(const struct sockaddr_in *a, char *host, char *port)
{
	inet_ntop(AF_INET, &a->sin_addr, host, INET_ADDRSTRLEN);
	sprintf(port, "%u", ntohs(a->sin_port));
}

/* Binds FD to -s ADDR and -p PORT (either may be absent); 0 or -1. */
static int bind_local(int fd)
{
	struct addrinfo *res;
	int rv, one = 1;

	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	res = lookup(opt.laddr, opt.lport ? opt.lport : "0", AI_PASSIVE);
	if (!res)
		return -1;
	rv = bind(fd, res->ai_addr, res->ai_addrlen);
	if (rv < 0)
		warn_errno("bind");
	freeaddrinfo(res);
	return rv;
}

/* --- connect mode */

/* connect() with -w's limit: 0, or -1 with errno. */
static int connect_within(int fd, const struct addrinfo *ai)
{
	struct pollfd pfd = {.fd = fd, .events = POLLOUT};
	int flags = fcntl(fd, F_GETFL), err = 0, r;
	socklen_t len = sizeof(err);

	if (opt.wait_ms < 0)
		return connect(fd, ai->ai_addr, ai->ai_addrlen);
	fcntl(fd, F_SETFL, flags | O_NONBLOCK);
	r = connect(fd, ai->ai_addr, ai->ai_addrlen);
	if (r < 0 && errno == EINPROGRESS) {
		do
			r = poll(&pfd, 1, opt.wait_ms);
		while (r < 0 && errno == EINTR);
		if (r == 0)
			return errno = ETIMEDOUT, -1;
		getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
		r = err ? (errno = err, -1) : 0;
	}
	fcntl(fd, F_SETFL, flags);
	return r;
}

/* A socket connected to HOST PORT, or -1 after a message. */
static int dial(const char *host, const char *port)
{
	struct addrinfo *res = lookup(host, port, 0), *ai;
	int fd = -1;

	if (!res)
		return -1;
	for (ai = res; ai; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
		if (fd < 0) {
			warn_errno("socket");
			break;
		}
		if ((opt.laddr || opt.lport) && bind_local(fd) < 0) {
			close(fd), fd = -1;
			break;
		}
		if (connect_within(fd, ai) == 0)
			break;
		if (!opt.zero || opt.verbose)
			fprintf(stderr,
				"nc: connect to %s port %s (%s) %s: %s\n", host,
				port, proto(),
				errno == ETIMEDOUT ? "timed out" : "failed",
				strerror(errno));
		close(fd), fd = -1;
	}
	freeaddrinfo(res);
	return fd;
}

static void say_connected(const char *host, const char *port)
{
	struct servent *se = getservbyport(htons(atoi(port)), proto());

	fprintf(stderr, "Connection to %s %s port [%s/%s] succeeded!\n", host,
		port, proto(), se ? se->s_name : "*");
}

/* -z over the ports FIRST..LAST: 0 if one answered. */
static int probe(const char *host, long first, long last)
{
	int status = 1;

	for (long p = first; p <= last; p++) {
		char port[8];
		int fd;

		sprintf(port, "%ld", p);
		fd = dial(host, port);
		if (fd < 0)
			continue;
		if (opt.verbose)
			say_connected(host, port);
		close(fd);
		status = 0;
	}
	return status;
}

static int client(const char *host, const char *ports)
{
	const char *dash = strchr(ports, '-');
	long first, last;
	int fd;

	if (dash) {
		char lo[8];
		size_t n = dash - ports;

		if (n >= sizeof(lo))
			usage();
		memcpy(lo, ports, n), lo[n] = 0;
		first = port_number(lo), last = port_number(dash + 1);
	} else {
		first = last = port_number(ports);
	}
	if (first <= 0 || last < first)
		fprintf(stderr, "nc: invalid port '%s'\n", ports), usage();
	if (opt.zero)
		return probe(host, first, last);
	if (dash)
		fputs("nc: a port range needs -z\n", stderr), usage();
	fd = dial(host, ports);
	if (fd < 0)
		return 1;
	if (opt.verbose)
		say_connected(host, ports);
	return pump_run(fd, true);
}

/* --- listen mode */

/* The listening (TCP) or bound (UDP) socket, or -1 after a message. */
static int listener(void)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);
	char host[INET_ADDRSTRLEN], port[8];
	int fd = socket(AF_INET, opt.udp ? SOCK_DGRAM : SOCK_STREAM, 0);

	if (fd < 0)
		return warn_errno("socket"), -1;
	if (bind_local(fd) < 0) { /* said why */
		close(fd);
		return -1;
	}
	if (!opt.udp && listen(fd, 1) < 0) {
		warn_errno("listen");
		close(fd);
		return -1;
	}
	if (opt.verbose) {
		getsockname(fd, (struct sockaddr *)&a, &len);
		describe(&a, host, port);
		fprintf(stderr, "%s on %s %s\n",
			opt.udp ? "Bound" : "Listening", host, port);
	}
	return fd;
}

static void say_received(const struct sockaddr_in *peer)
{
	char host[INET_ADDRSTRLEN], port[8];

	describe(peer, host, port);
	fprintf(stderr, "Connection received on %s %s\n", host, port);
}

/* UDP: the first datagram names the peer; it goes to standard output
 * and the socket is connected to its sender. */
static int udp_first(int fd)
{
	char buf[BUFSIZE];
	struct sockaddr_in peer;
	socklen_t len = sizeof(peer);
	ssize_t n =
	    recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&peer, &len);

	if (n < 0 || connect(fd, (struct sockaddr *)&peer, len) < 0)
		return warn_errno("recvfrom"), -1;
	if (opt.verbose)
		say_received(&peer);
	return write_all(STDOUT_FILENO, buf, n);
}

static int server(void)
{
	int lfd = listener(), status = 0;
	bool stdin_open = true;

	if (lfd < 0)
		return 1;
	if (opt.udp)
		return udp_first(lfd) < 0 ? 1 : pump_run(lfd, true);
	do {
		struct sockaddr_in peer;
		socklen_t len = sizeof(peer);
		int fd = accept(lfd, (struct sockaddr *)&peer, &len);

		if (fd < 0) {
			if (errno == EINTR)
				continue;
			return warn_errno("accept"), 1;
		}
		if (opt.verbose)
			say_received(&peer);
		if (!opt.keep)
			close(lfd);
		status = pump_run(fd, stdin_open);
		close(fd);
		stdin_open = false; /* -k: the next one gets no input */
	} while (opt.keep);
	return status;
}

int main(int argc, char **argv)
{
	int c;

	while ((c = getopt(argc, argv, "lukvznN4w:q:s:p:")) != -1) {
		switch (c) {
		case 'l':
			opt.listen = true;
			break;
		case 'u':
			opt.udp = true;
			break;
		case 'k':
			opt.keep = true;
			break;
		case 'v':
			opt.verbose = true;
			break;
		case 'z':
			opt.zero = true;
			break;
		case 'n':
			opt.numeric = true;
			break;
		case 'N':
		case '4':
			break; /* always so */
		case 'w':
			opt.wait_ms = seconds_ms(optarg);
			break;
		case 'q':
			opt.quit_ms = seconds_ms(optarg);
			break;
		case 's':
			opt.laddr = optarg;
			break;
		case 'p':
			opt.lport = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind, argv += optind;
	signal(SIGPIPE, SIG_IGN);
	if (!opt.listen) {
		if (argc != 2 || opt.keep)
			usage();
		if (opt.zero && opt.udp)
			fputs("nc: -z is for TCP only\n", stderr), usage();
		if (opt.lport && port_number(opt.lport) < 0)
			fprintf(stderr, "nc: invalid port '%s'\n", opt.lport),
			    usage();
		return client(argv[0], argv[1]);
	}
	if (argc > 2 || opt.zero || (argc == 2 && opt.laddr))
		usage();
	if (argc == 2)
		opt.laddr = argv[0];
	if (argc >= 1)
		opt.lport = argv[argc - 1];
	if (!opt.lport || port_number(opt.lport) < 0) {
		if (opt.lport)
			fprintf(stderr, "nc: invalid port '%s'\n", opt.lport);
		usage();
	}
	if (opt.keep && opt.udp)
		fputs("nc: -k is for TCP only\n", stderr), usage();
	return server();
}
