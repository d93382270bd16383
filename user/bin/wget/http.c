/* http.c - one HTTP/1.1 GET for wget: connect, send the request, read
 * the response's head, copy its body.
 *
 * The request asks for "Connection: close", so a body with neither a
 * Content-Length nor chunked coding ends where the connection does.  A
 * chunked body is decoded (chunk sizes in hex, the data, CRLF; a chunk
 * of size 0 and the trailer lines end it).  Reads go through a small
 * buffer (struct conn) so that the head can be read line by line and
 * what came with it handed on to the body. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include "wget.h"

#define HEAD_MAX 65536 /* the response's head, at most */
#define LINE_MAX 8192  /* one header line */

struct conn {
	int fd;
	int timeout_ms;
	char buf[16384];
	size_t pos, len;
};

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

/* --- connecting */

/* connect() giving up after TIMEOUT_MS (-1: the system's limit). */
static int connect_within(int fd, const struct addrinfo *ai, int timeout_ms)
{
	struct pollfd pfd = {.fd = fd, .events = POLLOUT};
	int err = 0, r;
	socklen_t len = sizeof(err);

	if (timeout_ms < 0)
		return connect(fd, ai->ai_addr, ai->ai_addrlen);
	fcntl(fd, F_SETFL, O_NONBLOCK);
	r = connect(fd, ai->ai_addr, ai->ai_addrlen);
	if (r < 0 && errno == EINPROGRESS) {
		r = poll(&pfd, 1, timeout_ms);
		if (r == 0)
			return errno = ETIMEDOUT, -1;
		getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
		r = err ? (errno = err, -1) : 0;
	}
	fcntl(fd, F_SETFL, 0);
	return r;
}

struct conn *http_connect(const struct url *u, int timeout_ms, bool verbose,
			  int *status)
{
	struct addrinfo hints = {0}, *res;
	struct conn *c;
	char ip[INET_ADDRSTRLEN];
	int fd, rv;

	*status = EXIT_NETWORK;
	hints.ai_family = AF_INET;
	hints.ai_socktype = SOCK_STREAM;
	rv = getaddrinfo(u->host, u->port, &hints, &res);
	if (rv) {
		fprintf(stderr,
			"wget: unable to resolve host address '%s': %s\n",
			u->host, gai_strerror(rv));
		return NULL;
	}
	inet_ntop(AF_INET, &((struct sockaddr_in *)res->ai_addr)->sin_addr, ip,
		  sizeof(ip));
	if (verbose)
		fprintf(stderr, "Connecting to %s (%s):%s... ", u->host, ip,
			u->port);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0 || connect_within(fd, res, timeout_ms) < 0) {
		if (verbose)
			fputs("failed.\n", stderr);
		fprintf(stderr, "wget: cannot connect to %s:%s: %s\n", u->host,
			u->port, strerror(errno));
		if (fd >= 0)
			close(fd);
		freeaddrinfo(res);
		return NULL;
	}
	freeaddrinfo(res);
	if (verbose)
		fputs("connected.\n", stderr);
	c = calloc(1, sizeof(*c));
	if (!c) {
		close(fd);
		fputs("wget: out of memory\n", stderr);
		return NULL;
	}
	c->fd = fd;
	c->timeout_ms = timeout_ms;
	return c;
}

void http_close(struct conn *c)
{
	close(c->fd);
	free(c);
}

/* --- reading */

/* Refills the buffer: >0 bytes, 0 at the end, -1 after a message. */
static int fill(struct conn *c)
{
	struct pollfd pfd = {.fd = c->fd, .events = POLLIN};
	ssize_t n;

	if (c->timeout_ms >= 0 && poll(&pfd, 1, c->timeout_ms) == 0) {
		fputs("wget: read error: Connection timed out\n", stderr);
		return -1;
	}
	do
		n = read(c->fd, c->buf, sizeof(c->buf));
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		fprintf(stderr, "wget: read error: %s\n", strerror(errno));
		return -1;
	}
	c->pos = 0;
	c->len = n;
	return n;
}

/* One line without its CRLF (or LF) into LINE[LINE_MAX]: its length, -1
 * at the end of the data or on an error (said), -2 if too long. */
static int read_line(struct conn *c, char *line)
{
	size_t n = 0;

	for (;;) {
		if (c->pos == c->len) {
			int r = fill(c);

			if (r <= 0)
				return -1;
		}
		char ch = c->buf[c->pos++];

		if (ch == '\n')
			break;
		if (n + 1 >= LINE_MAX)
			return -2;
		line[n++] = ch;
	}
	if (n > 0 && line[n - 1] == '\r')
		n--;
	line[n] = 0;
	return n;
}

/* --- the request and the head */

