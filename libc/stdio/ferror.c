/* libc/stdio/ferror.c - a stream's state: feof, ferror, clearerr, fileno. */
#include <errno.h>

#include "libc/stdio/stdio_impl.h"

int feof(FILE *f)
{
	return !!(f->flags & F_EOF);
}

int ferror(FILE *f)
{
	return !!(f->flags & F_ERR);
}

void clearerr(FILE *f)
{
	f->flags &= ~(F_EOF | F_ERR);
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
