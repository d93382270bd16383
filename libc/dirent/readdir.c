/* libc/dirent/readdir.c - readdir, rewinddir, telldir, seekdir.
 *
 * readdir returns the next record of the buffer, refilling it with
 * getdents64 when it is used up; NULL at the end (errno untouched) or
 * on an error (errno set).  The entry stays valid until the next call
 * on the same DIR.  Positions are the kernel's d_off cookies, which
 * lseek on the directory understands.
 */
#include <dirent.h>
#include <unistd.h>

#include "libc/dirent/dirstream.h"

struct dirent *readdir(DIR *dir)
{
	struct dirent *d;

	if (dir->pos >= dir->len) {
		ssize_t n = getdents64(dir->fd, dir->buf, sizeof(dir->buf));

		if (n <= 0)
			return NULL;
		dir->len = n;
		dir->pos = 0;
	}
	d = (struct dirent *)(dir->buf + dir->pos);
	dir->pos += d->d_reclen;
	dir->tell = d->d_off;
	return d;
}

void rewinddir(DIR *dir)
{
	seekdir(dir, 0);
}

long telldir(DIR *dir)
{
	return dir->tell;
}

void seekdir(DIR *dir, long pos)
{
	if (lseek(dir->fd, pos, SEEK_SET) < 0)
		return;
	dir->pos = dir->len = 0;
	dir->tell = pos;
}
