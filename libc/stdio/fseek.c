/* libc/stdio/fseek.c - fseeko, fseek, rewind, fsetpos.
 *
 * Pending output is written first; a SEEK_CUR offset counts from where
 * the program is (the file's offset less the unread input).  A seek that
 * works drops the read window and what ungetc pushed, clears the end of
 * file, and leaves the stream free to read or write next.
 */
#include <errno.h>
#include <limits.h>
#include <unistd.h>

#include "libc/stdio/stdio_impl.h"

static int fseeko_unlocked(FILE *f, off_t offset, int whence)
{
	if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
		errno = EINVAL;
		return -1;
	}
	if (f->flags & F_WRITING) {
		/* out of the writing direction even if the seek fails (a
		 * pipe), as glibc: the next write starts afresh */
		int r = __stdio_flush_buffer(f);

		f->flags &= ~F_WRITING;
		f->wpos = f->buf;
		if (r)
			return -1;
	}
	if (whence == SEEK_CUR)
		offset -= f->rend - f->rpos;
	if (lseek(f->fd, offset, whence) < 0)
		return -1;
	f->flags &= ~F_EOF;
	__stdio_empty_window(f);
	return 0;
}

int fseeko(FILE *f, off_t offset, int whence)
{
	int r;

	__stdio_lock(f);
	r = fseeko_unlocked(f, offset, whence);
	__stdio_unlock(f);
	return r;
}

int fseek(FILE *f, long offset, int whence)
{
	return fseeko(f, offset, whence);
}

void rewind(FILE *f)
{
	__stdio_lock(f);
	fseeko_unlocked(f, 0, SEEK_SET);
	f->flags &= ~F_ERR;
	__stdio_unlock(f);
}

int fsetpos(FILE *f, const fpos_t *pos)
{
	return fseeko(f, pos->__pos, SEEK_SET);
}
