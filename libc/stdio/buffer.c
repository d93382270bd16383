/* libc/stdio/buffer.c - a stream's buffer, its direction, and the two
 * places bytes cross to the file: __stdio_flush_buffer (pending output to
 * write(2)) and __stdio_refill (read(2) into the buffer).
 *
 * The buffer and the buffering mode are settled at the first read or
 * write, as glibc's _IO_file_doallocate does (stdio_impl.h).  Changing
 * direction: the first write after reading gives the unread input back
 * to the file (a seek, where the file can seek); the first read after
 * writing flushes.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libc/stdio/stdio_impl.h"

void __stdio_init(FILE *f, int fd, unsigned flags)
{
	*f = (FILE){.fd = fd, .flags = flags, .mode = BUF_UNDECIDED};
}

/* The buffer of an unbuffered stream: one byte, for putc. */
static void use_small_buffer(FILE *f)
{
	f->mode = _IONBF;
	__stdio_use_buffer(f, f->small, sizeof(f->small));
}

size_t __stdio_choose_buffer(FILE *f)
{
	size_t size = BUFSIZ;
	struct stat st;

	if (fstat(f->fd, &st) == 0) {
		if (S_ISCHR(st.st_mode) && f->mode == BUF_UNDECIDED &&
		    isatty(f->fd))
			f->mode = _IOLBF;
		if (st.st_blksize > 0 && st.st_blksize < BUFSIZ)
			size = st.st_blksize;
	}
	if (f->mode == BUF_UNDECIDED)
		f->mode = _IOFBF;
	return size;
}

void __stdio_use_buffer(FILE *f, unsigned char *buf, size_t size)
{
	f->buf = buf;
	f->size = size;
	f->wpos = f->buf;
	__stdio_empty_window(f);
}

void __stdio_setup_buffer(FILE *f)
{
	size_t size;
	unsigned char *buf;

	if (f->buf)
		return;
	if (f->mode == _IONBF) {
		use_small_buffer(f);
		return;
	}
	size = __stdio_choose_buffer(f);
	buf = malloc(size);
	if (!buf) {
		use_small_buffer(f); /* no memory: unbuffered, but working */
		return;
	}
	__stdio_use_buffer(f, buf, size);
	f->flags |= F_FREE_BUF;
}

void __stdio_free_buffer(FILE *f)
{
	if (f->flags & F_FREE_BUF)
		free(f->buf);
	f->flags &= ~F_FREE_BUF;
	f->buf = NULL;
	f->size = 0;
	f->wpos = NULL;
	__stdio_empty_window(f);
}

void __stdio_empty_window(FILE *f)
{
	f->rpos = f->rend = f->buf;
	f->flags &= ~F_IN_UNGET;
}

int __stdio_has_output(const FILE *f)
{
	return (f->flags & F_WRITING) && f->wpos > f->buf;
}

size_t __stdio_write_all(FILE *f, const void *p, size_t n)
{
	size_t done = 0;

	while (done < n) {
		ssize_t w = write(f->fd, (const char *)p + done, n - done);

		if (w < 0) {
			f->flags |= F_ERR;
			break;
		}
		done += w;
	}
	return done;
}

/* Writes the pending output.  On an error it is dropped all the same
 * (as glibc and musl do): returns 0, or EOF with F_ERR set. */
int __stdio_flush_buffer(FILE *f)
{
	size_t n;

	if (!__stdio_has_output(f))
		return 0;
	n = f->wpos - f->buf;
	f->wpos = f->buf;
	return __stdio_write_all(f, f->buf, n) == n ? 0 : EOF;
}

/* Fails an operation the stream was not opened for. */
static int wrong_direction(FILE *f)
{
	f->flags |= F_ERR;
	errno = EBADF;
	return EOF;
}

int __stdio_to_read(FILE *f)
{
	if (!(f->flags & F_READ))
		return wrong_direction(f);
	__stdio_setup_buffer(f);
	if (f->flags & F_WRITING) {
		int r = __stdio_flush_buffer(f);

		f->flags &= ~F_WRITING;
		__stdio_empty_window(f);
		if (r)
			return EOF;
	}
	return 0;
}

int __stdio_to_write(FILE *f)
{
	if (!(f->flags & F_WRITE))
		return wrong_direction(f);
	__stdio_setup_buffer(f);
	if (!(f->flags & F_WRITING)) {
		/* unread input goes back to the file (nowhere, on a pipe;
		 * and there is no need in append mode: writes go to the end) */
		if (f->rend > f->rpos && !(f->flags & F_APPEND))
			lseek(f->fd, -(off_t)(f->rend - f->rpos), SEEK_CUR);
		__stdio_empty_window(f);
		f->wpos = f->buf;
		f->flags |= F_WRITING;
	}
	return 0;
}

/* Reading a line- or unbuffered stream first writes out a line-buffered
 * stdout, so a prompt shows before the program waits for the answer
 * (glibc does the same, for stdout only). */
static void flush_stdout_for_input(FILE *f)
{
	if (f->mode != _IOFBF && stdout->mode == _IOLBF &&
	    (stdout->flags & F_LISTED))
		__stdio_flush_buffer(stdout);
}

int __stdio_refill(FILE *f)
{
	ssize_t n;

	if (__stdio_to_read(f))
		return EOF;
	if (f->flags & F_EOF)
		return EOF; /* sticky until clearerr, as in glibc */
	flush_stdout_for_input(f);
	n = read(f->fd, f->buf, f->size);
	if (n <= 0) {
		f->flags |= n ? F_ERR : F_EOF;
		__stdio_empty_window(f);
		return EOF;
	}
	__stdio_empty_window(f);
	f->rend = f->buf + n;
	return 0;
}
