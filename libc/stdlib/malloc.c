/* libc/stdlib/malloc.c - malloc and free, and the brk heap behind them.
 *
 * The design, in one paragraph: small blocks (chunks under
 * MMAP_THRESHOLD, 128 KiB) come from one contiguous heap that grows with
 * sbrk; large ones get an mmap of their own (malloc_mmap.c), unmapped by
 * free, so their memory goes straight back to the system.  The heap is a
 * row of chunks with boundary tags (each header holds its own size and
 * its left neighbour's, libc/internal/malloc.h), ended by a zero-size
 * fence.  Free chunks sit in segregated lists ("bins"): one per size for
 * 32..1008 bytes in steps of 16, then one per power of two; a bitmap
 * says which bins are non-empty.  malloc takes the first chunk big enough
 * from the first non-empty bin that can hold the request (an exact bin's
 * chunks all fit; a power-of-two bin is searched first-fit), splits off
 * what it does not need, and grows the heap when nothing fits.  free
 * merges a chunk with free neighbours at once (so two free chunks are
 * never adjacent) and, when the free chunk at the heap's end passes
 * TRIM_THRESHOLD, gives the memory back by moving the break down.
 *
 * Checks: free and realloc validate the header (magic, size, the right
 * neighbour's boundary tag, the tail canary) before touching anything,
 * and taking a chunk off a bin checks its links; a failure is reported
 * with a message and abort() (malloc_check.c).
 *
 * Threads: one lock (libc/internal/lock.h) around each call; with one
 * thread it is a plain store.
 *
 * If someone else moves the break, the heap goes on in a new region at
 * the new break (the old region's last chunk stays usable); if the break
 * cannot move at all, small blocks are mmapped too.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "libc/internal/lock.h"
#include "libc/internal/malloc.h"

#define EXACT_BINS 64 /* bin i holds chunks of exactly 16 * i bytes */
#define NBINS (EXACT_BINS + 22) /* then 2^10.., up to 2^31 */
#define GROW_MIN (64 * 1024) /* the least the heap grows by */
#define TRIM_THRESHOLD (256 * 1024) /* a free end this big is trimmed */
#define TRIM_KEEP (64 * 1024) /* ...down to about this */
#define PAGE 4096

volatile int __malloc_lock;
static struct chunk *bins[NBINS];
static uint32_t nonempty[(NBINS + 31) / 32];
static struct chunk *fence; /* the heap's (current region's) end */
static uintptr_t heap_lo, heap_hi; /* the first header .. the fence's end */

static unsigned bin_of(size_t size)
{
	if (size < EXACT_BINS * 16)
		return size / 16;
	return EXACT_BINS + (31 - __builtin_clz(size)) - 10;
}

static void bin_insert(struct chunk *c)
{
	unsigned b = bin_of(c->size);

	c->magic = MAGIC_FREE;
	c->prev = NULL;
	c->next = bins[b];
	if (c->next)
		c->next->prev = c;
	bins[b] = c;
	nonempty[b / 32] |= 1u << (b % 32);
}

static void bin_remove(struct chunk *c)
{
	unsigned b = bin_of(c->size);

	if ((c->next && c->next->prev != c) ||
	    (c->prev ? c->prev->next != c : bins[b] != c))
		__malloc_fail("malloc",
			      "corrupted free list (a write after free?)",
			      chunk_payload(c));
	if (c->prev)
		c->prev->next = c->next;
	else
		bins[b] = c->next;
	if (c->next)
		c->next->prev = c->prev;
	if (!bins[b])
		nonempty[b / 32] &= ~(1u << (b % 32));
}

/* the first non-empty bin at or after b; NBINS if none */
static unsigned next_bin(unsigned b)
{
	while (b < NBINS) {
		uint32_t bits = nonempty[b / 32] >> (b % 32);

		if (bits)
			return b + __builtin_ctz(bits);
		b = (b / 32 + 1) * 32;
	}
	return NBINS;
}

/* a free chunk of at least size bytes, taken off its bin; NULL if none */
static struct chunk *find_free(size_t size)
{
	for (unsigned b = next_bin(bin_of(size)); b < NBINS;
	     b = next_bin(b + 1)) {
		for (struct chunk *c = bins[b]; c; c = c->next) {
			if (c->magic != MAGIC_FREE)
				__malloc_fail("malloc",
					      "corrupted free chunk (a write "
					      "after free?)",
					      chunk_payload(c));
			if (c->size >= size) {
				bin_remove(c);
				return c;
			}
		}
	}
	return NULL;
}

