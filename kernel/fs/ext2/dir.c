/* kernel/fs/ext2/dir.c - directory records: lookup, readdir, adding,
 * removing and retargeting entries.
 *
 * A directory is size / block_size blocks; each block is a chain of
 * records {inode, rec_len, name_len, file_type, name} whose rec_lens add
 * up to exactly the block size.  A record with inode 0 is unused; a
 * record's slack (rec_len beyond EXT2_DIR_REC_LEN(name_len)) is free
 * space.  Every block is checked when read (dir_read): a record shorter
 * than its header, misaligned, crossing the block end, shorter than its
 * name, or naming an impossible inode makes the directory -EIO.  After
 * that check the walkers below follow rec_len freely: each step advances
 * at least 8 bytes inside the block.
 *
 * Adding reuses an unused record or splits one with enough slack, else
 * appends a block; removing merges the record into its predecessor in the
 * same block, or marks it unused when it is the block's first.  Every
 * change clears EXT2_INDEX_FL (we do not maintain htree indexes: their
 * nodes look like unused records spanning a block, so reading linearly
 * works) and updates the directory's mtime and ctime.
 *
 * readdir's cookie (ctx->pos) is the byte offset of the next record.
 */
#include "kernel/fs/ext2/ext2.h"

#include "kernel/bcache.h"
#include "kernel/err.h"
#include "kernel/string.h"

static struct ext2_dir_entry *record(const struct buf *b, uint32_t off)
{
	return (struct ext2_dir_entry *)(b->data + off);
}

static uint32_t name_len(const struct ext2_fs *fs,
			 const struct ext2_dir_entry *de)
{
	if (fs->has_filetype)
		return de->name_len;
	return de->name_len | (uint32_t)de->file_type << 8;
}

static uint32_t dir_nblocks(const struct inode *dir)
{
	const struct ext2_fs *fs = EXT2_FS(dir->sb);

	return (uint32_t)((dir->size + fs->block_size - 1) >> fs->block_bits);
}

static uint8_t mode_to_ft(uint32_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
		return EXT2_FT_REG_FILE;
	case S_IFDIR:
		return EXT2_FT_DIR;
	case S_IFCHR:
		return EXT2_FT_CHRDEV;
	case S_IFBLK:
		return EXT2_FT_BLKDEV;
	case S_IFIFO:
		return EXT2_FT_FIFO;
	case S_IFSOCK:
		return EXT2_FT_SOCK;
	case S_IFLNK:
		return EXT2_FT_SYMLINK;
	}
	return EXT2_FT_UNKNOWN;
}

static unsigned ft_to_dtype(const struct ext2_fs *fs, uint8_t ft)
{
	static const unsigned dtype[EXT2_FT_MAX] = {
	    DT_UNKNOWN, DT_REG,	 DT_DIR,  DT_CHR,
	    DT_BLK,	DT_FIFO, DT_SOCK, DT_LNK,
	};

	if (!fs->has_filetype || ft >= EXT2_FT_MAX)
		return DT_UNKNOWN;
	return dtype[ft];
}

/* Checks that data holds a valid record chain (see the header). */
static int check_block(const struct ext2_fs *fs, const struct inode *dir,
		       const uint8_t *data, uint32_t idx)
{
	for (uint32_t off = 0; off < fs->block_size;) {
		const struct ext2_dir_entry *de = (const void *)(data + off);
		uint32_t rec, len;

		if (fs->block_size - off < EXT2_DIR_HEADER)
			return EXT2_CORRUPT("directory %u block %u: record at "
					    "%u crosses the block end",
					    dir->ino, idx, off);
		rec = de->rec_len;
		len = name_len(fs, de);
		if (rec < EXT2_DIR_HEADER || (rec & 3) ||
		    rec > fs->block_size - off || len + EXT2_DIR_HEADER > rec ||
		    de->inode > fs->inodes_count || (de->inode && !len))
			return EXT2_CORRUPT("directory %u block %u offset %u: "
					    "bad record (rec_len %u, name_len "
					    "%u, inode %u)",
					    dir->ino, idx, off, rec, len,
					    de->inode);
		off += rec;
	}
	return 0;
}

/* Block idx of dir, checked: 0 with *out referenced, or -EIO. */
static int dir_read(struct inode *dir, uint32_t idx, struct buf **out)
{
	struct ext2_fs *fs = EXT2_FS(dir->sb);
	uint32_t pblock;
	struct buf *b;
	int err;

	err = ext2_bmap(dir, idx, false, &pblock, NULL);
	if (err)
		return err;
	if (!pblock)
		return EXT2_CORRUPT("directory %u has a hole at block %u",
				    dir->ino, idx);
	b = bread(fs->bdev, pblock, fs->block_size);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	err = check_block(fs, dir, b->data, idx);
	if (err) {
		brelse(b);
		return err;
	}
	*out = b;
	return 0;
}

