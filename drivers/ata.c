/* drivers/ata.c - ATA disks on the PIIX IDE controller, in two halves.
 *
 * Two channels (primary: ports 0x1F0-0x1F7 and 0x3F6, IRQ 14; secondary:
 * 0x170-0x177 and 0x376, IRQ 15), each with a master and a slave drive.
 * Each channel runs one command at a time; more wait in its queue.  One
 * struct ata_request is one ATA command; the request side splits a block
 * read or write into as many as the hardware needs.  Data moves by
 * bus-master DMA (the PRD table and bus-master registers live in
 * ata_dma.c) or, when the controller has no bus master or a self-test
 * forces it, by PIO through the data port.
 *
 *   request side    ata_read()/ata_write()/ata_flush(), the blockdev ops,
 *   (top half)      called from the block cache: build a request per
 *                   command and ata_submit() it: queue it, start the
 *                   controller if idle, sleep until it is done; on a
 *                   timeout, reset the channel and fail the request.
 *   interrupt half  ata_irq(), IRQ 14/15 with interrupts off: read the
 *                   status register (acknowledging the drive), read and
 *                   clear the bus-master interrupt bit, record both in the
 *                   active request, schedule the deferred half.
 *   deferred half   ata_work(), deferred work with interrupts on: move the
 *                   next PIO sector or stop the bus master, check the
 *                   error bits, finish the request and wake its waiter,
 *                   start the next queued request.
 *
 * Rules: the device and the deferred half only ever touch direct-map
 * memory (the request side copies through a bounce buffer otherwise), so
 * finishing a request does not depend on whose address space is current.
 * Channel state (active, queue) is guarded by disabling interrupts: one
 * CPU, and a deferred half runs to completion before the code it
 * interrupted resumes.  The request side must not be called from deferred
 * work (the deferred half could not run until it returned).
 */
#include "drivers/ata.h"

#include "drivers/ata_internal.h"
#include "drivers/pci.h"
#include "kernel/blockdev.h"
#include "kernel/defer.h"
#include "kernel/irq.h"
#include "kernel/kmalloc.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/wait.h"
#include "kernel/x86.h"

#define DEFAULT_TIMEOUT_MS 5000
#define LBA28_LIMIT (1u << 28) /* sectors addressable by LBA28 */
#define LBA28_MAX_COUNT 256u
#define LBA48_MAX_COUNT 65536u
#define BOUNCE_SECTORS 128u /* 64 KiB of kmalloc per bounced command */
#define PIO_MORE 1 /* pio_step(): the command goes on */

/* The command for a transfer: [kind][dma][lba48]. */
static const uint8_t ata_commands[2][2][2] = {
	[REQ_READ] = { { CMD_READ_PIO, CMD_READ_PIO_EXT },
		       { CMD_READ_DMA, CMD_READ_DMA_EXT } },
	[REQ_WRITE] = { { CMD_WRITE_PIO, CMD_WRITE_PIO_EXT },
			{ CMD_WRITE_DMA, CMD_WRITE_DMA_EXT } },
};

static struct ata_channel channels[2];
static unsigned timeout_ms = DEFAULT_TIMEOUT_MS;

static const struct {
	const char *name;
	uint32_t dev_id;
} drive_names[2][2] = { { { "hda", 0x0300 }, { "hdb", 0x0340 } },
			{ { "hdc", 0x1600 }, { "hdd", 0x1640 } } };

/* --- logging and reset ----------------------------------------------- */

static const char *command_name(uint8_t cmd)
{
	switch (cmd) {
	case CMD_READ_PIO: return "READ SECTORS";
	case CMD_READ_PIO_EXT: return "READ SECTORS EXT";
	case CMD_READ_DMA: return "READ DMA";
	case CMD_READ_DMA_EXT: return "READ DMA EXT";
	case CMD_WRITE_PIO: return "WRITE SECTORS";
	case CMD_WRITE_PIO_EXT: return "WRITE SECTORS EXT";
	case CMD_WRITE_DMA: return "WRITE DMA";
	case CMD_WRITE_DMA_EXT: return "WRITE DMA EXT";
	case CMD_FLUSH: return "FLUSH CACHE";
	case CMD_FLUSH_EXT: return "FLUSH CACHE EXT";
	default: return "command";
	}
}

