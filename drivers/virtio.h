/* drivers/virtio.h - virtio over PCI, legacy interface: the transport
 * (drivers/virtio_pci.c) and split virtqueues (drivers/virtqueue.c).
 *
 * A legacy ("transitional") virtio device (vendor 0x1AF4, device
 * 0x1000-0x103F, what QEMU's -device virtio-*-pci is by default) puts
 * its common registers in I/O BAR0: features, queue selection and
 * address, notify, device status and the ISR status, then the
 * device-specific configuration (virtio 1.x spec, 4.1.4.8).  A virtqueue
 * is one physically contiguous area in the legacy layout: the descriptor
 * table, the available ring (driver -> device), padding to 4096, the used
 * ring (device -> driver).  The device reads and writes it by physical
 * address, so it comes from the frame allocator (direct map: V2P works).
 *
 * Who calls what: a driver's probe finds its device and negotiates
 * (virtio_pci_*), sets up its queues (virtq_setup), posts buffers
 * (virtq_post + virtq_kick); its interrupt half reads the ISR
 * (virtio_isr, which acknowledges); its deferred half takes completions
 * (virtq_pop).  A queue is touched by one task at a time (the kernel is
 * not preempted), never by an interrupt handler, so none of this locks.
 */
#ifndef DRIVERS_VIRTIO_H
#define DRIVERS_VIRTIO_H

#include <stdbool.h>
#include <stdint.h>

#include "drivers/pci.h"

#define VIRTIO_VENDOR 0x1AF4
#define VIRTIO_DEV_LEGACY_NET 0x1000 /* transitional network card */
#define VIRTIO_DEV_MODERN_NET 0x1041 /* virtio 1.x only network card */
#define VIRTIO_SUBSYS_NET 1	     /* subsystem id of a legacy network card */

/* Device status bits. */
#define VIRTIO_STATUS_ACKNOWLEDGE 1
#define VIRTIO_STATUS_DRIVER 2
#define VIRTIO_STATUS_DRIVER_OK 4
#define VIRTIO_STATUS_FAILED 128

/* ISR status bits (reading the register clears them and the IRQ). */
#define VIRTIO_ISR_QUEUE 1
#define VIRTIO_ISR_CONFIG 2

/* Feature bits common to all devices. */
#define VIRTIO_F_ANY_LAYOUT 27 /* header and data may share a descriptor */

/* Descriptor flags. */
#define VIRTQ_DESC_F_NEXT 1
#define VIRTQ_DESC_F_WRITE 2 /* device writes (else reads) the buffer */
/* avail->flags / used->flags. */
#define VIRTQ_AVAIL_F_NO_INTERRUPT 1
#define VIRTQ_USED_F_NO_NOTIFY 1

struct virtq_desc {
	uint64_t addr; /* physical */
	uint32_t len;
	uint16_t flags;
	uint16_t next;
} __attribute__((packed));

struct virtq_avail {
	uint16_t flags;
	uint16_t idx; /* where the driver puts the next entry (mod size) */
	uint16_t ring[];
} __attribute__((packed));

struct virtq_used_elem {
	uint32_t id;  /* head descriptor of the chain */
	uint32_t len; /* bytes the device wrote */
} __attribute__((packed));

struct virtq_used {
	uint16_t flags;
	uint16_t idx; /* where the device puts the next entry (mod size) */
	struct virtq_used_elem ring[];
} __attribute__((packed));

/* A legacy virtio PCI function. */
struct virtio_dev {
	const struct pci_device *pci;
	uint16_t io;		/* BAR0: the legacy register block */
	uint32_t host_features; /* what the device offers */
	uint32_t features;	/* what the driver accepted */
};

struct virtq {
	struct virtio_dev *dev;
	uint16_t index; /* queue number on the device */
	uint16_t size;	/* entries (a power of two, set by the device) */
	struct virtq_desc *desc;
	struct virtq_avail *avail;
	volatile struct virtq_used *used;
	uint16_t last_used; /* the next used entry to take */
	uint16_t posted;    /* avail entries written since the last kick */
	uintptr_t pa;	    /* the area's first frame */
	uint32_t pages;
	uint64_t kicks, kicks_saved; /* notifications sent / suppressed */
};

/* --- the transport (virtio_pci.c) ------------------------------------ */

/* Takes dev (enables its ports and bus mastering), resets it and sets
 * ACKNOWLEDGE | DRIVER; reads the offered features.  -ENODEV without an
 * I/O BAR0. */
int virtio_pci_init(struct virtio_dev *dev, const struct pci_device *pci);
/* Accepts wanted & offered; returns what was accepted. */
uint32_t virtio_pci_negotiate(struct virtio_dev *dev, uint32_t wanted);
static inline bool virtio_has(const struct virtio_dev *dev, int bit)
{
	return dev->features & (1u << bit);
}
/* Sets DRIVER_OK: the device may now use the queues. */
void virtio_pci_ready(struct virtio_dev *dev);
/* Sets FAILED (the device gives up on us), after a setup error. */
void virtio_pci_fail(struct virtio_dev *dev);
/* Resets the device: it forgets its queues and stops DMA. */
void virtio_pci_reset(struct virtio_dev *dev);
uint8_t virtio_pci_status(struct virtio_dev *dev);
/* Reads (and so acknowledges) the ISR status: VIRTIO_ISR_* bits, 0 when
 * the interrupt was not this device's.  Safe in an interrupt handler. */
uint8_t virtio_isr(struct virtio_dev *dev);
/* Device-specific configuration bytes, from offset 0 of that area. */
uint8_t virtio_config8(struct virtio_dev *dev, unsigned off);
uint16_t virtio_config16(struct virtio_dev *dev, unsigned off);

/* --- virtqueues (virtqueue.c) ----------------------------------------- */

/* Allocates and zeroes queue index's area, tells the device where it is.
 * -ENOENT if the device has no such queue, -ENOMEM. */
int virtq_setup(struct virtq *q, struct virtio_dev *dev, uint16_t index);
/* Gives back the area (after virtio_pci_reset: the device forgot it). */
void virtq_free(struct virtq *q);
/* Puts the descriptor chain starting at head in the available ring; the
 * device sees it at the next virtq_kick. */
void virtq_post(struct virtq *q, uint16_t head);
/* Publishes the posted entries and notifies the device unless it said
 * it does not need it (VIRTQ_USED_F_NO_NOTIFY). */
void virtq_kick(struct virtq *q);
/* Takes the next completed chain: true with *head and *len (bytes the
 * device wrote), false when the used ring holds nothing new.  *head is
 * as the device wrote it: the caller checks it is one of its chains. */
bool virtq_pop(struct virtq *q, uint32_t *head, uint32_t *len);
/* Asks the device to interrupt (or not) when it returns a chain on q; a
 * hint the device may ignore.  Turning them on is followed by a full
 * barrier, so a virtq_has_used() after it sees whatever the device
 * returned without an interrupt. */
void virtq_want_irq(struct virtq *q, bool on);
/* Whether the used ring has entries not yet taken. */
bool virtq_has_used(const struct virtq *q);

#endif
