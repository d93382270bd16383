/* libc/stdio/fwrite.c - fwrite, fputs, puts, and __stdio_put under them
 * (and under the printf family).
 *
 * __stdio_put follows glibc's _IO_new_file_xsputn, so the same calls
 * make the same write(2)s:
 *   1. Copy into the buffer what fits.  Line buffered, when all of it
 *      fits, only up to its last newline, and then write.  A stream that
 *      was not yet writing (new, or just read or seeked) copies nothing
 *      here: its first put starts at step 2.
 *   2. If anything is left (or a newline asked for it): write the buffer,
 *      then write straight from the caller as many whole buffer-sizes as
 *      are left (all of it, unbuffered or with a buffer under 128 bytes).
 *   3. The rest goes into the empty buffer; line buffered, each line that
 *      completes there is written at once (glibc puts these bytes one
 *      at a time through its overflow, which writes at '\n').
 */
#include <string.h>

#include "libc/stdio/stdio_impl.h"

/* Step 3: the bytes that are left, after the buffer was written. */
static size_t put_rest(FILE *f, const unsigned char *s, size_t n)
{
	size_t done = 0;

	while (done < n) {
		size_t room = f->buf + f->size - f->wpos, k = n - done;
		const unsigned char *nl = NULL;

		if (!room) {
			if (__stdio_flush_buffer(f))
				return done;
			room = f->size;
		}
		if (k > room)
			k = room;
		if (f->mode == _IOLBF && (nl = memchr(s + done, '\n', k)))
			k = nl - (s + done) + 1;
		memcpy(f->wpos, s + done, k);
		f->wpos += k;
		done += k;
		if (nl && __stdio_flush_buffer(f))
			return done;
	}
	return done;
}

size_t __stdio_put(FILE *f, const void *p, size_t n)
{
	const unsigned char *s = p;
	int was_writing = f->flags & F_WRITING;
	size_t fits = 0, todo, direct, block;
	int line_done = 0;

	if (n == 0)
		return 0;
	if (__stdio_to_write(f))
		return 0;
	/* step 1 */
	if (was_writing && f->mode != _IONBF) {
		fits = f->buf + f->size - f->wpos;
		if (f->mode == _IOLBF && fits >= n) {
			const unsigned char *nl = memrchr(s, '\n', n);

			if (nl) {
				fits = nl - s + 1;
				line_done = 1;
			}
		}
	}
	if (fits > n)
		fits = n;
	memcpy(f->wpos, s, fits);
	f->wpos += fits;
	s += fits;
	todo = n - fits;
	if (todo == 0 && !line_done)
		return n;
	/* step 2 */
	if (__stdio_flush_buffer(f))
		return n - todo;
	block = f->size;
	direct = todo - (block >= 128 ? todo % block : 0);
	if (direct) {
		size_t w = __stdio_write_all(f, s, direct);

		if (w < direct)
			return n - todo + w;
		s += direct;
		todo -= direct;
	}
	/* step 3 */
	return n - todo + put_rest(f, s, todo);
}

/* __stdio_put under the stream's lock */
static size_t put_locked(FILE *f, const void *p, size_t n)
{
	size_t done;

	__stdio_lock(f);
	done = __stdio_put(f, p, n);
	__stdio_unlock(f);
	return done;
}

size_t fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f)
{
	size_t bytes = size * n, done;

	if (bytes == 0)
		return 0;
	done = put_locked(f, p, bytes);
	return done == bytes ? n : done / size;
}

/* Returns 1 on success, as glibc's does (C asks for a nonnegative). */
int fputs(const char *restrict s, FILE *restrict f)
{
	size_t n = strlen(s);

	return put_locked(f, s, n) == n ? 1 : EOF;
}

/* the line and its newline under one hold of the lock */
int puts(const char *s)
{
	size_t n = strlen(s);
	int r = n + 1 > 0x7fffffff ? 0x7fffffff : (int)(n + 1);

	__stdio_lock(stdout);
	if (__stdio_put(stdout, s, n) != n ||
	    putc_unlocked('\n', stdout) == EOF)
		r = EOF;
	__stdio_unlock(stdout);
	return r;
}
