/* libc/stdio/getdelim.c - getdelim and getline: a whole line (up to and
 * including the delimiter) into a buffer that grows with malloc.
 *
 * As glibc: *line and *size may start as NULL and 0 (120 bytes are
 * allocated); the return value is the length without the final '\0', or
 * -1 at the end of file with nothing read, on an error (EINVAL for NULL
 * arguments, ENOMEM, EOVERFLOW past SSIZE_MAX) or a read error.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "libc/stdio/stdio_impl.h"

/* Makes *line hold at least need bytes; returns 0 or -1 (ENOMEM). */
static int reserve(char **line, size_t *size, size_t need)
{
	size_t grown = *size;
	char *p;

	if (need <= *size)
		return 0;
	while (grown < need)
		grown = grown < 60 ? 120 : grown * 2;
	p = realloc(*line, grown);
	if (!p) {
		errno = ENOMEM;
		return -1;
	}
	*line = p;
	*size = grown;
	return 0;
}

static ssize_t getdelim_unlocked(char **restrict line, size_t *restrict size,
				 int delim, FILE *restrict f)
{
	size_t len = 0;

	if (!line || !size) {
		errno = EINVAL;
		f->flags |= F_ERR;
		return -1;
	}
	if (!*line)
		*size = 0;
	if (reserve(line, size, 1))
		return -1;
	for (;;) {
		if (f->rpos == f->rend && __stdio_refill(f)) {
			if (!len || (f->flags & F_ERR))
				return -1;
			break;
		}
		size_t k = f->rend - f->rpos;
		unsigned char *end = memchr(f->rpos, delim, k);

		if (end)
			k = end - f->rpos + 1;
		if (len + k >= SSIZE_MAX) {
			errno = EOVERFLOW;
			return -1;
		}
		if (reserve(line, size, len + k + 1))
			return -1;
		memcpy(*line + len, f->rpos, k);
		f->rpos += k;
		len += k;
		if (end)
			break;
	}
	(*line)[len] = '\0';
	return len;
}

ssize_t getdelim(char **restrict line, size_t *restrict size, int delim,
		 FILE *restrict f)
{
	ssize_t r;

	__stdio_lock(f);
	r = getdelim_unlocked(line, size, delim, f);
	__stdio_unlock(f);
	return r;
}

ssize_t getline(char **restrict line, size_t *restrict size, FILE *restrict f)
{
	return getdelim(line, size, '\n', f);
}
