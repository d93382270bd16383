/* kernel/tests/ktest_ata.c - PCI enumeration and the ATA driver on the
 * contract machine: the PIIX IDE controller, virtio-net, and hda (the
 * 32 MiB ext2 image build/disk.img, 65536 sectors).
 *
 * The I/O tests write a scratch range near the end of hda, which is the
 * root filesystem the other self-tests use: each saves the range first
 * and writes it back (and checks it) at the end.  Each mode test checks,
 * through the driver's counters and the IRQ 14 count, that the commands
 * really went the way that mode says.
 */
#include "drivers/ata.h"
#include "drivers/pci.h"
#include "kernel/blockdev.h"
#include "kernel/irq.h"
#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/ktest.h"
#include "kernel/paging.h"
#include "kernel/pmm.h"
#include "kernel/string.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"

#define DISK_SECTORS 65536 /* build/disk.img: 32 MiB */
#define SCRATCH 64000 /* the scratch range: SCRATCH .. + MAX_SECTORS */
#define MAX_SECTORS 300 /* > 256: an LBA28 transfer takes two commands */
#define MAX_BYTES (MAX_SECTORS * 512)
#define SPAN 0x10000 /* 64 KiB: a PRD entry may not cross one */
#define USER_VA 0x08048000u /* for a buffer outside the direct map */
#define BEYOND (DISK_SECTORS + 100) /* an LBA past the disk's end */

struct mode {
	const char *name;
	bool pio, lba48;
};

static const struct mode modes[] = {
	{ "DMA LBA28", false, false },
	{ "DMA LBA48", false, true },
	{ "PIO LBA28", true, false },
	{ "PIO LBA48", true, true },
};

static struct block_device *hda(void)
{
	return blockdev_find("hda");
}

static void use_mode(struct block_device *dev, const struct mode *m)
{
	ata_debug_force(dev, m ? m->pio : false, m ? m->lba48 : false);
}

static void fill(uint8_t *buf, size_t n, uint32_t seed)
{
	for (size_t i = 0; i < n; i++) {
		seed = seed * 1103515245u + 12345u;
		buf[i] = seed >> 16;
	}
}

/* A buffer of MAX_BYTES inside block (MAX_BYTES + SPAN) whose physical
 * address puts a 64 KiB boundary 768 bytes in: mid-sector. */
static uint8_t *straddle(uint8_t *block)
{
	uintptr_t off = (SPAN - 768 - V2P(block) % SPAN) % SPAN;

	return block + off;
}

/* Writes count sectors of a fresh pattern at SCRATCH from src (which
 * holds it afterwards) and reads them back into dst; true if equal. */
static bool round_trip(struct block_device *dev, uint8_t *src, uint8_t *dst,
		       uint32_t count, uint32_t seed)
{
	size_t n = count * 512;

	fill(src, n, seed);
	memset(dst, 0, n);
	if (blockdev_write(dev, SCRATCH, count, src) ||
	    blockdev_read(dev, SCRATCH, count, dst))
		return false;
	return !memcmp(src, dst, n);
}

/* Every mode reads back what src holds at SCRATCH. */
static int modes_agree(struct block_device *dev, const uint8_t *src,
		       uint8_t *dst, uint32_t count)
{
	int agree = 0;

	for (size_t i = 0; i < ARRAY_SIZE(modes); i++) {
		use_mode(dev, &modes[i]);
		memset(dst, 0, count * 512);
		if (!blockdev_read(dev, SCRATCH, count, dst) &&
		    !memcmp(src, dst, count * 512))
			agree++;
	}
	return agree;
}

/* 8, then 300 sectors written and read back: the commands and the
 * interrupts they took say which mode they used. */