int ata_fail(struct ata_request *r, const char *why, uint8_t st, uint8_t bms)
{
	struct ata_drive *d = r->drive;

	d->stats.errors++;
	pr_err("ata: %s: %s: %s lba %llu count %u: "
	       "status %#x error %#x bm %#x\n",
	       d->bdev.name, why, command_name(r->cmd),
	       (unsigned long long)r->lba, r->count, st,
	       inb(d->chan->base + REG_ERROR), bms);
	return -EIO;
}

/* Soft-resets both drives of ch (SRST), stops its bus master and enables
 * its interrupt again; interrupts off. */
static void reset_channel(struct ata_channel *ch)
{
	ata_dma_stop(ch);
	outb(ch->ctl, CTL_SRST | CTL_NIEN);
	udelay(10); /* SRST must stay set >= 5 us */
	outb(ch->ctl, 0);
	udelay(2000); /* status is not valid for 2 ms */
	if (ata_poll(ch, 0, 1000) < 0)
		pr_err("ata: channel %#x still busy after reset\n", ch->base);
	inb(ch->base + REG_STATUS); /* drop any interrupt the reset raised */
}

/* --- starting a command (interrupts off) ------------------------------ */

static int select_drive(struct ata_channel *ch, int unit)
{
	outb(ch->base + REG_DEVICE, DEV_OBS | DEV_LBA | unit << 4);
	ata_delay400(ch);
	return ata_poll(ch, 0, 500) < 0 ? -ETIMEDOUT : 0;
}

static void set_taskfile(struct ata_channel *ch, const struct ata_request *r)
{
	uint16_t b = ch->base;
	uint8_t unit = r->drive->unit << 4;

	if (r->lba48) {
		outb(b + REG_DEVICE, DEV_LBA | unit);
		outb(b + REG_COUNT, r->count >> 8); /* high bytes first */
		outb(b + REG_LBA0, r->lba >> 24);
		outb(b + REG_LBA1, r->lba >> 32);
		outb(b + REG_LBA2, r->lba >> 40);
	} else {
		outb(b + REG_DEVICE,
		     DEV_OBS | DEV_LBA | unit | ((r->lba >> 24) & 0x0F));
	}
	outb(b + REG_COUNT, r->count); /* 256 (or 65536) is 0 */
	outb(b + REG_LBA0, r->lba);
	outb(b + REG_LBA1, r->lba >> 8);
	outb(b + REG_LBA2, r->lba >> 16);
}

/* PIO write: the drive wants the first sector before it interrupts. */
static int pio_write_first(struct ata_channel *ch, struct ata_request *r)
{
	int st = ata_poll(ch, ST_DRQ, 500);

	if (st < 0 || (st & (ST_ERR | ST_DF)) || !(st & ST_DRQ))
		return ata_fail(r, st < 0 ? "no DRQ" : "device error", st, 0);
	outsw(ch->base + REG_DATA, r->buf, SECTOR_SIZE / 2);
	return 0;
}

static void count_command(const struct ata_request *r)
{
	struct ata_stats *s = &r->drive->stats;

	s->commands++;
	if (r->kind == REQ_FLUSH)
		return;
	s->lba48 += r->lba48;
	if (r->dma)
		s->dma++;
	else
		s->pio++;
}

/* Puts r to the drive; returns 0 once it runs, or -EIO. */
static int issue(struct ata_channel *ch, struct ata_request *r)
{
	if (select_drive(ch, r->drive->unit)) {
		int err = ata_fail(r, "drive busy", inb(ch->ctl), 0);

		reset_channel(ch);
		return err;
	}
	count_command(r);
	if (r->dma)
		ata_dma_setup(ch, r);
	if (r->kind != REQ_FLUSH)
		set_taskfile(ch, r);
	outb(ch->base + REG_COMMAND, r->cmd);
	if (r->dma)
		ata_dma_start(ch, r);
	else if (r->kind == REQ_WRITE)
		return pio_write_first(ch, r);
	return 0;
}

/* Marks r done with status and wakes its waiter; interrupts off. */
static void finish(struct ata_channel *ch, struct ata_request *r, int status)
{
	if (ch->active == r)
		ch->active = NULL;
	r->status = status;
	r->done = true;
	wake_up(&ch->wq);
}

