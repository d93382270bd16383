/* tests/unit/test_heap.c - kernel/heap.c on host pages: alignment,
 * coalescing, arenas given back, exhaustion, bad frees detected, and a
 * long random workload checked against a shadow copy of every block. */
#include <stdint.h>
#include <stdlib.h>

#include "kernel/heap.h"
#include "tests/unit/unit.h"

#define PAGE 4096

static size_t pages_out, page_limit = SIZE_MAX;
static int corruptions;
static const char *last_corruption;

static void *get_pages(size_t n)
{
	if (pages_out + n > page_limit)
		return NULL;
	pages_out += n;
	return aligned_alloc(PAGE, n * PAGE);
}

static void put_pages(void *p, size_t n)
{
	pages_out -= n;
	free(p);
}

static void corrupt(const char *what, const void *p)
{
	(void)p;
	corruptions++;
	last_corruption = what;
}

static struct heap fresh_heap(size_t limit)
{
	struct heap h = { .get_pages = get_pages, .put_pages = put_pages,
			  .corrupt = corrupt, .page_size = PAGE };
	heap_init(&h);
	pages_out = 0;
	page_limit = limit;
	corruptions = 0;
	return h;
}

TEST(alignment_and_sizes)
{
	struct heap h = fresh_heap(SIZE_MAX);
	static const size_t sizes[] = { 0, 1, 15, 16, 17, 100, 4095, 4096, 70000 };
	void *p[9];

	for (int i = 0; i < 9; i++) {
		p[i] = heap_alloc(&h, sizes[i]);
		EXPECT(p[i] != NULL);
		EXPECT_EQ((uintptr_t)p[i] % HEAP_ALIGN, 0);
		EXPECT(heap_block_size(p[i]) >= sizes[i]);
		memset(p[i], 0x5A, sizes[i]);
	}
	EXPECT_EQ(heap_check(&h), 0);
	for (int i = 0; i < 9; i++)
		heap_free(&h, p[i]);
	EXPECT_EQ(h.used_chunks, 0);
	EXPECT_EQ(h.used_bytes, 0);
	EXPECT_EQ(h.arena_count, 1); /* the big one went back, one is kept */
	EXPECT_EQ(corruptions, 0);
}

TEST(coalescing_restores_one_free_chunk)
{
	struct heap h = fresh_heap(SIZE_MAX);
	void *p[10];

	for (int i = 0; i < 10; i++)
		p[i] = heap_alloc(&h, 500);
	size_t free_before = h.free_bytes;
	for (int i = 9; i >= 0; i -= 2) /* odd ones, from the top */
		heap_free(&h, p[i]);
	for (int i = 0; i < 10; i += 2)
		heap_free(&h, p[i]);
	EXPECT_EQ(heap_check(&h), 0);
	/* Everything merged: a block as big as all ten fits where the first was. */
	EXPECT(h.free_bytes > 0);
	EXPECT(h.free_bytes > free_before);
	void *big = heap_alloc(&h, 10 * 500);
	EXPECT(big == p[0]);
	heap_free(&h, big);
}

/* Free chunks are kept by size class: a class holding only chunks too
 * small for a request is passed over for a larger class, and a request
 * its chunks fit gets one of them. */
TEST(size_classes_pass_over_chunks_too_small)
{
	struct heap h = fresh_heap(SIZE_MAX);
	void *a = heap_alloc(&h, 100), *x = heap_alloc(&h, 100);
	void *b = heap_alloc(&h, 120), *y = heap_alloc(&h, 100);

	heap_free(&h, a); /* 128 bytes with its header */
	heap_free(&h, b); /* 144: both in the class [128, 256) */
	void *big = heap_alloc(&h, 130); /* needs 160: neither fits */
	EXPECT(big && big != a && big != b);
	void *fits = heap_alloc(&h, 110); /* needs 128: a fits */
	EXPECT(fits == a || fits == b);
	EXPECT_EQ(heap_check(&h), 0);
	heap_free(&h, fits);
	heap_free(&h, big);
	heap_free(&h, x);
	heap_free(&h, y);
	EXPECT_EQ(h.used_chunks, 0);
	EXPECT_EQ(corruptions, 0);
}

