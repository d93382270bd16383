/* kernel/fs/ext2/alloc.c - block and inode allocation over the bitmaps.
 *
 * Each group has one block of block bitmap and one of inode bitmap (bit i
 * = block first+i, inode g*ipg+i+1).  Allocation sets a bit through the
 * block cache and lowers the free count in fs->gd[] (super.c sums those
 * into the superblock at sync); freeing does the reverse, so the bitmaps
 * and counts always agree, as e2fsck checks.
 *
 * Policy, close to Linux's ext2 of old: a block goes at or after the goal
 * (the previous block of the file, or its inode's group), first in the
 * goal's group, then in the following groups.  A directory's inode goes
 * to a group with at least the average number of free inodes and the
 * most free blocks (spreading the tree); a file's goes to its parent's
 * group, else a quadratic probe, else any group with room.
 *
 * Metadata is never handed out: mke2fs marks it used in the bitmaps, and
 * a bitmap claiming a metadata block free, a free bit being freed again,
 * or a count the bitmap contradicts is reported as damage (-EIO).
 */
#include "kernel/fs/ext2/ext2.h"

#include "kernel/bcache.h"
#include "kernel/err.h"

bool ext2_is_metadata(const struct ext2_fs *fs, uint32_t block)
{
	uint32_t g, first;
	const struct ext2_group_desc *gd;

	if (block < fs->first_data_block || block >= fs->blocks_count)
		return false;
	g = (block - fs->first_data_block) / fs->blocks_per_group;
	first = ext2_group_first_block(fs, g);
	gd = &fs->gd[g];
	if (ext2_group_has_super(fs, g) &&
	    block < first + 1 + fs->gdt_blocks + fs->reserved_gdt_blocks)
		return true;
	if (block == gd->bg_block_bitmap || block == gd->bg_inode_bitmap)
		return true;
	return block >= gd->bg_inode_table &&
	       block < gd->bg_inode_table + fs->itable_blocks;
}

bool ext2_valid_data_block(const struct ext2_fs *fs, uint32_t block)
{
	return block >= fs->first_data_block && block < fs->blocks_count &&
	       !ext2_is_metadata(fs, block);
}

/* First clear bit in bits [start, nbits) of map, or nbits. */
static uint32_t find_zero_bit(const uint8_t *map, uint32_t start,
			      uint32_t nbits)
{
	uint32_t i = start;

	while (i < nbits) {
		if ((i & 7) == 0 && map[i >> 3] == 0xff) {
			i += 8;
			continue;
		}
		if (!(map[i >> 3] & (1u << (i & 7))))
			return i;
		i++;
	}
	return nbits;
}

static bool test_bit(const uint8_t *map, uint32_t i)
{
	return map[i >> 3] & (1u << (i & 7));
}

static void set_bit(uint8_t *map, uint32_t i)
{
	map[i >> 3] |= (uint8_t)(1u << (i & 7));
}

static void clear_bit(uint8_t *map, uint32_t i)
{
	map[i >> 3] &= (uint8_t) ~(1u << (i & 7));
}

/* Takes a free block of group g at bit start or later: 0 with *out,
 * -ENOSPC if there is none there, -EIO for a damaged bitmap. */
static int alloc_in_group(struct ext2_fs *fs, uint32_t g, uint32_t start,
			  uint32_t *out)
{
	struct ext2_group_desc *gd = &fs->gd[g];
	uint32_t nbits = ext2_group_nblocks(fs, g);
	uint32_t bit, block;
	struct buf *b;
	int err = 0;

	b = bread(fs->bdev, gd->bg_block_bitmap, fs->block_size);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	bit = find_zero_bit(b->data, start, nbits);
	if (bit == nbits) {
		err = -ENOSPC;
		if (start == 0)
			err = EXT2_CORRUPT("group %u: %u free blocks counted, "
					   "bitmap full",
					   g, gd->bg_free_blocks_count);
		goto out;
	}
	block = ext2_group_first_block(fs, g) + bit;
	if (ext2_is_metadata(fs, block)) {
		err = EXT2_CORRUPT("group %u: bitmap says metadata block %u "
				   "is free",
				   g, block);
		goto out;
	}
	set_bit(b->data, bit);
	bdirty(b);
	gd->bg_free_blocks_count--;
	*out = block;
out:
	brelse(b);
	return err;
}

int ext2_alloc_block(struct ext2_fs *fs, uint32_t goal, uint32_t *out)
{
	uint32_t g0, start;

	if (fs->sb->read_only)
		return -EROFS;
	if (goal < fs->first_data_block || goal >= fs->blocks_count)
		goal = fs->first_data_block;
	g0 = (goal - fs->first_data_block) / fs->blocks_per_group;
	start = goal - ext2_group_first_block(fs, g0);
	/* groups + 1 rounds: the last one revisits g0 from its start */
	for (uint32_t i = 0; i <= fs->groups; i++) {
		uint32_t g = (g0 + i) % fs->groups;
		int err;

		if (!fs->gd[g].bg_free_blocks_count)
			continue;
		err = alloc_in_group(fs, g, i == 0 ? start : 0, out);
		if (err != -ENOSPC)
			return err;
	}
	return -ENOSPC;
}

