/* kernel/ring.c - single-producer single-consumer byte ring (see ring.h).
 *
 * Ordering: the producer stores the byte before publishing the new head,
 * and the consumer loads the byte before publishing the new tail.  On x86
 * stores are not reordered with other stores, so a compiler barrier is all
 * that is needed between the two.
 */
#include "kernel/ring.h"

#include "kernel/uapi/errno.h"

#define compiler_barrier() __asm__ volatile("" ::: "memory")

int ring_init(struct ring *r, uint8_t *buf, uint32_t size)
{
	if (size < 2 || (size & (size - 1)))
		return -EINVAL;
	r->buf = buf;
	r->mask = size - 1;
	r->head = r->tail = 0;
	return 0;
}

bool ring_put(struct ring *r, uint8_t byte)
{
	if (!ring_space(r))
		return false;
	r->buf[r->head & r->mask] = byte;
	compiler_barrier();
	r->head++;
	return true;
}

bool ring_get(struct ring *r, uint8_t *byte)
{
	if (!ring_count(r))
		return false;
	*byte = r->buf[r->tail & r->mask];
	compiler_barrier();
	r->tail++;
	return true;
}

size_t ring_write(struct ring *r, const void *src, size_t n)
{
	const uint8_t *s = src;
	size_t done = 0;

	while (done < n && ring_put(r, s[done]))
		done++;
	return done;
}

size_t ring_read(struct ring *r, void *dst, size_t n)
{
	uint8_t *d = dst;
	size_t done = 0;

	while (done < n && ring_get(r, &d[done]))
		done++;
	return done;
}
