/* libc/stdio/vfscanf.c - scanf, fscanf, vscanf, vfscanf: the scanf core
 * reading a stream through getc and ungetc; what a conversion does not
 * use stays in the stream for the next read.  The stream's lock is held
 * for the whole call. */
#include "libc/stdio/scanf_impl.h"
#include "libc/stdio/stdio_impl.h"

struct stream_in {
	struct scan_in in;
	FILE *f;
};

static int stream_get(struct scan_in *in)
{
	return getc_unlocked(((struct stream_in *)in)->f);
}

static void stream_unget(struct scan_in *in, int c)
{
	ungetc(c, ((struct stream_in *)in)->f);
}

int vfscanf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	struct stream_in s = {{stream_get, stream_unget}, f};
	int n;

	__stdio_lock(f);
	n = __scanf_core(&s.in, fmt, ap);
	__stdio_unlock(f);
	return n;
}

int fscanf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfscanf(f, fmt, ap);
	va_end(ap);
	return n;
}

int vscanf(const char *restrict fmt, va_list ap)
{
	return vfscanf(stdin, fmt, ap);
}

int scanf(const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfscanf(stdin, fmt, ap);
	va_end(ap);
	return n;
}
