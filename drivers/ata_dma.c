/* drivers/ata_dma.c - the IDE controller on PCI and its bus-master DMA,
 * for drivers/ata.c (interface in drivers/ata_internal.h).
 *
 * The PIIX IDE function (class 01.01) runs both channels at the legacy
 * ports and IRQs ("compatibility mode": prog-if bits 0 and 2 clear); its
 * BAR4 holds the bus-master registers, 8 ports per channel.  A DMA command
 * goes: write a PRD table (physical region descriptors) describing the
 * buffer, point the channel's bus master at it with the direction set,
 * issue READ/WRITE DMA (EXT) to the drive, set START.  The controller
 * moves the data, the drive interrupts, and the deferred half clears
 * START and checks the drive's and the bus master's error bits.
 *
 * PRD rules: the table is 4-byte aligned and below 4 GiB (a frame from
 * pmm_alloc); each entry covers an even number of bytes from an even
 * address, at most 64 KiB (a count of 0 means 64 KiB), never crossing a
 * 64 KiB boundary; the last entry has the EOT bit.  The request side hands
 * us only direct-map buffers (it bounces anything else), so V2P(buf) is
 * the start of a physically contiguous buffer.
 *
 * Setup and start run in the request side's issue() with interrupts off;
 * finish runs in the deferred half.  Nothing here sleeps.
 */
#include "drivers/ata_internal.h"
#include "drivers/pci.h"
#include "kernel/pmm.h"
#include "kernel/printk.h"
#include "kernel/uapi/errno.h"
#include "kernel/x86.h"

struct prd {
	uint32_t addr; /* physical */
	uint16_t bytes; /* 0 means 64 KiB */
	uint16_t flags;
} __attribute__((packed));

#define PRD_EOT 0x8000
#define PRD_ENTRIES (PAGE_SIZE / sizeof(struct prd))
#define BOUNDARY 0x10000u /* 64 KiB */

/* A command of ATA_DMA_MAX_SECTORS from any even address needs at most
 * one more entry than it has whole 64 KiB pieces. */
_Static_assert(ATA_DMA_MAX_SECTORS * SECTOR_SIZE / BOUNDARY + 1 <= PRD_ENTRIES,
	       "a maximal DMA command must fit the PRD table");

#define PROG_IF_NATIVE 0x05 /* a channel in native PCI mode */
#define PROG_IF_BUS_MASTER 0x80

uint16_t ata_dma_controller(void)
{
	const struct pci_device *p =
		pci_find_class(PCI_CLASS_STORAGE, PCI_SUBCLASS_IDE, 0);
	const struct pci_bar *bar4;

	if (!p) {
		printk("ata: no PCI IDE controller; legacy ports, PIO\n");
		return 0;
	}
	if (p->prog_if & PROG_IF_NATIVE) {
		pr_warn("ata: %04x:%04x is in native PCI mode, not supported\n",
			p->vendor, p->device);
		return 0;
	}
	bar4 = &p->bar[4];
	if (!(p->prog_if & PROG_IF_BUS_MASTER) || !bar4->io || !bar4->base) {
		pci_enable(p, PCI_CMD_IO);
		printk("ata: %04x:%04x has no bus master; PIO\n", p->vendor,
		       p->device);
		return 0;
	}
	pci_enable(p, PCI_CMD_IO | PCI_CMD_MASTER);
	printk("ata: IDE %04x:%04x at %02x:%02x.%d, bus master at %#x\n",
	       p->vendor, p->device, p->bus, p->slot, p->func, bar4->base);
	return bar4->base;
}

int ata_dma_init(struct ata_channel *ch)
{
	ch->prd_pa = pmm_alloc();
	if (!ch->prd_pa)
		return -ENOMEM;
	ch->prd = P2V(ch->prd_pa);
	return 0;
}

/* Describes len bytes at physical pa, split at 64 KiB boundaries. */
static void prd_fill(struct prd *table, uintptr_t pa, uint32_t len)
{
	int n = 0;

	while (len) {
		uint32_t chunk = MIN(len, BOUNDARY - (pa & (BOUNDARY - 1)));

		table[n].addr = pa;
		table[n].bytes = chunk & 0xFFFF;
		table[n].flags = 0;
		n++;
		pa += chunk;
		len -= chunk;
	}
	table[n - 1].flags = PRD_EOT;
}

static uint8_t direction(const struct ata_request *r)
{
	return r->kind == REQ_READ ? BM_CMD_TO_MEMORY : 0;
}

void ata_dma_setup(struct ata_channel *ch, struct ata_request *r)
{
	prd_fill(ch->prd, V2P(r->buf), r->count * SECTOR_SIZE);
	barrier(); /* the table is in memory before the controller looks */
	outl(ch->bm + BM_PRD, ch->prd_pa);
	outb(ch->bm + BM_COMMAND, direction(r));
	outb(ch->bm + BM_STATUS,
	     inb(ch->bm + BM_STATUS) | BM_ST_IRQ | BM_ST_ERROR);
}

void ata_dma_start(struct ata_channel *ch, struct ata_request *r)
{
	outb(ch->bm + BM_COMMAND, direction(r) | BM_CMD_START);
}

int ata_dma_finish(struct ata_channel *ch, struct ata_request *r, uint8_t st,
		   uint8_t bms)
{
	outb(ch->bm + BM_COMMAND, direction(r)); /* START off */
	if (bms & BM_ST_ERROR)
		return ata_fail(r, "bus-master error", st, bms);
	if (st & (ST_ERR | ST_DF))
		return ata_fail(r, "device error", st, bms);
	if (bms & BM_ST_ACTIVE) /* the drive stopped before the table ended */
		return ata_fail(r, "short transfer", st, bms);
	return 0;
}

void ata_dma_stop(struct ata_channel *ch)
{
	if (!ch->bm)
		return;
	outb(ch->bm + BM_COMMAND, 0);
	outb(ch->bm + BM_STATUS,
	     inb(ch->bm + BM_STATUS) | BM_ST_IRQ | BM_ST_ERROR);
}
