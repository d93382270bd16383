/* kernel/kmalloc.h - the kernel heap: kmalloc/kfree over kernel/heap.c,
 * backed by contiguous frames from the frame allocator. */
#ifndef KERNEL_KMALLOC_H
#define KERNEL_KMALLOC_H

#include <stddef.h>

struct heap;

void kmalloc_init(void);
/* size bytes, 16-byte aligned, or NULL when memory is exhausted. */
void *kmalloc(size_t size);
/* Like kmalloc, zero-filled. */
void *kzalloc(size_t size);
/* Frees p (NULL is fine); freeing anything else than a live block
 * panics. */
void kfree(void *p);
/* The kernel heap itself, for statistics and self-checks. */
struct heap *kernel_heap(void);

#endif
