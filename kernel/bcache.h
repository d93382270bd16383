/* kernel/bcache.h - the block cache between filesystems and disk drivers.
 *
 * A filesystem reads a block with bread(), gets a referenced struct buf
 * whose data it may read and change, calls bdirty() if it changed it, and
 * brelse() when done.  Dirty blocks are written back by bcache_sync(),
 * when they are evicted, and at power-off; nothing is written through.
 * Blocks are addressed in units of their own size (the filesystem's block
 * size, 1-4 KiB, a multiple of the sector size).  Memory is bounded: past
 * the limit, unreferenced clean blocks are evicted least recently used
 * first (dirty ones are written back first).  A miss right after the
 * previous block of the same device reads ahead a few blocks in one
 * request.
 *
 * Concurrency: until the scheduler exists the kernel has one context, and
 * the cache is not called from interrupts, so it needs no locks yet.
 */
#ifndef KERNEL_BCACHE_H
#define KERNEL_BCACHE_H

#include <stddef.h>
#include <stdint.h>

struct block_device;

#define BUF_VALID 0x1u /* data holds the block's contents */
#define BUF_DIRTY 0x2u /* data differs from the disk */

struct buf {
	struct block_device *dev;
	uint32_t blockno; /* in units of size */
	uint32_t size; /* block size in bytes */
	uint8_t *data;
	uint32_t refcnt;
	uint32_t flags;
	struct buf *hash_next;
	struct buf *lru_prev, *lru_next; /* most recently used at the head */
};

struct bcache_stats {
	uint64_t hits, misses, readahead, disk_reads, disk_writes;
	uint32_t buffers, dirty;
	size_t bytes, limit;
};

/* The block, read from the disk unless cached, with a reference taken;
 * or ERR_PTR(-EIO) (device error), ERR_PTR(-ENOMEM), ERR_PTR(-EINVAL)
 * (bad size or block beyond the device). */
struct buf *bread(struct block_device *dev, uint32_t blockno, uint32_t size);
/* The block without reading it, for a caller that overwrites all of it
 * (a newly allocated block): its data is zeroed unless it was cached. */
struct buf *bget(struct block_device *dev, uint32_t blockno, uint32_t size);
/* Marks b changed; it is written back later. */
void bdirty(struct buf *b);
/* Drops the reference bread()/bget() took. */
void brelse(struct buf *b);
/* Writes every dirty block of dev (all devices if NULL), then flushes the
 * device's write cache.  Returns 0 or the first error. */
int bcache_sync(struct block_device *dev);
/* Forgets every unreferenced block of dev after writing back dirty ones
 * (unmount); returns the number of blocks still referenced (a leak). */
int bcache_invalidate(struct block_device *dev);
/* Sets the memory limit for cached data (bytes). */
void bcache_set_limit(size_t bytes);
void bcache_get_stats(struct bcache_stats *st);

#endif
