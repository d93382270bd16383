/* listing.c - an HTML page listing a directory: its entries sorted by
 * name, subdirectories with a trailing '/', files with their size, and
 * "../" except at the root.  Names are escaped twice over: for the page
 * (&, <, >, " as entities) and for the link (every byte but letters,
 * digits and "-._~" percent-encoded), so a file called "<b>" or "a b"
 * or "x:y" is shown and linked as itself. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "httpd.h"

/* A growing string; failed once memory ran out. */
struct buf {
	char *p;
	size_t len, cap;
	bool failed;
};

static void add(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(b->p ? b->p + b->len : NULL, b->p ? b->cap - b->len : 0,
		      fmt, ap);
	va_end(ap);
	if (b->failed || n < 0)
		return;
	if (b->len + n >= b->cap) {
		size_t cap = 2 * (b->len + n) + 256;
		char *p = realloc(b->p, cap);

		if (!p) {
			b->failed = true;
			return;
		}
		b->p = p;
		b->cap = cap;
		va_start(ap, fmt);
		vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += n;
}

static void add_html(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			add(b, "&amp;");
			break;
		case '<':
			add(b, "&lt;");
			break;
		case '>':
			add(b, "&gt;");
			break;
		case '"':
			add(b, "&quot;");
			break;
		default:
			add(b, "%c", *s);
		}
	}
}

static void add_href(struct buf *b, const char *s)
{
	for (const unsigned char *u = (const unsigned char *)s; *u; u++) {
		if ((*u >= 'a' && *u <= 'z') || (*u >= 'A' && *u <= 'Z') ||
		    (*u >= '0' && *u <= '9') || strchr("-._~", *u))
			add(b, "%c", *u);
		else
			add(b, "%%%02X", *u);
	}
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entry names of DIR but "." and "..", sorted; NULL on failure. */
static char **read_names(const char *dir, size_t *count)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;

	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (n == cap) {
			char **more = realloc(names, (cap = 2 * cap + 16) *
							 sizeof(*names));

			if (!more)
				break;
			names = more;
		}
		if (!(names[n] = strdup(e->d_name)))
			break;
		n++;
	}
	closedir(d);
	if (e) { /* stopped early: out of memory */
		while (n)
			free(names[--n]);
		free(names);
		errno = ENOMEM;
		return NULL;
	}
	qsort(names, n, sizeof(*names), by_name);
	*count = n;
	return names ? names : calloc(1, sizeof(*names));
}

static void add_entry(struct buf *b, const char *dir, const char *name)
{
	static char path[PATH_MAX + 256];
	struct stat st;
	bool known, is_dir;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	known = stat(path, &st) == 0;
	is_dir = known && S_ISDIR(st.st_mode);
	add(b, "<li><a href=\"");
	add_href(b, name);
	add(b, is_dir ? "/\">" : "\">");
	add_html(b, name);
	if (is_dir)
		add(b, "/</a></li>\n");
	else if (known)
		add(b, "</a> (%llu bytes)</li>\n",
		    (unsigned long long)st.st_size);
	else
		add(b, "</a></li>\n");
}

char *list_directory(const char *dir, const char *url, size_t *len)
{
	struct buf b = {0};
	size_t n;
	char **names = read_names(dir, &n);

	if (!names)
		return NULL;
	add(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
		"<title>Index of ");
	add_html(&b, url);
	add(&b, "</title></head>\n<body><h1>Index of ");
	add_html(&b, url);
	add(&b, "</h1>\n<ul>\n");
	if (strcmp(url, "/"))
		add(&b, "<li><a href=\"../\">../</a></li>\n");
	for (size_t i = 0; i < n; i++) {
		add_entry(&b, dir, names[i]);
		free(names[i]);
	}
	free(names);
	add(&b, "</ul>\n</body></html>\n");
	if (b.failed) {
		free(b.p);
		errno = ENOMEM;
		return NULL;
	}
	*len = b.len;
	return b.p;
}
