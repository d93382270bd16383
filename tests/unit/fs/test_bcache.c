/* tests/unit/fs/test_bcache.c - the block cache (kernel/bcache.c) on a
 * file-backed block device.
 *
 * Each case runs in a forked child with an empty cache and its own image
 * file (IMG_BLOCKS blocks of 1 KiB, each block filled with a pattern
 * that names it), and checks the cache against the device's sector
 * counters (filedev_sectors_read/_written) and the image file itself:
 * hits and misses, write-back only on sync or eviction, read-ahead after
 * a sequential miss, errors as -EIO or -EINVAL, invalidation.
 */
#include "tests/unit/fs/fsutil.h"

#define BS 1024u
#define IMG_BLOCKS 512u
#define SECTORS_PER_BLOCK (BS / 512)

static struct block_device *dev;

/* The original contents of block b. */
static uint8_t orig(uint32_t b, uint32_t i)
{
	return fs_pat(b, i);
}

static bool block_is(const uint8_t *data, uint32_t b,
		     uint8_t (*want)(uint32_t, uint32_t))
{
	for (uint32_t i = 0; i < BS; i++)
		if (data[i] != want(b, i))
			return false;
	return true;
}

static uint8_t changed(uint32_t b, uint32_t i)
{
	return (uint8_t)(fs_pat(b, i) ^ 0x5a ^ b);
}

/* Block b of the image file as the disk holds it. */
static bool disk_block_is(uint32_t b, uint8_t (*want)(uint32_t, uint32_t))
{
	uint8_t data[BS];
	FILE *f = fopen(fs_path("img"), "rb");
	bool ok = f && !fseek(f, (long)b * BS, SEEK_SET) &&
		  fread(data, 1, BS, f) == BS;

	if (f)
		fclose(f);
	return ok && block_is(data, b, want);
}

static void make_image(void)
{
	FILE *f = fopen(fs_path("img"), "wb");
	uint8_t data[BS];

	for (uint32_t b = 0; b < IMG_BLOCKS; b++) {
		for (uint32_t i = 0; i < BS; i++)
			data[i] = orig(b, i);
		fwrite(data, 1, BS, f);
	}
	fclose(f);
	dev = filedev_open(fs_path("img"), "hdb");
}

static struct bcache_stats stats(void)
{
	struct bcache_stats st;

	bcache_get_stats(&st);
	return st;
}

/* Reads block b, checks it, releases it; true if it held what want says. */
static bool read_check(uint32_t b, uint8_t (*want)(uint32_t, uint32_t))
{
	struct buf *bp = bread(dev, b, BS);
	bool ok;

	if (IS_ERR(bp))
		return false;
	ok = bp->blockno == b && bp->size == BS && block_is(bp->data, b, want);
	brelse(bp);
	return ok;
}

/* Rewrites block b with changed() and marks it dirty; 0 or -errno. */
static long rewrite(uint32_t b)
{
	struct buf *bp = bread(dev, b, BS);

	if (IS_ERR(bp))
		return PTR_ERR(bp);
	for (uint32_t i = 0; i < BS; i++)
		bp->data[i] = changed(b, i);
	bdirty(bp);
	brelse(bp);
	return 0;
}

static void close_dev(void)
{
	EXPECT_EQ(bcache_invalidate(dev), 0);
	filedev_close(dev);
}

/* ---- the cases */

static void hits_and_misses(void *arg)
{
	(void)arg;
	make_image();
	EXPECT(read_check(7, orig));
	EXPECT_EQ(stats().misses, 1);
	EXPECT_EQ(stats().hits, 0);
	EXPECT_EQ(filedev_sectors_read(dev), SECTORS_PER_BLOCK);
	EXPECT(read_check(7, orig));
	EXPECT(read_check(7, orig));
	EXPECT_EQ(stats().misses, 1);
	EXPECT_EQ(stats().hits, 2);
	EXPECT_EQ(filedev_sectors_read(dev),
		  SECTORS_PER_BLOCK);  /* no disk read */
	EXPECT(read_check(100, orig)); /* not next to 7: no read-ahead */
	EXPECT_EQ(stats().misses, 2);
	EXPECT_EQ(stats().readahead, 0);
	EXPECT_EQ(stats().buffers, 2);
	EXPECT_EQ(stats().bytes, 2 * BS);
	EXPECT_EQ(filedev_sectors_read(dev), 2 * SECTORS_PER_BLOCK);
	EXPECT_EQ(filedev_sectors_written(dev), 0);
	close_dev();
}

