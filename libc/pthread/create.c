/* libc/pthread/create.c - pthread_create: a mapping for the new thread's
 * stack, TLS block and struct pthread (libc/internal/pthread.h has the
 * picture), then clone.
 *
 * The clone flags are glibc's and musl's: the thread shares the address
 * space, files, cwd, signal handlers and SysV undo lists, is in our
 * thread group (CLONE_THREAD), gets its own TLS (CLONE_SETTLS with a
 * copy of the main thread's GDT entry, new base), and its tid is written
 * to t->tid by the kernel before the clone returns (PARENT_SETTID) and
 * cleared, with a FUTEX_WAKE, when the thread is gone (CHILD_CLEARTID):
 * that is what pthread_join waits for.
 *
 * The first call turns on the libc's locks (__libc_threaded) and fork's
 * care for them (__fork_hook), and has the kernel clear the main
 * thread's tid too (set_tid_address), so the main thread can be joined
 * as well.  Each call first frees the mappings of detached threads that
 * have ended (join.c).
 */
#include <asm/ldt.h>
#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>

#include "libc/internal/libc.h"
#include "libc/internal/lock.h"
#include "libc/internal/pthread.h"
#include "libc/internal/syscall.h"

#define PAGE PTHREAD_PAGE
#define FLAGS                                                                  \
	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |    \
	 CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID |                  \
	 CLONE_CHILD_CLEARTID)

static size_t page_up(size_t n)
{
	return (n + PAGE - 1) & ~(size_t)(PAGE - 1);
}

/* the new thread's first function (on its own stack, with its TLS) */
static int start(void *arg)
{
	struct pthread *self = arg;

	pthread_exit(self->start(self->arg));
}

/* A zeroed mapping with a guard page at the bottom, holding a thread
 * whose stack is at least stack bytes; its struct pthread, or NULL. */
static struct pthread *map_thread(size_t stack, size_t guard)
{
	size_t top =
	    page_up(__tls.offset + sizeof(struct pthread) + __tls.align);
	size_t size = guard + page_up(stack) + top;
	struct pthread *t;
	char *map;

	if (size < stack) /* overflow */
		return NULL;
	map = mmap(NULL, size, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		return NULL;
	if (guard && mprotect(map, guard, PROT_NONE) < 0) {
		munmap(map, size);
		return NULL;
	}
	t = (struct pthread *)((uintptr_t)(map + size - sizeof(*t)) &
			       -__tls.align);
	__tls_init_block(t);
	t->map = map;
	t->map_size = size;
	return t;
}

/* the first thread to be made: locks on, and the main thread joinable */
static void go_threaded(void)
{
	struct pthread *self = __pthread_self();

	__libc_threaded = 1;
	__fork_hook = __pthread_fork_hook;
	self->tid = __syscall1(SYS_set_tid_address, &self->tid);
}

int pthread_create(pthread_t *restrict out, const pthread_attr_t *restrict attr,
		   void *(*fn)(void *), void *restrict arg)
{
	size_t stack = attr ? attr->__stacksize : PTHREAD_DEFAULT_STACK;
	size_t guard = attr ? page_up(attr->__guardsize) : PAGE;
	struct user_desc d = {.entry_number = __tls.entry,
			      .limit = 0xfffff,
			      .seg_32bit = 1,
			      .limit_in_pages = 1,
			      .useable = 1};
	struct pthread *t;
	int r;

	__pthread_reap_dead();
	t = map_thread(stack, guard);
	if (!t)
		return EAGAIN;
	t->start = fn;
	t->arg = arg;
	t->state = attr && attr->__detach ? T_DETACHED : T_JOINABLE;
	d.base_addr = (uintptr_t)t;
	if (!__libc_threaded)
		go_threaded();
	__a_fetch_add(&__pthread_count, 1);
	*out = (pthread_t)t; /* before the thread runs, as glibc */
	r = __clone(start, (char *)t - __tls.offset, FLAGS, t, (int *)&t->tid,
		    &d, (int *)&t->tid);
	if (r < 0) {
		__a_fetch_add(&__pthread_count, -1);
		munmap(t->map, t->map_size);
		return r == -EPERM ? EPERM : EAGAIN;
	}
	return 0;
}
