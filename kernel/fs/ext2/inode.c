/* kernel/fs/ext2/inode.c - ext2 inodes on disk and in memory.
 *
 * Inode ino lives in group (ino - 1) / inodes_per_group, at index
 * (ino - 1) % inodes_per_group of that group's inode table; each slot is
 * s_inode_size bytes, of which the first 128 are struct ext2_inode.
 *
 * In memory, inode->private is a struct ext2_inode_info holding a copy of
 * those 128 bytes (block map, flags, generation, xattr block, dtime, ...).
 * The VFS's fields (mode, nlink, uid, gid, size, blocks, times) are the
 * truth while the inode is in memory: read_inode fills them from the copy
 * and write_inode stores them back into it before writing the slot.  The
 * bytes past 128 of a large inode are left as they are on disk, except
 * the epoch bits of the *_extra timestamps (nanoseconds are not kept).
 *
 * Lifetime: the VFS calls read_inode on a cache miss, write_inode for a
 * dirty inode, evict_inode when the last reference to an inode with no
 * links goes (blocks and inode freed, i_dtime set) and release_inode when
 * an inode leaves memory.  atime is stored but never updated on read.
 */
#include "kernel/fs/ext2/ext2.h"

#include "kernel/bcache.h"
#include "kernel/err.h"
#include "kernel/kmalloc.h"
#include "kernel/string.h"

/* Where inode ino's slot is: its block and byte offset in it. */
static int inode_location(const struct ext2_fs *fs, uint32_t ino,
			  uint32_t *block, uint32_t *offset)
{
	uint32_t g, index;

	if (ino < 1 || ino > fs->inodes_count)
		return EXT2_CORRUPT("bad inode number %u", ino);
	g = (ino - 1) / fs->inodes_per_group;
	index = (ino - 1) % fs->inodes_per_group;
	*block = fs->gd[g].bg_inode_table + index / fs->inodes_per_block;
	*offset = (index % fs->inodes_per_block) * fs->inode_size;
	return 0;
}

/* i_extra_isize of a slot, 0 for 128-byte inodes or a bad value. */
static uint32_t slot_extra_isize(const struct ext2_fs *fs, const uint8_t *slot)
{
	uint16_t extra;

	if (fs->inode_size <= EXT2_GOOD_OLD_INODE_SIZE)
		return 0;
	memcpy(&extra, slot + EXT2_EXTRA_ISIZE_OFF, sizeof(extra));
	if (extra > fs->inode_size - EXT2_GOOD_OLD_INODE_SIZE)
		return 0;
	return extra;
}

/* True if a slot with i_extra_isize extra holds the word at off. */
static bool has_extra_word(uint32_t extra, uint32_t off)
{
	return EXT2_GOOD_OLD_INODE_SIZE + extra >= off + 4;
}

/* Seconds from a 32-bit time and, if present, its extra epoch bits. */
static int64_t decode_time(uint32_t t, const uint8_t *slot, uint32_t extra,
			   uint32_t off)
{
	int64_t v = (int32_t)t;
	uint32_t word;

	if (has_extra_word(extra, off)) {
		memcpy(&word, slot + off, sizeof(word));
		v += (int64_t)(word & 3) << 32;
	}
	return v;
}

/* Stores t's epoch bits (nanoseconds 0) in the extra word at off. */
static void encode_extra(int64_t t, uint8_t *slot, uint32_t extra, uint32_t off)
{
	uint32_t word = (uint32_t)((t - (int32_t)t) >> 32) & 3;

	if (has_extra_word(extra, off))
		memcpy(slot + off, &word, sizeof(word));
}

static bool is_fast_symlink(const struct inode *inode)
{
	const struct ext2_inode_info *info = EXT2_I(inode);
	uint64_t acl =
	    info->raw.i_file_acl ? EXT2_FS(inode->sb)->block_size >> 9 : 0;

	return S_ISLNK(inode->mode) && inode->blocks <= acl;
}

bool ext2_has_block_map(const struct inode *inode)
{
	return S_ISREG(inode->mode) || S_ISDIR(inode->mode) ||
	       (S_ISLNK(inode->mode) && !is_fast_symlink(inode));
}

void ext2_touch(struct inode *inode)
{
	inode->mtime = inode->ctime = vfs_now();
	mark_inode_dirty(inode);
}

static void set_ops(struct inode *inode)
{
	inode->i_op = NULL;
	inode->i_fop = NULL;
	if (S_ISREG(inode->mode)) {
		inode->i_op = &ext2_file_iops;
		inode->i_fop = &ext2_file_fops;
	} else if (S_ISDIR(inode->mode)) {
		inode->i_op = &ext2_dir_iops;
		inode->i_fop = &ext2_dir_fops;
	} else if (S_ISLNK(inode->mode)) {
		inode->i_op = &ext2_symlink_iops;
	}
}

