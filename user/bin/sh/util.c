/* user/bin/sh/util.c - memory, growing strings, messages.
 *
 * The x* allocators never return NULL: running out of memory ends the
 * shell with a message, as there is no sensible way to go on with half a
 * command.  struct strbuf and struct strvec grow by doubling, so a huge
 * line or a huge argument list costs memory, never an overflow.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

static void out_of_memory(void)
{
	static const char msg[] = "sh: out of memory\n";

	write(2, msg, sizeof(msg) - 1);
	_exit(2);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* --- struct strbuf */

static void sb_grow(struct strbuf *b, size_t more)
{
	size_t need = b->len + more + 1;

	if (need <= b->cap)
		return;
	if (need < b->len) /* size_t wrapped: no memory is that big */
		out_of_memory();
	b->cap = b->cap ? b->cap : 32;
	while (b->cap < need)
		b->cap *= 2;
	b->s = xrealloc(b->s, b->cap);
}

void sb_addn(struct strbuf *b, const char *s, size_t n)
{
	sb_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void sb_addc(struct strbuf *b, char c)
{
	sb_addn(b, &c, 1);
}

void sb_adds(struct strbuf *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

void sb_addnum(struct strbuf *b, long long n)
{
	char digits[24];
	int i = sizeof(digits);
	unsigned long long u =
	    n < 0 ? -(unsigned long long)n : (unsigned long long)n;

	do {
		digits[--i] = '0' + u % 10;
		u /= 10;
	} while (u);
	if (n < 0)
		digits[--i] = '-';
	sb_addn(b, digits + i, sizeof(digits) - i);
}

const char *sb_str(struct strbuf *b)
{
	return b->s ? b->s : "";
}

char *sb_take(struct strbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void sb_free(struct strbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/* --- struct strvec */

void sv_push(struct strvec *sv, char *s)
{
	if (sv->n + 2 > sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 8;
		sv->v = xrealloc(sv->v, sv->cap * sizeof(*sv->v));
	}
	sv->v[sv->n++] = s;
	sv->v[sv->n] = NULL;
}

void sv_free(struct strvec *sv)
{
	for (int i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

/* --- messages and small parsers */

int write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= w;
	}
	return 0;
}

void sh_error(const char *fmt, ...)
{
	struct strbuf b = {0};
	va_list ap, again;
	int n;

	va_start(ap, fmt);
	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	sb_adds(&b, "sh: ");
	if (n > 0) {
		sb_grow(&b, n);
		vsnprintf(b.s + b.len, n + 1, fmt, again);
		b.len += n;
	}
	va_end(again);
	va_end(ap);
	sb_addc(&b, '\n');
	write_all(2, b.s, b.len);
	sb_free(&b);
}

bool parse_number(const char *s, long long *out)
{
	bool neg = false;
	unsigned long long n = 0;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		n = n * 10 + (*s - '0');
		if (n > (1ULL << 62))
			return false;
	}
	*out = neg ? -(long long)n : (long long)n;
	return true;
}

bool is_name_start(int c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_name_char(int c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

size_t name_length(const char *s)
{
	size_t n = 0;

	if (!is_name_start(s[0]))
		return 0;
	while (is_name_char(s[n]))
		n++;
	return n;
}

bool is_valid_name(const char *s)
{
	size_t n = name_length(s);

	return n > 0 && s[n] == '\0';
}