static void check_counts(struct block_device *dev, const struct mode *m,
			 uint8_t *src, uint8_t *dst)
{
	struct ata_stats a, b;
	uint64_t irqs = irq_count(14);

	ata_get_stats(dev, &a);
	KEXPECT(round_trip(dev, src, dst, 8, 8));
	ata_get_stats(dev, &b);
	KEXPECT_EQ(irq_count(14) - irqs, (m->pio ? 16 : 2)); /* PIO: a sector */
	KEXPECT_EQ(b.dma - a.dma, (m->pio ? 0 : 2));
	KEXPECT_EQ(b.pio - a.pio, (m->pio ? 2 : 0));
	KEXPECT_EQ(b.lba48 - a.lba48, (m->lba48 ? 2 : 0));
	KEXPECT_EQ(b.bounced - a.bounced, 0);
	/* 300 sectors: LBA28 splits at 256, LBA48 does it in one command. */
	ata_get_stats(dev, &a);
	KEXPECT(round_trip(dev, src, dst, MAX_SECTORS, 300));
	ata_get_stats(dev, &b);
	KEXPECT_EQ(b.commands - a.commands, (m->lba48 ? 2 : 4));
}

/* An odd address goes through the bounce buffer (64 KiB a command). */
static void check_bounce(struct block_device *dev, uint8_t *src, uint8_t *dst)
{
	struct ata_stats a, b;

	ata_get_stats(dev, &a);
	KEXPECT(round_trip(dev, src + 1, dst + 1, MAX_SECTORS, 301));
	ata_get_stats(dev, &b);
	KEXPECT_EQ(b.bounced - a.bounced, 6); /* 128 + 128 + 44, twice */
}

static void io_test(const struct mode *m)
{
	struct block_device *dev = hda();
	uint8_t *saved = kmalloc(MAX_BYTES), *check = kmalloc(MAX_BYTES);
	uint8_t *a = kmalloc(MAX_BYTES + SPAN), *b = kmalloc(MAX_BYTES + SPAN);
	uint8_t *src, *dst;

	KEXPECT(dev && saved && check && a && b);
	if (!dev || !saved || !check || !a || !b)
		goto out;
	src = straddle(a);
	dst = straddle(b);
	use_mode(dev, NULL);
	if (blockdev_read(dev, SCRATCH, MAX_SECTORS, saved)) {
		KEXPECT(!"cannot save the scratch range");
		goto out; /* never write back what was not read */
	}
	use_mode(dev, m);
	KEXPECT(round_trip(dev, src, dst, 1, 1));
	check_counts(dev, m, src, dst); /* 8 and 300 sectors */
	KEXPECT_EQ(modes_agree(dev, src, dst, MAX_SECTORS), 4);
	use_mode(dev, m);
	check_bounce(dev, src, dst);
	use_mode(dev, NULL);
	KEXPECT_EQ(blockdev_write(dev, SCRATCH, MAX_SECTORS, saved), 0);
	KEXPECT_EQ(blockdev_read(dev, SCRATCH, MAX_SECTORS, check), 0);
	KEXPECT(!memcmp(saved, check, MAX_BYTES));
out:
	if (dev)
		use_mode(dev, NULL);
	kfree(saved);
	kfree(check);
	kfree(a);
	kfree(b);
}

static uint16_t ext2_magic(struct block_device *dev)
{
	uint8_t sector[512];

	memset(sector, 0, sizeof(sector));
	if (blockdev_read(dev, 2, 1, sector)) /* bytes 1024-1535 */
		return 0;
	return sector[56] | sector[57] << 8;
}

KTEST(pci_finds_ide_and_virtio_net)
{
	const struct pci_device *ide = pci_find_id(0x8086, 0x7010, 0);
	const struct pci_device *net = pci_find_id(0x1af4, 0x1000, 0);

	KEXPECT(ide && net);
	if (!ide || !net)
		return;
	KEXPECT_EQ(ide->class, PCI_CLASS_STORAGE);
	KEXPECT_EQ(ide->subclass, PCI_SUBCLASS_IDE);
	KEXPECT(pci_find_class(PCI_CLASS_STORAGE, PCI_SUBCLASS_IDE, 0) == ide);
	KEXPECT(ide->bar[4].io);
	KEXPECT_EQ(ide->bar[4].size, 16);
	KEXPECT_EQ(pci_read32(ide, PCI_BAR0 + 16) & ~3u, ide->bar[4].base);
	KEXPECT_EQ(pci_read16(ide, PCI_DEVICE_ID), 0x7010);
	KEXPECT_EQ(pci_read16(ide, PCI_COMMAND) & (PCI_CMD_IO | PCI_CMD_MASTER),
		   PCI_CMD_IO | PCI_CMD_MASTER); /* enabled by ata_init */
	KEXPECT_EQ(net->class, PCI_CLASS_NETWORK);
	KEXPECT(pci_find_class(PCI_CLASS_NETWORK, 0, 0) == net);
	KEXPECT(pci_find_id(0x1af4, 0x1000, 1) == NULL);
	KEXPECT(pci_find_id(0x1234, 0x5678, 0) == NULL);
}

