/* libc/stdio/setvbuf.c - setvbuf, setbuf, setbuffer, setlinebuf: choose
 * a stream's buffering and buffer.
 *
 * As glibc, any time, not only before the first I/O.  Full or line
 * buffering with buf NULL changes only the mode: the stream keeps the
 * buffer it has, with what is pending in it (even the one byte of an
 * unbuffered stream), or gets one of its own size at the first I/O (size
 * is ignored).  A caller's buffer, or no buffering, replaces the buffer:
 * pending output is written first and unread input given back; a
 * caller's buffer of size 0 means unbuffered.
 */
#include <errno.h>

#include "libc/stdio/stdio_impl.h"

static int setvbuf_unlocked(FILE *restrict f, char *restrict buf, int mode,
			    size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
		errno = EINVAL;
		return EOF;
	}
	if (mode != _IONBF && !buf) {
		f->mode = mode;
		return 0;
	}
	if (__stdio_fflush(f))
		return EOF;
	f->flags &= ~F_WRITING;
	__stdio_free_buffer(f);
	if (mode == _IONBF || size == 0) {
		f->mode = _IONBF;
		return 0;
	}
	__stdio_use_buffer(f, (unsigned char *)buf, size);
	f->mode = mode;
	return 0;
}

int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size)
{
	int r;

	__stdio_lock(f);
	r = setvbuf_unlocked(f, buf, mode, size);
	__stdio_unlock(f);
	return r;
}

void setbuf(FILE *restrict f, char *restrict buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

void setbuffer(FILE *restrict f, char *restrict buf, size_t size)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, size);
}

void setlinebuf(FILE *f)
{
	setvbuf(f, NULL, _IOLBF, 0);
}
