/* load.c - many connections at once, each doing round trips: send a
 * request, read until the whole echo is back, check every byte, send
 * the next.
 *
 * One process holds every connection in one poll() loop, each socket
 * non-blocking: a connection is connecting, running (POLLOUT while its
 * request is not all sent, POLLIN for the echo, both at once since a big
 * request comes back while it is still being written), or closing: after
 * its last round it half-closes (shutdown SHUT_WR) and waits for the
 * server's end, which must come with no byte more.  All connections are
 * opened first; the clock starts when the last is open.  A round trip's
 * latency runs from its first write to its last echoed byte.
 *
 * A connection that fails (refused, reset, closed early, wrong byte,
 * out of time) is counted and closed; the others go on.  The first few
 * failures are described on stderr. */
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "echo_client.h"

#define MAX_MESSAGES 10		  /* failures described, then counted */
#define MAX_LATENCIES (16u << 20) /* round trips whose latency is kept */
#define READ_MAX 65536

enum state { UNOPENED, CONNECTING, RUNNING, CLOSING, DONE, FAILED };

struct lconn {
	enum state state;
	unsigned round;
	size_t size, sent, got; /* this round's */
	int64_t start;		/* when its first byte was written */
	unsigned char *req;	/* this round's bytes */
};

static const struct options *opt;
static struct lconn *conns;
static struct pollfd *pfd; /* pfd[i].fd is connection i's socket, or -1 */
static uint32_t *lat;
static size_t nlat;
static unsigned long long rounds_done, bytes_done;
static unsigned errors, mismatches, messages;
static bool timing; /* all connections are open: latencies count */

static void finish(unsigned i, enum state state)
{
	close(pfd[i].fd);
	pfd[i].fd = -1;
	conns[i].state = state;
}

static void fail(unsigned i, const char *fmt, ...)
{
	va_list ap;

	errors++;
	if (messages++ < MAX_MESSAGES) {
		fprintf(stderr, "echo_client: connection %u: ", i);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	} else if (messages == MAX_MESSAGES + 1) {
		fputs("echo_client: (more failures not described)\n", stderr);
	}
	finish(i, FAILED);
}

static void begin_round(unsigned i)
{
	struct lconn *c = &conns[i];
	uint32_t seed = mix_seed(opt->seed, i, c->round);
	struct pattern p;

	c->size = opt->min_size + seed % (opt->max_size - opt->min_size + 1);
	c->sent = c->got = 0;
	pattern_init(&p, seed);
	pattern_fill(&p, c->req, c->size);
	c->start = now_ns();
	pfd[i].events = POLLIN | POLLOUT;
}

static void start_connect(unsigned i, const struct addrinfo *server)
{
	int fd =
	    socket(server->ai_family, server->ai_socktype, server->ai_protocol);

	conns[i].state = CONNECTING;
	pfd[i] = (struct pollfd){.fd = fd, .events = POLLOUT};
	if (fd < 0 || set_nonblocking(fd) < 0) {
		fail(i, "socket: %s", strerror(errno));
		return;
	}
	if (connect(fd, server->ai_addr, server->ai_addrlen) < 0 &&
	    errno != EINPROGRESS)
		fail(i, "connect: %s", strerror(errno));
}

