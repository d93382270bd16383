/* serve.c - one connection's service, the slide's server(), and the
 * accept and write loops every design uses.
 *
 * "What assumptions are we making?" (lecture 5): a read returns whatever
 * has arrived, not a whole request, and a write may take only part of
 * the buffer; so the echo is written back with a loop, and the service
 * ends when read() returns 0: the client closed (or half-closed) its
 * side and everything it sent has been echoed. */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>

#include "echo_server.h"

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

/* A client that goes away in the middle (reset, or closed while its echo
 * was still coming) is normal for a server; anything else is worth a
 * line. */
static void connection_error(const char *what)
{
	if (errno != ECONNRESET && errno != EPIPE)
		warn_errno(what);
}

void serve_client(int consockfd)
{
	char reqbuf[MAXREQ];
	ssize_t n;

	for (;;) {
		n = read(consockfd, reqbuf, MAXREQ); /* receive */
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			connection_error("read");
		if (n <= 0)
			return; /* the client is done */
		if (verbose)
			write_all(STDOUT_FILENO, reqbuf, n); /* print */
		if (write_all(consockfd, reqbuf, n) < 0) {   /* echo */
			connection_error("write");
			return;
		}
	}
}

/* Errors of accept() that say the server itself is broken; every other
 * one concerns a connection that failed before it was accepted, or a
 * shortage that passes, and the server keeps going. */
static int accept_fatal(int err)
{
	return err == EBADF || err == EINVAL || err == ENOTSOCK ||
	       err == EFAULT;
}

/* Shortages: no descriptor, memory or buffer for the connection now. */
static int accept_shortage(int err)
{
	return err == EMFILE || err == ENFILE || err == ENOBUFS ||
	       err == ENOMEM;
}

void no_delay(int fd)
{
	int one = 1;

	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
}

int accept_client(int server_socket)
{
	static const struct timespec pause = {0, 100 * 1000 * 1000};

	for (;;) {
		int fd = accept(server_socket, NULL, NULL);

		if (fd >= 0) {
			no_delay(fd);
			return fd;
		}
		if (accept_fatal(errno)) {
			warn_errno("accept");
			return -1;
		}
		if (accept_shortage(errno)) {
			/* the connection waits in the queue meanwhile */
			warn_errno("accept");
			nanosleep(&pause, NULL);
		}
	}
}
