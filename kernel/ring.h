/* kernel/ring.h - a byte ring buffer for one producer and one consumer.
 *
 * The producer (typically an interrupt's top half) only advances head, the
 * consumer (the bottom half) only advances tail, so the two need no lock as
 * long as each side is a single context.  head and tail run freely and
 * wrap at 2^32; the size must be a power of two so that "index & mask"
 * stays right across the wrap.  Pure code, tested on the host too.
 */
#ifndef KERNEL_RING_H
#define KERNEL_RING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ring {
	uint8_t *buf;
	uint32_t mask; /* size - 1 */
	volatile uint32_t head; /* next slot the producer writes */
	volatile uint32_t tail; /* next slot the consumer reads */
};

/* Returns 0, or -EINVAL if size is not a power of two >= 2. */
int ring_init(struct ring *r, uint8_t *buf, uint32_t size);

static inline uint32_t ring_count(const struct ring *r)
{
	return r->head - r->tail;
}

static inline uint32_t ring_space(const struct ring *r)
{
	return r->mask + 1 - ring_count(r);
}

/* Producer side: false if the ring is full (the byte is dropped). */
bool ring_put(struct ring *r, uint8_t byte);
/* Consumer side: false if the ring is empty. */
bool ring_get(struct ring *r, uint8_t *byte);
/* Bulk forms: return how many bytes were copied (maybe fewer than n). */
size_t ring_write(struct ring *r, const void *src, size_t n);
size_t ring_read(struct ring *r, void *dst, size_t n);

#endif
