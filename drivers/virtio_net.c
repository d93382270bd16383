/* drivers/virtio_net.c - the virtio-net card, in two halves.
 *
 * One legacy virtio-net PCI function (QEMU's -device virtio-net-pci):
 * queue 0 receives, queue 1 transmits.  Features taken: the MAC address
 * in the configuration (VIRTIO_NET_F_MAC), link status (F_STATUS) and
 * header-and-frame in one descriptor (F_ANY_LAYOUT).  No checksum
 * offload, no segmentation, no mergeable buffers: every frame is whole in
 * one buffer behind a zeroed 10-byte virtio_net_hdr.
 *
 * Buffers are preallocated (no allocation per packet): one 2 KiB buffer
 * per ring slot, two to a page, each slot a fixed descriptor chain (one
 * descriptor with ANY_LAYOUT, else header + data).  A slot's chain and
 * its buffer's physical address never change; only a TX descriptor's
 * length does.
 *
 *   transmit side   virtio_net_tx_get/put (lwIP's linkoutput, in task
 *   (top half)      context): take a free TX slot (reclaiming finished
 *                   ones first; when the ring is full, turn TX
 *                   interrupts on and sleep on tx_wait until the
 *                   deferred half frees one), copy the frame in, post
 *                   the slot and notify the device.  TX interrupts are
 *                   off otherwise: nobody waits for them.
 *   interrupt half  vnet_irq(), with interrupts off: read the ISR status,
 *                   which acknowledges the device and lowers its line; a
 *                   zero means the interrupt was another device's on a
 *                   shared line.  Note it and schedule the deferred half.
 *   deferred half   vnet_work(), in the kworker thread: drain the RX used
 *                   ring, handing each frame to the receive hook (lwIP:
 *                   tcpip_input, which only posts to a mailbox) and
 *                   posting its buffer straight back (the ring stays
 *                   full); reclaim finished TX slots and wake senders;
 *                   on a configuration interrupt, read the link state
 *                   and tell the link hook.  Never sleeps.
 *
 * Rules: the rings are touched only in task context (transmit side,
 * deferred half), never by the interrupt half, and the kernel is not
 * preempted, so they need no lock; the interrupt half's note (isr_seen)
 * is guarded by disabling interrupts.  An interrupt arriving while the
 * deferred half runs schedules it again, so nothing is left in a used
 * ring unseen.  No busy-waiting on the device anywhere.
 */
#include "drivers/virtio_net.h"

#include "drivers/virtio.h"
#include "kernel/defer.h"
#include "kernel/irq.h"
#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/pmm.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/wait.h"
#include "kernel/x86.h"

#define VIRTIO_NET_F_MAC 5
#define VIRTIO_NET_F_STATUS 16
#define VIRTIO_NET_S_LINK_UP 1
#define CONFIG_MAC 0	/* 6 bytes */
#define CONFIG_STATUS 6 /* 16 bits, with F_STATUS */

#define PCI_SUBSYSTEM_ID 0x2E

#define Q_RX 0
#define Q_TX 1
#define HDR_LEN 10 /* struct virtio_net_hdr without MRG_RXBUF */
#define BUF_SIZE 2048u
#define MAX_SLOTS 256u /* per ring; the rest of a bigger queue stays unused */
#define TX_TIMEOUT_MS 2000

_Static_assert(HDR_LEN + VIRTIO_NET_FRAME_MAX <= BUF_SIZE,
	       "a frame and its header fit a buffer");

struct ring {
	struct virtq q;
	unsigned slots;
	uint8_t **buf; /* [slots]: BUF_SIZE bytes each, header first */
};