/* Frees c for good: merges it with free neighbours and puts the result
 * in its bin.  Returns the merged chunk. */
static struct chunk *coalesce(struct chunk *c)
{
	struct chunk *next = chunk_after(c), *prev;

	if (next->magic == MAGIC_FREE) {
		bin_remove(next);
		c->size += next->size;
		next->magic = MAGIC_DEAD;
	}
	if (c->prev_size) {
		prev = (struct chunk *)((char *)c - c->prev_size);
		if (prev->magic == MAGIC_FREE) {
			bin_remove(prev);
			prev->size += c->size;
			c->magic = MAGIC_DEAD;
			c = prev;
		}
	}
	chunk_after(c)->prev_size = c->size;
	bin_insert(c);
	return c;
}

/* c (off any bin) is in use with size bytes; the rest, if it can be a
 * chunk, is freed */
static void split(struct chunk *c, size_t size)
{
	size_t rest = c->size - size;

	c->magic = MAGIC_USED;
	if (rest < MIN_CHUNK)
		return;
	struct chunk *r = (struct chunk *)((char *)c + size);

	c->size = size;
	r->size = rest;
	r->prev_size = size;
	chunk_after(r)->prev_size = rest;
	coalesce(r);
}

static void set_fence(struct chunk *at, size_t prev_size)
{
	fence = at;
	*fence = (struct chunk){.magic = MAGIC_FENCE, .prev_size = prev_size};
	heap_hi = (uintptr_t)fence + HDR;
}

/* Is the break still where our heap ends? */
static int own_break(void)
{
	return fence && (uintptr_t)sbrk(0) == (uintptr_t)fence + HDR;
}

/* starts a (new) heap region at the break: just a fence */
static int start_region(void)
{
	char *base = sbrk(0);
	size_t pad;

	if (base == (void *)-1)
		return -1;
	pad = -(uintptr_t)base & (MALLOC_ALIGN - 1);
	if (sbrk(pad + HDR) == (void *)-1)
		return -1;
	set_fence((struct chunk *)(base + pad), 0);
	if (!heap_lo)
		heap_lo = (uintptr_t)fence;
	return 0;
}

/* Grows the heap so that it ends in a free chunk of at least size
 * bytes; returns that chunk, in its bin.  NULL (errno ENOMEM) if the
 * break cannot move. */
static struct chunk *grow(size_t size)
{
	struct chunk *c, *last = NULL;
	size_t have = 0, inc;

	if (!own_break() && start_region() < 0)
		return NULL;
	if (fence->prev_size) {
		last = (struct chunk *)((char *)fence - fence->prev_size);
		if (last->magic == MAGIC_FREE)
			have = last->size;
	}
	inc = size > have ? size - have : 0;
	if (inc < GROW_MIN)
		inc = GROW_MIN;
	inc = (inc + PAGE - 1) & ~(size_t)(PAGE - 1);
	if (sbrk(inc) == (void *)-1)
		return NULL;
	c = fence; /* the old fence heads the new space */
	c->size = inc;
	set_fence(chunk_after(c), inc);
	return coalesce(c);
}

/* Gives the end of the heap back to the system when c, the free chunk
 * there, is big. */
static void maybe_trim(struct chunk *c)
{
	size_t cut;

	if (c->magic != MAGIC_FREE || chunk_after(c) != fence ||
	    c->size < TRIM_THRESHOLD || !own_break())
		return;
	cut = (c->size - TRIM_KEEP) & ~(size_t)(PAGE - 1);
	bin_remove(c);
	if (sbrk(-(long)cut) != (void *)-1) {
		c->size -= cut;
		set_fence(chunk_after(c), c->size);
	}
	bin_insert(c);
}

int __malloc_in_heap(void *p)
{
	return (uintptr_t)p >= heap_lo + HDR && (uintptr_t)p < heap_hi;
}

/* The in-use chunk of heap block p, after checking it; fn names the
 * caller in a report. */
struct chunk *__malloc_heap_chunk(const char *fn, void *p)
{
	struct chunk *c = payload_chunk(p), *next;

