/* tests/os/sockets.h - helpers of the socket tests (tests/os/sockets*.c):
 * loopback addresses, listeners on a port of the kernel's choice,
 * connected pairs, whole reads and writes, poll for one descriptor.
 * Everything is static, for one program per file (like t.h). */
#ifndef TESTS_OS_SOCKETS_H
#define TESTS_OS_SOCKETS_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "t.h"

#define SA(a) ((struct sockaddr *)(a))

static T_UNUSED struct sockaddr_in lo(in_port_t port)
{
	struct sockaddr_in a = {0};

	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

/* the port a socket is bound to, in host order */
static T_UNUSED in_port_t port_of(int fd)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);

	T_OK(getsockname(fd, SA(&a), &len));
	return ntohs(a.sin_port);
}

/* a socket of type bound to 127.0.0.1 and a free port */
static T_UNUSED int bound(int type)
{
	struct sockaddr_in a = lo(0);
	int fd = T_OK(socket(AF_INET, type, 0));

	T_OK(bind(fd, SA(&a), sizeof(a)));
	return fd;
}

static T_UNUSED int listener(void)
{
	int fd = bound(SOCK_STREAM);

	T_OK(listen(fd, 64));
	return fd;
}

static T_UNUSED int connect_to(in_port_t port)
{
	struct sockaddr_in a = lo(port);
	int fd = T_OK(socket(AF_INET, SOCK_STREAM, 0));

	T_OK(connect(fd, SA(&a), sizeof(a)));
	return fd;
}

/* a connected TCP pair: *cli connected, *srv accepted */
static T_UNUSED void tcp_pair(int *cli, int *srv)
{
	int l = listener();

	*cli = connect_to(port_of(l));
	*srv = T_OK(accept(l, NULL, NULL));
	T_OK(close(l));
}

static T_UNUSED void write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;

	while (n) {
		ssize_t r = write(fd, p, n);

		if (r <= 0)
			T_FAIL("write: %ld (%s)", (long)r, t_errname(errno));
		p += r;
		n -= r;
	}
}

static T_UNUSED void read_all(int fd, void *buf, size_t n)
{
	char *p = buf;

	while (n) {
		ssize_t r = read(fd, p, n);

		if (r <= 0)
			T_FAIL("read: %ld (%s), %lu bytes short", (long)r,
			       r < 0 ? t_errname(errno) : "EOF", (unsigned long)n);
		p += r;
		n -= r;
	}
}

/* the events poll reports for fd within ms (0: at once) */
static T_UNUSED int poll1(int fd, int events, int ms)
{
	struct pollfd p = {fd, (short)events, 0};

	T_OK(poll(&p, 1, ms));
	return p.revents;
}

static T_UNUSED int so_error(int fd)
{
	int e = -1;
	socklen_t len = sizeof(e);

	T_OK(getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &len));
	return e;
}

#endif
