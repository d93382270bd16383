/* libc/stdio/fgets.c - fgets: a line, or as much of it as fits.
 *
 * Copies from the read window up to a newline (memchr), refilling as
 * needed.  As glibc: NULL when nothing was read (end of file) or when a
 * read error happened during this call (unless it was EAGAIN and some
 * bytes came); n == 1 gives an empty string.
 */
#include <errno.h>
#include <string.h>

#include "libc/stdio/stdio_impl.h"

static char *fgets_unlocked(char *restrict s, int n, FILE *restrict f)
{
	unsigned old_error = f->flags & F_ERR;
	size_t count = 0;

	if (n <= 0)
		return NULL;
	if (n == 1) {
		s[0] = '\0';
		return s;
	}
	f->flags &= ~F_ERR;
	while (count < (size_t)n - 1) {
		if (f->rpos == f->rend && __stdio_refill(f))
			break;
		size_t k = f->rend - f->rpos;
		unsigned char *nl;

		if (k > (size_t)n - 1 - count)
			k = (size_t)n - 1 - count;
		nl = memchr(f->rpos, '\n', k);
		if (nl)
			k = nl - f->rpos + 1;
		memcpy(s + count, f->rpos, k);
		f->rpos += k;
		count += k;
		if (nl)
			break;
	}
	int failed = (f->flags & F_ERR) && errno != EAGAIN;

	f->flags |= old_error;
	if (count == 0 || failed)
		return NULL;
	s[count] = '\0';
	return s;
}

char *fgets(char *restrict s, int n, FILE *restrict f)
{
	char *r;

	__stdio_lock(f);
	r = fgets_unlocked(s, n, f);
	__stdio_unlock(f);
	return r;
}
