/* libc/stdio/fread.c - fread.
 *
 * As glibc's _IO_file_xsgetn: take what the buffer holds; if less than a
 * buffer is still wanted, refill the buffer and go on; otherwise read
 * straight into the caller's memory, as many whole buffer-sizes as are
 * wanted (everything, when unbuffered or the buffer is under 128 bytes).
 * Short reads (pipes, terminals) are followed by more reads until the
 * count is met, the file ends or an error comes.
 */
#include <string.h>
#include <unistd.h>

#include "libc/stdio/stdio_impl.h"

/* Reads into the caller's memory; returns bytes read, 0 at the end. */
static size_t read_direct(FILE *f, unsigned char *p, size_t want)
{
	size_t count = want;
	ssize_t n;

	if (f->size >= 128)
		count -= want % f->size;
	if (f->flags & F_EOF)
		return 0;
	n = read(f->fd, p, count);
	if (n <= 0) {
		f->flags |= n ? F_ERR : F_EOF;
		return 0;
	}
	return n;
}

static size_t fread_unlocked(void *restrict p, size_t size, size_t n,
			     FILE *restrict f)
{
	unsigned char *dst = p;
	size_t want = size * n, total = want;

	if (want == 0)
		return 0;
	if (__stdio_to_read(f))
		return 0;
	while (want > 0) {
		size_t have = f->rend - f->rpos;

		if (have >= want) {
			memcpy(dst, f->rpos, want);
			f->rpos += want;
			want = 0;
			break;
		}
		memcpy(dst, f->rpos, have);
		f->rpos += have;
		dst += have;
		want -= have;
		if (want < f->size) {
			if (__stdio_refill(f))
				break;
			continue;
		}
		size_t got = read_direct(f, dst, want);

		if (!got)
			break;
		dst += got;
		want -= got;
	}
	return want == 0 ? n : (total - want) / size;
}

size_t fread(void *restrict p, size_t size, size_t n, FILE *restrict f)
{
	size_t r;

	__stdio_lock(f);
	r = fread_unlocked(p, size, n, f);
	__stdio_unlock(f);
	return r;
}
