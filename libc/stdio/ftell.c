/* libc/stdio/ftell.c - ftello, ftell, fgetpos: where the program is in
 * the file: the descriptor's offset, less the unread input, plus the
 * pending output.  With pending output in append mode that output goes
 * to the end, so the end is where it counts from (as glibc).
 */
#include <errno.h>
#include <limits.h>
#include <unistd.h>

#include "libc/stdio/stdio_impl.h"

static off_t ftello_unlocked(FILE *f)
{
	int writing = __stdio_has_output(f);
	off_t pos = lseek(
	    f->fd, 0, writing && (f->flags & F_APPEND) ? SEEK_END : SEEK_CUR);

	if (pos < 0)
		return -1;
	if (writing)
		return pos + (f->wpos - f->buf);
	return pos - (f->rend - f->rpos);
}

off_t ftello(FILE *f)
{
	off_t pos;

	__stdio_lock(f);
	pos = ftello_unlocked(f);
	__stdio_unlock(f);
	return pos;
}

long ftell(FILE *f)
{
	off_t pos = ftello(f);

	if (pos > LONG_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return pos;
}

int fgetpos(FILE *restrict f, fpos_t *restrict pos)
{
	off_t p = ftello(f);

	if (p < 0)
		return -1;
	pos->__pos = p;
	return 0;
}
