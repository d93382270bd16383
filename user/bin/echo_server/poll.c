/* poll.c - the event-loop design: one process, one thread, every
 * connection at once.
 *
 * Instead of blocking in read() on one connection (v1) or giving each
 * connection a process that may block (v2, v3), the server asks poll()
 * which of its sockets can make progress and does only what will not
 * block: accept on the listening socket when a connection is waiting,
 * read from a connection with data, write to one with room for more.
 * Every socket is non-blocking (O_NONBLOCK), so an unexpected "not now"
 * is EAGAIN rather than a stall of the whole server.
 *
 * A connection is in one of two states: reading (its echo buffer is
 * empty: poll for POLLIN) or writing (what it sent is not all echoed
 * yet: poll for POLLOUT, and read nothing more until it is, so a client
 * that sends without reading is slowed down rather than buffered without
 * bound).  read() returning 0 in the reading state means the client has
 * closed or half-closed and has everything back: the connection is
 * closed.
 *
 * When accept() fails for want of a descriptor (EMFILE: the process's
 * table is full) or memory, the server stops accepting until a
 * connection closes (or 100 ms pass): the waiting clients stay in
 * listen()'s queue instead of being dropped. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/socket.h>

#include "echo_server.h"

#define ACCEPT_BATCH 64 /* connections taken per wake-up, then the rest run */
#define RETRY_MS 100	/* pause in accepting after a shortage */

struct conn {
	char *buf;	 /* MAXREQ bytes */
	size_t off, len; /* buf[off, len) is still to be echoed */
};

/* fds[0] is the listening socket; fds[i] and conns[i] (i >= 1) are one
 * connection. */
static struct pollfd *fds;
static struct conn *conns;
static nfds_t nfds, cap;
static bool accepting = true;

static int set_nonblocking(int fd)
{
	int flags = fcntl(fd, F_GETFL);

	return flags < 0 ? -1 : fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

/* Room for one more connection; false if memory ran out. */
static bool grow(void)
{
	struct pollfd *f;
	struct conn *c;
	nfds_t n = cap ? 2 * cap : 64;

	if (nfds < cap)
		return true;
	f = realloc(fds, n * sizeof(*f));
	if (!f)
		return false;
	fds = f;
	c = realloc(conns, n * sizeof(*c));
	if (!c)
		return false;
	conns = c;
	cap = n;
	return true;
}

static void add_conn(int fd)
{
	char *buf = malloc(MAXREQ);

	if (!buf || !grow() || set_nonblocking(fd) < 0) {
		warn_errno("new connection");
		free(buf);
		close(fd);
		return;
	}
	no_delay(fd);
	fds[nfds] = (struct pollfd){.fd = fd, .events = POLLIN};
	conns[nfds] = (struct conn){.buf = buf};
	nfds++;
}

/* Closes connection I; the last one takes its place. */
static void drop_conn(nfds_t i)
{
	close(fds[i].fd);
	free(conns[i].buf);
	nfds--;
	fds[i] = fds[nfds];
	conns[i] = conns[nfds];
	accepting = true; /* a descriptor is free again */
}

/* Takes the waiting connections (at most ACCEPT_BATCH). */
static void accept_new(int server_socket)
{
	for (int n = 0; n < ACCEPT_BATCH; n++) {
		int fd = accept(server_socket, NULL, NULL);

		if (fd >= 0) {
			add_conn(fd);
			continue;
		}
		if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS ||
		    errno == ENOMEM) {
			warn_errno("accept");
			accepting = false;
		}
		return; /* EAGAIN: no more waiting; others: that one failed */
	}
}

/* Writes what connection C has pending: 0 (all of it, or the socket is
 * full for now), or -1 on an error. */
static int flush(int fd, struct conn *c)
{
	while (c->off < c->len) {
		ssize_t w = write(fd, c->buf + c->off, c->len - c->off);

		if (w < 0)
			return errno == EAGAIN || errno == EINTR ? 0 : -1;
		c->off += w;
	}
	return 0;
}

/* Connection I can make progress (or has an error): reads or writes;
 * false when it is over. */
static bool progress(nfds_t i)
{
	struct conn *c = &conns[i];
	int fd = fds[i].fd;

	if (fds[i].revents & POLLNVAL)
		return false;
	if (c->off == c->len) {
		ssize_t n = read(fd, c->buf, MAXREQ);

		if (n < 0)
			return errno == EAGAIN || errno == EINTR;
		if (n == 0)
			return false; /* closed: everything was echoed */
		if (verbose)
			write_all(STDOUT_FILENO, c->buf, n);
		c->off = 0;
		c->len = n;
	}
	if (flush(fd, c) < 0)
		return false;
	fds[i].events = c->off < c->len ? POLLOUT : POLLIN;
	return true;
}

int serve_poll(int server_socket)
{
	if (set_nonblocking(server_socket) < 0 || !grow()) {
		warn_errno("poll setup");
		return 1;
	}
	fds[0] = (struct pollfd){.fd = server_socket, .events = POLLIN};
	nfds = 1;
	while (1) {
		int ready;

		fds[0].events = accepting ? POLLIN : 0;
		ready = poll(fds, nfds, accepting ? -1 : RETRY_MS);
		if (ready < 0) {
			if (errno == EINTR)
				continue;
			warn_errno("poll");
			return 1;
		}
		if (ready == 0)
			accepting = true;
		/* backwards: drop_conn moves the last entry, already seen */
		for (nfds_t i = nfds - 1; i >= 1; i--)
			if (fds[i].revents && !progress(i))
				drop_conn(i);
		if (fds[0].revents & POLLIN)
			accept_new(server_socket);
	}
}
