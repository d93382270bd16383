/* libc/stdlib/malloc_mmap.c - large blocks, each in a mapping of its own.
 *
 * A mapping starts with a struct mapping, which links it into the list
 * of live mappings, then (after padding, for an aligned block) the chunk
 * header and the payload:
 *
 *	mapping | padding | chunk header | payload ... | canary | unused
 *
 * free unmaps the whole mapping, so the memory returns to the system at
 * once.  A pointer outside the brk heap is looked up in the list before
 * its header is read: a block freed twice is no longer there (its memory
 * is gone), and neither is a pointer malloc never returned; both are
 * reported, never dereferenced.  The walk is linear, which is fine for
 * the few blocks of 128 KiB and more a process holds.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "libc/internal/malloc.h"

#define PAGE 4096

struct mapping {
	struct mapping *next, *prev;
	size_t len; /* of the whole mapping */
	struct chunk *chunk;
};

static struct mapping *maps;

static struct mapping *chunk_mapping(struct chunk *c)
{
	return (struct mapping *)((char *)c - c->prev_size);
}

/* A mapping with a block of req bytes aligned to align (a power of two);
 * NULL and ENOMEM if there is no room. */
void *__malloc_mmap_alloc(size_t req, size_t align)
{
	unsigned long long need;
	uintptr_t base, payload;
	struct mapping *m;
	struct chunk *c;
	size_t len;

	if (align < MALLOC_ALIGN)
		align = MALLOC_ALIGN;
	need = (unsigned long long)sizeof(*m) + HDR + (align - MALLOC_ALIGN) +
	       req + 1 + PAGE - 1;
	if (need > 0xfffff000ull) {
		errno = ENOMEM;
		return NULL;
	}
	len = need & ~(unsigned long long)(PAGE - 1);
	m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		 -1, 0);
	if (m == MAP_FAILED)
		return NULL;
	base = (uintptr_t)m;
	payload = (base + sizeof(*m) + HDR + align - 1) & ~(uintptr_t)(align - 1);
	c = payload_chunk((void *)payload);
	c->magic = MAGIC_MMAP;
	c->prev_size = (uintptr_t)c - base;
	c->size = len - c->prev_size;
	c->req = req;
	__malloc_set_canary(c);
	m->len = len;
	m->chunk = c;
	m->prev = NULL;
	m->next = maps;
	if (maps)
		maps->prev = m;
	maps = m;
	return (void *)payload;
}

/* The chunk of mmapped block p, after checking it is one. */
struct chunk *__malloc_mmap_chunk(const char *fn, void *p)
{
	struct mapping *m;
	struct chunk *c;

	for (m = maps; m && chunk_payload(m->chunk) != p; m = m->next)
		;
	if (!m)
		__malloc_fail(fn,
			      "invalid pointer (freed already, or not from "
			      "malloc)",
			      p);
	c = m->chunk;
	if (c->magic != MAGIC_MMAP || chunk_mapping(c) != m ||
	    c->prev_size + c->size != m->len || c->req > c->size - HDR - 1)
		__malloc_fail(fn, "corrupted block header", p);
	__malloc_check_canary(fn, c);
	return c;
}

void __malloc_mmap_free(struct chunk *c)
{
	struct mapping *m = chunk_mapping(c);

	if (m->prev)
		m->prev->next = m->next;
	else
		maps = m->next;
	if (m->next)
		m->next->prev = m->prev;
	c->magic = MAGIC_DEAD;
	munmap(m, m->len);
}

/* Resizes c to req bytes where it is, if req still deserves a mapping
 * and fits in this one; pages no longer needed are unmapped.  0, or -1
 * if the block must move. */
int __malloc_mmap_resize(struct chunk *c, size_t req)
{
	struct mapping *m = chunk_mapping(c);
	size_t len;

	if (chunk_size_for(req) < MMAP_THRESHOLD || req > c->size - HDR - 1)
		return -1;
	len = (c->prev_size + HDR + req + 1 + PAGE - 1) & ~(size_t)(PAGE - 1);
	if (len < m->len && munmap((char *)m + len, m->len - len) == 0) {
		m->len = len;
		c->size = len - c->prev_size;
	}
	c->req = req;
	__malloc_set_canary(c);
	return 0;
}
