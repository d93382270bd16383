/* libc/stdio/freopen.c - freopen: the same FILE on another file (or the
 * same descriptor in another mode, with path NULL).
 *
 * As glibc: pending output is flushed and the old descriptor closed
 * (errors ignored); the new file's descriptor is moved to the old number,
 * so freopen(path, "w", stdout) leaves stdout on descriptor 1; the
 * buffering is settled afresh at the next I/O (even for stderr).  On
 * failure the stream is closed and NULL returned.
 *
 * With path NULL the descriptor stays: it must allow what the mode asks
 * (EBADF otherwise); "a" sets O_APPEND on it.
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "libc/stdio/stdio_impl.h"

/* The same descriptor, in the new mode's direction: 0, or -1. */
static int reuse_fd(int fd, int flags)
{
	int fd_flags = fcntl(fd, F_GETFL);
	int acc = fd_flags & O_ACCMODE;

	if (fd_flags < 0)
		return -1;
	if ((acc == O_RDONLY && (flags & O_ACCMODE) != O_RDONLY) ||
	    (acc == O_WRONLY && (flags & O_ACCMODE) != O_WRONLY)) {
		errno = EBADF;
		return -1;
	}
	if ((flags & O_APPEND) && fcntl(fd, F_SETFL, fd_flags | O_APPEND) < 0)
		return -1;
	return 0;
}

/* Opens path and moves it to old_fd's number (if old_fd >= 0). */
static int open_at_number(const char *path, int flags, int old_fd)
{
	int fd = open(path, flags, 0666);

	if (fd < 0 || old_fd < 0 || fd == old_fd)
		return fd;
	if (dup3(fd, old_fd, flags & O_CLOEXEC) < 0) {
		close(fd);
		return -1;
	}
	close(fd);
	return old_fd;
}

static FILE *freopen_unlocked(const char *restrict path,
			      const char *restrict mode, FILE *restrict f)
{
	int flags = __stdio_mode_flags(mode);
	int fd = f->fd;
	unsigned keep = f->flags & (F_FREE_FILE | F_LISTED);

	if (__stdio_has_output(f))
		__stdio_flush_buffer(f);
	__stdio_free_buffer(f);
	if (flags >= 0 && path) {
		if (fd >= 0)
			close(fd);
		fd = open_at_number(path, flags, fd);
	} else if (flags >= 0 && reuse_fd(fd, flags) < 0) {
		flags = -1;
	}
	if (flags < 0 || fd < 0) {
		int e = errno;

		if (flags < 0 && fd >= 0)
			close(fd); /* the old one, still open */
		f->fd = -1;
		f->flags = keep;
		errno = e;
		return NULL;
	}
	f->fd = fd;
	f->flags = keep;
	if ((flags & O_ACCMODE) != O_WRONLY)
		f->flags |= F_READ;
	if ((flags & O_ACCMODE) != O_RDONLY)
		f->flags |= F_WRITE;
	if (flags & O_APPEND)
		f->flags |= F_APPEND;
	f->mode = BUF_UNDECIDED;
	if (path && (flags & (O_APPEND | O_ACCMODE)) == (O_APPEND | O_WRONLY))
		lseek(fd, 0, SEEK_END);
	return f;
}

FILE *freopen(const char *restrict path, const char *restrict mode,
	      FILE *restrict f)
{
	FILE *r;

	__stdio_lock(f);
	r = freopen_unlocked(path, mode, f);
	__stdio_unlock(f);
	return r;
}
