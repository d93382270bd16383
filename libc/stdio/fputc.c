/* libc/stdio/fputc.c - fputc, putc, putchar (under the stream's lock)
 * and putc_unlocked, putchar_unlocked (without).
 *
 * The fast path stores into a fully buffered stream that is writing and
 * has room.  Everything else goes through __stdio_overflow, glibc's
 * _IO_new_file_overflow: write the buffer if it is full, store the byte,
 * then write at once if unbuffered, or line buffered and the byte is a
 * newline.
 */
#include "libc/stdio/stdio_impl.h"

int __stdio_overflow(FILE *f, unsigned char c)
{
	if (__stdio_to_write(f))
		return EOF;
	if (f->wpos == f->buf + f->size && __stdio_flush_buffer(f))
		return EOF;
	*f->wpos++ = c;
	if (f->mode == _IONBF || (f->mode == _IOLBF && c == '\n'))
		if (__stdio_flush_buffer(f))
			return EOF;
	return c;
}

int putc_unlocked(int c, FILE *f)
{
	if ((f->flags & F_WRITING) && f->mode == _IOFBF &&
	    f->wpos < f->buf + f->size)
		return *f->wpos++ = (unsigned char)c;
	return __stdio_overflow(f, c);
}

/* With one thread nobody else can hold the lock: no need to take it
 * (the hot path of a putc loop) */
int fputc(int c, FILE *f)
{
	int r;

	if (!__libc_threaded)
		return putc_unlocked(c, f);
	__stdio_lock(f);
	r = putc_unlocked(c, f);
	__stdio_unlock(f);
	return r;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int putchar_unlocked(int c)
{
	return putc_unlocked(c, stdout);
}
