/* kernel/tests/ktest_mem.c - the frame allocator and the kernel heap,
 * including running both out of memory and getting every byte back. */
#include "kernel/heap.h"
#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/ktest.h"
#include "kernel/pmm.h"
#include "kernel/string.h"

KTEST(pmm_alloc_free)
{
	size_t before = pmm_free_frames();
	uintptr_t a = pmm_alloc(), b = pmm_alloc();

	KEXPECT(a && b && a != b);
	KEXPECT_EQ(a % PAGE_SIZE, 0);
	KEXPECT(a >= 0x100000); /* the first MiB is never handed out */
	KEXPECT(a >= V2P(__kernel_end) || a < V2P(__kernel_start));
	KEXPECT_EQ(pmm_free_frames(), before - 2);
	pmm_free(a);
	pmm_free(b);
	KEXPECT_EQ(pmm_free_frames(), before);
}

KTEST(pmm_contiguous)
{
	size_t before = pmm_free_frames();
	uintptr_t run = pmm_alloc_contig(64);

	KEXPECT(run != 0);
	for (size_t i = 0; run && i < 64; i++) /* really ours: no overlap */
		memset(P2V(run + i * PAGE_SIZE), 0xAB, PAGE_SIZE);
	KEXPECT_EQ(pmm_free_frames(), before - 64);
	pmm_free_contig(run, 64);
	KEXPECT_EQ(pmm_free_frames(), before);
	KEXPECT_EQ(pmm_alloc_contig(pmm_total_frames() + 1), 0);
}

/* Takes every free frame (chained through the frames themselves), checks
 * the allocator then says "none", and gives them all back. */
KTEST(pmm_exhaustion)
{
	size_t before = pmm_free_frames(), got = 0;
	uintptr_t head = 0, pa;

	while ((pa = pmm_alloc())) {
		*(uintptr_t *)P2V(pa) = head;
		head = pa;
		got++;
	}
	KEXPECT_EQ(got, before);
	KEXPECT_EQ(pmm_free_frames(), 0);
	KEXPECT_EQ(pmm_alloc(), 0);
	KEXPECT_EQ(pmm_alloc_contig(2), 0);
	while (head) {
		pa = head;
		head = *(uintptr_t *)P2V(pa);
		pmm_free(pa);
	}
	KEXPECT_EQ(pmm_free_frames(), before);
}

KTEST(kmalloc_basic)
{
	char *a = kmalloc(10), *b = kmalloc(100), *c = kzalloc(5000);

	KEXPECT(a && b && c);
	KEXPECT_EQ((uintptr_t)a % HEAP_ALIGN, 0);
	KEXPECT_EQ((uintptr_t)b % HEAP_ALIGN, 0);
	KEXPECT(heap_block_size(a) >= 10);
	for (int i = 0; c && i < 5000; i++)
		if (c[i])
			KEXPECT_EQ(c[i], 0);
	memset(a, 1, 10);
	memset(b, 2, 100);
	KEXPECT_EQ(heap_check(kernel_heap()), 0);
	kfree(a);
	kfree(b);
	kfree(c);
	kfree(NULL);
	KEXPECT_EQ(heap_check(kernel_heap()), 0);
}

/* A heap of its own (on frames, like the kernel's), so the test does not
 * depend on what the rest of the kernel has allocated. */
static void *test_get_pages(size_t n)
{
	uintptr_t pa = pmm_alloc_contig(n);

	return pa ? P2V(pa) : NULL;
}

static void test_put_pages(void *p, size_t n)
{
	pmm_free_contig(V2P(p), n);
}

static void test_corrupt(const char *what, const void *p)
{
	ktest_fail(__FILE__, __LINE__, "heap says %s at %p", what, p);
}

KTEST(heap_coalesces)
{
	struct heap h = { .get_pages = test_get_pages, .put_pages = test_put_pages,
			  .corrupt = test_corrupt, .page_size = PAGE_SIZE };
	size_t frames = pmm_free_frames();
	void *p[8];
	void *big;

	heap_init(&h);
	for (int i = 0; i < 8; i++)
		p[i] = heap_alloc(&h, 1000);
	for (int i = 0; i < 8; i += 2) /* free in an order that needs both */
		heap_free(&h, p[i]); /* forward and backward merging */
	for (int i = 1; i < 8; i += 2)
		heap_free(&h, p[i]);
	KEXPECT_EQ(h.used_chunks, 0);
	/* One free chunk again: a block as big as the eight fits in place. */
	big = heap_alloc(&h, 8 * 1000);
	KEXPECT(big == p[0]);
	heap_free(&h, big);
	KEXPECT_EQ(heap_check(&h), 0);
	KEXPECT_EQ(h.arena_count, 1);
	KEXPECT_EQ(heap_destroy(&h), 0);
	KEXPECT_EQ(pmm_free_frames(), frames);
}

/* Allocates 64 KiB blocks, then small ones, until the heap says no; frees
 * everything; every frame must be back with the frame allocator. */
KTEST(kmalloc_exhaustion)
{
	struct heap *h = kernel_heap();
	size_t frames = pmm_free_frames(), arena_pages = h->arena_bytes / PAGE_SIZE;
	size_t chunks = h->used_chunks, arenas = h->arena_count;
	size_t sizes[] = { 65536, 4000, 100 };
	void *head = NULL, *p;
	size_t count = 0;

	for (size_t s = 0; s < ARRAY_SIZE(sizes); s++) {
		while ((p = kmalloc(sizes[s]))) {
			*(void **)p = head;
			head = p;
			count++;
		}
	}
	KEXPECT(count > 1000);
	KEXPECT_EQ(pmm_alloc_contig(16), 0); /* no room for another arena */
	KEXPECT_EQ(heap_check(h), 0);
	while (head) {
		p = head;
		head = *(void **)p;
		kfree(p);
	}
	KEXPECT_EQ(h->used_chunks, chunks);
	KEXPECT(h->arena_count <= MAX(arenas, 1u));
	KEXPECT_EQ(pmm_free_frames() + h->arena_bytes / PAGE_SIZE,
		   frames + arena_pages);
	KEXPECT_EQ(heap_check(h), 0);
}

KTEST(kmalloc_absurd_size_is_null)
{
	KEXPECT(kmalloc(0xFFFFFFF0u) == NULL);
	KEXPECT(kmalloc(512u << 20) == NULL);
}
