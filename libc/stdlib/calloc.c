/* libc/stdlib/calloc.c - calloc: n * size zeroed bytes; ENOMEM when the
 * product overflows.  A fresh mapping is zero already; heap blocks may
 * be reused memory and are cleared. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "libc/internal/lock.h"
#include "libc/internal/malloc.h"

void *calloc(size_t n, size_t size)
{
	size_t total;
	int in_heap;
	void *p;

	if (__builtin_mul_overflow(n, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(total);
	if (!p)
		return NULL;
	__lock(&__malloc_lock);
	in_heap = __malloc_in_heap(p);
	__unlock(&__malloc_lock);
	if (in_heap)
		memset(p, 0, total);
	return p;
}