static struct vnet {
	struct virtio_dev dev;
	struct ring rx, tx;
	unsigned chain;	   /* descriptors per slot: 1 (ANY_LAYOUT) or 2 */
	uint16_t *tx_free; /* stack of free TX slots */
	unsigned tx_nfree;
	unsigned tx_sleepers; /* senders waiting for a slot */
	uint8_t irq;
	uint8_t mac[6];
	bool link_up;
	uint8_t isr_seen; /* ISR bits since the deferred half last ran */
	struct work work;
	struct wait_queue tx_wait;
	virtio_net_rx_fn rx_fn;
	void *rx_arg;
	virtio_net_link_fn link_fn;
	void *link_arg;
	struct virtio_net_stats stats;
} vn;

static bool probed, present;

/* --- buffers and slots ------------------------------------------------ */

static void free_buffers(struct ring *r)
{
	if (r->buf) {
		for (unsigned i = 0; i < r->slots; i += PAGE_SIZE / BUF_SIZE)
			if (r->buf[i])
				pmm_free(V2P(r->buf[i]));
		kfree(r->buf);
	}
	r->buf = NULL;
}

/* BUF_SIZE buffers, two to a page, each physically contiguous. */
static int alloc_buffers(struct ring *r)
{
	r->buf = kzalloc(r->slots * sizeof(*r->buf));
	if (!r->buf)
		return -ENOMEM;
	for (unsigned i = 0; i < r->slots; i++) {
		if (i % (PAGE_SIZE / BUF_SIZE) == 0) {
			uintptr_t pa = pmm_alloc();

			if (!pa)
				return -ENOMEM;
			r->buf[i] = P2V(pa);
		} else {
			r->buf[i] = r->buf[i - 1] + BUF_SIZE;
		}
		memset(r->buf[i], 0, HDR_LEN); /* TX: no offloads, ever */
	}
	return 0;
}

/* Writes slot s's fixed descriptor chain; flags VIRTQ_DESC_F_WRITE for
 * buffers the device fills. */
static void init_chain(struct ring *r, unsigned s, uint16_t flags)
{
	struct virtq_desc *d = &r->q.desc[s * vn.chain];
	uintptr_t pa = V2P(r->buf[s]);

	if (vn.chain == 1) {
		*d = (struct virtq_desc){pa, BUF_SIZE, flags, 0};
		return;
	}
	d[0] = (struct virtq_desc){pa, HDR_LEN, flags | VIRTQ_DESC_F_NEXT,
				   s * 2 + 1};
	d[1] = (struct virtq_desc){pa + HDR_LEN, BUF_SIZE - HDR_LEN, flags, 0};
}

static int ring_init(struct ring *r, uint16_t index, uint16_t flags)
{
	int err = virtq_setup(&r->q, &vn.dev, index);

	if (err)
		return err;
	r->slots = MIN(r->q.size / vn.chain, MAX_SLOTS);
	if ((err = alloc_buffers(r)))
		return err;
	for (unsigned s = 0; s < r->slots; s++)
		init_chain(r, s, flags);
	return 0;
}

static void ring_free(struct ring *r)
{
	free_buffers(r);
	virtq_free(&r->q);
}

/* The slot a used entry names, or -1 (logged) for a head we never
 * posted: a device bug, which must not make us touch random memory. */
static int used_slot(struct ring *r, uint32_t head, const char *which)
{
	if (head % vn.chain || head / vn.chain >= r->slots) {
		pr_err("virtio-net: %s used entry names descriptor %u\n", which,
		       head);
		return -1;
	}
	return head / vn.chain;
}

/* --- interrupt half --------------------------------------------------- */

/* With interrupts off: acknowledge (reading the ISR clears it and lowers
 * the line), note, defer.  Zero: not ours (a shared line). */
static void vnet_irq(struct trap_frame *tf)
{
	uint8_t isr = virtio_isr(&vn.dev);

	(void)tf;
	if (!isr)
		return;
	vn.isr_seen |= isr;
	vn.stats.interrupts++;
	defer_schedule(&vn.work);
}

/* --- deferred half ---------------------------------------------------- */