/* Two references to one block are one buffer. */
static void same_block_same_buffer(void *arg)
{
	(void)arg;
	make_image();
	struct buf *a = bread(dev, 3, BS), *b = bread(dev, 3, BS);
	EXPECT(!IS_ERR(a) && !IS_ERR(b));
	if (IS_ERR(a) || IS_ERR(b))
		return;
	EXPECT(a == b);
	EXPECT_EQ(a->refcnt, 2);
	EXPECT_EQ(a->flags & BUF_VALID, BUF_VALID);
	a->data[0] ^= 0xff;
	EXPECT_EQ(b->data[0], (uint8_t)(orig(3, 0) ^ 0xff));
	brelse(a);
	EXPECT_EQ(b->refcnt, 1);
	brelse(b);
	EXPECT_EQ(b->refcnt, 0);
	/* held: invalidate keeps it and says so */
	a = bread(dev, 3, BS);
	EXPECT_EQ(bcache_invalidate(dev), 1);
	brelse(a);
	close_dev();
}

static void dirty_written_only_by_sync(void *arg)
{
	(void)arg;
	make_image();
	EXPECT_EQ(rewrite(9), 0);
	EXPECT_EQ(rewrite(40), 0);
	EXPECT_EQ(stats().dirty, 2);
	EXPECT_EQ(filedev_sectors_written(dev), 0);
	EXPECT(disk_block_is(9, orig));
	EXPECT(read_check(9, changed)); /* the cache has the new data */
	EXPECT_EQ(bcache_sync(dev), 0);
	EXPECT_EQ(filedev_sectors_written(dev), 2 * SECTORS_PER_BLOCK);
	EXPECT_EQ(stats().dirty, 0);
	EXPECT_EQ(stats().disk_writes, 2);
	EXPECT(disk_block_is(9, changed));
	EXPECT(disk_block_is(40, changed));
	EXPECT(disk_block_is(10, orig));
	/* a second sync has nothing to write */
	EXPECT_EQ(bcache_sync(dev), 0);
	EXPECT_EQ(filedev_sectors_written(dev), 2 * SECTORS_PER_BLOCK);
	/* bcache_sync(NULL) syncs every device */
	EXPECT_EQ(rewrite(41), 0);
	EXPECT_EQ(bcache_sync(NULL), 0);
	EXPECT(disk_block_is(41, changed));
	close_dev();
}

/* Under a limit of 8 blocks, 64 dirty blocks go to disk on eviction and
 * read back correctly. */
static void eviction_writes_back(void *arg)
{
	(void)arg;
	make_image();
	bcache_set_limit(8 * BS);
	EXPECT_EQ(stats().limit, 8 * BS);
	for (uint32_t b = 100; b < 164; b++) {
		EXPECT_EQ(rewrite(b), 0);
		EXPECT(stats().bytes <= 8 * BS);
	}
	EXPECT(stats().buffers <= 8);
	EXPECT(filedev_sectors_written(dev) >= 56 * SECTORS_PER_BLOCK);
	EXPECT(disk_block_is(100, changed)); /* evicted long ago */
	for (uint32_t b = 100; b < 164; b++)
		EXPECT(read_check(b, changed));
	for (uint32_t b = 164; b < 200; b++)
		EXPECT(read_check(b, orig));
	EXPECT(stats().bytes <= 8 * BS);
	EXPECT_EQ(bcache_sync(dev), 0);
	for (uint32_t b = 100; b < 164; b++)
		EXPECT(disk_block_is(b, changed));
	EXPECT(disk_block_is(164, orig));
	close_dev();
}

