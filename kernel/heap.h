/* kernel/heap.h - a general-purpose allocator over page-sized arenas.
 *
 * The heap asks its page provider for contiguous runs of pages (arenas),
 * carves them into chunks with boundary tags, keeps free chunks on free
 * lists by size class (first fit in the class, else any chunk of a larger
 * class: a search costs the same however many chunks are free),
 * coalesces a freed chunk with free
 * neighbours at once, and gives an arena that became wholly free back to
 * the provider (all but one).  Running out returns NULL.  Pure code: the
 * kernel backs it with the frame allocator (kmalloc.c), the host unit
 * tests with malloc'd pages.
 */
#ifndef KERNEL_HEAP_H
#define KERNEL_HEAP_H

#include <stddef.h>
#include <stdint.h>

#define HEAP_ALIGN 16
#define HEAP_BINS 160 /* size classes of free chunks (heap.c: bin_of) */

struct heap_chunk;
struct heap_arena;

struct heap {
	/* Contiguous, page-aligned pages, or NULL when none are left. */
	void *(*get_pages)(size_t npages);
	void (*put_pages)(void *p, size_t npages);
	/* Called on a corrupted or invalid free (must not return in the
	 * kernel: it panics). */
	void (*corrupt)(const char *what, const void *p);
	size_t page_size;

	struct heap_arena *arenas;
	struct heap_chunk *bins[HEAP_BINS]; /* each circular, or NULL */
	uint32_t bin_map[HEAP_BINS / 32]; /* bit b: bins[b] is not empty */
	size_t arena_count, arena_bytes, used_bytes, used_chunks;
	size_t free_bytes;
};

/* Sets up h with its callbacks; allocates nothing yet. */
void heap_init(struct heap *h);
/* size bytes aligned to HEAP_ALIGN, or NULL (also for absurd sizes). */
void *heap_alloc(struct heap *h, size_t size);
/* Returns p (may be NULL) to the heap. */
void heap_free(struct heap *h, void *p);
/* Usable size of an allocated block. */
size_t heap_block_size(const void *p);
/* Gives every arena back to the page provider; the heap must have no
 * blocks in use (else -EBUSY, and nothing is freed). */
int heap_destroy(struct heap *h);
/* Walks every arena checking the tags; returns 0, or -1 after reporting
 * corruption through h->corrupt. */
int heap_check(struct heap *h);

#endif