/* Starts queued requests until one runs or the queue is empty;
 * interrupts off. */
static void start_next(struct ata_channel *ch)
{
	while (!ch->active && ch->queue) {
		struct ata_request *r = ch->queue;
		int err;

		ch->queue = r->next;
		if (!ch->queue)
			ch->queue_tail = NULL;
		ch->active = r;
		if ((err = issue(ch, r)))
			finish(ch, r, err);
	}
}

/* --- interrupt half --------------------------------------------------- */

/* IRQ 14/15, interrupts off: acknowledge, note in the request, defer. */
static void ata_irq(struct trap_frame *tf)
{
	int secondary = tf->trapno - T_IRQ0 == IRQ_SECONDARY;
	struct ata_channel *ch = &channels[secondary];
	struct ata_request *r = ch->active;
	uint8_t st = inb(ch->base + REG_STATUS), bms = 0;

	if (ch->bm) {
		bms = inb(ch->bm + BM_STATUS);
		outb(ch->bm + BM_STATUS, bms); /* IRQ, ERROR: 1 clears */
	}
	if (r) {
		r->irq_status = st;
		r->irq_bm_status = bms;
		r->irq_pending = true;
	}
	defer_schedule(&ch->work);
}

/* --- deferred half ---------------------------------------------------- */

/* One interrupt of a PIO command: 0 when it is complete, PIO_MORE when
 * more interrupts are to come, or -EIO. */
static int pio_step(struct ata_channel *ch, struct ata_request *r, uint8_t st)
{
	uint8_t *sector = r->buf + r->done_sectors * SECTOR_SIZE;

	if (st & (ST_ERR | ST_DF))
		return ata_fail(r, "device error", st, 0);
	if (r->kind == REQ_READ) {
		if (!(st & ST_DRQ))
			return ata_fail(r, "no data", st, 0);
		insw(ch->base + REG_DATA, sector, SECTOR_SIZE / 2);
		return ++r->done_sectors == r->count ? 0 : PIO_MORE;
	}
	/* A write: the sector sent last is written; send the next one. */
	if (++r->done_sectors == r->count)
		return 0;
	if (!(st & ST_DRQ))
		return ata_fail(r, "no DRQ", st, 0);
	outsw(ch->base + REG_DATA, sector + SECTOR_SIZE, SECTOR_SIZE / 2);
	return PIO_MORE;
}

/* What the interrupt recorded in r means: 0, PIO_MORE or -EIO. */
static int complete(struct ata_channel *ch, struct ata_request *r)
{
	uint8_t st = r->irq_status, bms = r->irq_bm_status;

	if (r->dma)
		return ata_dma_finish(ch, r, st, bms);
	if (r->kind == REQ_FLUSH)
		return st & (ST_ERR | ST_DF) ? ata_fail(r, "error", st, 0) : 0;
	return pio_step(ch, r, st);
}

/* Deferred work, interrupts on: act on what ata_irq() noted; when the
 * command is over, finish it and start the next.  An interrupt that is
 * not the active command's completion (the drive still busy, or a DMA
 * command whose bus master has not signalled) is ignored. */
static void ata_work(void *arg)
{
	struct ata_channel *ch = arg;
	struct ata_request *r;
	uint32_t flags = irq_save();
	int status;

	r = ch->active;
	if (!r || !r->irq_pending || (r->irq_status & ST_BSY) ||
	    (r->dma && !(r->irq_bm_status & BM_ST_IRQ))) {
		irq_restore(flags); /* not a completion of ours */
		return;
	}
	r->irq_pending = false;
	ch->progress++;
	irq_restore(flags);
	status = complete(ch, r); /* data moves with interrupts on */
	if (status == PIO_MORE)
		return;
	flags = irq_save();
	finish(ch, r, status);
	start_next(ch);
	irq_restore(flags);
}

/* --- request side ----------------------------------------------------- */

/* Appends r to ch's queue and starts it if ch is idle. */
static void queue_request(struct ata_channel *ch, struct ata_request *r)
{
	uint32_t flags = irq_save();

	r->next = NULL;
	if (ch->queue_tail)
		ch->queue_tail->next = r;
	else
		ch->queue = r;
	ch->queue_tail = r;
	start_next(ch); /* does nothing while another command runs */
	irq_restore(flags);
}