/* The least recently used block goes first. */
static void eviction_is_lru(void *arg)
{
	(void)arg;
	make_image();
	bcache_set_limit(4 * BS);
	/* blocks apart, so no read-ahead */
	EXPECT(read_check(10, orig));
	EXPECT(read_check(20, orig));
	EXPECT(read_check(30, orig));
	EXPECT(read_check(40, orig));
	EXPECT(read_check(10, orig)); /* 20 is now the oldest */
	EXPECT(read_check(50, orig)); /* evicts 20 */
	uint64_t misses = stats().misses;
	EXPECT(read_check(10, orig));
	EXPECT(read_check(40, orig));
	EXPECT(read_check(50, orig));
	EXPECT_EQ(stats().misses, misses);
	EXPECT(read_check(20, orig));
	EXPECT_EQ(stats().misses, misses + 1);
	close_dev();
}

/* Referenced blocks are never evicted, even past the limit. */
static void held_blocks_stay(void *arg)
{
	(void)arg;
	make_image();
	bcache_set_limit(2 * BS);
	struct buf *held[6];
	for (int i = 0; i < 6; i++) {
		held[i] = bread(dev, 200 + 10 * i, BS);
		EXPECT(!IS_ERR(held[i]));
		if (IS_ERR(held[i]))
			return;
		held[i]->data[5] = (uint8_t)i;
		bdirty(held[i]);
	}
	for (int i = 0; i < 6; i++) {
		EXPECT_EQ(held[i]->blockno, 200 + 10 * i);
		EXPECT_EQ(held[i]->data[5], i);
		EXPECT_EQ(held[i]->data[6], orig(200 + 10 * i, 6));
		brelse(held[i]);
	}
	EXPECT_EQ(bcache_sync(dev), 0);
	bcache_set_limit(1 << 20);
	for (int i = 0; i < 6; i++) {
		struct buf *bp = bread(dev, 200 + 10 * i, BS);
		EXPECT(!IS_ERR(bp) && bp->data[5] == i);
		if (!IS_ERR(bp))
			brelse(bp);
	}
	close_dev();
}

/* A miss right after the previous block reads ahead; the blocks read
 * ahead are then hits with no more disk reads. */
static void sequential_read_ahead(void *arg)
{
	(void)arg;
	make_image();
	EXPECT(read_check(300, orig));
	EXPECT_EQ(stats().readahead, 0);
	EXPECT(read_check(301, orig));
	uint64_t ra = stats().readahead;
	EXPECT(ra >= 2);
	uint64_t sectors = filedev_sectors_read(dev), misses = stats().misses;
	EXPECT_EQ(sectors, (2 + ra) * SECTORS_PER_BLOCK);
	for (uint32_t b = 302; b < 302 + ra; b++)
		EXPECT(read_check(b, orig));
	EXPECT_EQ(stats().misses, misses);
	EXPECT_EQ(filedev_sectors_read(dev), sectors);
	EXPECT_EQ(stats().hits, ra);
	close_dev();
}

/* Read-ahead never reads past the device's end nor replaces a cached
 * (possibly dirty) block. */
static void read_ahead_respects_end_and_cache(void *arg)
{
	(void)arg;
	make_image();
	EXPECT_EQ(rewrite(IMG_BLOCKS - 2), 0); /* cached and dirty */
	EXPECT(read_check(IMG_BLOCKS - 4, orig));
	EXPECT(read_check(IMG_BLOCKS - 3, orig));
	EXPECT(read_check(IMG_BLOCKS - 2, changed));
	EXPECT(read_check(IMG_BLOCKS - 1, orig));
	EXPECT(filedev_sectors_read(dev) <=
	       (IMG_BLOCKS - (IMG_BLOCKS - 4) + 1) * SECTORS_PER_BLOCK);
	EXPECT_EQ(bcache_sync(dev), 0);
	EXPECT(disk_block_is(IMG_BLOCKS - 2, changed));
	close_dev();
}

