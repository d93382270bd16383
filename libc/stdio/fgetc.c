/* libc/stdio/fgetc.c - fgetc, getc, getchar (under the stream's lock)
 * and getc_unlocked, getchar_unlocked (without).
 *
 * The fast path takes the next byte of the read window; when it is empty,
 * __stdio_uflow refills the buffer (one read(2) of up to a buffer; after
 * the end of file has been seen, none until clearerr, as glibc).
 */
#include "libc/stdio/stdio_impl.h"

int __stdio_uflow(FILE *f)
{
	if (__stdio_refill(f))
		return EOF;
	return *f->rpos++;
}

int getc_unlocked(FILE *f)
{
	if (f->rpos < f->rend)
		return *f->rpos++;
	return __stdio_uflow(f);
}

/* with one thread, nobody else can hold the lock (as fputc) */
int fgetc(FILE *f)
{
	int c;

	if (!__libc_threaded)
		return getc_unlocked(f);
	__stdio_lock(f);
	c = getc_unlocked(f);
	__stdio_unlock(f);
	return c;
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

int getchar_unlocked(void)
{
	return getc_unlocked(stdin);
}
