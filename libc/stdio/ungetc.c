/* libc/stdio/ungetc.c - ungetc: push a byte back in front of the unread
 * input.
 *
 * It goes into the buffer just before rpos when there is room there
 * (always, after a byte was read from the buffer); otherwise an empty
 * read window moves to the stream's own unget area, or a window that
 * starts at the buffer's start slides up when the buffer has room behind
 * it.  At least UNGET bytes can always be pushed back once the window is
 * empty.  It clears the end-of-file flag; a seek drops what was pushed.
 */
#include <string.h>

#include "libc/stdio/stdio_impl.h"

static int ungetc_unlocked(int c, FILE *f)
{
	if (c == EOF || __stdio_to_read(f))
		return EOF;
	if (f->rpos == f->rend && f->rpos == f->buf) {
		/* empty, and no room before it: use the unget area */
		f->rpos = f->rend = f->unget + UNGET;
		f->flags |= F_IN_UNGET;
	}
	if (f->rpos == (f->flags & F_IN_UNGET ? f->unget : f->buf)) {
		/* full in front: slide a window at the buffer's start up */
		if ((f->flags & F_IN_UNGET) || f->rend == f->buf + f->size)
			return EOF;
		memmove(f->buf + 1, f->buf, f->rend - f->buf);
		f->rpos++;
		f->rend++;
	}
	*--f->rpos = (unsigned char)c;
	f->flags &= ~F_EOF;
	return (unsigned char)c;
}

int ungetc(int c, FILE *f)
{
	int r;

	__stdio_lock(f);
	r = ungetc_unlocked(c, f);
	__stdio_unlock(f);
	return r;
}
