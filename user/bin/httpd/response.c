/* response.c - answering a request: a file, a directory (its index.html
 * or a listing), a redirect, or an error page.
 *
 * The file is found under the root by its normalized path (path.c),
 * then realpath() resolves every symbolic link on the way, and the
 * result must still lie under the root's own real path: a link pointing
 * out of the root is 403, like "..".  A directory asked for without its
 * trailing slash is redirected (301) to the name with one, so that the
 * relative links of its page resolve inside it.
 *
 * Every response has Content-Length (and so keep-alive can go on after
 * it), Content-Type, Date and, for files, Last-Modified.  HEAD gets the
 * same head as GET and no body.  The head and the start of the body go
 * out in one write, so a small response is one segment. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "httpd.h"

#define OUT_SIZE 65536

static char out[OUT_SIZE]; /* the head, then the body's first bytes */

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

static const char *reason(int status)
{
	switch (status) {
	case 200:
		return "OK";
	case 301:
		return "Moved Permanently";
	case 400:
		return "Bad Request";
	case 403:
		return "Forbidden";
	case 404:
		return "Not Found";
	case 405:
		return "Method Not Allowed";
	case 414:
		return "URI Too Long";
	case 505:
		return "HTTP Version Not Supported";
	default:
		return "Internal Server Error";
	}
}

static void log_request(const struct request *r, int status,
			unsigned long long length)
{
	if (!verbose)
		return;
	printf("%s %s %d %llu\n", r ? r->method : "-", r ? r->target : "-",
	       status, length);
	fflush(stdout);
}

/* An HTTP date ("Sun, 06 Nov 1994 08:49:37 GMT"). */
static const char *http_date(time_t t)
{
	static char buf[2][64];
	static int which;
	struct tm tm;

	which ^= 1;
	gmtime_r(&t, &tm);
	strftime(buf[which], sizeof(buf[which]), "%a, %d %b %Y %H:%M:%S GMT",
		 &tm);
	return buf[which];
}

/* Writes the head into out[]: the status line and the fields, with
 * EXTRA (whole "Name: value\r\n" lines) if not NULL.  Its length. */
static size_t head(const struct request *r, int status, const char *type,
		   unsigned long long length, const char *extra)
{
	bool keep = r && r->keep_alive;

	return snprintf(out, OUT_SIZE,
			"HTTP/1.1 %d %s\r\n"
			"Server: httpd\r\n"
			"Date: %s\r\n"
			"Content-Type: %s\r\n"
			"Content-Length: %llu\r\n"
			"%s"
			"Connection: %s\r\n"
			"\r\n",
			status, reason(status), http_date(time(NULL)), type,
			length, extra ? extra : "",
			keep ? "keep-alive" : "close");
}

/* Head and BODY (LEN bytes, not sent for HEAD) in one write. */
static int send_small(struct conn *c, const struct request *r, int status,
		      const char *type, const char *body, size_t len,
		      const char *extra)
{
	size_t n = head(r, status, type, len, extra);

	log_request(r, status, len);
	if (r && r->head)
		return write_all(c->fd, out, n);
	if (n + len <= OUT_SIZE) {
		memcpy(out + n, body, len);
		return write_all(c->fd, out, n + len);
	}
	return write_all(c->fd, out, n) < 0 ? -1 : write_all(c->fd, body, len);
}

int send_error(struct conn *c, const struct request *r, int status)
{
	char body[256];
	int len = snprintf(body, sizeof(body),
			   "<!DOCTYPE html>\n<html><head><title>%d %s</title>"
			   "</head>\n<body><h1>%d %s</h1></body></html>\n",
			   status, reason(status), status, reason(status));
	const char *extra = status == 405 ? "Allow: GET, HEAD\r\n" : NULL;

	if (send_small(c, r, status, "text/html", body, len, extra) < 0)
		return -1;
	return r && r->keep_alive ? 0 : -1;
}