static void deliver(const uint8_t *buf, uint32_t len)
{
	const uint8_t *frame = buf + HDR_LEN;

	if (len < HDR_LEN + 14 || len > HDR_LEN + VIRTIO_NET_FRAME_MAX) {
		vn.stats.rx_errors++; /* a runt or an oversized frame */
		return;
	}
	len -= HDR_LEN;
	if (!vn.rx_fn || !vn.rx_fn(vn.rx_arg, frame, len)) {
		vn.stats.rx_dropped++;
		return;
	}
	vn.stats.rx_packets++;
	vn.stats.rx_bytes += len;
}

/* Hands every received frame on and posts its buffer straight back. */
static void rx_drain(void)
{
	uint32_t head, len;
	int s;

	while (virtq_pop(&vn.rx.q, &head, &len)) {
		if ((s = used_slot(&vn.rx, head, "RX")) < 0)
			continue;
		deliver(vn.rx.buf[s], len);
		virtq_post(&vn.rx.q, head);
	}
	virtq_kick(&vn.rx.q);
}

/* Takes finished TX slots back; returns how many.  Task context (the
 * deferred half, or a sender before it would sleep). */
static unsigned tx_reclaim(void)
{
	uint32_t head, len;
	unsigned n = 0;
	int s;

	while (virtq_pop(&vn.tx.q, &head, &len)) {
		if ((s = used_slot(&vn.tx, head, "TX")) < 0)
			continue;
		if (vn.tx_nfree == vn.tx.slots) { /* a device bug */
			pr_err(
			    "virtio-net: TX slot %d returned, none in flight\n",
			    s);
			continue;
		}
		vn.tx_free[vn.tx_nfree++] = s;
		n++;
	}
	return n;
}

static void config_changed(void)
{
	bool up;

	if (!virtio_has(&vn.dev, VIRTIO_NET_F_STATUS))
		return;
	up = virtio_config16(&vn.dev, CONFIG_STATUS) & VIRTIO_NET_S_LINK_UP;
	if (up == vn.link_up)
		return;
	printk("virtio-net: eth0 link %s\n", up ? "up" : "down");
	vn.link_up = up;
	if (vn.link_fn)
		vn.link_fn(vn.link_arg, up);
}

/* Deferred work, interrupts on: everything the interrupt half noted.
 * Both rings are drained whatever the ISR said: cheap, and a completion
 * that raced with the last run is not left behind. */
static void vnet_work(void *arg)
{
	uint32_t flags = irq_save();
	uint8_t isr = vn.isr_seen;

	(void)arg;
	vn.isr_seen = 0;
	irq_restore(flags);
	if (isr & VIRTIO_ISR_CONFIG)
		config_changed();
	rx_drain();
	if (tx_reclaim())
		wake_up(&vn.tx_wait);
}

/* --- transmit side ---------------------------------------------------- */

/* The TX ring is full: ask for TX interrupts (normally off: senders
 * reclaim for themselves) and sleep until the deferred half has
 * reclaimed a slot.  A completion that came before the request would
 * raise no interrupt, so look once more after making it.  0 or
 * -ETIMEDOUT. */
static int wait_tx_slot(void)
{
	int err = 0;

	if (!vn.tx_sleepers++)
		virtq_want_irq(&vn.tx.q, true);
	if (!tx_reclaim()) {
		vn.stats.tx_waits++;
		err = wait_event_timeout(&vn.tx_wait, vn.tx_nfree > 0,
					 TX_TIMEOUT_MS);
	}
	if (!--vn.tx_sleepers)
		virtq_want_irq(&vn.tx.q, false);
	return err;
}

int virtio_net_tx_get(uint8_t **frame)
{
	int s;

	if (!present)
		return -ENODEV;
	if (!vn.tx_nfree)
		tx_reclaim();
	if (!vn.tx_nfree && wait_tx_slot()) {
		vn.stats.tx_dropped++;
		pr_err("virtio-net: TX ring full for %d ms, frame dropped\n",
		       TX_TIMEOUT_MS);
		return -ETIMEDOUT;
	}
	s = vn.tx_free[--vn.tx_nfree];
	*frame = vn.tx.buf[s] + HDR_LEN;
	return s;
}

