/* drivers/virtqueue.c - split virtqueues in the legacy layout (virtio.h).
 *
 * For a queue of n entries (n set by the device), one physically
 * contiguous area, zeroed:
 *
 *   desc[n]          16 bytes each: address, length, flags, next
 *   avail            flags, idx, ring[n], used_event   (driver writes)
 *   (pad to 4096)
 *   used             flags, idx, ring[n] of {id, len}, avail_event
 *                                                      (device writes)
 *
 * The driver owns the descriptors: it decides which chains exist and
 * puts a chain's head in avail->ring, then moves avail->idx past it.
 * The device takes chains in order, fills or reads their buffers, and
 * returns each head in used->ring, moving used->idx.  Indexes run freely
 * (mod 2^16) and are taken mod n.
 *
 * Ordering (x86 keeps stores in order and loads in order, but may load
 * before an earlier store completes): ring entries are written before
 * idx (compiler barrier), and idx is stored before used->flags is read
 * to decide whether to notify (full barrier), or a device that just
 * re-enabled notifications could miss the new entry.
 */
#include "drivers/virtio.h"

#include "drivers/virtio_regs.h"
#include "kernel/kernel.h"
#include "kernel/pmm.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/x86.h"

#define QUEUE_MAX 32768 /* the largest size the layout allows */

static inline void mb(void)
{
	__sync_synchronize(); /* a locked instruction: orders store -> load */
}

static uint32_t avail_bytes(uint16_t n)
{
	return 16u * n + 6 + 2u * n;
}

static uint32_t area_bytes(uint16_t n)
{
	return ALIGN_UP(avail_bytes(n), VIRTIO_PCI_QUEUE_ALIGN) +
	       ALIGN_UP(6 + 8u * n, VIRTIO_PCI_QUEUE_ALIGN);
}

int virtq_setup(struct virtq *q, struct virtio_dev *dev, uint16_t index)
{
	uint16_t n;
	uint8_t *area;

	memset(q, 0, sizeof(*q));
	outw(dev->io + VIRTIO_PCI_QUEUE_SEL, index);
	n = inw(dev->io + VIRTIO_PCI_QUEUE_NUM);
	if (n == 0 || n > QUEUE_MAX || (n & (n - 1)))
		return -ENOENT; /* no such queue, or a size we cannot lay out */
	q->pages = area_bytes(n) / PAGE_SIZE;
	q->pa = pmm_alloc_contig(q->pages);
	if (!q->pa)
		return -ENOMEM;
	area = P2V(q->pa);
	memset(area, 0, q->pages * PAGE_SIZE);
	q->dev = dev;
	q->index = index;
	q->size = n;
	q->desc = (struct virtq_desc *)area;
	q->avail = (struct virtq_avail *)(area + 16u * n);
	q->used =
	    (volatile struct virtq_used *)(area +
					   ALIGN_UP(avail_bytes(n),
						    VIRTIO_PCI_QUEUE_ALIGN));
	outl(dev->io + VIRTIO_PCI_QUEUE_PFN,
	     q->pa >> VIRTIO_PCI_QUEUE_ADDR_SHIFT);
	return 0;
}

void virtq_free(struct virtq *q)
{
	if (q->pa)
		pmm_free_contig(q->pa, q->pages);
	q->pa = 0;
	q->size = 0;
}

void virtq_post(struct virtq *q, uint16_t head)
{
	uint16_t at = q->avail->idx + q->posted;

	q->avail->ring[at & (q->size - 1)] = head;
	q->posted++;
}

void virtq_kick(struct virtq *q)
{
	if (!q->posted)
		return;
	barrier(); /* the entries are in the ring before idx moves */
	q->avail->idx += q->posted;
	q->posted = 0;
	mb(); /* idx is visible before we look at the device's flags */
	if (q->used->flags & VIRTQ_USED_F_NO_NOTIFY) {
		q->kicks_saved++;
		return;
	}
	q->kicks++;
	outw(q->dev->io + VIRTIO_PCI_QUEUE_NOTIFY, q->index);
}

void virtq_want_irq(struct virtq *q, bool on)
{
	if (on) {
		q->avail->flags &= ~VIRTQ_AVAIL_F_NO_INTERRUPT;
		mb(); /* the flag is visible before we look at used->idx */
	} else {
		q->avail->flags |= VIRTQ_AVAIL_F_NO_INTERRUPT;
	}
}

bool virtq_has_used(const struct virtq *q)
{
	return q->used->idx != q->last_used;
}

bool virtq_pop(struct virtq *q, uint32_t *head, uint32_t *len)
{
	volatile struct virtq_used_elem *e;

	if (!virtq_has_used(q))
		return false;
	barrier(); /* read the entry only after seeing idx past it */
	e = &q->used->ring[q->last_used & (q->size - 1)];
	*head = e->id;
	*len = e->len;
	q->last_used++;
	return true;
}
