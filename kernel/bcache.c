/* kernel/bcache.c - the block cache (see bcache.h for its rules of use).
 *
 * Buffers live in a hash table keyed by (device, block number) and on one
 * LRU list, most recently used first.  Their data is kmalloc'd, so the
 * memory used is the sum of the cached blocks' sizes, kept under a limit
 * by evicting unreferenced buffers from the LRU tail.  Dirty buffers are
 * written back in runs: writeback() sorts a device's dirty buffers by
 * block number and writes each run of consecutive blocks with one device
 * request, which is what makes a sync of a large file fast.
 */
#include "kernel/bcache.h"

#include "kernel/blockdev.h"
#include "kernel/err.h"
#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"

#define HASH_SIZE 1024
#define READAHEAD_BYTES (128 * 1024)
#define RUN_BYTES (256 * 1024) /* the most one write request carries */

static struct buf *hash[HASH_SIZE];
static struct buf *lru_head, *lru_tail;
static struct bcache_stats stats = { .limit = 4u << 20 };
/* The last block a miss read, per the most recent device: a miss on the
 * next block means sequential reading, worth reading ahead. */
static struct block_device *last_dev;
static uint32_t last_block;

static unsigned hash_of(struct block_device *dev, uint32_t blockno)
{
	return ((uintptr_t)dev / 16 + blockno * 2654435761u) % HASH_SIZE;
}

static void lru_unlink(struct buf *b)
{
	if (b->lru_prev)
		b->lru_prev->lru_next = b->lru_next;
	else
		lru_head = b->lru_next;
	if (b->lru_next)
		b->lru_next->lru_prev = b->lru_prev;
	else
		lru_tail = b->lru_prev;
	b->lru_prev = b->lru_next = NULL;
}

static void lru_push_front(struct buf *b)
{
	b->lru_prev = NULL;
	b->lru_next = lru_head;
	if (lru_head)
		lru_head->lru_prev = b;
	lru_head = b;
	if (!lru_tail)
		lru_tail = b;
}

static struct buf *lookup(struct block_device *dev, uint32_t blockno, uint32_t size)
{
	for (struct buf *b = hash[hash_of(dev, blockno)]; b; b = b->hash_next)
		if (b->dev == dev && b->blockno == blockno && b->size == size)
			return b;
	return NULL;
}

static void forget(struct buf *b)
{
	struct buf **p = &hash[hash_of(b->dev, b->blockno)];

	while (*p != b)
		p = &(*p)->hash_next;
	*p = b->hash_next;
	lru_unlink(b);
	stats.buffers--;
	stats.bytes -= b->size;
	kfree(b->data);
	kfree(b);
}

static uint64_t first_sector(const struct buf *b)
{
	return (uint64_t)b->blockno * (b->size / b->dev->sector_size);
}

/* Writes n buffers of consecutive blocks with one request. */
static int write_run(struct buf **run, size_t n)
{
	uint32_t size = run[0]->size;
	uint8_t *data = run[0]->data;
	int err;

	if (n > 1) {
		data = kmalloc(n * size);
		if (!data) /* no memory for the bounce: one block at a time */
			return write_run(run, 1) ?: write_run(run + 1, n - 1);
		for (size_t i = 0; i < n; i++)
			memcpy(data + i * size, run[i]->data, size);
	}
	err = blockdev_write(run[0]->dev, first_sector(run[0]),
			     n * (size / run[0]->dev->sector_size), data);
	if (n > 1)
		kfree(data);
	if (err) {
		pr_err("bcache: %s: writing blocks %u-%u failed (%d)\n",
		       run[0]->dev->name, run[0]->blockno,
		       run[0]->blockno + (uint32_t)n - 1, err);
		return err;
	}
	for (size_t i = 0; i < n; i++)
		run[i]->flags &= ~BUF_DIRTY;
	stats.dirty -= n;
	stats.disk_writes += n;
	return 0;
}

static bool before(const struct buf *a, const struct buf *b)
{
	return a->dev != b->dev ? a->dev < b->dev : a->blockno < b->blockno;
}

/* Moves v[i] down the heap of n until both children are not bigger. */
static void sift_down(struct buf **v, size_t i, size_t n)
{
	for (;;) {
		size_t big = i, l = 2 * i + 1, r = l + 1;
		struct buf *t;

		if (l < n && before(v[big], v[l]))
			big = l;
		if (r < n && before(v[big], v[r]))
			big = r;
		if (big == i)
			return;
		t = v[i], v[i] = v[big], v[big] = t;
		i = big;
	}
}

/* Heapsort by (device, block): O(n log n) whatever order dirtied them. */
static void sort_by_block(struct buf **v, size_t n)
{
	for (size_t i = n / 2; i-- > 0;)
		sift_down(v, i, n);
	for (size_t end = n; end-- > 1;) {
		struct buf *t = v[0];
		v[0] = v[end], v[end] = t;
		sift_down(v, 0, end);
	}
}

/* Writes every dirty buffer of dev (NULL: of all devices) in runs. */
static int writeback(struct block_device *dev)
{
	size_t n = 0, cap = stats.dirty, start = 0;
	struct buf **v;
	int err = 0;

	if (!cap)
		return 0;
	v = kmalloc(cap * sizeof(*v));
	if (!v)
		return -ENOMEM;
	for (struct buf *b = lru_head; b && n < cap; b = b->lru_next)
		if ((b->flags & BUF_DIRTY) && (!dev || b->dev == dev))
			v[n++] = b;
	sort_by_block(v, n);
	for (size_t i = 1; i <= n; i++) {
		bool ends = i == n || v[i]->dev != v[start]->dev ||
			    v[i]->blockno != v[i - 1]->blockno + 1 ||
			    v[i]->size != v[start]->size ||
			    (i - start) * v[start]->size >= RUN_BYTES;
		if (ends) {
			int e = write_run(v + start, i - start);
			err = err ?: e;
			start = i;
		}
	}
	kfree(v);
	return err;
}