int virtio_net_tx_put(int s, size_t len)
{
	struct virtq_desc *d;

	if (!present || s < 0 || (unsigned)s >= vn.tx.slots)
		return -EINVAL;
	if (len == 0 || len > VIRTIO_NET_FRAME_MAX) {
		vn.tx_free[vn.tx_nfree++] = s; /* not sent after all */
		if (len) {
			vn.stats.tx_errors++;
			return -EINVAL;
		}
		return 0;
	}
	d = &vn.tx.q.desc[s * vn.chain];
	if (vn.chain == 1)
		d->len = HDR_LEN + len;
	else
		d[1].len = len;
	virtq_post(&vn.tx.q, s * vn.chain);
	virtq_kick(&vn.tx.q);
	vn.stats.tx_packets++;
	vn.stats.tx_bytes += len;
	return 0;
}

int virtio_net_xmit(const void *frame, size_t len)
{
	uint8_t *buf;
	int s;

	if (len > VIRTIO_NET_FRAME_MAX) {
		vn.stats.tx_errors++;
		return -EINVAL;
	}
	if ((s = virtio_net_tx_get(&buf)) < 0)
		return s;
	memcpy(buf, frame, len);
	return virtio_net_tx_put(s, len);
}

/* --- probing ---------------------------------------------------------- */

/* The PCI function: a transitional (legacy-capable) network card. */
static const struct pci_device *find_card(void)
{
	const struct pci_device *p;

	for (int i = 0;
	     (p = pci_find_id(VIRTIO_VENDOR, VIRTIO_DEV_LEGACY_NET, i)); i++)
		if (pci_read16(p, PCI_SUBSYSTEM_ID) == VIRTIO_SUBSYS_NET)
			return p;
	if (pci_find_id(VIRTIO_VENDOR, VIRTIO_DEV_MODERN_NET, 0))
		printk(
		    "virtio-net: only a modern (virtio 1.0) card, which this "
		    "driver does not drive; give QEMU a transitional one\n");
	else
		printk("virtio-net: no device\n");
	return NULL;
}

/* A line another driver already registered shows unmasked at the PIC;
 * irq_register keeps one handler per line, so we would steal it. */
static bool line_taken(unsigned irq)
{
	uint8_t imr = irq < 8 ? inb(0x21) : inb(0xA1);

	return !(imr & (1u << (irq & 7)));
}

static int check_irq(const struct pci_device *p)
{
	unsigned irq = p->irq_line;

	if (!p->irq_pin || irq == 0 || irq >= NR_IRQS || irq == 2) {
		pr_err("virtio-net: no usable IRQ line (pin %u line %u)\n",
		       p->irq_pin, irq);
		return -ENODEV;
	}
	if (line_taken(irq)) {
		pr_err("virtio-net: IRQ %u already has a driver\n", irq);
		return -EBUSY;
	}
	vn.irq = irq;
	return 0;
}

static void read_mac(void)
{
	if (virtio_has(&vn.dev, VIRTIO_NET_F_MAC)) {
		for (int i = 0; i < 6; i++)
			vn.mac[i] = virtio_config8(&vn.dev, CONFIG_MAC + i);
		return;
	}
	/* Locally administered, unicast, from the PCI address. */
	memcpy(vn.mac,
	       (uint8_t[6]){0x02, 0x00, 0x00, vn.dev.pci->bus, vn.dev.pci->slot,
			    vn.dev.pci->func},
	       6);
}