KTEST(pci_config_byte_write)
{
	const struct pci_device *net = pci_find_id(0x1af4, 0x1000, 0);
	uint8_t line;

	KEXPECT(net != NULL);
	if (!net)
		return;
	line = pci_read8(net, PCI_INTERRUPT_LINE); /* a scratch register */
	pci_write8(net, PCI_INTERRUPT_LINE, 0x5A);
	KEXPECT_EQ(pci_read8(net, PCI_INTERRUPT_LINE), 0x5A);
	KEXPECT_EQ(pci_read32(net, PCI_INTERRUPT_LINE) & 0xFFFF,
		   0x5A | net->irq_pin << 8); /* only that byte changed */
	pci_write8(net, PCI_INTERRUPT_LINE, line);
	KEXPECT_EQ(pci_read8(net, PCI_INTERRUPT_LINE), line);
}

KTEST(ata_identify_hda)
{
	struct block_device *dev = hda();

	KEXPECT(dev != NULL);
	if (!dev)
		return;
	KEXPECT_EQ(dev->sectors, DISK_SECTORS);
	KEXPECT_EQ(dev->sector_size, 512);
	KEXPECT_EQ(dev->dev_id, 0x0300);
	KEXPECT(blockdev_find("hdb") == NULL); /* no disk there */
	KEXPECT(blockdev_find("hdc") == NULL); /* QEMU's CD-ROM: ATAPI */
	KEXPECT_EQ(ext2_magic(dev), 0xEF53);
}

KTEST(ata_io_dma_lba28) { io_test(&modes[0]); }
KTEST(ata_io_dma_lba48) { io_test(&modes[1]); }
KTEST(ata_io_pio_lba28) { io_test(&modes[2]); }
KTEST(ata_io_pio_lba48) { io_test(&modes[3]); }

/* A buffer outside the direct map (two frames mapped backwards at a user
 * address) is bounced, in DMA and in PIO. */
KTEST(ata_io_buffer_outside_direct_map)
{
	struct block_device *dev = hda();
	uintptr_t f0 = pmm_alloc(), f1 = pmm_alloc();
	uint8_t *buf = (uint8_t *)USER_VA, *saved = kmalloc(16 * 512);
	uint8_t *pat = kmalloc(16 * 512);

	KEXPECT(dev && f0 && f1 && saved && pat);
	if (!dev || !f0 || !f1 || !saved || !pat ||
	    paging_map(kernel_page_directory, USER_VA, f1, PTE_WRITE) ||
	    paging_map(kernel_page_directory, USER_VA + PAGE_SIZE, f0,
		       PTE_WRITE))
		goto out;
	if (blockdev_read(dev, SCRATCH, 16, saved)) {
		KEXPECT(!"cannot save the scratch range");
		goto out;
	}
	for (size_t i = 0; i < 2; i++) {
		use_mode(dev, &modes[i * 2]); /* DMA, then PIO */
		fill(pat, 16 * 512, 77 + i);
		memcpy(buf, pat, 16 * 512);
		KEXPECT_EQ(blockdev_write(dev, SCRATCH, 16, buf), 0);
		memset(buf, 0, 16 * 512);
		KEXPECT_EQ(blockdev_read(dev, SCRATCH, 16, buf), 0);
		KEXPECT(!memcmp(buf, pat, 16 * 512));
	}
	use_mode(dev, NULL);
	KEXPECT_EQ(blockdev_write(dev, SCRATCH, 16, saved), 0);
out:
	paging_unmap(kernel_page_directory, USER_VA);
	paging_unmap(kernel_page_directory, USER_VA + PAGE_SIZE);
	paging_free_tables(kernel_page_directory);
	if (f0)
		pmm_free(f0);
	if (f1)
		pmm_free(f1);
	kfree(saved);
	kfree(pat);
}

