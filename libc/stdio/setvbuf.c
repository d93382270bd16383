/* libc/stdio/setvbuf.c - setvbuf, setbuf, setbuffer, setlinebuf: choose
 * a stream's buffering and buffer.
 *
 * As glibc: any time, not only before the first I/O (pending output is
 * written first, unread input given back); with buf NULL, full or line
 * buffering keeps the buffer the stream has or gets it at the first I/O
 * (size is then ignored); a caller's buffer of size 0 means unbuffered.
 */
#include <errno.h>

#include "libc/stdio/stdio_impl.h"

int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
		errno = EINVAL;
		return EOF;
	}
	if (fflush(f))
		return EOF;
	f->flags &= ~F_WRITING;
	if (mode == _IONBF || (buf && size == 0)) {
		__stdio_free_buffer(f);
		f->mode = _IONBF;
		return 0;
	}
	if (buf) {
		__stdio_free_buffer(f);
		f->buf = (unsigned char *)buf;
		f->size = size;
		f->wpos = f->buf;
		__stdio_empty_window(f);
	} else if (f->mode == _IONBF) {
		__stdio_free_buffer(f); /* the one-byte buffer: get a real one */
	}
	f->mode = mode;
	return 0;
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
