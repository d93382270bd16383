/* libc/internal/malloc.h - the allocator's block layout (private to
 * libc/stdlib/malloc*.c, realloc.c, calloc.c, memalign.c).
 *
 * Every block the caller gets is the payload of a chunk: a 16-byte
 * header, then the payload (16-byte aligned, as glibc's on i386), then
 * at least one byte of tail canary up to the chunk's end.
 *
 *	chunk:	magic | size | prev_size | req | payload ... | canary bytes
 *
 * Small chunks live in the brk heap (malloc.c): contiguous, each header
 * knowing its own size and its left neighbour's (boundary tags), ending
 * in a zero-size "fence" chunk.  A free chunk keeps its free-list links
 * where the payload was.  Large chunks (MMAP_THRESHOLD and up) each get
 * a mapping of their own (malloc_mmap.c) that free() unmaps.
 *
 * The magic says what a header is, and so what free() was handed: a
 * chunk in use, a free one (double free), an mmapped one, or garbage
 * (a bad pointer or a corrupted heap).  The canary catches writes past
 * the requested size; the boundary tags catch headers that were
 * overwritten.  Every finding ends in __malloc_fail: a message on
 * stderr, then abort().
 */
#ifndef LIBC_INTERNAL_MALLOC_H
#define LIBC_INTERNAL_MALLOC_H

#include <stddef.h>
#include <stdint.h>

#define MALLOC_ALIGN 16
#define HDR 16 /* header bytes before the payload */
#define MIN_CHUNK 32 /* header + free-list links */
#define MMAP_THRESHOLD (128 * 1024) /* chunks this big are mmapped */
#define MAX_REQUEST 0x7fff0000u /* bigger requests fail with ENOMEM */

#define MAGIC_USED 0xa110c8edu
#define MAGIC_FREE 0xf4eeb10cu
#define MAGIC_MMAP 0x3a9b10c5u
#define MAGIC_FENCE 0xfe9cefe9u
#define MAGIC_DEAD 0xdeadc4a7u /* a header swallowed by coalescing */

#define CANARY 0xa5 /* every byte from payload + req to the chunk's end */
#define CANARY_CHECKED 64 /* at most this many of them are checked */

struct chunk {
	uint32_t magic;
	uint32_t size; /* whole chunk, header included; 0 for the fence */
	uint32_t prev_size; /* heap: the left neighbour's size (0: first);
			       mmap: bytes from the mapping's start */
	uint32_t req; /* in use: the size asked for */
	struct chunk *next, *prev; /* free chunks only: the bin's list */
};

static inline void *chunk_payload(struct chunk *c)
{
	return (char *)c + HDR;
}

static inline struct chunk *payload_chunk(void *p)
{
	return (struct chunk *)((char *)p - HDR);
}

static inline struct chunk *chunk_after(struct chunk *c)
{
	return (struct chunk *)((char *)c + c->size);
}

/* the chunk size that holds req bytes and at least one canary byte */
static inline size_t chunk_size_for(size_t req)
{
	size_t n = (req + HDR + 1 + MALLOC_ALIGN - 1) & ~(size_t)(MALLOC_ALIGN - 1);

	return n < MIN_CHUNK ? MIN_CHUNK : n;
}

/* malloc.c: one lock for the whole allocator (libc/internal/lock.h).
 * Every public entry point (malloc, free, realloc, calloc, the aligned
 * ones) holds it around its work on the heap or the list of mappings;
 * the functions below expect it held. */
extern volatile int __malloc_lock;

/* malloc_check.c: the canary, and the report that ends the process */
void __malloc_set_canary(struct chunk *c);
void __malloc_check_canary(const char *fn, struct chunk *c);
_Noreturn void __malloc_fail(const char *fn, const char *what, void *p);

/* malloc.c: the brk heap */
int __malloc_in_heap(void *p);
struct chunk *__malloc_heap_chunk(const char *fn, void *p);
struct chunk *__malloc_heap_alloc(size_t size, size_t align);
void __malloc_heap_free(struct chunk *c);
void __malloc_heap_shrink(struct chunk *c, size_t size);
int __malloc_heap_grow_in_place(struct chunk *c, size_t size);

/* malloc_mmap.c: blocks with a mapping of their own */
void *__malloc_mmap_alloc(size_t req, size_t align);
struct chunk *__malloc_mmap_chunk(const char *fn, void *p);
void __malloc_mmap_free(struct chunk *c);
int __malloc_mmap_resize(struct chunk *c, size_t req);

#endif
