/* libc/stdlib/realloc.c - realloc: resize in place when the block or
 * its free right neighbour allows, else move.  As glibc: realloc(NULL, n)
 * is malloc(n), realloc(p, 0) frees p and returns NULL, and on failure p
 * is left as it was.  The allocator's lock is held while the block is
 * resized in place; a move is malloc, copy, free (each locking). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "libc/internal/lock.h"
#include "libc/internal/malloc.h"

static int resize_in_place(void *p, size_t req, struct chunk **out)
{
	size_t size = chunk_size_for(req);
	struct chunk *c;

	if (!__malloc_in_heap(p)) {
		*out = c = __malloc_mmap_chunk("realloc", p);
		return __malloc_mmap_resize(c, req);
	}
	*out = c = __malloc_heap_chunk("realloc", p);
	if (size >= MMAP_THRESHOLD) /* it moves to a mapping */
		return -1;
	if (size <= c->size)
		__malloc_heap_shrink(c, size);
	else if (__malloc_heap_grow_in_place(c, size) < 0)
		return -1;
	c->req = req;
	__malloc_set_canary(c);
	return 0;
}

void *realloc(void *p, size_t req)
{
	struct chunk *c;
	size_t old;
	void *q;
	int r;

	if (!p)
		return malloc(req);
	if (!req) {
		free(p);
		return NULL;
	}
	if (req > MAX_REQUEST) {
		errno = ENOMEM;
		return NULL;
	}
	__lock(&__malloc_lock);
	r = resize_in_place(p, req, &c);
	old = c->req;
	__unlock(&__malloc_lock);
	if (r == 0)
		return p;
	q = malloc(req);
	if (!q)
		return NULL;
	memcpy(q, p, old < req ? old : req);
	free(p);
	return q;
}
