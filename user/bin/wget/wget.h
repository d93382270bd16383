/* wget.h - what the wget files share: URLs (url.c), one HTTP exchange
 * (http.c) and the exit statuses (GNU wget's, main.c). */
#ifndef WGET_H
#define WGET_H

#include <stdbool.h>
#include <stddef.h>

/* GNU wget's exit statuses; the lowest non-zero one above 1 wins when
 * several URLs fail differently. */
enum {
	EXIT_OK = 0,
	EXIT_GENERIC = 1, /* bad URL, unsupported scheme */
	EXIT_PARSE = 2,	  /* bad command line */
	EXIT_FILE = 3,	  /* cannot write the output */
	EXIT_NETWORK = 4, /* lookup, connect, read failures */
	EXIT_PROTOCOL = 7,
	EXIT_SERVER = 8, /* an error response (4xx, 5xx, too many redirects) */
};

#define URL_MAX 2048

/* http://HOST[:PORT][/PATH] taken apart (PATH keeps its query). */
struct url {
	char host[256];
	char port[6]; /* digits */
	char path[URL_MAX];
};

/* Parses TEXT into U (no scheme means http://); 0, or an EXIT_ status
 * after a message naming TEXT. */
int url_parse(const char *text, struct url *u);

/* The URL a Location header names, from the URL BASE it came from:
 * absolute, scheme-relative (//host/...), absolute path or relative path.
 * Writes the absolute form into OUT[URL_MAX]; 0, or -1 if too long. */
int url_resolve(const struct url *base, const char *location, char *out);

/* "http://host[:port]/path" into OUT[URL_MAX + 300]. */
void url_format(const struct url *u, char *out);

/* The local file name for U: its path's last part without the query, or
 * "index.html" when that is empty. */
void url_filename(const struct url *u, char *out, size_t size);

/* The response's head, as far as wget needs it. */
struct response {
	int status;	  /* 200 */
	char reason[128]; /* "OK" */
	char version[16]; /* "HTTP/1.1" */
	long long length; /* Content-Length, or -1 */
	bool chunked;	  /* Transfer-Encoding: chunked */
	char location[URL_MAX];
	char type[128]; /* Content-Type */
};

struct conn;

/* Connects to U's host and port (getaddrinfo: /etc/hosts names work),
 * within TIMEOUT_MS for the connect and each read (-1: none).  NULL
 * after a message; *status is then EXIT_NETWORK. */
struct conn *http_connect(const struct url *u, int timeout_ms, bool verbose,
			  int *status);

/* Sends a GET for U and reads the response's head into R; SHOW prints
 * each header line on stderr (-S).  0, or an EXIT_ status after a message. */
int http_request(struct conn *c, const struct url *u, struct response *r,
		 bool show);

/* Copies the body to FD as R describes it (Content-Length, chunked, or up
 * to the end); *GOT counts the bytes.  0, or an EXIT_ status after a
 * message. */
int http_body(struct conn *c, const struct response *r, int fd, long long *got);

void http_close(struct conn *c);

#endif