/* "Name: value" lines wget acts on. */
static void header(struct response *r, char *line)
{
	char *colon = strchr(line, ':'), *v;

	if (!colon)
		return;
	*colon = 0;
	for (v = colon + 1; *v == ' ' || *v == '\t'; v++)
		;
	if (!strcasecmp(line, "Content-Length"))
		r->length = strtoll(v, NULL, 10);
	else if (!strcasecmp(line, "Transfer-Encoding"))
		r->chunked = strcasestr(v, "chunked") != NULL;
	else if (!strcasecmp(line, "Location"))
		snprintf(r->location, sizeof(r->location), "%s", v);
	else if (!strcasecmp(line, "Content-Type"))
		snprintf(r->type, sizeof(r->type), "%s", v);
	*colon = ':';
}

static int status_line(struct response *r, const char *line)
{
	int n = 0;

	if (sscanf(line, "%15s %3d%n", r->version, &r->status, &n) < 2 ||
	    strncmp(r->version, "HTTP/", 5) || r->status < 100 ||
	    r->status > 999)
		return -1;
	while (line[n] == ' ')
		n++;
	snprintf(r->reason, sizeof(r->reason), "%s", line + n);
	return 0;
}

int http_request(struct conn *c, const struct url *u, struct response *r,
		 bool show)
{
	char req[URL_MAX + 600], line[LINE_MAX];
	size_t total = 0;
	int n;

	snprintf(req, sizeof(req),
		 "GET %s HTTP/1.1\r\nHost: %s%s%s\r\n"
		 "User-Agent: wget (teachos)\r\nAccept: */*\r\n"
		 "Connection: close\r\n\r\n",
		 u->path, u->host, strcmp(u->port, "80") ? ":" : "",
		 strcmp(u->port, "80") ? u->port : "");
	if (write_all(c->fd, req, strlen(req)) < 0) {
		fprintf(stderr, "wget: write error: %s\n", strerror(errno));
		return EXIT_NETWORK;
	}
	memset(r, 0, sizeof(*r));
	r->length = -1;
	do { /* a 1xx interim response is followed by the real one */
		n = read_line(c, line);
		if (n < 0 || status_line(r, line) < 0) {
			fputs("wget: no HTTP response from the server\n",
			      stderr);
			return EXIT_PROTOCOL;
		}
		if (show)
			fprintf(stderr, "  %s\n", line);
		while ((n = read_line(c, line)) > 0) {
			total += n;
			if (total > HEAD_MAX)
				break;
			if (show)
				fprintf(stderr, "  %s\n", line);
			header(r, line);
		}
		if (n != 0) {
			fputs("wget: malformed response head\n", stderr);
			return EXIT_PROTOCOL;
		}
	} while (r->status / 100 == 1);
	return 0;
}

/* --- the body */

/* Copies up to LIMIT bytes (-1: to the end) from C to FD. */
static int copy(struct conn *c, int fd, long long limit, long long *got)
{
	while (limit != 0) {
		size_t n;

		if (c->pos == c->len) {
			int r = fill(c);

			if (r < 0)
				return EXIT_NETWORK;
			if (r == 0)
				break;
		}
		n = c->len - c->pos;
		if (limit > 0 && (long long)n > limit)
			n = limit;
		if (write_all(fd, c->buf + c->pos, n) < 0) {
			fprintf(stderr, "wget: write error: %s\n",
				strerror(errno));
			return EXIT_FILE;
		}
		c->pos += n;
		*got += n;
		if (limit > 0)
			limit -= n;
	}
	if (limit > 0) {
		fprintf(stderr, "wget: connection closed at byte %lld\n", *got);
		return EXIT_NETWORK;
	}
	return 0;
}

static int chunked(struct conn *c, int fd, long long *got)
{
	char line[LINE_MAX], *end;

	for (;;) {
		long long size;
		int st;

		if (read_line(c, line) < 0)
			goto bad;
		size = strtoll(line, &end, 16);
		if (end == line || size < 0 ||
		    (*end && *end != ';' && *end != ' '))
			goto bad;
		if (size == 0)
			break;
		st = copy(c, fd, size, got);
		if (st)
			return st;
		if (read_line(c, line) != 0) /* the CRLF after the data */
			goto bad;
	}
	while (read_line(c, line) > 0) /* trailer lines, up to a blank one */
		;
	return 0;
bad:
	fprintf(stderr, "wget: bad chunked body at byte %lld\n", *got);
	return EXIT_PROTOCOL;
}

int http_body(struct conn *c, const struct response *r, int fd, long long *got)
{
	*got = 0;
	if (r->status == 204 || r->status == 304)
		return 0;
	if (r->chunked)
		return chunked(c, fd, got);
	return copy(c, fd, r->length, got);
}
