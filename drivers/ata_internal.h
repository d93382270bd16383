/* drivers/ata_internal.h - what drivers/ata.c (probing, the request side,
 * the interrupt and deferred halves, PIO) and drivers/ata_dma.c (the PCI
 * controller and bus-master DMA) share: the register map, the commands,
 * and the channel, drive and request structures.  Not for other code:
 * the driver's interface is drivers/ata.h and kernel/blockdev.h.
 */
#ifndef DRIVERS_ATA_INTERNAL_H
#define DRIVERS_ATA_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "drivers/ata.h"
#include "kernel/blockdev.h"
#include "kernel/defer.h"
#include "kernel/kernel.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "kernel/wait.h"
#include "kernel/x86.h"

#define SECTOR_SIZE 512u
#define IRQ_PRIMARY 14
#define IRQ_SECONDARY 15

/* Task-file registers, from the channel's command-block base port. */
#define REG_DATA 0
#define REG_ERROR 1 /* read */
#define REG_COUNT 2
#define REG_LBA0 3
#define REG_LBA1 4
#define REG_LBA2 5
#define REG_DEVICE 6
#define REG_STATUS 7 /* read; reading it acknowledges the interrupt */
#define REG_COMMAND 7 /* write */

/* The control-block port: alternate status (read, acknowledges
 * nothing), device control (write). */
#define CTL_NIEN 0x02 /* the drive's interrupt is off */
#define CTL_SRST 0x04 /* software reset of both drives */

#define ST_ERR 0x01
#define ST_DRQ 0x08 /* the data port wants (or has) a sector */
#define ST_DF 0x20 /* device fault */
#define ST_BSY 0x80

#define DEV_OBS 0xA0 /* bits 7 and 5, set for old drives */
#define DEV_LBA 0x40

#define CMD_READ_PIO 0x20
#define CMD_READ_PIO_EXT 0x24
#define CMD_READ_DMA 0xC8
#define CMD_READ_DMA_EXT 0x25
#define CMD_WRITE_PIO 0x30
#define CMD_WRITE_PIO_EXT 0x34
#define CMD_WRITE_DMA 0xCA
#define CMD_WRITE_DMA_EXT 0x35
#define CMD_FLUSH 0xE7
#define CMD_FLUSH_EXT 0xEA
#define CMD_IDENTIFY 0xEC

/* IDENTIFY DEVICE words. */
#define ID49_LBA 0x0200
#define ID83_LBA48 0x0400
#define ID83_FLUSH 0x1000
#define ID83_FLUSH_EXT 0x2000

/* Bus-master IDE registers, from BAR4 (+8 for the secondary channel). */
#define BM_COMMAND 0
#define BM_STATUS 2
#define BM_PRD 4
#define BM_CMD_START 0x01
#define BM_CMD_TO_MEMORY 0x08 /* the device writes memory: a disk read */
#define BM_ST_ACTIVE 0x01
#define BM_ST_ERROR 0x02
#define BM_ST_IRQ 0x04

enum req_kind { REQ_READ, REQ_WRITE, REQ_FLUSH };
enum ata_kind { ATA_NONE, ATA_DISK, ATA_ATAPI };

/* One ATA command, from the request side's queue_request() until the
 * deferred half (or a timeout) finishes it. */
struct ata_request {
	struct ata_drive *drive;
	enum req_kind kind;
	uint8_t cmd;
	bool dma, lba48;
	uint64_t lba;
	uint32_t count; /* sectors, <= 256 (LBA28) or 65536 (LBA48) */
	uint8_t *buf; /* direct-map memory: the caller's or a bounce buffer */
	uint32_t done_sectors; /* PIO progress */
	/* Set by the interrupt half, consumed by the deferred half. */
	bool irq_pending;
	uint8_t irq_status, irq_bm_status;
	/* Set when finished; the waiter sleeps until done. */
	bool done;
	int status; /* 0 or -EIO */
	struct ata_request *next; /* in the channel's queue */
};

struct ata_drive {
	struct ata_channel *chan;
	int unit; /* 0 master, 1 slave */
	bool present, lba48, flush, flush_ext;
	bool force_pio, force_lba48; /* ata_debug_force() */
	uint64_t sectors;
	char model[41];
	struct ata_stats stats;
	struct block_device bdev;
};

struct ata_channel {
	uint16_t base, ctl; /* command block, control block */
	uint16_t bm; /* bus-master registers; 0: none, PIO only */
	struct ata_drive drive[2];
	struct ata_request *active; /* the command the drive is running */
	struct ata_request *queue, *queue_tail; /* waiting behind it */
	uint32_t progress; /* interrupts handled, for the timeout */
	struct wait_queue wq;
	struct work work; /* the deferred half */
	struct prd *prd; /* the PRD table (one frame) */
	uintptr_t prd_pa;
};

/* --- port helpers (any context) ---------------------------------------- */

/* Reading the alternate status four times gives the drive the 400 ns it
 * needs after a select or a command before its status means anything. */
static inline void ata_delay400(const struct ata_channel *ch)
{
	for (int i = 0; i < 4; i++)
		inb(ch->ctl);
}

/* Polls the alternate status (which acknowledges nothing) until BSY is
 * clear and any bit of until is set (until 0: BSY clear is enough); an
 * ERR or DF ends the wait too.  Returns the status or -ETIMEDOUT. */
static inline int ata_poll(const struct ata_channel *ch, uint8_t until,
			   unsigned ms)
{
	uint64_t deadline = time_ns() + (uint64_t)ms * 1000000u;
	uint8_t st;

	do {
		st = inb(ch->ctl);
		if (!(st & ST_BSY) &&
		    (!until || (st & (until | ST_ERR | ST_DF))))
			return st;
	} while (time_ns() < deadline);
	return -ETIMEDOUT;
}

static inline void insw(uint16_t port, void *buf, size_t words)
{
	__asm__ volatile("rep insw"
			 : "+D"(buf), "+c"(words)
			 : "d"(port)
			 : "memory");
}

static inline void outsw(uint16_t port, const void *buf, size_t words)
{
	__asm__ volatile("rep outsw"
			 : "+S"(buf), "+c"(words)
			 : "d"(port)
			 : "memory");
}

/* --- ata.c ------------------------------------------------------------- */

/* Logs r's failure (why, command, LBA, status, error register, bus-master
 * status), counts it and returns -EIO. */
int ata_fail(struct ata_request *r, const char *why, uint8_t st, uint8_t bms);

/* --- ata_dma.c --------------------------------------------------------- */

/* The largest DMA command whose PRD table fits one frame. */
#define ATA_DMA_MAX_SECTORS 65408u

/* Finds the IDE controller on PCI and enables it; returns the primary
 * channel's bus-master port base, or 0 when there is none (PIO only). */
uint16_t ata_dma_controller(void);
/* Allocates ch's PRD table; 0 or -ENOMEM. */
int ata_dma_init(struct ata_channel *ch);
/* Before the command: fills the PRD table for r->buf, sets the
 * direction, clears stale status bits.  Interrupts off. */
void ata_dma_setup(struct ata_channel *ch, struct ata_request *r);
/* After the command: lets the bus master go. */
void ata_dma_start(struct ata_channel *ch, struct ata_request *r);
/* Deferred half: stops the bus master and checks the drive's status st
 * and the bus-master status bms recorded by the interrupt; 0 or -EIO. */
int ata_dma_finish(struct ata_channel *ch, struct ata_request *r, uint8_t st,
		   uint8_t bms);
/* Stops the bus master and clears its status (a channel reset). */
void ata_dma_stop(struct ata_channel *ch);

#endif
