/* libc/stdio/asprintf.c - asprintf and vasprintf: printf into a string
 * that grows with malloc as the output comes; the caller frees it.
 * Returns its length, or -1 (ENOMEM, or the core's error) with *out set
 * to NULL. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "libc/stdio/printf_impl.h"
#include "libc/stdio/stdio_impl.h"

struct string_out {
	struct fmt_out out;
	char *buf;
	size_t len, cap;
};

static int string_write(struct fmt_out *out, const char *s, size_t n)
{
	struct string_out *so = (struct string_out *)out;

	if (so->len + n + 1 > so->cap) {
		size_t cap = so->cap ? so->cap : 64;
		char *p;

		while (cap < so->len + n + 1)
			cap *= 2;
		p = realloc(so->buf, cap);
		if (!p) {
			errno = ENOMEM;
			return -1;
		}
		so->buf = p;
		so->cap = cap;
	}
	memcpy(so->buf + so->len, s, n);
	so->len += n;
	return 0;
}

int vasprintf(char **restrict out, const char *restrict fmt, va_list ap)
{
	struct string_out so = {{string_write}, NULL, 0, 0};
	int n = __printf_core(&so.out, fmt, ap);

	if (n >= 0 && !so.buf && string_write(&so.out, "", 0) < 0)
		n = -1; /* an empty result still needs its '\0' */
	if (n < 0) {
		free(so.buf);
		*out = NULL;
		return -1;
	}
	so.buf[so.len] = '\0';
	*out = so.buf;
	return n;
}

int asprintf(char **restrict out, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(out, fmt, ap);
	va_end(ap);
	return n;
}