	if ((uintptr_t)p % MALLOC_ALIGN)
		__malloc_fail(fn, "invalid pointer (not the start of a block)",
			      p);
	if (c->magic == MAGIC_FREE || c->magic == MAGIC_DEAD)
		__malloc_fail(fn, "double free", p);
	if (c->magic != MAGIC_USED)
		__malloc_fail(fn,
			      "invalid pointer, or the header before it was "
			      "overwritten",
			      p);
	if (c->size < MIN_CHUNK || c->size % MALLOC_ALIGN ||
	    c->size > heap_hi - HDR - (uintptr_t)c ||
	    c->req > c->size - HDR - 1)
		__malloc_fail(fn, "corrupted block header", p);
	next = chunk_after(c);
	if (next->prev_size != c->size ||
	    (next->magic != MAGIC_USED && next->magic != MAGIC_FREE &&
	     next->magic != MAGIC_FENCE))
		__malloc_fail(fn,
			      "the next block's header was overwritten (a "
			      "write past the end?)",
			      p);
	__malloc_check_canary(fn, c);
	return c;
}

/* An in-use heap chunk of size bytes (a chunk size) whose payload is
 * aligned to align (a power of two); NULL if the heap cannot grow. */
struct chunk *__malloc_heap_alloc(size_t size, size_t align)
{
	size_t want = align > MALLOC_ALIGN ? size + align + MIN_CHUNK : size;
	struct chunk *c = find_free(want);
	uintptr_t p;

	if (!c) {
		if (!(c = grow(want)))
			return NULL;
		bin_remove(c);
	}
	p = (uintptr_t)chunk_payload(c);
	if (p % align) {
		/* free a lead of at least MIN_CHUNK before the aligned spot */
		uintptr_t q = (p + align - 1) & ~(uintptr_t)(align - 1);
		struct chunk *lead = c;

		if (q - p < MIN_CHUNK)
			q += align;
		c = payload_chunk((void *)q);
		c->size = lead->size - (q - p);
		c->prev_size = q - p;
		chunk_after(c)->prev_size = c->size;
		c->magic = MAGIC_USED;
		lead->size = q - p;
		coalesce(lead);
	}
	split(c, size);
	return c;
}

void __malloc_heap_free(struct chunk *c)
{
	maybe_trim(coalesce(c));
}

/* c, in use, becomes size bytes (size <= c->size) */
void __malloc_heap_shrink(struct chunk *c, size_t size)
{
	split(c, size);
	if (chunk_after(c)->magic == MAGIC_FREE)
		maybe_trim(chunk_after(c));
}

/* c, in use, grows to size bytes where it is, by taking the free chunk
 * after it (growing the heap if c is last); 0, or -1 if it cannot. */
int __malloc_heap_grow_in_place(struct chunk *c, size_t size)
{
	struct chunk *next = chunk_after(c);

	if (next == fence && own_break()) {
		if (!grow(size - c->size))
			return -1;
		next = chunk_after(c);
	}
	if (next->magic != MAGIC_FREE || c->size + next->size < size)
		return -1;
	bin_remove(next);
	next->magic = MAGIC_DEAD;
	c->size += next->size;
	chunk_after(c)->prev_size = c->size;
	split(c, size);
	return 0;
}

void *malloc(size_t req)
{
	struct chunk *c;
	size_t size;
	void *p;

	if (req > MAX_REQUEST) {
		errno = ENOMEM;
		return NULL;
	}
	size = chunk_size_for(req);
	__lock(&__malloc_lock);
	if (size < MMAP_THRESHOLD &&
	    (c = __malloc_heap_alloc(size, MALLOC_ALIGN))) {
		c->req = req;
		__malloc_set_canary(c);
		p = chunk_payload(c);
	} else { /* big, or the break is stuck: a mapping will do */
		p = __malloc_mmap_alloc(req, MALLOC_ALIGN);
	}
	__unlock(&__malloc_lock);
	return p;
}

void free(void *p)
{
	if (!p)
		return;
	__lock(&__malloc_lock);
	if (__malloc_in_heap(p))
		__malloc_heap_free(__malloc_heap_chunk("free", p));
	else
		__malloc_mmap_free(__malloc_mmap_chunk("free", p));
	__unlock(&__malloc_lock);
}
