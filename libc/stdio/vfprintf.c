/* libc/stdio/vfprintf.c - printf, fprintf, vprintf, vfprintf: the printf
 * core (printf_core.c) writing into a stream.
 *
 * Each piece the core produces is put into the stream as fwrite would,
 * so line buffering sees the newlines when glibc's does.  An unbuffered
 * stream (stderr) first collects the output in a BUFSIZ buffer of its
 * own and then puts it in one piece, so one fprintf(stderr, ...) is one
 * write(2) -- glibc's buffered_vfprintf.  The stream's lock is held for
 * the whole call, so another thread's output never lands inside it.
 */
#include <string.h>

#include "libc/stdio/printf_impl.h"
#include "libc/stdio/stdio_impl.h"

struct stream_out {
	struct fmt_out out;
	FILE *f;
};

static int stream_write(struct fmt_out *out, const char *s, size_t n)
{
	FILE *f = ((struct stream_out *)out)->f;

	return __stdio_put(f, s, n) == n ? 0 : -1;
}

/* For an unbuffered stream: collect, and put a whole buffer at a time. */
struct collect_out {
	struct fmt_out out;
	FILE *f;
	size_t len;
	char buf[BUFSIZ];
};

static int collect_flush(struct collect_out *c)
{
	size_t n = c->len;

	c->len = 0;
	return __stdio_put(c->f, c->buf, n) == n ? 0 : -1;
}

static int collect_write(struct fmt_out *out, const char *s, size_t n)
{
	struct collect_out *c = (struct collect_out *)out;

	while (n > 0) {
		size_t k = sizeof(c->buf) - c->len;

		if (k > n)
			k = n;
		memcpy(c->buf + c->len, s, k);
		c->len += k;
		s += k;
		n -= k;
		if (c->len == sizeof(c->buf) && collect_flush(c) < 0)
			return -1;
	}
	return 0;
}

static int vfprintf_unbuffered(FILE *f, const char *fmt, va_list ap)
{
	struct collect_out c = {{collect_write}, f, 0, {0}};
	int n = __printf_core(&c.out, fmt, ap);

	if (c.len && collect_flush(&c) < 0)
		return -1;
	return n;
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	struct stream_out s = {{stream_write}, f};
	int n;

	__stdio_lock(f);
	if (f->mode == _IONBF)
		n = vfprintf_unbuffered(f, fmt, ap);
	else
		n = __printf_core(&s.out, fmt, ap);
	__stdio_unlock(f);
	return n;
}

int fprintf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int vprintf(const char *restrict fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int printf(const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}
