/* libc/stdlib/memalign.c - blocks with a larger alignment than malloc's
 * 16 bytes: aligned_alloc (C11), posix_memalign, memalign.  The
 * alignment must be a power of two (posix_memalign: and a multiple of
 * sizeof(void *)), else EINVAL.  Freed with free(). */
#include <errno.h>
#include <stdlib.h>

#include "libc/internal/lock.h"
#include "libc/internal/malloc.h"

#define MAX_ALIGN (1u << 28)

static void *alloc_aligned(size_t align, size_t req)
{
	struct chunk *c;
	size_t size;
	void *p;

	if (!align || (align & (align - 1))) {
		errno = EINVAL;
		return NULL;
	}
	if (align <= MALLOC_ALIGN)
		return malloc(req);
	if (req > MAX_REQUEST || align > MAX_ALIGN) {
		errno = ENOMEM;
		return NULL;
	}
	size = chunk_size_for(req);
	__lock(&__malloc_lock);
	if (size + align < MMAP_THRESHOLD &&
	    (c = __malloc_heap_alloc(size, align))) {
		c->req = req;
		__malloc_set_canary(c);
		p = chunk_payload(c);
	} else {
		p = __malloc_mmap_alloc(req, align);
	}
	__unlock(&__malloc_lock);
	return p;
}

void *aligned_alloc(size_t align, size_t size)
{
	return alloc_aligned(align, size);
}

void *memalign(size_t align, size_t size)
{
	return alloc_aligned(align, size);
}

int posix_memalign(void **out, size_t align, size_t size)
{
	int saved = errno;
	void *p;

	if (align % sizeof(void *))
		return EINVAL;
	p = alloc_aligned(align, size);
	if (!p) {
		int e = errno;

		errno = saved;
		return e;
	}
	*out = p;
	return 0;
}
