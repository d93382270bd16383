/* tests/unit/test_ring.c - kernel/ring.c: sizes, wrap-around of the free
 * running indices, full and empty, and a producer/consumer thread pair. */
#include <pthread.h>
#include <stdint.h>

#include "kernel/ring.h"
#include "kernel/uapi/errno.h"
#include "tests/unit/unit.h"

TEST(init_rejects_bad_sizes)
{
	uint8_t b[16];
	struct ring r;

	EXPECT_EQ(ring_init(&r, b, 0), -EINVAL);
	EXPECT_EQ(ring_init(&r, b, 1), -EINVAL);
	EXPECT_EQ(ring_init(&r, b, 12), -EINVAL);
	EXPECT_EQ(ring_init(&r, b, 16), 0);
	EXPECT_EQ(ring_count(&r), 0);
	EXPECT_EQ(ring_space(&r), 16);
}

TEST(fifo_order_full_and_empty)
{
	uint8_t b[4], c;
	struct ring r;

	ring_init(&r, b, sizeof(b));
	EXPECT(!ring_get(&r, &c));
	for (int i = 0; i < 4; i++)
		EXPECT(ring_put(&r, (uint8_t)i));
	EXPECT(!ring_put(&r, 9)); /* full: dropped */
	for (int i = 0; i < 4; i++) {
		EXPECT(ring_get(&r, &c));
		EXPECT_EQ(c, i);
	}
	EXPECT(!ring_get(&r, &c));
}

TEST(indices_wrap_at_2_to_the_32)
{
	uint8_t b[8], out[8];
	struct ring r;

	ring_init(&r, b, sizeof(b));
	r.head = r.tail = 0xFFFFFFFCu; /* four bytes before the wrap */
	EXPECT_EQ(ring_write(&r, "abcdefgh", 8), 8);
	EXPECT_EQ(ring_count(&r), 8);
	EXPECT_EQ(ring_space(&r), 0);
	EXPECT_EQ(ring_read(&r, out, 8), 8);
	EXPECT(!memcmp(out, "abcdefgh", 8));
	EXPECT_EQ(r.head, 4);
}

static struct ring shared;
static uint8_t shared_buf[64];
#define STREAM 1000000

static void *producer(void *arg)
{
	(void)arg;
	for (uint32_t i = 0; i < STREAM;)
		if (ring_put(&shared, (uint8_t)(i * 7)))
			i++;
	return NULL;
}

/* One producer thread, one consumer: every byte arrives, in order. */
TEST(spsc_threads_lose_nothing)
{
	pthread_t t;
	uint32_t got = 0, bad = 0;
	uint8_t c;

	ring_init(&shared, shared_buf, sizeof(shared_buf));
	pthread_create(&t, NULL, producer, NULL);
	while (got < STREAM)
		if (ring_get(&shared, &c))
			bad += c != (uint8_t)(got++ * 7);
	pthread_join(t, NULL);
	EXPECT_EQ(bad, 0);
	EXPECT_EQ(ring_count(&shared), 0);
}

UNIT_MAIN(CASE(init_rejects_bad_sizes), CASE(fifo_order_full_and_empty),
	  CASE(indices_wrap_at_2_to_the_32), CASE(spsc_threads_lose_nothing))