/* Device number as Linux stores it: old 8:8 in i_block[0], else new. */
static uint32_t decode_rdev(const struct ext2_inode *raw)
{
	uint32_t major, minor, dev;

	if (raw->i_block[0]) {
		dev = raw->i_block[0];
		major = (dev >> 8) & 0xff;
		minor = dev & 0xff;
	} else {
		dev = raw->i_block[1];
		major = (dev & 0xfff00) >> 8;
		minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
	}
	return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

/* Fills the VFS fields of inode from the copy of its disk inode. */
static int fill_inode(struct inode *inode, const struct ext2_inode *raw)
{
	uint32_t type = raw->i_mode & S_IFMT;

	if (!raw->i_links_count)
		return EXT2_CORRUPT("inode %u is referenced but deleted",
				    inode->ino);
	if (type != S_IFREG && type != S_IFDIR && type != S_IFLNK &&
	    type != S_IFCHR && type != S_IFBLK && type != S_IFIFO &&
	    type != S_IFSOCK)
		return EXT2_CORRUPT("inode %u: bad mode 0%o", inode->ino,
				    raw->i_mode);
	inode->mode = raw->i_mode;
	inode->nlink = raw->i_links_count;
	inode->uid = raw->i_uid | (uint32_t)raw->i_uid_high << 16;
	inode->gid = raw->i_gid | (uint32_t)raw->i_gid_high << 16;
	inode->size = raw->i_size;
	if (type == S_IFREG)
		inode->size |= (uint64_t)raw->i_size_high << 32;
	if (inode->size > EXT2_FS(inode->sb)->max_file_size)
		return EXT2_CORRUPT("inode %u: size %llu beyond the largest "
				    "file",
				    inode->ino,
				    (unsigned long long)inode->size);
	inode->blocks = raw->i_blocks;
	inode->rdev = 0;
	if (type == S_IFCHR || type == S_IFBLK)
		inode->rdev = decode_rdev(raw);
	return 0;
}

int ext2_read_inode(struct inode *inode)
{
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	struct ext2_inode_info *info;
	uint32_t block, off, extra;
	struct buf *b;
	int err;

	if (!fs)
		return -EIO; /* unmounted */
	if (inode->ino != EXT2_ROOT_INO && inode->ino < fs->first_ino)
		return EXT2_CORRUPT("reference to reserved inode %u",
				    inode->ino);
	err = inode_location(fs, inode->ino, &block, &off);
	if (err)
		return err;
	info = kzalloc(sizeof(*info));
	if (!info)
		return -ENOMEM;
	b = bread(fs->bdev, block, fs->block_size);
	if (IS_ERR(b)) {
		err = (int)PTR_ERR(b);
		goto out_free;
	}
	memcpy(&info->raw, b->data + off, sizeof(info->raw));
	extra = slot_extra_isize(fs, b->data + off);
	inode->atime = decode_time(info->raw.i_atime, b->data + off, extra,
				   EXT2_ATIME_EXTRA_OFF);
	inode->mtime = decode_time(info->raw.i_mtime, b->data + off, extra,
				   EXT2_MTIME_EXTRA_OFF);
	inode->ctime = decode_time(info->raw.i_ctime, b->data + off, extra,
				   EXT2_CTIME_EXTRA_OFF);
	brelse(b);
	err = fill_inode(inode, &info->raw);
	if (err)
		goto out_free;
	info->block_group = (inode->ino - 1) / fs->inodes_per_group;
	inode->private = info;
	set_ops(inode);
	return 0;
out_free:
	kfree(info);
	return err;
}

/* Copies the VFS fields of inode into its disk-inode copy. */
static void store_fields(struct ext2_fs *fs, struct inode *inode)
{
	struct ext2_inode *raw = &EXT2_I(inode)->raw;

	raw->i_mode = (uint16_t)inode->mode;
	raw->i_uid = (uint16_t)inode->uid;
	raw->i_uid_high = (uint16_t)(inode->uid >> 16);
	raw->i_gid = (uint16_t)inode->gid;
	raw->i_gid_high = (uint16_t)(inode->gid >> 16);
	raw->i_links_count = (uint16_t)inode->nlink;
	raw->i_size = (uint32_t)inode->size;
	if (S_ISREG(inode->mode)) {
		raw->i_size_high = (uint32_t)(inode->size >> 32);
		if (inode->size > 0x7FFFFFFF)
			ext2_set_ro_compat(fs,
					   EXT2_FEATURE_RO_COMPAT_LARGE_FILE);
	}
	raw->i_blocks = (uint32_t)inode->blocks;
	raw->i_atime = (uint32_t)inode->atime;
	raw->i_mtime = (uint32_t)inode->mtime;
	raw->i_ctime = (uint32_t)inode->ctime;
}

int ext2_write_inode(struct inode *inode)
{
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	uint32_t block, off, extra;
	uint8_t *slot;
	struct buf *b;
	int err;

	if (!fs)
		return -EIO; /* an inode outliving its unmount */
	if (inode->sb->read_only || !inode->private)
		return 0;
	store_fields(fs, inode);
	err = inode_location(fs, inode->ino, &block, &off);
	if (err)
		return err;
	b = bread(fs->bdev, block, fs->block_size);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	slot = b->data + off;
	memcpy(slot, &EXT2_I(inode)->raw, sizeof(struct ext2_inode));
	extra = slot_extra_isize(fs, slot);
	encode_extra(inode->atime, slot, extra, EXT2_ATIME_EXTRA_OFF);
	encode_extra(inode->mtime, slot, extra, EXT2_MTIME_EXTRA_OFF);
	encode_extra(inode->ctime, slot, extra, EXT2_CTIME_EXTRA_OFF);
	bdirty(b);
	brelse(b);
	return 0;
}

/* Drops the inode's reference to its shared xattr block (freed at 0). */
static int drop_xattr_block(struct inode *inode)
{
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	struct ext2_inode *raw = &EXT2_I(inode)->raw;
	uint32_t blk = raw->i_file_acl, *hdr;
	struct buf *b;
	bool last;
	int err = 0;

	if (!blk)
		return 0;
	if (!ext2_valid_data_block(fs, blk))
		return EXT2_CORRUPT("inode %u: bad xattr block %u", inode->ino,
				    blk);
	b = bread(fs->bdev, blk, fs->block_size);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	hdr = (uint32_t *)b->data; /* h_magic, h_refcount, ... */
	if (hdr[0] != EXT2_XATTR_MAGIC) {
		brelse(b);
		return EXT2_CORRUPT("inode %u: xattr block %u has bad magic",
				    inode->ino, blk);
	}
	last = hdr[1] <= 1;
	if (!last) {
		hdr[1]--;
		bdirty(b);
	}
	brelse(b);
	if (last)
		err = ext2_free_block(fs, blk);
	if (!err) {
		raw->i_file_acl = 0;
		inode->blocks -= MIN(inode->blocks, fs->block_size >> 9);
	}
	return err;
}

void ext2_evict_inode(struct inode *inode)
{
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	struct ext2_inode_info *info = EXT2_I(inode);

	if (!fs || !info || inode->sb->read_only)
		return;
	info->raw.i_dtime = (uint32_t)vfs_now();
	if (ext2_has_block_map(inode))
		ext2_free_blocks_from(inode, 0);
	drop_xattr_block(inode);
	inode->size = 0;
	inode->nlink = 0;
	ext2_write_inode(inode);
	ext2_free_inode(fs, inode->ino, S_ISDIR(inode->mode));
}

void ext2_release_inode(struct inode *inode)
{
	kfree(inode->private);
	inode->private = NULL;
}

/* Prepares the freshly allocated slot of ino: it must be unused (else the
 * bitmap lied: -EIO, and the bit stays set), then is zeroed. */
static int init_slot(struct ext2_fs *fs, uint32_t ino)
{
	uint32_t block, off;
	struct ext2_inode *old;
	struct buf *b;
	int err;

	err = inode_location(fs, ino, &block, &off);
	if (err)
		return err;
	b = bread(fs->bdev, block, fs->block_size);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	old = (struct ext2_inode *)(b->data + off);
	if (old->i_links_count) {
		brelse(b);
		return EXT2_CORRUPT("inode bitmap says inode %u (%u links) is "
				    "free",
				    ino, old->i_links_count);
	}
	memset(b->data + off, 0, fs->inode_size);
	if (fs->extra_isize)
		memcpy(b->data + off + EXT2_EXTRA_ISIZE_OFF, &fs->extra_isize,
		       sizeof(fs->extra_isize));
	bdirty(b);
	brelse(b);
	return 0;
}

int ext2_new_inode(struct inode *dir, uint32_t mode, struct inode **out)
{
	struct ext2_fs *fs = EXT2_FS(dir->sb);
	struct ext2_inode_info *info;
	struct inode *inode;
	uint32_t ino;
	int err;

	if (dir->sb->read_only)
		return -EROFS;
	err =
	    ext2_alloc_inode(fs, EXT2_I(dir)->block_group, S_ISDIR(mode), &ino);
	if (err)
		return err;
	err = init_slot(fs, ino);
	if (err == -EIO)
		return err; /* the slot may be in use: keep its bit */
	if (err)
		goto out_free_ino;
	info = kzalloc(sizeof(*info));
	if (!info) {
		err = -ENOMEM;
		goto out_free_ino;
	}
	inode = inode_new(dir->sb, ino);
	if (IS_ERR(inode)) {
		err = (int)PTR_ERR(inode);
		kfree(info);
		goto out_free_ino;
	}
	info->block_group = (ino - 1) / fs->inodes_per_group;
	info->raw.i_generation = fs->next_generation++;
	inode->private = info;
	inode->mode = mode;
	inode->nlink = 1;
	inode->atime = inode->mtime = inode->ctime = vfs_now();
	set_ops(inode);
	mark_inode_dirty(inode);
	*out = inode;
	return 0;
out_free_ino:
	ext2_free_inode(fs, ino, S_ISDIR(mode));
	return err;
}
