/* libc/stdio/fopen.c - fopen and fdopen, and what they share: reading a
 * mode string and making a FILE.
 *
 * Modes as glibc reads them: 'r', 'w' or 'a' first, then up to six of
 * '+' (read and write), 'b' (nothing, on POSIX), 'x' (O_EXCL), 'e'
 * (O_CLOEXEC); other characters are ignored, and ',' ends the mode.
 * A stream opened with "a" alone starts at the end of the file (so ftell
 * tells its size), one with "a+" at the start, as glibc does.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "libc/stdio/stdio_impl.h"

int __stdio_mode_flags(const char *mode)
{
	int flags;

	switch (*mode) {
	case 'r':
		flags = O_RDONLY;
		break;
	case 'w':
		flags = O_WRONLY | O_CREAT | O_TRUNC;
		break;
	case 'a':
		flags = O_WRONLY | O_CREAT | O_APPEND;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	for (int i = 1; i < 7 && mode[i] && mode[i] != ','; i++) {
		if (mode[i] == '+')
			flags = (flags & ~O_ACCMODE) | O_RDWR;
		else if (mode[i] == 'x')
			flags |= O_EXCL;
		else if (mode[i] == 'e')
			flags |= O_CLOEXEC;
	}
	return flags;
}

FILE *__stdio_new(int fd, int oflags)
{
	FILE *f = malloc(sizeof(*f));
	unsigned flags = F_FREE_FILE;

	if (!f)
		return NULL;
	if ((oflags & O_ACCMODE) != O_WRONLY)
		flags |= F_READ;
	if ((oflags & O_ACCMODE) != O_RDONLY)
		flags |= F_WRITE;
	if (oflags & O_APPEND)
		flags |= F_APPEND;
	__stdio_init(f, fd, flags);
	return f;
}

FILE *fopen(const char *restrict path, const char *restrict mode)
{
	int flags = __stdio_mode_flags(mode), fd;
	FILE *f;

	if (flags < 0)
		return NULL;
	fd = open(path, flags, 0666);
	if (fd < 0)
		return NULL;
	f = __stdio_new(fd, flags);
	if (!f) {
		close(fd);
		errno = ENOMEM;
		return NULL;
	}
	if ((flags & (O_APPEND | O_ACCMODE)) == (O_APPEND | O_WRONLY))
		lseek(fd, 0, SEEK_END);
	__stdio_link(f);
	return f;
}

/* The descriptor must allow what the mode asks (EINVAL otherwise); "a"
 * sets O_APPEND on it, "e" FD_CLOEXEC. */
FILE *fdopen(int fd, const char *mode)
{
	int flags = __stdio_mode_flags(mode);
	int fd_flags = fcntl(fd, F_GETFL);
	int acc = fd_flags & O_ACCMODE;
	FILE *f;

	if (flags < 0 || fd_flags < 0)
		return NULL;
	if ((acc == O_RDONLY && (flags & O_ACCMODE) != O_RDONLY) ||
	    (acc == O_WRONLY && (flags & O_ACCMODE) != O_WRONLY)) {
		errno = EINVAL;
		return NULL;
	}
	if ((flags & O_APPEND) && !(fd_flags & O_APPEND) &&
	    fcntl(fd, F_SETFL, fd_flags | O_APPEND) < 0)
		return NULL;
	if ((flags & O_CLOEXEC) && fcntl(fd, F_SETFD, FD_CLOEXEC) < 0)
		return NULL;
	f = __stdio_new(fd, flags);
	if (!f) {
		errno = ENOMEM;
		return NULL;
	}
	__stdio_link(f);
	return f;
}