/* PATH with the bytes a URL cannot hold as they are percent-encoded. */
static const char *url_encode(const char *path)
{
	static char buf[3 * MAX_HEAD + 1];
	char *p = buf;

	for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') ||
		    strchr("-._~/!$&'()*+,;=:@", *s))
			*p++ = *s;
		else
			p += sprintf(p, "%%%02X", *s);
	}
	*p = '\0';
	return buf;
}

static int redirect_to_dir(struct conn *c, const struct request *r)
{
	char extra[3 * MAX_HEAD + 32];

	snprintf(extra, sizeof(extra), "Location: %s/\r\n",
		 url_encode(r->path));
	return send_small(c, r, 301, "text/html", "", 0, extra);
}

static int send_file(struct conn *c, const struct request *r, const char *file,
		     const struct stat *st)
{
	char extra[64];
	unsigned long long left = st->st_size;
	int fd = open(file, O_RDONLY);
	size_t n;

	if (fd < 0)
		return send_error(c, r, errno == EACCES ? 403 : 404);
	snprintf(extra, sizeof(extra), "Last-Modified: %s\r\n",
		 http_date(st->st_mtime));
	n = head(r, 200, content_type(file), left, extra);
	log_request(r, 200, left);
	if (r->head)
		left = 0;
	do { /* the head with the first bytes, then the rest */
		size_t want = OUT_SIZE - n < left ? OUT_SIZE - n : left;
		ssize_t got = want ? read(fd, out + n, want) : 0;

		if (got < 0 || (want && got == 0)) {
			close(fd); /* shrunk or unreadable: the length was a lie
				    */
			return -1;
		}
		if (write_all(c->fd, out, n + got) < 0) {
			close(fd);
			return -1;
		}
		left -= got;
		n = 0;
	} while (left > 0);
	close(fd);
	return r->keep_alive ? 0 : -1;
}

static int send_listing(struct conn *c, const struct request *r,
			const char *dir)
{
	size_t len;
	char *page = list_directory(dir, r->path, &len);
	int rc;

	if (!page)
		return send_error(c, r, errno == EACCES ? 403 : 500);
	rc = send_small(c, r, 200, "text/html", page, len, NULL);
	free(page);
	return rc < 0 || !r->keep_alive ? -1 : 0;
}

/* REAL (a realpath) is the root or under it. */
static bool under_root(const char *real)
{
	size_t n = strlen(doc_root_real);

	if (n == 1) /* the root is "/" */
		return true;
	return !strncmp(real, doc_root_real, n) &&
	       (real[n] == '/' || real[n] == '\0');
}

/* A directory: its index.html, or a listing of it. */
static int send_directory(struct conn *c, const struct request *r,
			  const char *real)
{
	static char index[PATH_MAX + 16];
	struct stat st;

	if (r->path[strlen(r->path) - 1] != '/')
		return redirect_to_dir(c, r) < 0 || !r->keep_alive ? -1 : 0;
	snprintf(index, sizeof(index), "%s/index.html", real);
	if (stat(index, &st) == 0 && S_ISREG(st.st_mode))
		return send_file(c, r, index, &st);
	return send_listing(c, r, real);
}

int respond(struct conn *c, struct request *r)
{
	static char file[PATH_MAX + MAX_HEAD], real[PATH_MAX];
	struct stat st;
	int status;

	if (strcmp(r->method, "GET") && strcmp(r->method, "HEAD"))
		return send_error(c, r, 405);
	status = resolve_target(r);
	if (status)
		return send_error(c, r, status);
	snprintf(file, sizeof(file), "%s%s", doc_root, r->path);
	if (!realpath(file, real))
		return send_error(c, r, errno == EACCES ? 403 : 404);
	if (!under_root(real) || stat(real, &st) < 0)
		return send_error(c, r, 403);
	if (S_ISDIR(st.st_mode))
		return send_directory(c, r, real);
	if (!S_ISREG(st.st_mode))
		return send_error(c, r, 403);
	if (r->path[strlen(r->path) - 1] == '/')
		return send_error(c, r, 404); /* "file/" is no directory */
	return send_file(c, r, real, &st);
}
