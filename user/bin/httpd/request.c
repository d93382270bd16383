/* request.c - reading and parsing a request's head (RFC 9112): the
 * request line "METHOD TARGET HTTP/1.x" and the header fields, up to the
 * empty line.
 *
 * The head is read into the connection's buffer until the empty line
 * arrives; what follows it stays in the buffer for the next request
 * (pipelining).  The head is parsed in place: lines and fields are
 * NUL-terminated where they end.  Strict where leniency could let a
 * request be read two ways: one space between the request line's
 * parts, no space before a field's colon, no folded lines, no NUL or
 * control bytes, one Host.  A request line longer than
 * MAX_REQUEST_LINE is 414; a head that does not fit the buffer is 400.
 * Bodies are not read: a request announcing one is answered, then the
 * connection is closed (its framing is not followed). */
#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "httpd.h"

/* RFC 9110's tchar: the bytes of a method or a field name. */
static bool is_tchar(int ch)
{
	return isalnum(ch) || (ch && strchr("!#$%&'*+-.^_`|~", ch));
}

static bool is_token(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!is_tchar((unsigned char)*s))
			return false;
	return true;
}

/* Waits up to IDLE_MS for input and appends it to the buffer (moved to
 * its front first): bytes read, 0 at the end of input, -1 on an error or
 * after the wait. */
static ssize_t fill(struct conn *c)
{
	struct pollfd p = {.fd = c->fd, .events = POLLIN};
	ssize_t n;

	memmove(c->in, c->in + c->start, c->end - c->start);
	c->end -= c->start;
	c->start = 0;
	if (poll(&p, 1, IDLE_MS) <= 0)
		return -1;
	do
		n = read(c->fd, c->in + c->end, MAX_HEAD - c->end);
	while (n < 0 && errno == EINTR);
	if (n > 0)
		c->end += n;
	return n;
}

/* The end of the head (just past its empty line) in c->in[start, end),
 * or NULL if it has not all arrived. */
static char *head_end(struct conn *c)
{
	char *p = c->in + c->start, *end = c->in + c->end;

	while ((p = memchr(p, '\n', end - p))) {
		p++;
		if (p < end && *p == '\n')
			return p + 1;
		if (p + 1 < end && p[0] == '\r' && p[1] == '\n')
			return p + 2;
	}
	return NULL;
}

/* Cuts the line at *P (ending "\n" or "\r\n") and moves *P past it. */
static char *take_line(char **p)
{
	char *line = *p, *nl = strchr(line, '\n');

	*nl = '\0';
	if (nl > line && nl[-1] == '\r')
		nl[-1] = '\0';
	*p = nl + 1;
	return line;
}

/* "close" and "keep-alive" among a Connection field's comma-separated
 * options. */
static void connection_options(char *value, bool *close, bool *keep)
{
	for (char *opt = strtok(value, ","); opt; opt = strtok(NULL, ",")) {
		char *end;

		while (*opt == ' ' || *opt == '\t')
			opt++;
		end = opt + strlen(opt);
		while (end > opt && (end[-1] == ' ' || end[-1] == '\t'))
			*--end = '\0';
		if (!strcasecmp(opt, "close"))
			*close = true;
		else if (!strcasecmp(opt, "keep-alive"))
			*keep = true;
	}
}

static int parse_request_line(char *line, struct request *r)
{
	char *version, *sp = strchr(line, ' ');

	if (!sp)
		return 400;
	*sp = '\0';
	r->method = line;
	r->target = sp + 1;
	sp = strchr(r->target, ' ');
	if (!sp)
		return 400;
	*sp = '\0';
	version = sp + 1;
	if (!is_token(r->method) || !*r->target || strchr(version, ' '))
		return 400;
	for (const char *t = r->target; *t; t++)
		if ((unsigned char)*t <= ' ' || *t == 0x7f)
			return 400;
	if (strncmp(version, "HTTP/", 5) || !isdigit(version[5]) ||
	    version[6] != '.' || !isdigit(version[7]) || version[8])
		return 400;
	if (version[5] != '1')
		return 505;
	r->minor = version[7] - '0';
	r->head = !strcmp(r->method, "HEAD");
	return 0;
}

/* The header fields, from P to the empty line. */
static int parse_fields(char *p, struct request *r)
{
	bool close = false, keep = false;

	for (;;) {
		char *name = take_line(&p), *value, *end;

		if (!*name)
			break;
		value = strchr(name, ':');
		if (!value)
			return 400;
		*value++ = '\0';
		if (!is_token(name)) /* also: folded lines, space before ':' */
			return 400;
		while (*value == ' ' || *value == '\t')
			value++;
		end = value + strlen(value);
		while (end > value && (end[-1] == ' ' || end[-1] == '\t'))
			*--end = '\0';
		if (!strcasecmp(name, "Host")) {
			if (r->has_host)
				return 400;
			r->has_host = true;
		} else if (!strcasecmp(name, "Connection")) {
			connection_options(value, &close, &keep);
		} else if (!strcasecmp(name, "Content-Length")) {
			if (!*value ||
			    strspn(value, "0123456789") != strlen(value))
				return 400;
			if (strtoull(value, NULL, 10) > 0)
				r->has_body = true;
		} else if (!strcasecmp(name, "Transfer-Encoding")) {
			r->has_body = true;
		}
	}
	r->keep_alive = !r->has_body && !close && (r->minor >= 1 || keep);
	if (r->minor >= 1 && !r->has_host)
		return 400;
	return 0;
}

/* The request line alone is too long: 414, even before the rest came. */
static bool line_too_long(struct conn *c)
{
	size_t have = c->end - c->start;
	char *nl = memchr(c->in + c->start, '\n', have);

	return nl ? (size_t)(nl - (c->in + c->start)) > MAX_REQUEST_LINE
		  : have > MAX_REQUEST_LINE;
}

int read_request(struct conn *c, struct request *r)
{
	char *end, *p;
	int status;

	memset(r, 0, sizeof(*r));
	for (;;) {
		/* empty lines before a request are allowed (RFC 9112 2.2) */
		while (c->start < c->end &&
		       (c->in[c->start] == '\r' || c->in[c->start] == '\n'))
			c->start++;
		end = head_end(c);
		if (line_too_long(c))
			return 414;
		if (end)
			break;
		if (c->start == 0 && c->end == MAX_HEAD)
			return 400; /* the head does not fit */
		if (fill(c) <= 0)
			return -1; /* gone, broken or idle */
	}
	p = c->in + c->start;
	if (memchr(p, '\0', end - p))
		return 400;
	/* every line up to the empty one ends in '\n': take_line stays in
	 * the head */
	c->start = end - c->in;
	status = parse_request_line(take_line(&p), r);
	if (status)
		return status;
	return parse_fields(p, r);
}
