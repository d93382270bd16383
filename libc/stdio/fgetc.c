/* libc/stdio/fgetc.c - fgetc, getc, getchar (and their _unlocked names).
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

int fgetc(FILE *f)
{
	if (f->rpos < f->rend)
		return *f->rpos++;
	return __stdio_uflow(f);
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getc_unlocked(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

int getchar_unlocked(void)
{
	return fgetc(stdin);
}
