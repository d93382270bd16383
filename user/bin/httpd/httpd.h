/* httpd.h - what the web server's files share: a connection and its
 * input buffer, a parsed request, and the functions of each step
 * (request.c reads and parses, path.c maps the target to a file,
 * response.c answers, listing.c lists directories, mime.c names
 * content types). */
#ifndef HTTPD_H
#define HTTPD_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define MAX_REQUEST_LINE 8192 /* longer: 414 URI Too Long */
#define MAX_HEAD 16384	      /* request line and headers together */
#define IDLE_MS 10000	      /* a connection quiet this long is closed */

/* One client connection: unread input in in[start, end). */
struct conn {
	int fd;
	char in[MAX_HEAD];
	size_t start, end;
};

/* A request, parsed in place in the connection's buffer. */
struct request {
	char *method, *target;
	int minor;	 /* HTTP/1.MINOR */
	bool head;	 /* HEAD: no body in the response */
	bool keep_alive; /* the connection stays open after the response */
	bool has_host;
	bool has_body; /* Content-Length > 0 or Transfer-Encoding */
	char *path;    /* the decoded path, normalized ("/a/b/") */
};

/* Server options (main.c). */
extern const char *doc_root;	  /* -d, as given */
extern const char *doc_root_real; /* its realpath() */
extern bool verbose;

/* --- request.c */

/* Reads the next request's head from C into R.  Returns 0 with R
 * filled, -1 when the connection should just be closed (end of input,
 * idle timeout, error), or an HTTP error status (400, 414, 505) to
 * answer before closing. */
int read_request(struct conn *c, struct request *r);

/* --- path.c */

/* Decodes and normalizes R's target into R->path; 0, or an HTTP status
 * (400 malformed, 403 above the root). */
int resolve_target(struct request *r);

/* --- response.c */

/* Answers R on C: a file, a listing, a redirect or an error.  0 when
 * the connection may carry another request, -1 when it must close. */
int respond(struct conn *c, struct request *r);

/* Sends the error page for STATUS (the request may be NULL when it
 * could not be parsed); -1 if the write failed. */
int send_error(struct conn *c, const struct request *r, int status);

/* Writes all N bytes; 0, or -1 with errno. */
int write_all(int fd, const void *buf, size_t n);

/* --- listing.c */

/* An HTML listing of directory DIR shown as URL path URL: a malloc'ed
 * string, its length in *len; NULL with errno on failure. */
char *list_directory(const char *dir, const char *url, size_t *len);

/* --- mime.c */

/* The Content-Type for file NAME, from its extension. */
const char *content_type(const char *name);

#endif
