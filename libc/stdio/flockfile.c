/* libc/stdio/flockfile.c - flockfile, ftrylockfile, funlockfile: a
 * stream's lock, recursive (stdio_impl.h: every stdio call takes it
 * too, so a group of calls under flockfile is one piece of output). */
#include "libc/stdio/stdio_impl.h"

void flockfile(FILE *f)
{
	__stdio_lock(f);
}

/* 0 if the lock is now ours, nonzero if another thread holds it */
int ftrylockfile(FILE *f)
{
	void *self = __thread_self();

	if (f->owner != self) {
		if (__trylock(&f->lock))
			return -1;
		f->owner = self;
		f->lock_depth = 0;
	}
	f->lock_depth++;
	return 0;
}

/* only the holder can let it go */
void funlockfile(FILE *f)
{
	if (f->owner == __thread_self())
		__stdio_unlock(f);
}
