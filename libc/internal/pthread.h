/* libc/internal/pthread.h - the thread control block and the thread
 * pointer (private to libc/pthread, the TLS set-up and the locks).
 *
 * Every thread has a struct pthread; pthread_t is its address.  The
 * thread pointer (%gs's base, through a GDT TLS entry from
 * set_thread_area) points at it, and its first word points at itself,
 * as the i386 TLS ABI (variant II) asks: %gs:0 is the thread pointer,
 * and the thread's copy of the program's PT_TLS block ends just below
 * it, so a `__thread` variable is at a fixed negative offset from it.
 *
 * A thread made by pthread_create lives in one mapping (create.c):
 *
 *	guard page | stack ......... | TLS block | struct pthread | slack
 *	low                                      ^ thread pointer    high
 *
 * The main thread's block is set up at start-up (tls.c): in a static
 * buffer when it fits, else in a mapping.
 */
#ifndef LIBC_INTERNAL_PTHREAD_H
#define LIBC_INTERNAL_PTHREAD_H

#include <pthread.h>
#include <stddef.h>

#include "libc/internal/lock.h"

#define PTHREAD_DEFAULT_STACK (1024 * 1024)
#define PTHREAD_PAGE 4096

/* state: who frees the thread's mapping */
#define T_JOINABLE 0 /* pthread_join will */
#define T_DETACHED 1 /* the next pthread_create, once the thread is gone */
#define T_EXITED 2   /* ended while joinable: waits for pthread_join */

struct pthread {
	struct pthread *self; /* %gs:0 */
	/* the kernel's: written by CLONE_PARENT_SETTID, cleared (and
	 * FUTEX_WAKEd) by CLONE_CHILD_CLEARTID when the thread is gone */
	volatile int tid;
	volatile int state;
	void *(*start)(void *);
	void *arg;
	void *result;
	void *map; /* the thread's mapping; NULL for the main thread */
	size_t map_size;
	struct pthread *next_dead; /* on the list of detached ones (join.c) */
	int tsd_used;		   /* some tsd value was set */
	struct {
		unsigned seq; /* the key's sequence when value was set */
		void *value;
	} tsd[PTHREAD_KEYS_MAX];
};

static inline struct pthread *__pthread_self(void)
{
	return __thread_self();
}

/* tls.c: the program's TLS image, as PT_TLS describes it */
struct tls_image {
	const void *init; /* .tdata's initial bytes */
	size_t init_size; /* p_filesz */
	size_t size;	  /* p_memsz */
	size_t align;	  /* at least 16 */
	size_t offset;	  /* the block starts this far below the TP */
	unsigned entry;	  /* set_thread_area's GDT entry number */
};
extern struct tls_image __tls;

/* Fills the TLS block below tp (already zeroed) and the struct pthread at
 * tp (zeroed but for self). */
void __tls_init_block(struct pthread *tp);

/* exit.c: threads alive (1 at start); pthread_exit of the last one ends
 * the process */
extern volatile int __pthread_count;

/* key.c: runs the thread's TSD destructors (at pthread_exit) */
void __pthread_tsd_run_destructors(struct pthread *self);

/* join.c: frees the mappings of detached threads that are gone */
void __pthread_reap_dead(void);
void __pthread_add_dead(struct pthread *t);
/* waits until t is gone (its tid cleared by the kernel) */
void __pthread_wait_gone(struct pthread *t);
void __pthread_free(struct pthread *t);

/* __clone.S: clone(2) that runs fn(arg) on stack in the child and then
 * exit(2)s with its value; returns the child's tid or -errno */
int __clone(int (*fn)(void *), void *stack, int flags, void *arg,
	    int *parent_tid, void *tls, int *child_tid);

#endif
