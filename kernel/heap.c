/* kernel/heap.c - boundary-tag allocator with coalescing (see heap.h).
 *
 * An arena is [arena header][chunk][chunk]...[fence].  Every chunk starts
 * with a 16-byte header holding a magic number, its own size, the size of
 * the chunk before it (0 for the first) and an in-use flag, so both
 * neighbours of a chunk are found in O(1).  The fence is a zero-size
 * in-use header that stops coalescing at the arena's end.  A free chunk
 * also holds its free-list links where the payload would be: one
 * circular list per size class (a bin, see bin_of), and a bitmap of the
 * bins that are not empty (the idea of TLSF, Masmano et al. 2004).
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

/* The bin of a free chunk of size bytes (a multiple of HEAP_ALIGN, at
 * least MIN_CHUNK): below SMALL_LIMIT one bin per size; above, four per
 * power of two, [2^k, 2^k * 5/4), [2^k * 5/4, 2^k * 6/4), ...  */
#define SMALL_LIMIT 1024u
#define SMALL_BINS (SMALL_LIMIT / HEAP_ALIGN)

static unsigned bin_of(size_t size)
{
	unsigned k;

	if (size < SMALL_LIMIT)
		return size / HEAP_ALIGN;
	k = 31 - (unsigned)__builtin_clz((uint32_t)size); /* 10 or more */
	return SMALL_BINS + (k - 10) * 4 + ((size >> (k - 2)) & 3);
}

/* The smallest size bin b holds. */
static size_t bin_floor(unsigned b)
{
	unsigned k;

	if (b < SMALL_BINS)
		return b * HEAP_ALIGN;
	k = 10 + (b - SMALL_BINS) / 4;
	return ((size_t)1 << k) + ((size_t)((b - SMALL_BINS) % 4) << (k - 2));
}

static void mark_bin(struct heap *h, unsigned b, bool nonempty)
{
	if (nonempty)
		h->bin_map[b / 32] |= 1u << (b % 32);
	else
		h->bin_map[b / 32] &= ~(1u << (b % 32));
}

/* The first non-empty bin from b on, or HEAP_BINS. */
static unsigned next_bin(const struct heap *h, unsigned b)
{
	for (unsigned w = b / 32; w < HEAP_BINS / 32; w++) {
		uint32_t bits = h->bin_map[w];

		if (w == b / 32)
			bits &= ~0u << (b % 32);
		if (bits)
			return w * 32 + (unsigned)__builtin_ctz(bits);
	}
	return HEAP_BINS;
}

static void list_remove(struct heap *h, struct heap_chunk *c)
{
	unsigned b = bin_of(c->size);

	if (c->next == c) {
		h->bins[b] = NULL;
		mark_bin(h, b, false);
	} else {
		c->prev->next = c->next;
		c->next->prev = c->prev;
		if (h->bins[b] == c)
			h->bins[b] = c->next;
	}
	h->free_bytes -= c->size;
}

static void list_insert(struct heap *h, struct heap_chunk *c)
{
	unsigned b = bin_of(c->size);
	struct heap_chunk *head = h->bins[b];

	c->magic = FREE_MAGIC;
	c->in_use = 0;
	if (!head) {
		c->next = c->prev = c;
		h->bins[b] = c;
		mark_bin(h, b, true);
	} else {
		c->next = head;
		c->prev = head->prev;
		head->prev->next = c;
		head->prev = c;
	}
	h->free_bytes += c->size;
}

/* A free chunk of at least need bytes, or NULL.  Any chunk of a bin
 * whose floor is need or more fits: the head of the first non-empty one
 * is taken (split later), found in the bitmap.  Only when there is none
 * are the chunks of need's own bin, some of them smaller, searched.  So
 * an allocation costs the same however fragmented the heap is. */
static struct heap_chunk *find_free(struct heap *h, size_t need)
{
	unsigned own = bin_of(need);
	unsigned b = next_bin(h, bin_floor(own) == need ? own : own + 1);
	struct heap_chunk *c = h->bins[own];

	if (b < HEAP_BINS)
		return h->bins[b];
	if (c) {
		do {
			if (c->size >= need)
				return c;
			c = c->next;
		} while (c != h->bins[own]);
	}
	return NULL;
}

void heap_init(struct heap *h)
{
	h->arenas = NULL;
	for (unsigned b = 0; b < HEAP_BINS; b++)
		h->bins[b] = NULL;
	for (unsigned w = 0; w < HEAP_BINS / 32; w++)
		h->bin_map[w] = 0;
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
	c = find_free(h, need);
	if (!c) {
		if (!grow(h, need))
			return NULL;
		c = find_free(h, need);
	}
	list_remove(h, c);
	split(h, c, need);
	c->magic = CHUNK_MAGIC;
	c->in_use = 1;
	h->used_bytes += c->size;
	h->used_chunks++;
	return (char *)c + HDR;
}

/* Makes b, the chunk right after a, part of a (neither on a list). */
static void merge(struct heap_chunk *a, struct heap_chunk *b)
{
	b->magic = 0;
	a->size += b->size;
	next_chunk(a)->prev_size = a->size;
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
	/* coalesce first: a chunk's size decides its list */
	n = next_chunk(c);
	if (n->magic == FREE_MAGIC) {
		list_remove(h, n);
		merge(c, n);
	}
	prev = prev_chunk(c);
	if (prev && prev->magic == FREE_MAGIC) {
		list_remove(h, prev);
		merge(prev, c);
		c = prev;
	}
	list_insert(h, c);
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
