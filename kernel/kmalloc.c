/* kernel/kmalloc.c - the kernel's heap instance (see kmalloc.h).
 *
 * Arenas are physically contiguous runs of frames used through the direct
 * map.  Heap operations run with interrupts off: deferred work may
 * allocate, and this is a single CPU.
 */
#include "kernel/kmalloc.h"

#include "kernel/heap.h"
#include "kernel/kernel.h"
#include "kernel/panic.h"
#include "kernel/pmm.h"
#include "kernel/string.h"
#include "kernel/x86.h"

static void *get_pages(size_t n)
{
	uintptr_t pa = pmm_alloc_contig(n);

	return pa ? P2V(pa) : NULL;
}

static void put_pages(void *p, size_t n)
{
	pmm_free_contig(V2P(p), n);
}

static void corrupt(const char *what, const void *p)
{
	panic("kernel heap: %s at %p", what, p);
}

static struct heap kheap = {
	.get_pages = get_pages,
	.put_pages = put_pages,
	.corrupt = corrupt,
	.page_size = PAGE_SIZE,
};

void kmalloc_init(void)
{
	heap_init(&kheap);
}

void *kmalloc(size_t size)
{
	uint32_t flags = irq_save();
	void *p = heap_alloc(&kheap, size);

	irq_restore(flags);
	return p;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

void kfree(void *p)
{
	uint32_t flags = irq_save();

	heap_free(&kheap, p);
	irq_restore(flags);
}

struct heap *kernel_heap(void)
{
	return &kheap;
}
