/* kernel/heap.c - boundary-tag allocator with coalescing (see heap.h).
 *
 * An arena is [arena header][chunk][chunk]...[fence].  Every chunk starts
 * with a 16-byte header holding a magic number, its own size, the size of
 * the chunk before it (0 for the first) and an in-use flag, so both
 * neighbours of a chunk are found in O(1).  The fence is a zero-size
 * in-use header that stops coalescing at the arena's end.  A free chunk
 * also holds its free-list links where the payload would be.
 */
#include "kernel/heap.h"

#include <stdbool.h>

#include "kernel/uapi/errno.h"

#define CHUNK_MAGIC 0xC0FFEE11u
#define FREE_MAGIC 0xF4EEF4EEu
#define MIN_ARENA_PAGES 16
#define MAX_ALLOC (256u << 20)

struct heap_chunk {
	uint32_t magic; /* CHUNK_MAGIC in use, FREE_MAGIC free */
	uint32_t size; /* of the whole chunk, header included */
	uint32_t prev_size; /* of the chunk before it; 0 if first */
	uint32_t in_use;
	/* free chunks only: */
	struct heap_chunk *next, *prev;
};

struct heap_arena {
	struct heap_arena *next;
	size_t pages;
};

#define HDR 16u
#define MIN_CHUNK 32u
#define ALIGN(x) (((x) + HEAP_ALIGN - 1) & ~(size_t)(HEAP_ALIGN - 1))
#define ARENA_HDR ALIGN(sizeof(struct heap_arena))

static struct heap_chunk *first_chunk(struct heap_arena *a)
{
	return (struct heap_chunk *)((char *)a + ARENA_HDR);
}

static struct heap_chunk *next_chunk(struct heap_chunk *c)
{
	return (struct heap_chunk *)((char *)c + c->size);
}

static struct heap_chunk *prev_chunk(struct heap_chunk *c)
{
	return c->prev_size ? (struct heap_chunk *)((char *)c - c->prev_size)
			    : NULL;
}

static void list_remove(struct heap *h, struct heap_chunk *c)
{
	if (c->next == c) {
		h->free_list = NULL;
	} else {
		c->prev->next = c->next;
		c->next->prev = c->prev;
		if (h->free_list == c)
			h->free_list = c->next;
	}
	h->free_bytes -= c->size;
}

static void list_insert(struct heap *h, struct heap_chunk *c)
{
	c->magic = FREE_MAGIC;
	c->in_use = 0;
	if (!h->free_list) {
		c->next = c->prev = c;
		h->free_list = c;
	} else {
		struct heap_chunk *head = h->free_list;
		c->next = head;
		c->prev = head->prev;
		head->prev->next = c;
		head->prev = c;
	}
	h->free_bytes += c->size;
}

void heap_init(struct heap *h)
{
	h->arenas = NULL;
	h->free_list = NULL;
	h->arena_count = h->arena_bytes = 0;
	h->used_bytes = h->used_chunks = h->free_bytes = 0;
}

/* Gets an arena with room for a chunk of need bytes; NULL if no pages. */
static bool grow(struct heap *h, size_t need)
{
	size_t bytes = ARENA_HDR + need + HDR;
	size_t pages = (bytes + h->page_size - 1) / h->page_size;
	struct heap_arena *a;
	struct heap_chunk *c, *fence;

	if (pages < MIN_ARENA_PAGES)
		pages = MIN_ARENA_PAGES;
	a = h->get_pages(pages);
	if (!a)
		return false;
	a->pages = pages;
	a->next = h->arenas;
	h->arenas = a;
	h->arena_count++;
	h->arena_bytes += pages * h->page_size;

	c = first_chunk(a);
	c->size = pages * h->page_size - ARENA_HDR - HDR;
	c->prev_size = 0;
	fence = next_chunk(c); /* only the 16-byte header fits: no links */
	fence->magic = CHUNK_MAGIC;
	fence->size = 0;
	fence->prev_size = c->size;
	fence->in_use = 1;
	list_insert(h, c);
	return true;
}

