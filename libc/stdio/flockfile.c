/* libc/stdio/flockfile.c - flockfile, ftrylockfile, funlockfile: a
 * stream's lock.  There are no threads in this libc, so a stream is
 * always free: locking succeeds at once and does nothing. */
#include <stdio.h>

void flockfile(FILE *f)
{
	(void)f;
}

int ftrylockfile(FILE *f)
{
	(void)f;
	return 0;
}

void funlockfile(FILE *f)
{
	(void)f;
}