/* Frees unreferenced buffers from the LRU tail until under the limit;
 * dirty ones are written back (with the rest of their device's) first. */
static void shrink(size_t need)
{
	struct buf *b = lru_tail;

	while (b && stats.bytes + need > stats.limit) {
		struct buf *prev = b->lru_prev;

		if (!b->refcnt && (b->flags & BUF_DIRTY) && writeback(b->dev))
			return; /* the device fails: keep the data */
		if (!b->refcnt)
			forget(b);
		b = prev;
	}
}

static struct buf *new_buf(struct block_device *dev, uint32_t blockno, uint32_t size)
{
	struct buf *b;

	shrink(size);
	b = kzalloc(sizeof(*b));
	if (!b)
		return NULL;
	b->data = kmalloc(size);
	if (!b->data) {
		kfree(b);
		return NULL;
	}
	b->dev = dev;
	b->blockno = blockno;
	b->size = size;
	unsigned h = hash_of(dev, blockno);
	b->hash_next = hash[h];
	hash[h] = b;
	lru_push_front(b);
	stats.buffers++;
	stats.bytes += size;
	return b;
}

static bool valid_block(struct block_device *dev, uint32_t blockno, uint32_t size)
{
	return size >= dev->sector_size && size <= 65536 && !(size & (size - 1)) &&
	       !(size % dev->sector_size) &&
	       (uint64_t)(blockno + 1ull) * (size / dev->sector_size) <= dev->sectors;
}

/* After a sequential miss: caches the next blocks, read with one request. */
static void read_ahead(struct block_device *dev, uint32_t blockno, uint32_t size)
{
	uint32_t n = READAHEAD_BYTES / size, got = 0;
	uint8_t *data;

	while (n && !valid_block(dev, blockno + n - 1, size))
		n--;
	if (n < 2)
		return;
	data = kmalloc(n * size);
	if (!data)
		return;
	if (!blockdev_read(dev, (uint64_t)blockno * (size / dev->sector_size),
			   n * (size / dev->sector_size), data)) {
		for (uint32_t i = 0; i < n; i++) {
			struct buf *b;
			if (lookup(dev, blockno + i, size) ||
			    !(b = new_buf(dev, blockno + i, size)))
				continue; /* a cached copy may be newer */
			memcpy(b->data, data + i * size, size);
			b->flags = BUF_VALID;
			got++;
		}
	}
	stats.readahead += got;
	stats.disk_reads += n;
	kfree(data);
}

static struct buf *get(struct block_device *dev, uint32_t blockno, uint32_t size,
		       bool read)
{
	struct buf *b;
	int err;

	if (!dev || !valid_block(dev, blockno, size))
		return ERR_PTR(-EINVAL);
	b = lookup(dev, blockno, size);
	if (b) {
		stats.hits++;
		lru_unlink(b);
		lru_push_front(b);
		b->refcnt++;
		return b;
	}
	stats.misses++;
	b = new_buf(dev, blockno, size);
	if (!b)
		return ERR_PTR(-ENOMEM);
	b->refcnt = 1;
	if (!read) {
		memset(b->data, 0, size);
		b->flags = BUF_VALID;
		return b;
	}
	err = blockdev_read(dev, (uint64_t)blockno * (size / dev->sector_size),
			    size / dev->sector_size, b->data);
	if (err) {
		pr_err("bcache: %s: reading block %u failed (%d)\n", dev->name,
		       blockno, err);
		forget(b);
		return ERR_PTR(-EIO);
	}
	b->flags = BUF_VALID;
	stats.disk_reads++;
	if (dev == last_dev && blockno == last_block + 1)
		read_ahead(dev, blockno + 1, size);
	last_dev = dev;
	last_block = blockno;
	return b;
}

struct buf *bread(struct block_device *dev, uint32_t blockno, uint32_t size)
{
	return get(dev, blockno, size, true);
}

struct buf *bget(struct block_device *dev, uint32_t blockno, uint32_t size)
{
	return get(dev, blockno, size, false);
}

void bdirty(struct buf *b)
{
	if (!(b->flags & BUF_DIRTY)) {
		b->flags |= BUF_DIRTY;
		stats.dirty++;
	}
}

void brelse(struct buf *b)
{
	if (!b->refcnt) {
		pr_err("bcache: brelse of an unreferenced block %u\n", b->blockno);
		return;
	}
	b->refcnt--;
}

int bcache_sync(struct block_device *dev)
{
	int err = writeback(dev);

	for (struct block_device *d = blockdev_first(); d; d = d->next) {
		if (!dev || d == dev) {
			int e = blockdev_flush(d);
			err = err ?: e;
		}
	}
	return err;
}

int bcache_invalidate(struct block_device *dev)
{
	struct buf *b = lru_head;
	int busy = 0;

	writeback(dev);
	while (b) {
		struct buf *next = b->lru_next;

		if (b->dev == dev) {
			if (b->refcnt || (b->flags & BUF_DIRTY))
				busy++;
			else
				forget(b);
		}
		b = next;
	}
	if (dev == last_dev)
		last_dev = NULL;
	return busy;
}

void bcache_set_limit(size_t bytes)
{
	stats.limit = bytes;
	shrink(0);
}

void bcache_get_stats(struct bcache_stats *st)
{
	*st = stats;
}