TEST(exhaustion_returns_null_and_recovers)
{
	struct heap h = fresh_heap(64); /* 256 KiB of pages, no more */
	void *head = NULL, *p;
	int n = 0;

	while ((p = heap_alloc(&h, 1000))) {
		*(void **)p = head;
		head = p;
		n++;
	}
	EXPECT(n > 200);
	EXPECT(heap_alloc(&h, 1000) == NULL);
	EXPECT(heap_alloc(&h, 100000) == NULL);
	EXPECT(heap_alloc(&h, SIZE_MAX) == NULL);
	EXPECT(heap_alloc(&h, SIZE_MAX - 8) == NULL); /* no size overflow */
	EXPECT_EQ(heap_check(&h), 0);
	while (head) {
		p = head;
		head = *(void **)p;
		heap_free(&h, p);
	}
	EXPECT_EQ(h.used_chunks, 0);
	EXPECT_EQ(h.arena_count, 1);
	EXPECT_EQ(pages_out, h.arena_bytes / PAGE);
	EXPECT(heap_alloc(&h, 1000) != NULL); /* usable again */
}

TEST(bad_frees_are_reported)
{
	struct heap h = fresh_heap(SIZE_MAX);
	char *p = heap_alloc(&h, 64);
	char *q = heap_alloc(&h, 64);

	heap_free(&h, p);
	heap_free(&h, p);
	EXPECT_EQ(corruptions, 1);
	EXPECT_STREQ(last_corruption, "double free");
	heap_free(&h, q + 16);
	EXPECT_EQ(corruptions, 2);
	heap_free(&h, q + 3);
	EXPECT_EQ(corruptions, 3);
	memset(q - 16, 0, 8); /* a buffer underrun smashes the header */
	EXPECT_EQ(heap_check(&h), -1);
	heap_free(NULL, NULL); /* NULL is always fine */
}

/* 200,000 random allocations and frees; each live block is filled with a
 * pattern derived from its index and checked before it is freed. */
TEST(random_workload_keeps_data_intact)
{
	struct heap h = fresh_heap(4096);
	enum { SLOTS = 512 };
	static uint8_t *blk[SLOTS];
	static size_t len[SLOTS];
	int bad = 0;

	srand(62);
	for (int step = 0; step < 200000; step++) {
		int i = rand() % SLOTS;
		if (blk[i]) {
			for (size_t k = 0; k < len[i]; k++)
				bad += blk[i][k] != (uint8_t)(i + k);
			heap_free(&h, blk[i]);
			blk[i] = NULL;
		} else {
			len[i] = rand() % 4 ? rand() % 256 : rand() % 20000;
			blk[i] = heap_alloc(&h, len[i]);
			for (size_t k = 0; blk[i] && k < len[i]; k++)
				blk[i][k] = (uint8_t)(i + k);
		}
		if (step % 20000 == 0 && heap_check(&h))
			bad++;
	}
	for (int i = 0; i < SLOTS; i++)
		heap_free(&h, blk[i]);
	EXPECT_EQ(bad, 0);
	EXPECT_EQ(corruptions, 0);
	EXPECT_EQ(h.used_chunks, 0);
	EXPECT_EQ(heap_check(&h), 0);
	EXPECT_EQ(h.arena_count, 1);
}

UNIT_MAIN(CASE(alignment_and_sizes), CASE(coalescing_restores_one_free_chunk),
	  CASE(size_classes_pass_over_chunks_too_small),
	  CASE(exhaustion_returns_null_and_recovers), CASE(bad_frees_are_reported),
	  CASE(random_workload_keeps_data_intact))