/* A failed write surfaces from bcache_sync as -EIO and loses nothing:
 * the block stays dirty and a later sync writes it. */
static void write_error_from_sync(void *arg)
{
	(void)arg;
	make_image();
	EXPECT_EQ(rewrite(60), 0);
	EXPECT_EQ(rewrite(61), 0);
	filedev_fail_writes_after(dev, 0);
	host_log_quiet = 1;
	EXPECT_EQ(bcache_sync(dev), -EIO);
	EXPECT_EQ(stats().dirty, 2);
	EXPECT(read_check(60, changed));
	EXPECT(disk_block_is(60, orig));
	filedev_fail_writes_after(dev, UINT64_MAX);
	EXPECT_EQ(bcache_sync(dev), 0);
	EXPECT_EQ(stats().dirty, 0);
	EXPECT(disk_block_is(60, changed));
	EXPECT(disk_block_is(61, changed));
	close_dev();
}

/* A device that fails half way: some blocks written, the rest kept. */
static void write_error_part_way(void *arg)
{
	(void)arg;
	make_image();
	for (uint32_t b = 70; b < 80; b += 2) /* five separate runs */
		EXPECT_EQ(rewrite(b), 0);
	filedev_fail_writes_after(dev, 2 * SECTORS_PER_BLOCK);
	host_log_quiet = 1;
	EXPECT_EQ(bcache_sync(dev), -EIO);
	EXPECT_EQ(stats().dirty, 3);
	filedev_fail_writes_after(dev, UINT64_MAX);
	EXPECT_EQ(bcache_sync(dev), 0);
	for (uint32_t b = 70; b < 80; b++)
		EXPECT(disk_block_is(b, b % 2 ? orig : changed));
	close_dev();
}

/* Eviction on a failing device keeps the dirty data (over the limit
 * rather than losing it). */
static void eviction_on_failing_device(void *arg)
{
	(void)arg;
	make_image();
	host_log_quiet = 1;
	bcache_set_limit(4 * BS);
	filedev_fail_writes_after(dev, 0);
	for (uint32_t b = 400; b < 412; b++)
		EXPECT_EQ(rewrite(b), 0);
	for (uint32_t b = 400; b < 412; b++)
		EXPECT(read_check(b, changed));
	filedev_fail_writes_after(dev, UINT64_MAX);
	EXPECT_EQ(bcache_sync(dev), 0);
	for (uint32_t b = 400; b < 412; b++)
		EXPECT(disk_block_is(b, changed));
	close_dev();
}

static void bad_block_numbers_and_sizes(void *arg)
{
	(void)arg;
	make_image();
	static const struct {
		uint32_t block, size;
		long want;
	} rows[] = {
	    {IMG_BLOCKS - 1, BS, 0},
	    {IMG_BLOCKS, BS, -EINVAL},
	    {IMG_BLOCKS + 1000, BS, -EINVAL},
	    {0xffffffffu, BS, -EINVAL},
	    {IMG_BLOCKS / 4 - 1, 4096, 0},
	    {IMG_BLOCKS / 4, 4096, -EINVAL},
	    {0, 1000, -EINVAL}, /* not a power of two */
	    {0, 256, -EINVAL},	/* smaller than a sector */
	    {0, 0, -EINVAL},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct buf *bp = bread(dev, rows[i].block, rows[i].size);
		long got = IS_ERR(bp) ? PTR_ERR(bp) : 0;
		if (got != rows[i].want)
			UNIT_FAIL("bread(block %u, size %u): got %ld, want %ld",
				  rows[i].block, rows[i].size, got,
				  rows[i].want);
		if (!IS_ERR(bp))
			brelse(bp);
		bp = bget(dev, rows[i].block, rows[i].size);
		got = IS_ERR(bp) ? PTR_ERR(bp) : 0;
		if (got != rows[i].want)
			UNIT_FAIL("bget(block %u, size %u): got %ld, want %ld",
				  rows[i].block, rows[i].size, got,
				  rows[i].want);
		if (!IS_ERR(bp))
			brelse(bp);
	}
	EXPECT_EQ(PTR_ERR(bread(NULL, 0, BS)), -EINVAL);
	close_dev();
}

