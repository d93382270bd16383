/* libc/stdio/ferror.c - a stream's state: feof, ferror, clearerr, fileno
 * (the first three under the stream's lock, as glibc's). */
#include <errno.h>

#include "libc/stdio/stdio_impl.h"

int feof(FILE *f)
{
	int r;

	__stdio_lock(f);
	r = !!(f->flags & F_EOF);
	__stdio_unlock(f);
	return r;
}

int ferror(FILE *f)
{
	int r;

	__stdio_lock(f);
	r = !!(f->flags & F_ERR);
	__stdio_unlock(f);
	return r;
}

void clearerr(FILE *f)
{
	__stdio_lock(f);
	f->flags &= ~(F_EOF | F_ERR);
	__stdio_unlock(f);
}

/* EBADF for a closed standard stream, as glibc */
int fileno(FILE *f)
{
	if (f->fd < 0) {
		errno = EBADF;
		return -1;
	}
	return f->fd;
}
