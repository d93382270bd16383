/* libc/stdio/fclose.c - fclose: flush, close the descriptor, free.
 *
 * Returns EOF if the flush or the close failed; the stream is gone
 * either way.  stdin, stdout and stderr are static: they stay, closed
 * (their descriptor -1, every operation EBADF), as glibc's do.  The
 * stream's lock is let go before the list's is taken (the list's lock
 * comes first, streams.c).
 */
#include <stdlib.h>
#include <unistd.h>

#include "libc/stdio/stdio_impl.h"

int fclose(FILE *f)
{
	int r = 0;

	__stdio_lock(f);
	if (__stdio_has_output(f) && __stdio_flush_buffer(f))
		r = EOF;
	__stdio_unlock(f);
	__stdio_unlink(f);
	__stdio_lock(f);
	if (f->fd >= 0 && close(f->fd) < 0)
		r = EOF;
	__stdio_free_buffer(f);
	if (f->flags & F_FREE_FILE) {
		free(f);
		return r;
	}
	f->fd = -1;
	f->flags = 0;
	__stdio_unlock(f);
	return r;
}
