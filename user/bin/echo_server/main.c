/* echo_server - the lecture's TCP echo server, in each of its designs.
 *
 *   echo_server [-v] [-d DESIGN] [-p PORT] [-w WORKERS] [-q SLOTS]
 *
 * CS162 lecture 5 (2023), "Server Protocol (v1)" to "(v3)" and on to
 * threads: a server socket is set up (getaddrinfo with AI_PASSIVE,
 * socket, bind, listen), then a loop accepts connections and runs
 * serve_client() on each.  How that loop is shaped is the design,
 * chosen with -d:
 *
 *   iterative  (v1)  serve each connection in turn in the one process
 *   fork-wait  (v2)  a child process per connection, waited for before
 *                    the next accept: protection, but no concurrency
 *   fork       (v3)  a child per connection, not waited for: protected
 *                    and concurrent (the default); finished children
 *                    are reaped by a SIGCHLD handler
 *   poll             one process, every connection in one poll() loop
 *   thread           a thread per connection ("concurrent server
 *                    without protection"), detached: concurrent, one
 *                    address space, as many threads as connections
 *   pool             the thread pool (master/worker): the main thread
 *                    accepts into a queue of SLOTS connections (-q,
 *                    default 64), WORKERS threads (-w, default 16) take
 *                    them and serve each to its end; a full queue makes
 *                    the master wait, nothing is dropped
 *
 * -p PORT is the port to listen on, on every address (default 7, the
 * echo service; 0 lets the kernel choose one).  -v prints what each
 * connection sends, as the slide's server does.  Once listening it
 * prints "echo_server: ready port=P design=NAME" on stdout (the pool
 * adds " workers=N queue=Q"), so a script or a test knows when to
 * connect.  SIGPIPE is ignored, so a client that goes away while its
 * echo is being written costs only that connection.  Connections have
 * TCP_NODELAY (see no_delay() in echo_server.h).  Exit status: 1 when
 * the socket (or the pool) cannot be set up, 2 for bad usage.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "echo_server.h"

#define MAX_QUEUE 1024 /* listen()'s backlog: connections not yet accepted */

bool verbose;

static const struct design {
	const char *name, *alias;
	int (*serve)(int server_socket);
} designs[] = {
    {"iterative", "v1", serve_iterative},
    {"fork-wait", "v2", serve_fork_wait},
    {"fork", "v3", serve_fork},
    {"poll", NULL, serve_poll},
    {"thread", NULL, serve_thread},
    {"pool", NULL, serve_pool},
};
#define NDESIGNS (sizeof(designs) / sizeof(designs[0]))

static _Noreturn void usage(void)
{
	fputs("usage: echo_server [-v] "
	      "[-d iterative|fork-wait|fork|poll|thread|pool] [-p PORT]\n"
	      "                   [-w WORKERS] [-q SLOTS]   (-d pool: "
	      "workers, queue slots)\n",
	      stderr);
	exit(2);
}

static const struct design *find_design(const char *name)
{
	for (size_t i = 0; i < NDESIGNS; i++)
		if (!strcmp(name, designs[i].name) ||
		    (designs[i].alias && !strcmp(name, designs[i].alias)))
			return &designs[i];
	fprintf(stderr, "echo_server: unknown design '%s'\n", name);
	usage();
}

static const char *check_port(const char *s)
{
	char *end;
	long port = strtol(s, &end, 10);

	if (!*s || *end || port < 0 || port > 65535) {
		fprintf(stderr, "echo_server: invalid port '%s'\n", s);
		usage();
	}
	return s;
}

/* A number in [1, MAX] for option OPT. */
static unsigned check_count(int opt, const char *s, unsigned max)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (!*s || *end || n < 1 || n > (long)max) {
		fprintf(stderr, "echo_server: -%c wants 1 to %u, not '%s'\n",
			opt, max, s);
		usage();
	}
	return n;
}

void warn_errno(const char *what)
{
	fprintf(stderr, "echo_server: %s: %s\n", what, strerror(errno));
}

/* The slide's setup_address(): the wildcard address (any local IP) and
 * PORT, for a server socket.  IPv4 only, as the OS's network is. */
static struct addrinfo *setup_address(const char *port)
{
	struct addrinfo hints, *server;
	int rv;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_INET;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE; /* no address: any local IP */
	rv = getaddrinfo(NULL, port, &hints, &server);
	if (rv != 0) {
		fprintf(stderr, "echo_server: getaddrinfo failed: %s\n",
			gai_strerror(rv));
		return NULL;
	}
	return server;
}

/* socket, SO_REUSEADDR (a restarted server can bind while old
 * connections linger in TIME_WAIT), bind, listen: the server socket, or
 * -1 after a message. */
static int open_server_socket(const char *port)
{
	struct addrinfo *server = setup_address(port);
	int fd, one = 1;

	if (!server)
		return -1;
	fd =
	    socket(server->ai_family, server->ai_socktype, server->ai_protocol);
	if (fd < 0) {
		warn_errno("socket");
		goto out;
	}
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0)
		warn_errno("setsockopt SO_REUSEADDR");
	if (bind(fd, server->ai_addr, server->ai_addrlen) < 0) {
		fprintf(stderr, "echo_server: bind to port %s: %s\n", port,
			strerror(errno));
		goto out_close;
	}
	if (listen(fd, MAX_QUEUE) < 0) {
		warn_errno("listen");
		goto out_close;
	}
	freeaddrinfo(server);
	return fd;
out_close:
	close(fd);
out:
	freeaddrinfo(server);
	return -1;
}

/* The port FD is bound to (the one the kernel chose for port 0). */
static int bound_port(int fd)
{
	struct sockaddr_in addr;
	socklen_t len = sizeof(addr);

	if (getsockname(fd, (struct sockaddr *)&addr, &len) < 0)
		return -1;
	return ntohs(addr.sin_port);
}

int main(int argc, char **argv)
{
	const struct design *design = find_design("fork");
	const char *port = "7";
	int opt, server_socket;

	while ((opt = getopt(argc, argv, "d:p:q:vw:")) != -1) {
		switch (opt) {
		case 'd':
			design = find_design(optarg);
			break;
		case 'p':
			port = check_port(optarg);
			break;
		case 'q':
			pool_queue = check_count(opt, optarg, MAX_QUEUE_SLOTS);
			break;
		case 'v':
			verbose = true;
			break;
		case 'w':
			pool_workers = check_count(opt, optarg, MAX_WORKERS);
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	signal(SIGPIPE, SIG_IGN);
	server_socket = open_server_socket(port);
	if (server_socket < 0)
		return 1;
	printf("echo_server: ready port=%d design=%s",
	       bound_port(server_socket), design->name);
	if (design->serve == serve_pool)
		printf(" workers=%u queue=%u", pool_workers, pool_queue);
	putchar('\n');
	fflush(stdout);
	return design->serve(server_socket);
}
