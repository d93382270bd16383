/* drivers/ata.h - the ATA (IDE) disk driver: PIIX IDE, bus-master DMA, PIO.
 *
 * ata_init() probes the four legacy positions (primary/secondary channel,
 * master/slave drive) and registers every ATA disk as a block device:
 * "hda" (0x0300), "hdb" (0x0340), "hdc" (0x1600), "hdd" (0x1640), as
 * Linux numbers them.  Everything else goes through kernel/blockdev.h;
 * the ata_debug_* calls exist for the self-tests (kernel/tests/ktest_ata.c).
 */
#ifndef DRIVERS_ATA_H
#define DRIVERS_ATA_H

#include <stdbool.h>
#include <stdint.h>

struct block_device;

/* What a drive has done since boot, per kind of command. */
struct ata_stats {
	uint32_t commands; /* every command issued, flushes included */
	uint32_t dma, pio, lba48; /* data commands by transfer mode / form */
	uint32_t bounced; /* DMA commands through the bounce buffer */
	uint32_t errors, timeouts;
};

/* Finds the IDE controller on PCI, probes the drives, registers them. */
void ata_init(void);

/* Copies dev's counters into st; dev must be an ATA block device. */
void ata_get_stats(struct block_device *dev, struct ata_stats *st);

/* Self-test hooks.  ata_debug_force() makes dev's data commands use PIO
 * (else DMA when the controller can) and LBA48 (else LBA28 whenever the
 * range fits); both false restores the normal choice. */
void ata_debug_force(struct block_device *dev, bool pio, bool lba48);
/* A read (write false) or write of count sectors at sector, without the
 * check against the drive's capacity; returns 0 or -errno. */
int ata_debug_rw(struct block_device *dev, uint64_t sector, uint32_t count,
		 void *buf, bool write);
/* Sets the request timeout in ms (0: the default 5000); returns the old. */
unsigned ata_debug_set_timeout(unsigned ms);
/* Disables interrupts at dev's channel (nIEN), as if the next completion
 * interrupt were lost; the timeout's channel reset enables them again. */
void ata_debug_lose_irq(struct block_device *dev);

#endif