static void unqueue(struct ata_channel *ch, struct ata_request *r)
{
	struct ata_request *prev = NULL;

	for (struct ata_request *q = ch->queue; q; prev = q, q = q->next) {
		if (q != r)
			continue;
		if (prev)
			prev->next = r->next;
		else
			ch->queue = r->next;
		if (ch->queue_tail == r)
			ch->queue_tail = prev;
		return;
	}
}

/* No interrupt moved the channel for timeout_ms: reset it, fail r. */
static void timed_out(struct ata_channel *ch, struct ata_request *r)
{
	uint32_t flags = irq_save();

	if (!r->done) {
		if (ch->active == r) {
			r->drive->stats.timeouts++;
			ata_fail(r, "timeout, resetting", inb(ch->ctl), 0);
			reset_channel(ch);
		}
		unqueue(ch, r);
		finish(ch, r, -EIO);
		start_next(ch);
	}
	irq_restore(flags);
}

/* Sleeps until r is done; a channel that still makes progress (one
 * interrupt per PIO sector, or commands ahead of r) is waited for. */
static int wait_done(struct ata_channel *ch, struct ata_request *r)
{
	uint32_t seen;

	do {
		seen = ch->progress;
		if (!wait_event_timeout(&ch->wq, r->done, timeout_ms))
			return r->status;
	} while (ch->progress != seen);
	timed_out(ch, r);
	return r->status;
}

/* The request side's core: queues r, starts the channel if it is idle,
 * sleeps until the deferred half (or the timeout) has finished r. */
static int ata_submit(struct ata_request *r)
{
	queue_request(r->drive->chan, r);
	return wait_done(r->drive->chan, r);
}

/* Kernel memory the device can reach directly: the direct map, even. */
static bool dma_safe(const void *buf, size_t len)
{
	uintptr_t va = (uintptr_t)buf;

	return va >= KERNEL_VBASE && va - KERNEL_VBASE + len <= LOWMEM_LIMIT &&
	       !(va & 1);
}

/* Fills in r for the first command of a transfer of count sectors at lba:
 * LBA28 when it fits, DMA when the controller can; r->count says how
 * much of the transfer that command does. */
static void plan(struct ata_drive *d, struct ata_request *r, uint64_t lba,
		 uint32_t count, const void *buf, enum req_kind kind)
{
	uint32_t n = MIN(count, LBA48_MAX_COUNT);

	memset(r, 0, sizeof(*r));
	r->drive = d;
	r->kind = kind;
	r->lba = lba;
	r->dma = d->chan->bm && !d->force_pio;
	r->lba48 = d->lba48 && (d->force_lba48 ||
				lba + MIN(n, LBA28_MAX_COUNT) > LBA28_LIMIT);
	if (!r->lba48)
		n = MIN(n, LBA28_MAX_COUNT);
	if (r->dma)
		n = MIN(n, ATA_DMA_MAX_SECTORS);
	if (!dma_safe(buf, (size_t)n * SECTOR_SIZE))
		n = MIN(n, BOUNCE_SECTORS);
	r->count = n;
	r->cmd = ata_commands[kind][r->dma][r->lba48];
}

/* One command of a transfer, through a bounce buffer if need be. */
static int do_command(struct ata_request *r, uint8_t *buf)
{
	size_t bytes = (size_t)r->count * SECTOR_SIZE;
	int err;

	r->buf = buf;
	if (!dma_safe(buf, bytes)) {
		if (!(r->buf = kmalloc(bytes)))
			return -ENOMEM;
		r->drive->stats.bounced++;
		if (r->kind == REQ_WRITE)
			memcpy(r->buf, buf, bytes);
	}
	err = ata_submit(r);
	if (r->buf != buf) {
		if (!err && r->kind == REQ_READ)
			memcpy(buf, r->buf, bytes);
		kfree(r->buf);
	}
	return err;
}