/* A device read error is ERR_PTR(-EIO) and caches nothing. */
static void read_error_is_eio(void *arg)
{
	(void)arg;
	make_image();
	host_log_quiet = 1;
	/* the file shrinks under the device: reads past it come up short */
	EXPECT_EQ(truncate(fs_path("img"), 100 * BS), 0);
	struct buf *bp = bread(dev, 200, BS);
	EXPECT_EQ(IS_ERR(bp) ? PTR_ERR(bp) : 0, -EIO);
	EXPECT_EQ(stats().buffers, 0);
	EXPECT(read_check(50, orig));
	EXPECT_EQ(stats().buffers, 1);
	close_dev();
}

/* bget gives a zeroed buffer without reading, or the cached data. */
static void bget_zeroes_without_reading(void *arg)
{
	(void)arg;
	make_image();
	struct buf *bp = bget(dev, 33, BS);
	EXPECT(!IS_ERR(bp));
	if (IS_ERR(bp))
		return;
	EXPECT_EQ(filedev_sectors_read(dev), 0);
	uint8_t zero[BS] = {0};
	EXPECT(!memcmp(bp->data, zero, BS));
	for (uint32_t i = 0; i < BS; i++)
		bp->data[i] = changed(33, i);
	bdirty(bp);
	brelse(bp);
	bp = bget(dev, 33, BS); /* cached: keeps the data */
	EXPECT(!IS_ERR(bp) && block_is(bp->data, 33, changed));
	if (!IS_ERR(bp))
		brelse(bp);
	EXPECT(read_check(33, changed));
	EXPECT_EQ(filedev_sectors_read(dev), 0);
	EXPECT_EQ(bcache_sync(dev), 0);
	EXPECT(disk_block_is(33, changed));
	close_dev();
}

/* invalidate writes dirty blocks and forgets the device's blocks. */
static void invalidate_forgets(void *arg)
{
	(void)arg;
	make_image();
	EXPECT_EQ(rewrite(12), 0);
	EXPECT(read_check(90, orig));
	EXPECT_EQ(stats().buffers, 2);
	EXPECT_EQ(bcache_invalidate(dev), 0);
	EXPECT_EQ(stats().buffers, 0);
	EXPECT_EQ(stats().bytes, 0);
	EXPECT_EQ(stats().dirty, 0);
	EXPECT(disk_block_is(12, changed));
	/* behind the cache's back: the next read must see it */
	FILE *f = fopen(fs_path("img"), "r+b");
	uint8_t data[BS];
	for (uint32_t i = 0; i < BS; i++)
		data[i] = orig(90, i);
	EXPECT(f && !fseek(f, 12 * BS, SEEK_SET) &&
	       fwrite(data, 1, BS, f) == BS);
	if (f)
		fclose(f);
	uint64_t misses = stats().misses;
	struct buf *bp = bread(dev, 12, BS);
	EXPECT(!IS_ERR(bp) && block_is(bp->data, 90, orig));
	if (!IS_ERR(bp))
		brelse(bp);
	EXPECT_EQ(stats().misses, misses + 1);
	close_dev();
}

/* Two devices: blocks with the same number stay apart, and sync and
 * invalidate of one leave the other alone. */
