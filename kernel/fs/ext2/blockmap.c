/* kernel/fs/ext2/blockmap.c - the block map of an inode: logical file
 * blocks to disk blocks through i_block[] and indirect blocks.
 *
 * With P = block size / 4 pointers per block, file block n is
 *   n < 12              i_block[n]
 *   n < 12 + P          i_block[12] -> [n - 12]
 *   n < 12 + P + P^2    i_block[13] -> [..] -> [..]
 *   else                i_block[14] -> [..] -> [..] -> [..]
 * A zero pointer is a hole: it reads as zeros, and ext2_bmap(create)
 * fills it, allocating indirect blocks (zeroed) on the way; each new
 * block adds block_size / 512 to inode->blocks.  Every pointer read from
 * the disk is checked (inside the filesystem, not metadata) before use.
 *
 * ext2_free_blocks_from() is the heart of truncate and eviction: it frees
 * every block mapped at file block `first` and beyond, walking each tree
 * at most three levels deep, and frees an indirect block once all its
 * pointers are zero.
 */
#include "kernel/fs/ext2/ext2.h"

#include "kernel/bcache.h"
#include "kernel/err.h"
#include "kernel/string.h"

#define MAX_DEPTH 4 /* i_block[] slot plus up to three indirect levels */

/* The path to file block n: offsets[0] indexes i_block[], offsets[1..]
 * the indirect blocks.  Returns the depth (1..4) or -EFBIG. */
static int block_path(const struct ext2_fs *fs, uint32_t n,
		      uint32_t offsets[MAX_DEPTH])
{
	uint32_t bits = fs->addr_bits, p = fs->addr_per_block;
	uint32_t mask = p - 1;

	if (n < EXT2_NDIR_BLOCKS) {
		offsets[0] = n;
		return 1;
	}
	n -= EXT2_NDIR_BLOCKS;
	if (n < p) {
		offsets[0] = EXT2_IND_BLOCK;
		offsets[1] = n;
		return 2;
	}
	n -= p;
	if (n < p << bits) {
		offsets[0] = EXT2_DIND_BLOCK;
		offsets[1] = n >> bits;
		offsets[2] = n & mask;
		return 3;
	}
	n -= p << bits;
	if ((uint64_t)n < (uint64_t)p << (2 * bits)) {
		offsets[0] = EXT2_TIND_BLOCK;
		offsets[1] = n >> (2 * bits);
		offsets[2] = (n >> bits) & mask;
		offsets[3] = n & mask;
		return 4;
	}
	return -EFBIG;
}

uint64_t ext2_max_file_size(const struct ext2_fs *fs)
{
	uint64_t p = fs->addr_per_block;
	uint64_t mappable = EXT2_NDIR_BLOCKS + p + p * p + p * p * p;
	/* i_blocks counts 512-byte units in 32 bits: data + indirect blocks */
	uint64_t limit = 0xFFFFFFFFull >> (fs->block_bits - 9);
	uint64_t size;

	if (mappable + mappable / (p - 1) + 3 > limit)
		mappable = limit - limit / (p - 1) - 3;
	size = mappable << fs->block_bits;
	if (fs->es->s_rev_level == EXT2_GOOD_OLD_REV && size > 0x7FFFFFFF)
		size = 0x7FFFFFFF; /* large_file needs revision 1 */
	return size;
}

/* A goal for the next block of inode: after its last one, else its group. */
static uint32_t alloc_goal(const struct inode *inode)
{
	const struct ext2_fs *fs = EXT2_FS(inode->sb);
	const struct ext2_inode_info *info = EXT2_I(inode);

	if (info->last_alloc)
		return info->last_alloc + 1;
	return ext2_group_first_block(fs, info->block_group);
}

/* Allocates a block for inode and counts it in inode->blocks. */
static int alloc_for(struct inode *inode, uint32_t *out)
{
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	int err = ext2_alloc_block(fs, alloc_goal(inode), out);

	if (err)
		return err;
	EXT2_I(inode)->last_alloc = *out;
	inode->blocks += fs->block_size >> 9;
	mark_inode_dirty(inode);
	return 0;
}

/* Allocates a zero-filled indirect block. */
static int alloc_indirect(struct inode *inode, uint32_t *out)
{
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	struct buf *b;
	int err = alloc_for(inode, out);

	if (err)
		return err;
	b = bget(fs->bdev, *out, fs->block_size);
	if (IS_ERR(b))
		return (int)PTR_ERR(b); /* the block stays counted: harmless */
	memset(b->data, 0, fs->block_size);
	bdirty(b);
	brelse(b);
	return 0;
}

static int check_ptr(const struct inode *inode, uint32_t block)
{
	if (ext2_valid_data_block(EXT2_FS(inode->sb), block))
		return 0;
	return EXT2_CORRUPT("inode %u: block pointer %u outside the data area",
			    inode->ino, block);
}

/* Follows (and with create, fills) pointer index of indirect block blk;
 * *made tells whether it allocated the block it returns in *next. */