int ext2_free_block(struct ext2_fs *fs, uint32_t block)
{
	struct ext2_group_desc *gd;
	uint32_t g, bit;
	struct buf *b;
	int err = 0;

	if (!ext2_valid_data_block(fs, block))
		return EXT2_CORRUPT("freeing block %u: outside the data area",
				    block);
	g = (block - fs->first_data_block) / fs->blocks_per_group;
	bit = block - ext2_group_first_block(fs, g);
	gd = &fs->gd[g];
	b = bread(fs->bdev, gd->bg_block_bitmap, fs->block_size);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	if (!test_bit(b->data, bit) ||
	    gd->bg_free_blocks_count >= ext2_group_nblocks(fs, g)) {
		err = EXT2_CORRUPT("freeing block %u: already free", block);
		goto out;
	}
	clear_bit(b->data, bit);
	bdirty(b);
	gd->bg_free_blocks_count++;
out:
	brelse(b);
	return err;
}

/* A group for a new directory: enough free inodes, most free blocks. */
static int find_group_dir(struct ext2_fs *fs, uint32_t *out)
{
	uint64_t free_inodes = 0;
	uint32_t avg, best = UINT32_MAX, best_blocks = 0;

	for (uint32_t g = 0; g < fs->groups; g++)
		free_inodes += fs->gd[g].bg_free_inodes_count;
	avg = (uint32_t)(free_inodes / fs->groups);
	for (uint32_t g = 0; g < fs->groups; g++) {
		const struct ext2_group_desc *gd = &fs->gd[g];

		if (!gd->bg_free_inodes_count || gd->bg_free_inodes_count < avg)
			continue;
		if (best == UINT32_MAX ||
		    gd->bg_free_blocks_count > best_blocks) {
			best = g;
			best_blocks = gd->bg_free_blocks_count;
		}
	}
	if (best == UINT32_MAX)
		return -ENOSPC;
	*out = best;
	return 0;
}

/* A group for a new file: the parent's, a quadratic probe, then any. */
static int find_group_file(struct ext2_fs *fs, uint32_t parent, uint32_t *out)
{
	const struct ext2_group_desc *gd = fs->gd;
	uint32_t g = parent;

	if (gd[g].bg_free_inodes_count && gd[g].bg_free_blocks_count)
		goto found;
	for (uint32_t step = 1; step < fs->groups; step <<= 1) {
		g = (g + step) % fs->groups;
		if (gd[g].bg_free_inodes_count && gd[g].bg_free_blocks_count)
			goto found;
	}
	for (uint32_t i = 1; i <= fs->groups; i++) {
		g = (parent + i) % fs->groups;
		if (gd[g].bg_free_inodes_count)
			goto found;
	}
	return -ENOSPC;
found:
	*out = g;
	return 0;
}

/* Takes a free inode of group g: 0 with *out, -EIO for a damaged bitmap. */
static int take_inode(struct ext2_fs *fs, uint32_t g, bool is_dir,
		      uint32_t *out)
{
	struct ext2_group_desc *gd = &fs->gd[g];
	uint32_t first = g * fs->inodes_per_group + 1;
	uint32_t start = 0, bit;
	struct buf *b;
	int err = 0;

	if (first < fs->first_ino)
		start = fs->first_ino - first; /* reserved inodes */
	b = bread(fs->bdev, gd->bg_inode_bitmap, fs->block_size);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	bit = find_zero_bit(b->data, start, fs->inodes_per_group);
	if (bit == fs->inodes_per_group) {
		err = EXT2_CORRUPT("group %u: %u free inodes counted, bitmap "
				   "full",
				   g, gd->bg_free_inodes_count);
		goto out;
	}
	set_bit(b->data, bit);
	bdirty(b);
	gd->bg_free_inodes_count--;
	if (is_dir)
		gd->bg_used_dirs_count++;
	*out = first + bit;
out:
	brelse(b);
	return err;
}

int ext2_alloc_inode(struct ext2_fs *fs, uint32_t parent_group, bool is_dir,
		     uint32_t *out)
{
	uint32_t g;
	int err;

	if (fs->sb->read_only)
		return -EROFS;
	if (parent_group >= fs->groups)
		parent_group = 0;
	if (is_dir)
		err = find_group_dir(fs, &g);
	else
		err = find_group_file(fs, parent_group, &g);
	if (err)
		return err;
	return take_inode(fs, g, is_dir, out);
}

int ext2_free_inode(struct ext2_fs *fs, uint32_t ino, bool is_dir)
{
	struct ext2_group_desc *gd;
	uint32_t g, bit;
	struct buf *b;
	int err = 0;

	if (ino < fs->first_ino || ino > fs->inodes_count)
		return EXT2_CORRUPT("freeing reserved or bad inode %u", ino);
	g = (ino - 1) / fs->inodes_per_group;
	bit = (ino - 1) % fs->inodes_per_group;
	gd = &fs->gd[g];
	b = bread(fs->bdev, gd->bg_inode_bitmap, fs->block_size);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	if (!test_bit(b->data, bit) ||
	    gd->bg_free_inodes_count >= fs->inodes_per_group) {
		err = EXT2_CORRUPT("freeing inode %u: already free", ino);
		goto out;
	}
	clear_bit(b->data, bit);
	bdirty(b);
	gd->bg_free_inodes_count++;
	if (is_dir && gd->bg_used_dirs_count)
		gd->bg_used_dirs_count--;
out:
	brelse(b);
	return err;
}
