/* libc/stdio/tmpfile.c - tmpfile: a new file open "w+" that is already
 * unlinked, so it disappears when closed.
 *
 * Made in /tmp, or in the working directory when /tmp cannot take it,
 * with a random name and O_EXCL (never someone else's file), then
 * unlinked at once.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include "libc/stdio/stdio_impl.h"

static unsigned random_word(void)
{
	static unsigned counter;
	unsigned r = 0;

	if (getrandom(&r, sizeof(r), GRND_NONBLOCK) != sizeof(r))
		r = (unsigned)getpid() * 2654435761u;
	return r ^ ++counter;
}

/* Creates and unlinks a file in dir; the descriptor or -1. */
static int create_unlinked(const char *dir)
{
	char path[64];

	for (int tries = 0; tries < 100; tries++) {
		snprintf(path, sizeof(path), "%s/tmpf-%d-%08x", dir, getpid(),
			 random_word());
		int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);

		if (fd >= 0) {
			unlink(path);
			return fd;
		}
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

FILE *tmpfile(void)
{
	int fd = create_unlinked(P_tmpdir);
	FILE *f;

	if (fd < 0)
		fd = create_unlinked(".");
	if (fd < 0)
		return NULL;
	f = __stdio_new(fd, O_RDWR);
	if (!f) {
		close(fd);
		errno = ENOMEM;
		return NULL;
	}
	__stdio_link(f);
	return f;
}