/* Reads or writes count sectors at lba, as many commands as it takes. */
static int transfer(struct ata_drive *d, uint64_t lba, uint32_t count,
		    uint8_t *buf, enum req_kind kind)
{
	struct ata_request r;
	int err;

	if (lba + count > LBA28_LIMIT && !d->lba48)
		return -EINVAL;
	while (count) {
		plan(d, &r, lba, count, buf, kind);
		if ((err = do_command(&r, buf)))
			return err;
		lba += r.count;
		count -= r.count;
		buf += (size_t)r.count * SECTOR_SIZE;
	}
	return 0;
}

static bool in_range(struct ata_drive *d, uint64_t lba, uint32_t count)
{
	return count && lba < d->sectors && count <= d->sectors - lba;
}

static int ata_read(struct block_device *dev, uint64_t sector, uint32_t count,
		    void *buf)
{
	struct ata_drive *d = dev->private;

	if (!in_range(d, sector, count))
		return -EINVAL;
	return transfer(d, sector, count, buf, REQ_READ);
}

static int ata_write(struct block_device *dev, uint64_t sector,
		     uint32_t count, const void *buf)
{
	struct ata_drive *d = dev->private;

	if (!in_range(d, sector, count))
		return -EINVAL;
	return transfer(d, sector, count, (uint8_t *)buf, REQ_WRITE);
}

static int ata_flush(struct block_device *dev)
{
	struct ata_drive *d = dev->private;
	struct ata_request r = { .drive = d, .kind = REQ_FLUSH };

	if (!d->flush)
		return 0; /* no write cache to flush */
	r.lba48 = d->flush_ext;
	r.cmd = r.lba48 ? CMD_FLUSH_EXT : CMD_FLUSH;
	return ata_submit(&r);
}

static const struct block_device_ops ata_ops = {
	.read = ata_read,
	.write = ata_write,
	.flush = ata_flush,
};

/* --- probing (at boot, polled, with the channel's interrupt off) ------ */

/* Sends IDENTIFY DEVICE to d; fills id[256] for an ATA disk. */
static enum ata_kind identify(struct ata_drive *d, uint16_t *id)
{
	struct ata_channel *ch = d->chan;
	uint8_t st;
	int got;

	outb(ch->base + REG_DEVICE, DEV_OBS | d->unit << 4);
	ata_delay400(ch);
	st = inb(ch->base + REG_STATUS);
	if (st == 0 || st == 0xFF) /* nobody there (QEMU) / floating bus */
		return ATA_NONE;
	if (ata_poll(ch, 0, 1000) < 0)
		return ATA_NONE;
	for (int r = REG_COUNT; r <= REG_LBA2; r++)
		outb(ch->base + r, 0);
	outb(ch->base + REG_COMMAND, CMD_IDENTIFY);
	ata_delay400(ch);
	if (inb(ch->base + REG_STATUS) == 0 ||
	    (got = ata_poll(ch, ST_DRQ, 1000)) < 0)
		return ATA_NONE;
	/* An ATAPI device aborts IDENTIFY and leaves its signature. */
	if (inb(ch->base + REG_LBA1) == 0x14 &&
	    inb(ch->base + REG_LBA2) == 0xEB)
		return ATA_ATAPI;
	if (!(got & ST_DRQ) || (got & (ST_ERR | ST_DF)))
		return ATA_NONE;
	insw(ch->base + REG_DATA, id, 256);
	return ATA_DISK;
}

/* The model string: 40 bytes in words 27-46, each word big-endian. */
static void copy_model(char *model, const uint16_t *id)
{
	int n = 40;

	for (int i = 0; i < 20; i++) {
		model[2 * i] = id[27 + i] >> 8;
		model[2 * i + 1] = id[27 + i] & 0xFF;
	}
	while (n > 0 && (model[n - 1] == ' ' || model[n - 1] == '\0'))
		n--;
	model[n] = '\0';
}

/* Reads the IDENTIFY data; false for a disk we cannot address by LBA. */
static bool parse_identify(struct ata_drive *d, const uint16_t *id)
{
	bool w83_valid = (id[83] & 0xC000) == 0x4000;
	uint64_t lba48_sectors = (uint64_t)id[103] << 48 |
				 (uint64_t)id[102] << 32 |
				 (uint32_t)id[101] << 16 | id[100];

	copy_model(d->model, id);
	if (!(id[49] & ID49_LBA))
		return false;
	d->sectors = (uint32_t)id[61] << 16 | id[60];
	d->lba48 = w83_valid && (id[83] & ID83_LBA48) && lba48_sectors;
	if (d->lba48)
		d->sectors = lba48_sectors;
	d->flush = w83_valid && (id[83] & ID83_FLUSH);
	d->flush_ext = d->lba48 && (id[83] & ID83_FLUSH_EXT);
	return d->sectors > 0;
}