static void two_devices(void *arg)
{
	(void)arg;
	make_image();
	struct block_device *one = dev;
	char cmd[64];
	EXPECT_EQ(fs_sh(cmd, sizeof(cmd), "cp '%s' '%s'", fs_path("img"),
			fs_path("img2")),
		  0);
	struct block_device *two = filedev_open(fs_path("img2"), "hdc");
	EXPECT(two != NULL);
	if (!two)
		return;
	struct buf *a = bread(one, 5, BS), *b = bread(two, 5, BS);
	EXPECT(!IS_ERR(a) && !IS_ERR(b) && a != b);
	if (IS_ERR(a) || IS_ERR(b))
		return;
	a->data[0] = 0xAA;
	b->data[0] = 0xBB;
	bdirty(a);
	bdirty(b);
	brelse(a);
	brelse(b);
	EXPECT_EQ(bcache_sync(two), 0);
	EXPECT_EQ(filedev_sectors_written(one), 0);
	EXPECT_EQ(filedev_sectors_written(two), SECTORS_PER_BLOCK);
	EXPECT_EQ(stats().dirty, 1);
	EXPECT_EQ(bcache_invalidate(two), 0);
	EXPECT_EQ(stats().buffers, 1);
	a = bread(one, 5, BS);
	EXPECT(!IS_ERR(a) && a->data[0] == 0xAA);
	if (!IS_ERR(a))
		brelse(a);
	filedev_close(two);
	close_dev();
	EXPECT(disk_block_is(6, orig));
	FILE *f = fopen(fs_path("img"), "rb");
	EXPECT(f && fgetc(f) >= 0 && !fseek(f, 5 * BS, SEEK_SET) &&
	       fgetc(f) == 0xAA);
	if (f)
		fclose(f);
}

/* 4 KiB blocks on 512-byte sectors. */
static void large_blocks(void *arg)
{
	(void)arg;
	make_image();
	struct buf *bp = bread(dev, 10, 4096);
	EXPECT(!IS_ERR(bp));
	if (IS_ERR(bp))
		return;
	EXPECT_EQ(filedev_sectors_read(dev), 8);
	EXPECT(
	    block_is(bp->data + 2 * BS, 42, orig)); /* block 40..43 in 1 KiB */
	bp->data[4095] ^= 1;
	bdirty(bp);
	brelse(bp);
	EXPECT_EQ(bcache_sync(dev), 0);
	EXPECT_EQ(filedev_sectors_written(dev), 8);
	FILE *f = fopen(fs_path("img"), "rb");
	EXPECT(f && !fseek(f, 44 * BS - 1, SEEK_SET) &&
	       fgetc(f) == (orig(43, BS - 1) ^ 1));
	if (f)
		fclose(f);
	close_dev();
}

#define BC(fn)                                                                 \
	TEST(fn##_case)                                                        \
	{                                                                      \
		fs_forked(fn, NULL, 20, true, "");                             \
	}

BC(hits_and_misses)
BC(same_block_same_buffer)
BC(dirty_written_only_by_sync)
BC(eviction_writes_back)
BC(eviction_is_lru)
BC(held_blocks_stay)
BC(sequential_read_ahead)
BC(read_ahead_respects_end_and_cache)
BC(write_error_from_sync)
BC(write_error_part_way)
BC(eviction_on_failing_device)
BC(bad_block_numbers_and_sizes)
BC(read_error_is_eio)
BC(bget_zeroes_without_reading)
BC(invalidate_forgets)
BC(two_devices)
BC(large_blocks)

#define BCASE(fn)                                                              \
	{                                                                      \
#fn, fn##_case                                                 \
	}

UNIT_MAIN(BCASE(hits_and_misses), BCASE(same_block_same_buffer),
	  BCASE(dirty_written_only_by_sync), BCASE(eviction_writes_back),
	  BCASE(eviction_is_lru), BCASE(held_blocks_stay),
	  BCASE(sequential_read_ahead),
	  BCASE(read_ahead_respects_end_and_cache),
	  BCASE(write_error_from_sync), BCASE(write_error_part_way),
	  BCASE(eviction_on_failing_device), BCASE(bad_block_numbers_and_sizes),
	  BCASE(read_error_is_eio), BCASE(bget_zeroes_without_reading),
	  BCASE(invalidate_forgets), BCASE(two_devices), BCASE(large_blocks))