/* Splits c so it is exactly size bytes if the rest makes a chunk. */
static void split(struct heap *h, struct heap_chunk *c, size_t size)
{
	struct heap_chunk *rest;

	if (c->size - size < MIN_CHUNK)
		return;
	rest = (struct heap_chunk *)((char *)c + size);
	rest->size = c->size - size;
	rest->prev_size = size;
	next_chunk(rest)->prev_size = rest->size;
	c->size = size;
	list_insert(h, rest);
}

void *heap_alloc(struct heap *h, size_t size)
{
	size_t need;
	struct heap_chunk *c;

	if (size > MAX_ALLOC)
		return NULL;
	need = ALIGN(size + HDR);
	if (need < MIN_CHUNK)
		need = MIN_CHUNK;
	for (int attempt = 0; attempt < 2; attempt++) {
		c = h->free_list;
		if (c) {
			do {
				if (c->size >= need) {
					list_remove(h, c);
					split(h, c, need);
					c->magic = CHUNK_MAGIC;
					c->in_use = 1;
					h->used_bytes += c->size;
					h->used_chunks++;
					return (char *)c + HDR;
				}
				c = c->next;
			} while (c != h->free_list);
		}
		if (!grow(h, need))
			return NULL;
	}
	return NULL;
}

/* Merges c with its next chunk (which is free and on the list). */
static void absorb_next(struct heap *h, struct heap_chunk *c)
{
	struct heap_chunk *n = next_chunk(c);

	list_remove(h, n);
	n->magic = 0;
	c->size += n->size;
	next_chunk(c)->prev_size = c->size;
}

static void release_arena_if_empty(struct heap *h, struct heap_chunk *c)
{
	struct heap_arena **pa, *a = (struct heap_arena *)((char *)c - ARENA_HDR);

	if (c->prev_size || next_chunk(c)->size || h->arena_count < 2)
		return; /* not the whole arena, or the last arena we keep */
	for (pa = &h->arenas; *pa && *pa != a; pa = &(*pa)->next)
		;
	if (!*pa)
		return;
	*pa = a->next;
	list_remove(h, c);
	h->arena_count--;
	h->arena_bytes -= a->pages * h->page_size;
	h->put_pages(a, a->pages);
}

void heap_free(struct heap *h, void *p)
{
	struct heap_chunk *c, *n, *prev;

	if (!p)
		return;
	c = (struct heap_chunk *)((char *)p - HDR);
	if ((uintptr_t)p % HEAP_ALIGN || c->magic != CHUNK_MAGIC || !c->in_use) {
		h->corrupt(c->magic == FREE_MAGIC ? "double free"
						  : "free of a bad pointer",
			   p);
		return;
	}
	h->used_bytes -= c->size;
	h->used_chunks--;
	list_insert(h, c);
	n = next_chunk(c);
	if (n->magic == FREE_MAGIC)
		absorb_next(h, c);
	prev = prev_chunk(c);
	if (prev && prev->magic == FREE_MAGIC) {
		absorb_next(h, prev);
		c = prev;
	}
	release_arena_if_empty(h, c);
}

size_t heap_block_size(const void *p)
{
	const struct heap_chunk *c =
		(const struct heap_chunk *)((const char *)p - HDR);

	return c->size - HDR;
}

int heap_destroy(struct heap *h)
{
	if (h->used_chunks)
		return -EBUSY;
	while (h->arenas) {
		struct heap_arena *a = h->arenas;
		h->arenas = a->next;
		h->put_pages(a, a->pages);
	}
	heap_init(h);
	return 0;
}

int heap_check(struct heap *h)
{
	for (struct heap_arena *a = h->arenas; a; a = a->next) {
		struct heap_chunk *c = first_chunk(a);
		uint32_t prev_size = 0;

		for (;;) {
			bool ok = (c->magic == CHUNK_MAGIC || c->magic == FREE_MAGIC) &&
				  c->prev_size == prev_size;
			if (!ok) {
				h->corrupt("corrupted chunk header", c);
				return -1;
			}
			if (!c->size)
				break; /* the fence */
			prev_size = c->size;
			c = next_chunk(c);
		}
	}
	return 0;
}