static int setup_rings(void)
{
	int err;

	if ((err = ring_init(&vn.rx, Q_RX, VIRTQ_DESC_F_WRITE)) ||
	    (err = ring_init(&vn.tx, Q_TX, 0)))
		return err;
	vn.tx_free = kmalloc(vn.tx.slots * sizeof(*vn.tx_free));
	if (!vn.tx_free)
		return -ENOMEM;
	for (unsigned s = 0; s < vn.tx.slots; s++)
		vn.tx_free[vn.tx_nfree++] = vn.tx.slots - 1 - s;
	for (unsigned s = 0; s < vn.rx.slots; s++)
		virtq_post(&vn.rx.q, s * vn.chain);
	virtq_want_irq(&vn.tx.q, false); /* until a sender must wait */
	return 0;
}

static void undo_setup(void)
{
	virtio_pci_reset(&vn.dev); /* stops all DMA into our buffers */
	virtio_pci_fail(&vn.dev);
	ring_free(&vn.rx);
	ring_free(&vn.tx);
	kfree(vn.tx_free);
	vn.tx_free = NULL;
}

static bool setup(const struct pci_device *p)
{
	int err;

	if ((err = check_irq(p)) || (err = virtio_pci_init(&vn.dev, p))) {
		pr_err("virtio-net: %02x:%02x.%d unusable (%d)\n", p->bus,
		       p->slot, p->func, err);
		return false;
	}
	virtio_pci_negotiate(&vn.dev, 1u << VIRTIO_NET_F_MAC |
					  1u << VIRTIO_NET_F_STATUS |
					  1u << VIRTIO_F_ANY_LAYOUT);
	vn.chain = virtio_has(&vn.dev, VIRTIO_F_ANY_LAYOUT) ? 1 : 2;
	read_mac();
	if ((err = setup_rings())) {
		pr_err("virtio-net: ring setup failed (%d)\n", err);
		undo_setup();
		return false;
	}
	vn.work = (struct work)WORK_INIT(vnet_work, NULL);
	vn.link_up = true;
	config_changed();
	virtio_isr(&vn.dev); /* nothing pending from before */
	irq_register(vn.irq, vnet_irq);
	virtio_pci_ready(&vn.dev);
	virtq_kick(&vn.rx.q); /* the RX ring is full: the device may receive */
	vn.stats.rx_slots = vn.rx.slots;
	vn.stats.tx_slots = vn.tx.slots;
	return true;
}

bool virtio_net_probe(void)
{
	const struct pci_device *p;

	if (probed)
		return present;
	probed = true;
	if (!(p = find_card()))
		return false;
	present = setup(p);
	if (present)
		printk("virtio-net: eth0 at %02x:%02x.%d io %#x irq %u, "
		       "mac %02x:%02x:%02x:%02x:%02x:%02x, %u+%u buffers%s\n",
		       p->bus, p->slot, p->func, vn.dev.io, vn.irq, vn.mac[0],
		       vn.mac[1], vn.mac[2], vn.mac[3], vn.mac[4], vn.mac[5],
		       vn.rx.slots, vn.tx.slots,
		       vn.link_up ? "" : ", link down");
	return present;
}

/* --- the rest of the interface ---------------------------------------- */

bool virtio_net_present(void)
{
	return present;
}

void virtio_net_mac(uint8_t mac[6])
{
	memcpy(mac, vn.mac, 6);
}

bool virtio_net_link_up(void)
{
	return present && vn.link_up;
}

void virtio_net_set_rx(virtio_net_rx_fn fn, void *arg, virtio_net_rx_fn *old_fn,
		       void **old_arg)
{
	if (old_fn)
		*old_fn = vn.rx_fn;
	if (old_arg)
		*old_arg = vn.rx_arg;
	vn.rx_fn = fn;
	vn.rx_arg = arg;
}

void virtio_net_set_link_hook(virtio_net_link_fn fn, void *arg)
{
	vn.link_fn = fn;
	vn.link_arg = arg;
}

bool virtio_net_get_stats(struct virtio_net_stats *st)
{
	uint32_t flags = irq_save(); /* interrupts counts in the top half */

	*st = vn.stats;
	irq_restore(flags);
	return present;
}