static void register_drive(struct ata_drive *d, int chan, int unit)
{
	struct block_device *b = &d->bdev;

	strlcpy(b->name, drive_names[chan][unit].name, sizeof(b->name));
	b->sector_size = SECTOR_SIZE;
	b->sectors = d->sectors;
	b->dev_id = drive_names[chan][unit].dev_id;
	b->ops = &ata_ops;
	b->private = d;
	blockdev_register(b);
	printk("ata: %s: %s, %llu sectors (%llu MiB), %s, %s\n", b->name,
	       d->model, (unsigned long long)d->sectors,
	       (unsigned long long)(d->sectors >> 11),
	       d->lba48 ? "LBA48" : "LBA28", d->chan->bm ? "DMA" : "PIO");
}

/* Sets d->present for an ATA disk we can use. */
static void probe_drive(struct ata_channel *ch, int chan, int unit)
{
	static uint16_t id[256];
	struct ata_drive *d = &ch->drive[unit];
	const char *name = drive_names[chan][unit].name;

	d->chan = ch;
	d->unit = unit;
	switch (identify(d, id)) {
	case ATA_NONE:
		return;
	case ATA_ATAPI:
		printk("ata: %s: ATAPI device (CD-ROM?), ignored\n", name);
		return;
	case ATA_DISK:
		d->present = parse_identify(d, id);
		if (!d->present)
			pr_warn("ata: %s: no LBA, ignored\n", name);
	}
}

static void channel_init(int i, uint16_t base, uint16_t ctl, uint16_t bm)
{
	struct ata_channel *ch = &channels[i];

	ch->base = base;
	ch->ctl = ctl;
	ch->bm = bm;
	ch->work = (struct work)WORK_INIT(ata_work, ch);
	outb(ch->ctl, CTL_NIEN); /* probe polled: no interrupts yet */
	probe_drive(ch, i, 0);
	probe_drive(ch, i, 1);
	if (!ch->drive[0].present && !ch->drive[1].present)
		return; /* leave an empty (or ATAPI-only) channel quiet */
	if (ch->bm && ata_dma_init(ch) < 0)
		ch->bm = 0; /* no frame for the PRD table: PIO only */
	for (int unit = 0; unit < 2; unit++)
		if (ch->drive[unit].present)
			register_drive(&ch->drive[unit], i, unit);
	inb(ch->base + REG_STATUS); /* nothing pending from the probe */
	irq_register(i ? IRQ_SECONDARY : IRQ_PRIMARY, ata_irq);
	outb(ch->ctl, 0);
}

void ata_init(void)
{
	uint16_t bm = ata_dma_controller();

	channel_init(0, 0x1F0, 0x3F6, bm);
	channel_init(1, 0x170, 0x376, bm ? bm + 8 : 0);
}

/* --- statistics and self-test hooks ----------------------------------- */

void ata_get_stats(struct block_device *dev, struct ata_stats *st)
{
	*st = ((struct ata_drive *)dev->private)->stats;
}

void ata_debug_force(struct block_device *dev, bool pio, bool lba48)
{
	struct ata_drive *d = dev->private;

	d->force_pio = pio;
	d->force_lba48 = lba48;
}

int ata_debug_rw(struct block_device *dev, uint64_t sector, uint32_t count,
		 void *buf, bool write)
{
	return transfer(dev->private, sector, count, buf,
			write ? REQ_WRITE : REQ_READ);
}

unsigned ata_debug_set_timeout(unsigned ms)
{
	unsigned old = timeout_ms;

	timeout_ms = ms ? ms : DEFAULT_TIMEOUT_MS;
	return old;
}

void ata_debug_lose_irq(struct block_device *dev)
{
	outb(((struct ata_drive *)dev->private)->chan->ctl, CTL_NIEN);
}
