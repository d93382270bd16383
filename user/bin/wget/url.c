/* url.c - http:// URLs for wget: parsing, resolving a redirect's
 * Location against the URL it came from, and the local file name.
 *
 * Only http is spoken: "https://", "ftp://" and other schemes are
 * refused by name; a URL without "scheme://" is taken as http (as GNU
 * wget does).  "." and ".." path segments are resolved (a redirect to
 * "../x" names the file it means).  A fragment ("#...") is dropped; bytes a
 * request line cannot carry (spaces, controls, non-ASCII) are percent-encoded.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "wget.h"

/* The scheme of TEXT ("http" from "http://x") into OUT, or "" without
 * one; the rest in *rest. */
static void split_scheme(const char *text, char *out, size_t size,
			 const char **rest)
{
	const char *colon = strstr(text, "://");
	size_t n = colon ? (size_t)(colon - text) : 0;

	*out = 0;
	*rest = text;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)text[i]) && !strchr("+-.", text[i]))
			return; /* "host/a://b": no scheme */
	if (colon && n < size) {
		memcpy(out, text, n);
		out[n] = 0;
		*rest = colon + 3;
	}
}

/* Copies the path PATH (up to a '#') into OUT[URL_MAX] percent-encoding
 * what a request line cannot carry; -1 if too long. */
static int copy_path(const char *path, char *out)
{
	size_t n = 0;

	if (*path != '/')
		out[n++] = '/';
	for (; *path && *path != '#'; path++) {
		unsigned char ch = *path;

		if (n + 4 >= URL_MAX)
			return -1;
		if (ch <= ' ' || ch >= 0x7f)
			n += sprintf(out + n, "%%%02X", ch);
		else
			out[n++] = ch;
	}
	out[n] = 0;
	return 0;
}

static int bad(const char *text, const char *why)
{
	fprintf(stderr, "wget: %s: %s\n", text, why);
	return EXIT_GENERIC;
}

/* Removes "." and ".." segments from PATH (up to its query) as RFC
 * 3986 resolves them: "/a/b/../../x" is "/x"; never above the root. */
static void remove_dots(char *path)
{
	char out[URL_MAX], *q = strchr(path, '?');
	size_t end = q ? (size_t)(q - path) : strlen(path), n = 0, i = 0;

	while (i < end) { /* path[i] is a '/' */
		size_t j = i + 1, len;
		const char *seg = path + i + 1;

		while (j < end && path[j] != '/')
			j++;
		len = j - i - 1;
		if ((len == 1 && seg[0] == '.') ||
		    (len == 2 && seg[0] == '.' && seg[1] == '.')) {
			while (len == 2 && n > 0 && out[--n] != '/')
				;     /* ".." drops the segment before it */
			if (j >= end) /* "/a/.." is "/", a directory */
				out[n++] = '/';
		} else {
			memcpy(out + n, path + i, j - i);
			n += j - i;
		}
		i = j;
	}
	if (n == 0)
		out[n++] = '/';
	strcpy(out + n, path + end);
	strcpy(path, out);
}

int url_parse(const char *text, struct url *u)
{
	char scheme[16];
	const char *rest, *end, *colon;
	size_t hlen;

	split_scheme(text, scheme, sizeof(scheme), &rest);
	if (!strcasecmp(scheme, "https"))
		return bad(text, "HTTPS is not supported (only http:// URLs)");
	if (*scheme && strcasecmp(scheme, "http"))
		return bad(text, "Unsupported scheme (only http:// URLs)");
	end = rest + strcspn(rest, "/?#");
	colon = memchr(rest, ':', end - rest);
	hlen = (colon ? colon : end) - rest;
	if (hlen == 0 || hlen >= sizeof(u->host) || memchr(rest, '@', hlen))
		return bad(text, "Invalid host name");
	memcpy(u->host, rest, hlen);
	u->host[hlen] = 0;
	strcpy(u->port, "80");
	if (colon) {
		size_t plen = end - colon - 1;
		char *e;
		long p = strtol(colon + 1, &e, 10);

		if (plen == 0 || plen > 5 || e != end || p < 1 || p > 65535)
			return bad(text, "Bad port number");
		sprintf(u->port, "%ld", p);
	}
	if (copy_path(end, u->path) < 0)
		return bad(text, "URL too long");
	remove_dots(u->path);
	return 0;
}

void url_format(const struct url *u, char *out)
{
	if (strcmp(u->port, "80"))
		sprintf(out, "http://%s:%s%s", u->host, u->port, u->path);
	else
		sprintf(out, "http://%s%s", u->host, u->path);
}

int url_resolve(const struct url *base, const char *loc, char *out)
{
	char b[URL_MAX + 300];
	size_t dir;

	if (strstr(loc, "://")) /* absolute */
		return strlen(loc) < URL_MAX ? (strcpy(out, loc), 0) : -1;
	if (loc[0] == '/' && loc[1] == '/') /* scheme-relative */
		return snprintf(out, URL_MAX, "http:%s", loc) < URL_MAX ? 0
									: -1;
	url_format(base, b);
	if (loc[0] == '/') { /* same server */
		*strchr(b + 7, '/') = 0;
		return snprintf(out, URL_MAX, "%s%s", b, loc) < URL_MAX ? 0
									: -1;
	}
	/* relative to the base's directory (its path up to the last '/',
	 * before any query) */
	dir = strcspn(b + 7, "?");
	while (b[7 + dir - 1] != '/')
		dir--;
	b[7 + dir] = 0;
	return snprintf(out, URL_MAX, "%s%s", b, loc) < URL_MAX ? 0 : -1;
}

void url_filename(const struct url *u, char *out, size_t size)
{
	size_t end = strcspn(u->path, "?");
	size_t start = end;

	while (start > 0 && u->path[start - 1] != '/')
		start--;
	if (start == end)
		snprintf(out, size, "index.html");
	else
		snprintf(out, size, "%.*s", (int)(end - start),
			 u->path + start);
}