static int step(struct inode *inode, uint32_t blk, uint32_t index, bool create,
		bool data, uint32_t *next, bool *made)
{
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	struct buf *b = bread(fs->bdev, blk, fs->block_size);
	uint32_t *slot;
	int err = 0;

	*made = false;
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	slot = (uint32_t *)b->data + index;
	*next = *slot;
	if (*next) {
		err = check_ptr(inode, *next);
	} else if (create) {
		err =
		    data ? alloc_for(inode, next) : alloc_indirect(inode, next);
		if (!err) {
			*slot = *next;
			*made = true;
			bdirty(b);
		}
	}
	brelse(b);
	return err;
}

int ext2_bmap(struct inode *inode, uint32_t lblock, bool create,
	      uint32_t *pblock, bool *fresh)
{
	struct ext2_inode_info *info = EXT2_I(inode);
	uint32_t offsets[MAX_DEPTH], blk;
	int depth = block_path(EXT2_FS(inode->sb), lblock, offsets);
	bool made = false;
	int err = 0;

	if (depth < 0)
		return depth;
	blk = info->raw.i_block[offsets[0]];
	if (blk) {
		err = check_ptr(inode, blk);
	} else if (create) {
		err = depth == 1 ? alloc_for(inode, &blk)
				 : alloc_indirect(inode, &blk);
		if (!err) {
			info->raw.i_block[offsets[0]] = blk;
			made = true;
		}
	}
	for (int level = 1; level < depth && blk && !err; level++) {
		uint32_t next;

		err = step(inode, blk, offsets[level], create,
			   level + 1 == depth, &next, &made);
		blk = next;
	}
	if (err)
		return err;
	*pblock = blk;
	if (fresh)
		*fresh = made; /* about the data block: the last level */
	return 0;
}

/* --- freeing */

/* Frees block and subtracts it from inode->blocks. */
static int release(struct inode *inode, uint32_t block)
{
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	int err = ext2_free_block(fs, block);

	if (!err) {
		inode->blocks -= MIN(inode->blocks, fs->block_size >> 9);
		mark_inode_dirty(inode);
	}
	return err;
}

/* Frees the subtree at blk, `levels` levels of indirection deep (0: a
 * data block), and blk itself. */
static int free_tree(struct inode *inode, uint32_t blk, int levels)
{
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	struct buf *b;
	int err = 0;

	if (check_ptr(inode, blk))
		return -EIO;
	if (levels == 0)
		return release(inode, blk);
	b = bread(fs->bdev, blk, fs->block_size);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	/* on damage, stop: this block stays allocated with what is left */
	for (uint32_t i = 0; i < fs->addr_per_block && !err; i++) {
		uint32_t child = ((uint32_t *)b->data)[i];

		if (child)
			err = free_tree(inode, child, levels - 1);
	}
	brelse(b);
	if (!err)
		err = release(inode, blk);
	return err;
}

static bool all_zero(const uint32_t *p, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

/* In the indirect block *blk (levels >= 1 deep), frees everything that
 * maps file blocks rel and beyond (rel relative to the block's first);
 * frees *blk too and zeroes it when nothing in it is left. */
static int trim_tree(struct inode *inode, uint32_t *blk, int levels,
		     uint64_t rel)
{
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	uint64_t span = 1ull << (fs->addr_bits * (levels - 1));
	struct buf *b;
	uint32_t *ptr;
	int err = 0;
	bool empty;

	if (check_ptr(inode, *blk))
		return -EIO;
	b = bread(fs->bdev, *blk, fs->block_size);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	ptr = (uint32_t *)b->data;
	for (uint32_t i = (uint32_t)(rel / span);
	     i < fs->addr_per_block && !err; i++) {
		uint64_t start = (uint64_t)i * span;

		if (!ptr[i] || (start < rel && levels == 1))
			continue; /* a hole, or a data block before the cut */
		if (start >= rel)
			err = free_tree(inode, ptr[i], levels - 1);
		else
			err =
			    trim_tree(inode, &ptr[i], levels - 1, rel - start);
		if (!err && start >= rel)
			ptr[i] = 0;
		bdirty(b);
	}
	empty = all_zero(ptr, fs->addr_per_block);
	brelse(b);
	if (!err && empty) {
		err = release(inode, *blk);
		if (!err)
			*blk = 0;
	}
	return err;
}

int ext2_free_blocks_from(struct inode *inode, uint32_t first)
{
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	uint32_t *iblock = EXT2_I(inode)->raw.i_block;
	uint64_t base = EXT2_NDIR_BLOCKS, span = fs->addr_per_block;
	int err = 0;

	for (uint32_t i = first; i < EXT2_NDIR_BLOCKS; i++) {
		int e = iblock[i] ? free_tree(inode, iblock[i], 0) : 0;

		if (!e)
			iblock[i] = 0;
		else if (!err)
			err = e;
	}
	for (int level = 1; level <= 3; level++) {
		uint32_t *root = &iblock[EXT2_NDIR_BLOCKS + level - 1];
		int e = 0;

		if (*root && first <= base) {
			e = free_tree(inode, *root, level);
			if (!e)
				*root = 0;
		} else if (*root && first < base + span) {
			e = trim_tree(inode, root, level, first - base);
		}
		if (e && !err)
			err = e;
		base += span;
		span <<= fs->addr_bits;
	}
	mark_inode_dirty(inode);
	return err;
}
