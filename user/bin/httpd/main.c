/* httpd - a small HTTP/1.1 server for the files under a directory.
 *
 *   httpd [-v] [-p PORT] [-d DIR]
 *
 * Serves DIR (default /www) on PORT (default 80; 0 lets the kernel
 * choose), every address.  GET and HEAD; Content-Length, Content-Type by
 * extension and Last-Modified on files; a directory's index.html or else
 * a listing of it; keep-alive (HTTP/1.1's default, or HTTP/1.0 asking
 * for it) until "Connection: close", an error that breaks the framing,
 * or 10 s without a request.  Errors: 400 malformed request, 403 outside
 * the root or not readable, 404 missing, 405 another method, 414 request
 * line too long, 505 another HTTP version.  Nothing outside DIR is ever
 * served: ".." may not climb above it, in any encoding, nor a symbolic
 * link lead out of it.
 *
 * The lecture's v3 design: one process per connection (fork after
 * accept), not waited for; a SIGCHLD handler reaps the finished ones.
 * A crash or a slow client costs one connection, never the server.
 * Once listening it prints "httpd: ready port=P root=DIR"; -v prints one
 * line per request ("GET /index.html 200 1234").  Exit status: 1 when
 * the socket or DIR cannot be used, 2 for bad usage.
 */
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "httpd.h"

#define MAX_QUEUE 1024
#define LINGER_MS 2000

const char *doc_root = "/www";
const char *doc_root_real;
bool verbose;

static _Noreturn void usage(void)
{
	fputs("usage: httpd [-v] [-p PORT] [-d DIR]\n", stderr);
	exit(2);
}

static void warn_errno(const char *what)
{
	fprintf(stderr, "httpd: %s: %s\n", what, strerror(errno));
}

static const char *check_port(const char *s)
{
	char *end;
	long port = strtol(s, &end, 10);

	if (!*s || *end || port < 0 || port > 65535) {
		fprintf(stderr, "httpd: invalid port '%s'\n", s);
		usage();
	}
	return s;
}

/* The listening socket on every address and PORT; -1 after a message. */
static int open_server_socket(const char *port)
{
	struct addrinfo hints = {0}, *server;
	int fd = -1, one = 1, rv;

	hints.ai_family = AF_INET;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	rv = getaddrinfo(NULL, port, &hints, &server);
	if (rv != 0) {
		fprintf(stderr, "httpd: getaddrinfo failed: %s\n",
			gai_strerror(rv));
		return -1;
	}
	fd =
	    socket(server->ai_family, server->ai_socktype, server->ai_protocol);
	if (fd < 0) {
		warn_errno("socket");
	} else if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) <
		       0 ||
		   bind(fd, server->ai_addr, server->ai_addrlen) < 0 ||
		   listen(fd, MAX_QUEUE) < 0) {
		fprintf(stderr, "httpd: port %s: %s\n", port, strerror(errno));
		close(fd);
		fd = -1;
	}
	freeaddrinfo(server);
	return fd;
}

/* Ends the connection gently: our side is closed first (FIN), then
 * what the client still sends is read and dropped until it closes too
 * (at most LINGER_MS).  Closing with unread input would reset the
 * connection, and the client could lose the response before reading it
 * (a 414 sent while the long line is still arriving). */
static void linger_close(int fd)
{
	static char sink[4096];
	struct pollfd p = {.fd = fd, .events = POLLIN};

	shutdown(fd, SHUT_WR);
	while (poll(&p, 1, LINGER_MS) > 0 && read(fd, sink, sizeof(sink)) > 0)
		;
	close(fd);
}

/* The child's work: requests on one connection until it closes. */
static void serve_connection(int fd)
{
	static struct conn c;
	struct request r;
	int one = 1;

	/* responses go out as written, not held for the client's ACK */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	c.fd = fd;
	for (;;) {
		int status = read_request(&c, &r);

		if (status > 0)
			send_error(&c, NULL, status);
		if (status != 0 || respond(&c, &r) < 0)
			break;
	}
	linger_close(fd);
}

static void reap_children(int sig)
{
	int saved = errno;

	(void)sig;
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	errno = saved;
}

/* accept, fork, serve in the child; never returns but on a fatal
 * error. */
static int serve(int server_socket)
{
	static const struct timespec pause = {0, 100 * 1000 * 1000};
	struct sigaction sa = {0};

	sa.sa_handler = reap_children;
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	for (;;) {
		int fd = accept(server_socket, NULL, NULL);
		pid_t pid;

		if (fd < 0) {
			if (errno == EBADF || errno == EINVAL ||
			    errno == ENOTSOCK) {
				warn_errno("accept");
				return 1;
			}
			if (errno == EMFILE || errno == ENFILE ||
			    errno == ENOMEM || errno == ENOBUFS)
				nanosleep(&pause, NULL);
			continue;
		}
		pid = fork();
		if (pid == 0) {
			close(server_socket);
			serve_connection(fd);
			exit(0);
		}
		if (pid < 0) {
			warn_errno("fork");
			nanosleep(&pause, NULL);
		}
		close(fd);
	}
}

/* DIR must be a directory; its real path is what requests must stay
 * under. */
static int check_root(void)
{
	static char real[4096];
	struct stat st;

	if (stat(doc_root, &st) < 0 || !realpath(doc_root, real)) {
		fprintf(stderr, "httpd: %s: %s\n", doc_root, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		fprintf(stderr, "httpd: %s: Not a directory\n", doc_root);
		return -1;
	}
	doc_root_real = real;
	return 0;
}

int main(int argc, char **argv)
{
	const char *port = "80";
	struct sockaddr_in addr;
	socklen_t len = sizeof(addr);
	int opt, fd;

	while ((opt = getopt(argc, argv, "d:p:v")) != -1) {
		switch (opt) {
		case 'd':
			doc_root = optarg;
			break;
		case 'p':
			port = check_port(optarg);
			break;
		case 'v':
			verbose = true;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	if (check_root() < 0)
		return 1;
	signal(SIGPIPE, SIG_IGN);
	fd = open_server_socket(port);
	if (fd < 0)
		return 1;
	getsockname(fd, (struct sockaddr *)&addr, &len);
	printf("httpd: ready port=%d root=%s\n", ntohs(addr.sin_port),
	       doc_root);
	fflush(stdout);
	return serve(fd);
}
