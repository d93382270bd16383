/* libc/pthread/fork_hooks.c - what fork (libc/process/fork.c) does around
 * the system call once the process has threads.
 *
 * Before: take the allocator's and the stream list's locks, so no other
 * thread is half-way through changing the heap or the list when memory
 * is copied.  After, in the parent: let them go.  In the child, which
 * has only the forking thread: let them go too, free every stream lock
 * some other thread held (as glibc's child does), count one thread, and
 * have the kernel clear this thread's (new) tid when it ends.  Both
 * other modules are reached through weak references, so using threads
 * links neither malloc nor stdio.
 */
#include <stdio.h>

#include "libc/internal/libc.h"
#include "libc/internal/lock.h"
#include "libc/internal/malloc.h"
#include "libc/internal/pthread.h"
#include "libc/internal/syscall.h"
#include "libc/stdio/stdio_impl.h"

#pragma weak __malloc_lock
#pragma weak __stdio_list_lock
#pragma weak __stdio_first

static void prepare(void)
{
	if (&__stdio_list_lock)
		__lock(&__stdio_list_lock);
	if (&__malloc_lock)
		__lock(&__malloc_lock);
}

static void parent(void)
{
	if (&__malloc_lock)
		__unlock(&__malloc_lock);
	if (&__stdio_list_lock)
		__unlock(&__stdio_list_lock);
}

static void child(void)
{
	struct pthread *self = __pthread_self();

	if (&__malloc_lock)
		__malloc_lock = 0;
	if (&__stdio_list_lock) {
		for (FILE *f = __stdio_first(); f; f = f->next) {
			if (f->owner != self) {
				f->lock = 0;
				f->owner = 0;
				f->lock_depth = 0;
			}
		}
		__stdio_list_lock = 0;
	}
	__pthread_count = 1;
	self->tid = __syscall1(SYS_set_tid_address, &self->tid);
}

void __pthread_fork_hook(int phase)
{
	if (phase == FORK_PREPARE)
		prepare();
	else if (phase == FORK_PARENT)
		parent();
	else
		child();
}
