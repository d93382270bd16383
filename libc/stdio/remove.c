/* libc/stdio/remove.c - remove: unlink a file, or rmdir a directory
 * (which unlink refuses with EISDIR on Linux), as glibc does. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

int remove(const char *path)
{
	if (unlink(path) == 0)
		return 0;
	if (errno != EISDIR)
		return -1;
	return rmdir(path);
}