KTEST(ata_flush)
{
	struct block_device *dev = hda();
	struct ata_stats a, b;

	KEXPECT(dev != NULL);
	if (!dev)
		return;
	ata_get_stats(dev, &a);
	KEXPECT_EQ(blockdev_flush(dev), 0);
	ata_get_stats(dev, &b);
	KEXPECT_EQ(b.commands - a.commands, 1);
	KEXPECT_EQ(b.errors, a.errors);
}

KTEST(ata_read_past_end_is_einval)
{
	struct block_device *dev = hda();
	uint8_t buf[1024];

	KEXPECT(dev != NULL);
	if (!dev)
		return;
	KEXPECT_EQ(blockdev_read(dev, DISK_SECTORS, 1, buf), -EINVAL);
	KEXPECT_EQ(blockdev_read(dev, DISK_SECTORS - 1, 2, buf), -EINVAL);
	KEXPECT_EQ(blockdev_write(dev, DISK_SECTORS, 1, buf), -EINVAL);
	KEXPECT_EQ(blockdev_read(dev, 0, 0, buf), -EINVAL);
	KEXPECT_EQ(dev->ops->read(dev, DISK_SECTORS, 1, buf), -EINVAL);
	KEXPECT_EQ(blockdev_read(dev, DISK_SECTORS - 1, 1, buf), 0); /* last */
}

/* Past the capacity, the drive itself refuses: -EIO in every mode, for
 * reads and writes, and the next ordinary read works. */
KTEST(ata_beyond_capacity_is_eio)
{
	struct block_device *dev = hda();
	struct ata_stats a, b;
	uint8_t buf[1024];

	KEXPECT(dev != NULL);
	if (!dev)
		return;
	memset(buf, 0, sizeof(buf));
	for (size_t i = 0; i < ARRAY_SIZE(modes); i++) {
		use_mode(dev, &modes[i]);
		ata_get_stats(dev, &a);
		KEXPECT_EQ(ata_debug_rw(dev, BEYOND, 1, buf, false), -EIO);
		KEXPECT_EQ(ata_debug_rw(dev, BEYOND, 2, buf, true), -EIO);
		ata_get_stats(dev, &b);
		KEXPECT_EQ(b.errors - a.errors, 2);
		KEXPECT_EQ(ext2_magic(dev), 0xEF53);
	}
	use_mode(dev, NULL);
	KEXPECT_EQ(ext2_magic(dev), 0xEF53);
}

/* With the drive's interrupt off, a command never completes as far as
 * the driver knows: it times out, resets the channel, fails with -EIO,
 * and the next command works. */
KTEST(ata_lost_interrupt_times_out)
{
	struct block_device *dev = hda();
	unsigned old = ata_debug_set_timeout(200);
	struct ata_stats a, b;
	uint8_t buf[512];

	KEXPECT(dev != NULL);
	for (size_t i = 0; dev && i < ARRAY_SIZE(modes); i += 2) {
		uint64_t t0 = time_ns(), ms;

		use_mode(dev, &modes[i]); /* DMA, then PIO */
		ata_get_stats(dev, &a);
		ata_debug_lose_irq(dev);
		KEXPECT_EQ(blockdev_read(dev, 2, 1, buf), -EIO);
		ms = (time_ns() - t0) / 1000000;
		KEXPECT(ms >= 200 && ms < 2000);
		ata_get_stats(dev, &b);
		KEXPECT_EQ(b.timeouts - a.timeouts, 1);
		KEXPECT_EQ(ext2_magic(dev), 0xEF53);
	}
	if (dev)
		use_mode(dev, NULL);
	ata_debug_set_timeout(old);
}