static bool matches(const struct ext2_fs *fs, const struct ext2_dir_entry *de,
		    const char *name, size_t len)
{
	return de->inode && name_len(fs, de) == len &&
	       memcmp(de->name, name, len) == 0;
}

int ext2_find_entry(struct inode *dir, const char *name, size_t len,
		    struct ext2_dir_slot *slot)
{
	struct ext2_fs *fs = EXT2_FS(dir->sb);
	uint32_t nblocks = dir_nblocks(dir);

	for (uint32_t idx = 0; idx < nblocks; idx++) {
		uint32_t prev = UINT32_MAX;
		struct buf *b;
		int err = dir_read(dir, idx, &b);

		if (err)
			return err;
		for (uint32_t off = 0; off < fs->block_size;
		     off += record(b, off)->rec_len) {
			if (matches(fs, record(b, off), name, len)) {
				slot->buf = b;
				slot->off = off;
				slot->prev = prev;
				return 0;
			}
			prev = off;
		}
		brelse(b);
	}
	return -ENOENT;
}

uint32_t ext2_slot_ino(const struct ext2_dir_slot *slot)
{
	return record(slot->buf, slot->off)->inode;
}

int ext2_lookup(struct inode *dir, const char *name, size_t len,
		struct inode **out)
{
	struct ext2_dir_slot slot;
	struct inode *inode;
	uint32_t ino;
	int err;

	err = ext2_find_entry(dir, name, len, &slot);
	if (err)
		return err;
	ino = ext2_slot_ino(&slot);
	brelse(slot.buf);
	inode = iget(dir->sb, ino);
	if (IS_ERR(inode))
		return (int)PTR_ERR(inode);
	*out = inode;
	return 0;
}

/* Emits the records of block idx from byte offset skip on. */
static int readdir_block(struct inode *dir, uint32_t idx, uint32_t skip,
			 struct dir_context *ctx, bool *full)
{
	struct ext2_fs *fs = EXT2_FS(dir->sb);
	uint64_t base = (uint64_t)idx << fs->block_bits;
	struct buf *b;
	int err = dir_read(dir, idx, &b);

	if (err)
		return err;
	for (uint32_t off = 0; off < fs->block_size;
	     off += record(b, off)->rec_len) {
		const struct ext2_dir_entry *de = record(b, off);

		if (off < skip)
			continue;
		if (de->inode &&
		    ctx->emit(ctx, de->name, name_len(fs, de), de->inode,
			      ft_to_dtype(fs, de->file_type))) {
			*full = true;
			break;
		}
		ctx->pos = base + off + de->rec_len;
	}
	brelse(b);
	return 0;
}

int ext2_readdir(struct file *f, struct dir_context *ctx)
{
	struct inode *dir = f->inode;
	struct ext2_fs *fs = EXT2_FS(dir->sb);
	bool full = false;

	while (ctx->pos < dir->size && !full) {
		uint32_t idx = (uint32_t)(ctx->pos >> fs->block_bits);
		uint32_t skip = (uint32_t)(ctx->pos & (fs->block_size - 1));
		int err = readdir_block(dir, idx, skip, ctx, &full);

		if (err)
			return err;
	}
	return 0;
}

void ext2_dir_changed(struct inode *dir)
{
	EXT2_I(dir)->raw.i_flags &= ~(uint32_t)EXT2_INDEX_FL;
	ext2_touch(dir);
}

static void fill_record(const struct ext2_fs *fs, struct ext2_dir_entry *de,
			const char *name, size_t len, uint32_t ino,
			uint32_t mode)
{
	de->inode = ino;
	de->name_len = (uint8_t)len;
	de->file_type = fs->has_filetype ? mode_to_ft(mode) : 0;
	memcpy(de->name, name, len);
}

/* Puts the record into block b if some record there has room. */
static bool place_in_block(const struct ext2_fs *fs, struct buf *b,
			   const char *name, size_t len, uint32_t ino,
			   uint32_t mode)
{
	uint32_t need = EXT2_DIR_REC_LEN(len);

	for (uint32_t off = 0; off < fs->block_size;
	     off += record(b, off)->rec_len) {
		struct ext2_dir_entry *de = record(b, off), *nde;
		uint32_t used =
		    de->inode ? EXT2_DIR_REC_LEN(name_len(fs, de)) : 0;

		if (de->rec_len < used + need)
			continue;
		nde = de;
		if (used) { /* split: de keeps what it uses */
			nde = record(b, off + used);
			nde->rec_len = (uint16_t)(de->rec_len - used);
			de->rec_len = (uint16_t)used;
		}
		fill_record(fs, nde, name, len, ino, mode);
		bdirty(b);
		return true;
	}
	return false;
}

