/* libc/stdlib/calloc.c - calloc: n * size zeroed bytes; ENOMEM when the
 * product overflows.  A fresh mapping is zero already; heap blocks may
 * be reused memory and are cleared. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "libc/internal/malloc.h"

void *calloc(size_t n, size_t size)
{
	size_t total;
	void *p;

	if (__builtin_mul_overflow(n, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(total);
	if (p && __malloc_in_heap(p))
		memset(p, 0, total);
	return p;
}
