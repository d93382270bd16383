/* libc/stdio/fflush.c - fflush: write a stream's pending output, or
 * every stream's with NULL.
 *
 * On a stream that is reading, fflush gives the unread input back to
 * the file with a seek, as glibc does (so a child sees the right offset
 * of a shared descriptor); on a pipe or a terminal that cannot seek, the
 * input stays.
 */
#include <errno.h>
#include <unistd.h>

#include "libc/stdio/stdio_impl.h"

int __stdio_fflush(FILE *f)
{
	if (f->flags & F_WRITING)
		return __stdio_flush_buffer(f);
	if (f->rend > f->rpos) {
		if (lseek(f->fd, -(off_t)(f->rend - f->rpos), SEEK_CUR) < 0)
			return errno == ESPIPE ? 0 : EOF;
		__stdio_empty_window(f);
	}
	return 0;
}

int fflush(FILE *f)
{
	int r;

	if (!f)
		return __stdio_flush_all();
	__stdio_lock(f);
	r = __stdio_fflush(f);
	__stdio_unlock(f);
	return r;
}
