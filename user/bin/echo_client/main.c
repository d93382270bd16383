/* echo_client - the lecture's echo client, and a load generator for
 * echo servers.
 *
 *   echo_client HOST PORT
 *   echo_client [-c CONNS] [-n ROUNDS] [-s SIZE|MIN-MAX] [-S SEED]
 *               [-w MS] [-T SECONDS] HOST PORT
 *   echo_client --stream BYTES [--chunk BYTES] [-S SEED] [-T SECONDS]
 *               HOST PORT
 *
 * Without options it is the client of CS162 lecture 5 ("Echo
 * client-server example"): each line read from stdin is sent to the
 * server and its echo printed (interactive.c).
 *
 * With -c, -n or -s it measures (load.c): CONNS connections at once
 * (default 1), each doing ROUNDS round trips (default 1000) of SIZE
 * bytes (default 64; MIN-MAX picks a size in that range for every
 * round), every byte of every echo checked against what was sent.  It
 * prints round trips per second and the latency percentiles.  -w MS
 * opens the connections one at a time, MS milliseconds apart, rather
 * than all at once: QEMU's user network listens for a forwarded port
 * with a backlog of one, and the host's kernel lets a burst of connects
 * "succeed" (SYN cookies) that QEMU never accepts, which end in resets
 * a minute or two later.
 *
 * --stream sends BYTES through one connection in writes of --chunk
 * bytes (default 16K) while reading the echo back, then half-closes
 * and reads up to the server's close; it checks every byte and prints
 * the CRC-32 of what it sent and of what came back, and MB/s (stream.c).
 *
 * Sizes take a K, M or G suffix (binary: 64M is 64 MiB).  -S seeds the
 * data (default 1); -T limits the run (default 300 s).  One process
 * holds every connection, non-blocking, in one poll() loop.  HOST is a
 * name or an IPv4 address (getaddrinfo).  Figures are printed as "NAME
 * VALUE UNIT" lines (echo_req_per_s, echo_lat_p50...).  Exit status: 0
 * when every byte came back right, 1 on a mismatch, a lost connection or
 * the time limit, 2 for bad usage.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "echo_client.h"

#define MAX_ROUND_SIZE (1 << 20) /* one round trip's bytes at most */

static _Noreturn void usage(void)
{
	fputs("usage: echo_client HOST PORT\n"
	      "       echo_client [-c CONNS] [-n ROUNDS] [-s SIZE|MIN-MAX] "
	      "[-S SEED] [-w MS] [-T SECONDS] HOST PORT\n"
	      "       echo_client --stream BYTES [--chunk BYTES] [-S SEED] "
	      "[-T SECONDS] HOST PORT\n",
	      stderr);
	exit(2);
}

static _Noreturn void bad_value(const char *what, const char *s)
{
	fprintf(stderr, "echo_client: invalid %s '%s'\n", what, s);
	usage();
}

void warn_errno(const char *what)
{
	fprintf(stderr, "echo_client: %s: %s\n", what, strerror(errno));
}

int write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;

	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= w;
	}
	return 0;
}

int set_nonblocking(int fd)
{
	int flags = fcntl(fd, F_GETFL);

	return flags < 0 ? -1 : fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

/* A count with an optional K, M or G suffix (powers of 1024); the end of
 * the number in *END. */
static unsigned long long parse_count(const char *s, const char **end)
{
	char *e;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return *end = s, 0;
	v = strtoull(s, &e, 10);
	switch (*e) {
	case 'K':
		v <<= 10, e++;
		break;
	case 'M':
		v <<= 20, e++;
		break;
	case 'G':
		v <<= 30, e++;
		break;
	}
	*end = e;
	return v;
}

static unsigned long long count_arg(const char *what, const char *s,
				    unsigned long long max)
{
	const char *end;
	unsigned long long v = parse_count(s, &end);

	if (end == s || *end || v == 0 || v > max)
		bad_value(what, s);
	return v;
}

/* -s SIZE or -s MIN-MAX */
static void size_arg(struct options *o, const char *s)
{
	const char *end;

	o->min_size = o->max_size = parse_count(s, &end);
	if (*end == '-')
		o->max_size = parse_count(end + 1, &end);
	if (*end || o->min_size == 0 || o->min_size > o->max_size ||
	    o->max_size > MAX_ROUND_SIZE)
		bad_value("size", s);
}

static double seconds_arg(const char *s)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || *end || !(v > 0))
		bad_value("time limit", s);
	return v;
}

struct addrinfo *lookup_host(const char *host, const char *port)
{
	struct addrinfo hints, *server;
	int rv;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_INET; /* the OS's network is IPv4 */
	hints.ai_socktype = SOCK_STREAM;
	rv = getaddrinfo(host, port, &hints, &server);
	if (rv != 0) {
		fprintf(stderr, "echo_client: %s port %s: %s\n", host, port,
			gai_strerror(rv));
		return NULL;
	}
	return server;
}

int connect_to(const struct addrinfo *server)
{
	int one = 1;
	int fd =
	    socket(server->ai_family, server->ai_socktype, server->ai_protocol);

	if (fd < 0) {
		warn_errno("socket");
		return -1;
	}
	if (connect(fd, server->ai_addr, server->ai_addrlen) < 0) {
		warn_errno("connect");
		close(fd);
		return -1;
	}
	/* small requests go out at once, not held back by Nagle */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	return fd;
}

static const struct option long_options[] = {
    {"stream", required_argument, NULL, 'B'},
    {"chunk", required_argument, NULL, 'k'},
    {NULL, 0, NULL, 0},
};

int main(int argc, char **argv)
{
	struct options o = {.conns = 1,
			    .rounds = 1000,
			    .min_size = 64,
			    .max_size = 64,
			    .seed = 1,
			    .timeout = 300,
			    .chunk = 16384};
	bool load = false;
	int opt;

	while ((opt = getopt_long(argc, argv, "c:n:s:S:T:w:", long_options,
				  NULL)) != -1) {
		switch (opt) {
		case 'c':
			o.conns = count_arg("connection count", optarg, 65536);
			load = true;
			break;
		case 'n':
			o.rounds = count_arg("round count", optarg, 1u << 30);
			load = true;
			break;
		case 's':
			size_arg(&o, optarg);
			load = true;
			break;
		case 'S':
			o.seed = strtoul(optarg, NULL, 0);
			break;
		case 'T':
			o.timeout = seconds_arg(optarg);
			break;
		case 'w':
			o.pace_ms = count_arg("interval", optarg, 60000);
			load = true;
			break;
		case 'B':
			o.stream = count_arg("stream size", optarg, 1ull << 40);
			break;
		case 'k':
			o.chunk =
			    count_arg("chunk size", optarg, MAX_ROUND_SIZE);
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 2 || (load && o.stream))
		usage();
	o.host = argv[optind];
	o.port = argv[optind + 1];
	/* a server that closes while we write: EPIPE, not death */
	signal(SIGPIPE, SIG_IGN);
	if (o.stream)
		return run_stream(&o);
	return load ? run_load(&o) : run_interactive(&o);
}