/* Appends a block to dir holding just the record. */
static int append_block(struct inode *dir, const char *name, size_t len,
			uint32_t ino, uint32_t mode)
{
	struct ext2_fs *fs = EXT2_FS(dir->sb);
	uint32_t idx = dir_nblocks(dir), pblock;
	struct ext2_dir_entry *de;
	struct buf *b;
	int err;

	if (((uint64_t)idx + 1) << fs->block_bits > 0xFFFFFFFFull)
		return -ENOSPC;
	err = ext2_bmap(dir, idx, true, &pblock, NULL);
	if (err)
		return err;
	b = bget(fs->bdev, pblock, fs->block_size);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	memset(b->data, 0, fs->block_size);
	de = record(b, 0);
	de->rec_len = (uint16_t)fs->block_size;
	fill_record(fs, de, name, len, ino, mode);
	bdirty(b);
	brelse(b);
	dir->size = ((uint64_t)idx + 1) << fs->block_bits;
	return 0;
}

int ext2_add_entry(struct inode *dir, const char *name, size_t len,
		   uint32_t ino, uint32_t mode)
{
	uint32_t nblocks = dir_nblocks(dir);
	int err = 0;

	if (!len)
		return -EINVAL;
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	for (uint32_t idx = 0; idx < nblocks; idx++) {
		struct buf *b;
		bool placed;

		err = dir_read(dir, idx, &b);
		if (err)
			return err;
		placed =
		    place_in_block(EXT2_FS(dir->sb), b, name, len, ino, mode);
		brelse(b);
		if (placed)
			goto out;
	}
	err = append_block(dir, name, len, ino, mode);
out:
	if (!err)
		ext2_dir_changed(dir);
	return err;
}

int ext2_delete_entry(struct inode *dir, const char *name, size_t len)
{
	struct ext2_dir_slot slot;
	struct ext2_dir_entry *de;
	int err;

	err = ext2_find_entry(dir, name, len, &slot);
	if (err)
		return err;
	de = record(slot.buf, slot.off);
	if (slot.prev != UINT32_MAX)
		record(slot.buf, slot.prev)->rec_len += de->rec_len;
	else
		de->inode = 0;
	bdirty(slot.buf);
	brelse(slot.buf);
	ext2_dir_changed(dir);
	return 0;
}

int ext2_set_entry(struct inode *dir, const char *name, size_t len,
		   uint32_t ino, uint32_t mode)
{
	struct ext2_fs *fs = EXT2_FS(dir->sb);
	struct ext2_dir_slot slot;
	struct ext2_dir_entry *de;
	int err;

	err = ext2_find_entry(dir, name, len, &slot);
	if (err)
		return err;
	de = record(slot.buf, slot.off);
	de->inode = ino;
	if (fs->has_filetype)
		de->file_type = mode_to_ft(mode);
	bdirty(slot.buf);
	brelse(slot.buf);
	ext2_dir_changed(dir);
	return 0;
}

static bool is_dot_or_dotdot(const struct ext2_fs *fs,
			     const struct ext2_dir_entry *de)
{
	uint32_t len = name_len(fs, de);

	return (len == 1 && de->name[0] == '.') ||
	       (len == 2 && de->name[0] == '.' && de->name[1] == '.');
}

int ext2_dir_is_empty(struct inode *dir)
{
	struct ext2_fs *fs = EXT2_FS(dir->sb);
	uint32_t nblocks = dir_nblocks(dir);
	int empty = 1;

	for (uint32_t idx = 0; idx < nblocks && empty; idx++) {
		struct buf *b;
		int err = dir_read(dir, idx, &b);

		if (err)
			return err;
		for (uint32_t off = 0; off < fs->block_size && empty;
		     off += record(b, off)->rec_len) {
			const struct ext2_dir_entry *de = record(b, off);

			if (de->inode && !is_dot_or_dotdot(fs, de))
				empty = 0;
		}
		brelse(b);
	}
	return empty;
}

int ext2_make_empty(struct inode *dir, uint32_t parent_ino)
{
	struct ext2_fs *fs = EXT2_FS(dir->sb);
	struct ext2_dir_entry *de;
	uint32_t pblock;
	struct buf *b;
	int err;

	err = ext2_bmap(dir, 0, true, &pblock, NULL);
	if (err)
		return err;
	b = bget(fs->bdev, pblock, fs->block_size);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	memset(b->data, 0, fs->block_size);
	de = record(b, 0);
	de->rec_len = (uint16_t)EXT2_DIR_REC_LEN(1);
	fill_record(fs, de, ".", 1, dir->ino, S_IFDIR);
	de = record(b, EXT2_DIR_REC_LEN(1));
	de->rec_len = (uint16_t)(fs->block_size - EXT2_DIR_REC_LEN(1));
	fill_record(fs, de, "..", 2, parent_ino, S_IFDIR);
	bdirty(b);
	brelse(b);
	dir->size = fs->block_size;
	mark_inode_dirty(dir);
	return 0;
}
