/* path.c - from a request target to a path under the document root.
 *
 * The target is "/path?query" (origin form) or "http://host/path"
 * (absolute form, which HTTP/1.1 servers must accept); the query is
 * dropped.  Percent-escapes are decoded first, then the path is split
 * at '/' and normalized: empty and "." segments vanish, ".." removes
 * the segment before it.  Decoding before splitting is what makes
 * "%2e%2e", "..%2f.." and the like plain ".." segments, so none of
 * them gets past the one check: a ".." with nothing left to remove
 * would climb above the root, and is refused (403).  A bad escape or an
 * escaped NUL is 400.  The result always starts with '/', and ends with
 * one if the target did (a directory asked for as such).  Symbolic
 * links leading out of the root are response.c's check (realpath). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "httpd.h"

static int hex(int ch)
{
	return isdigit(ch) ? ch - '0' : tolower(ch) - 'a' + 10;
}

/* Decodes the path part of TARGET (up to '?' or '#') into OUT; 0 or
 * 400. */
static int decode(const char *target, char *out)
{
	for (const char *t = target; *t && *t != '?' && *t != '#'; t++) {
		if (*t != '%') {
			*out++ = *t;
			continue;
		}
		if (!isxdigit((unsigned char)t[1]) ||
		    !isxdigit((unsigned char)t[2]))
			return 400;
		*out = hex(t[1]) << 4 | hex(t[2]);
		if (*out++ == '\0')
			return 400;
		t += 2;
	}
	*out = '\0';
	return 0;
}

/* Normalizes the decoded path IN into OUT; 0, or 403 for a ".." above
 * the root. */
static int normalize(char *in, char *out)
{
	size_t len = 1, n = strlen(in);
	bool slash = n > 0 && in[n - 1] == '/'; /* before strtok cuts it */
	bool dir = true; /* the path so far names a directory ("/a/") */

	out[0] = '/';
	for (char *seg = strtok(in, "/"); seg; seg = strtok(NULL, "/")) {
		dir = true;
		if (!strcmp(seg, "."))
			continue;
		if (!strcmp(seg, "..")) {
			if (len == 1)
				return 403;
			do /* drop "name/" */
				len--;
			while (out[len - 1] != '/');
			continue;
		}
		memcpy(out + len, seg, strlen(seg));
		len += strlen(seg);
		out[len++] = '/';
		dir = false;
	}
	if (!dir && !slash)
		len--; /* "/a/b", not "/a/b/" */
	out[len] = '\0';
	return 0;
}

int resolve_target(struct request *r)
{
	static char decoded[MAX_HEAD + 1], path[MAX_HEAD + 2];
	const char *t = r->target;
	int status;

	if (!strncasecmp(t, "http://", 7)) {
		t = strchr(t + 7, '/');
		if (!t)
			t = "/";
	}
	if (*t != '/')
		return 400; /* "*", or no path at all */
	status = decode(t, decoded);
	if (status)
		return status;
	status = normalize(decoded, path);
	if (status)
		return status;
	r->path = path;
	return 0;
}