/* A connecting socket became writable: connected, or failed. */
static void connected(unsigned i)
{
	int err = 0, one = 1;
	socklen_t len = sizeof(err);

	if (getsockopt(pfd[i].fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
		err = errno;
	if (err) {
		fail(i, "connect: %s", strerror(err));
		return;
	}
	setsockopt(pfd[i].fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	conns[i].state = RUNNING;
	pfd[i].events = 0; /* until the rounds start */
}

static void send_more(unsigned i)
{
	struct lconn *c = &conns[i];
	ssize_t n = write(pfd[i].fd, c->req + c->sent, c->size - c->sent);

	if (n < 0) {
		if (errno != EAGAIN && errno != EINTR)
			fail(i, "round %u: write: %s", c->round,
			     strerror(errno));
		return;
	}
	c->sent += n;
	if (c->sent == c->size)
		pfd[i].events = POLLIN;
}

/* N bytes of echo arrived in BUF: checked against the request. */
static void check_echo(unsigned i, const unsigned char *buf, size_t n)
{
	struct lconn *c = &conns[i];

	if (memcmp(buf, c->req + c->got, n)) {
		size_t k = 0;

		while (buf[k] == c->req[c->got + k])
			k++;
		mismatches++;
		fail(i, "round %u: byte %zu of %zu is 0x%02x, sent 0x%02x",
		     c->round, c->got + k, c->size, buf[k], c->req[c->got + k]);
		return;
	}
	c->got += n;
	if (c->got < c->size)
		return;
	if (timing && nlat < MAX_LATENCIES)
		lat[nlat++] = (now_ns() - c->start) / 1000;
	rounds_done++;
	bytes_done += c->size;
	if (++c->round < opt->rounds) {
		begin_round(i);
		return;
	}
	shutdown(pfd[i].fd, SHUT_WR); /* done: the server should close too */
	c->state = CLOSING;
	pfd[i].events = POLLIN;
}

static void receive(unsigned i)
{
	static unsigned char buf[READ_MAX];
	struct lconn *c = &conns[i];
	size_t want = c->state == CLOSING ? sizeof(buf) : c->size - c->got;
	ssize_t n =
	    read(pfd[i].fd, buf, want < sizeof(buf) ? want : sizeof(buf));

	if (n < 0) {
		if (errno != EAGAIN && errno != EINTR)
			fail(i, "round %u: read: %s", c->round,
			     strerror(errno));
	} else if (c->state == CLOSING) {
		if (n > 0)
			fail(i, "%zd bytes more than were sent", n);
		else
			finish(i, DONE);
	} else if (n == 0) {
		fail(i,
		     "round %u: the server closed the connection after "
		     "%zu of %zu bytes",
		     c->round, c->got, c->size);
	} else {
		check_echo(i, buf, n);
	}
}

static void serve_events(unsigned i)
{
	short ev = pfd[i].revents;

	if (conns[i].state == CONNECTING) {
		connected(i);
		return;
	}
	if (ev & (POLLIN | POLLHUP | POLLERR))
		receive(i);
	if (conns[i].state == RUNNING && (ev & POLLOUT) &&
	    (pfd[i].events & POLLOUT))
		send_more(i);
}

/* Polls until every connection has left STATE or the deadline passed;
 * false on the deadline. */
static bool run_until_no(enum state state, int64_t deadline)
{
	for (;;) {
		unsigned left = 0;
		int64_t ms;
		int n;

		for (unsigned i = 0; i < opt->conns; i++)
			left += conns[i].state == state;
		if (!left)
			return true;
		ms = (deadline - now_ns()) / 1000000;
		if (ms <= 0)
			return false;
		n = poll(pfd, opt->conns, ms > 1000 ? 1000 : ms);
		if (n < 0 && errno != EINTR) {
			warn_errno("poll");
			return false;
		}
		for (unsigned i = 0; n > 0 && i < opt->conns; i++)
			if (pfd[i].fd >= 0 && pfd[i].revents)
				serve_events(i);
	}
}

static void time_out(void)
{
	fprintf(stderr, "echo_client: time limit of %g s reached\n",
		opt->timeout);
	for (unsigned i = 0; i < opt->conns; i++)
		if (conns[i].state == CONNECTING || conns[i].state == RUNNING ||
		    conns[i].state == CLOSING)
			fail(i, "still in round %u (%zu of %zu bytes back)",
			     conns[i].round, conns[i].got, conns[i].size);
}

static void report(int64_t elapsed)
{
	double s = elapsed / 1e9;

	printf("echo_client: %u connections x %u round trips of ", opt->conns,
	       opt->rounds);
	if (opt->min_size == opt->max_size)
		printf("%zu bytes", opt->min_size);
	else
		printf("%zu-%zu bytes", opt->min_size, opt->max_size);
	printf(" to %s port %s: %llu round trips, %llu bytes checked\n",
	       opt->host, opt->port, rounds_done, bytes_done);
	printf("echo_roundtrips %llu count\n", rounds_done);
	printf("echo_elapsed %.3f s\n", s);
	if (s > 0) {
		printf("echo_req_per_s %.1f req/s\n", rounds_done / s);
		printf("echo_MB_per_s %.3f MB/s\n", bytes_done / s / 1e6);
	}
	print_latencies(lat, nlat);
	printf("echo_errors %u count\n", errors);
	printf("echo_mismatches %u count\n", mismatches);
}

static bool allocate(void)
{
	unsigned long long total = (unsigned long long)opt->conns * opt->rounds;

	conns = calloc(opt->conns, sizeof(*conns));
	pfd = calloc(opt->conns, sizeof(*pfd));
	lat = malloc((total < MAX_LATENCIES ? total : MAX_LATENCIES) *
		     sizeof(*lat));
	if (!conns || !pfd || !lat)
		return false;
	for (unsigned i = 0; i < opt->conns; i++)
		if (!(conns[i].req = malloc(opt->max_size)))
			return false;
	return true;
}

int run_load(const struct options *o)
{
	struct addrinfo *server = lookup_host(o->host, o->port);
	int64_t start, deadline = now_ns() + (int64_t)(o->timeout * 1e9);

	opt = o;
	if (!server)
		return 1;
	if (!allocate()) {
		fputs("echo_client: out of memory\n", stderr);
		return 1;
	}
	for (unsigned i = 0; i < o->conns; i++) {
		start_connect(i, server);
		if (o->pace_ms) { /* -w: this one is open before the next */
			struct timespec pause = {o->pace_ms / 1000,
						 o->pace_ms % 1000 * 1000000};

			run_until_no(CONNECTING, deadline);
			nanosleep(&pause, NULL);
		}
	}
	freeaddrinfo(server);
	if (!run_until_no(CONNECTING, deadline))
		time_out();
	timing = true;
	start = now_ns();
	for (unsigned i = 0; i < o->conns; i++)
		if (conns[i].state == RUNNING)
			begin_round(i);
	if (!run_until_no(RUNNING, deadline) ||
	    !run_until_no(CLOSING, deadline))
		time_out();
	report(now_ns() - start);
	fflush(stdout);
	return errors ||
	       rounds_done != (unsigned long long)o->conns * o->rounds;
}
