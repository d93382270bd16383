/* kernel/fs/ext2/file.c - reading, writing and truncating regular files,
 * fsync, and the operation tables of ext2 inodes and open files.
 *
 * read and write go block by block through ext2_bmap(): a hole reads as
 * zeros; writing into a hole allocates the block (and any indirect blocks),
 * zero-filled where the write does not cover it.  Data moves to and from
 * the caller's buffer with copy_out/copy_in.  write updates size, mtime
 * and ctime; read leaves atime alone (no atime updates, like noatime).
 * A write that fails part-way returns the bytes written so far; blocks it
 * allocated past the end of file are given back.
 *
 * truncate shrinks by zeroing the tail of the new last block and freeing
 * every block past it (ext2_free_blocks_from), and grows by leaving a
 * hole; both keep "bytes past EOF in the last block are zero".
 */
#include "kernel/fs/ext2/ext2.h"

#include "kernel/bcache.h"
#include "kernel/err.h"
#include "kernel/string.h"
#include "kernel/uaccess.h"

static const uint8_t zeros[EXT2_MAX_BLOCK_SIZE];

/* Copies one piece of file block lblock, at off, to the caller's buf. */
static int read_piece(struct inode *inode, uint32_t lblock, uint32_t off,
		      void *buf, uint32_t n)
{
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	uint32_t pblock;
	struct buf *b;
	int err;

	err = ext2_bmap(inode, lblock, false, &pblock, NULL);
	if (err)
		return err;
	if (!pblock)
		return copy_out(buf, zeros, n);
	b = bread(fs->bdev, pblock, fs->block_size);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	err = copy_out(buf, b->data + off, n);
	brelse(b);
	return err;
}

static long ext2_file_read(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	struct inode *inode = f->inode;
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	size_t done = 0;
	int err = 0;

	if (*pos >= inode->size)
		return 0;
	n = (size_t)MIN((uint64_t)n, inode->size - *pos);
	while (done < n) {
		uint32_t off = (uint32_t)(*pos & (fs->block_size - 1));
		uint32_t chunk =
		    (uint32_t)MIN((size_t)(fs->block_size - off), n - done);

		err = read_piece(inode, (uint32_t)(*pos >> fs->block_bits), off,
				 (uint8_t *)buf + done, chunk);
		if (err)
			break;
		done += chunk;
		*pos += chunk;
	}
	return done ? (long)done : err;
}

/* Copies one piece of the caller's buf into file block lblock at off,
 * allocating the block if needed; *allocated tells if it did. */
static int write_piece(struct inode *inode, uint32_t lblock, uint32_t off,
		       const void *buf, uint32_t n, bool *allocated)
{
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	uint32_t pblock;
	struct buf *b;
	int err;

	err = ext2_bmap(inode, lblock, true, &pblock, allocated);
	if (err)
		return err;
	if (*allocated) {
		b = bget(fs->bdev, pblock, fs->block_size);
		if (!IS_ERR(b) && n != fs->block_size)
			memset(b->data, 0, fs->block_size);
	} else {
		b = bread(fs->bdev, pblock, fs->block_size);
	}
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	err = copy_in(b->data + off, buf, n);
	if (err && *allocated)
		memset(b->data, 0, fs->block_size);
	bdirty(b);
	brelse(b);
	return err;
}

static long ext2_file_write(struct file *f, const void *buf, size_t n,
			    uint64_t *pos)
{
	struct inode *inode = f->inode;
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	bool allocated_past_eof = false;
	size_t done = 0;
	int err = 0;

	if (inode->sb->read_only)
		return -EROFS;
	if (f->flags & O_APPEND)
		*pos = inode->size;
	if (!n)
		return 0;
	if (*pos >= fs->max_file_size)
		return -EFBIG;
	n = (size_t)MIN((uint64_t)n, fs->max_file_size - *pos);
	while (done < n) {
		uint32_t off = (uint32_t)(*pos & (fs->block_size - 1));
		uint32_t chunk =
		    (uint32_t)MIN((size_t)(fs->block_size - off), n - done);
		bool allocated = false;

		err =
		    write_piece(inode, (uint32_t)(*pos >> fs->block_bits), off,
				(const uint8_t *)buf + done, chunk, &allocated);
		if (allocated && *pos >= inode->size)
			allocated_past_eof = true;
		if (err)
			break;
		done += chunk;
		*pos += chunk;
		if (*pos > inode->size)
			inode->size = *pos;
	}
	if (err && allocated_past_eof) /* give back what lies past EOF */
		ext2_free_blocks_from(
		    inode, (uint32_t)((inode->size + fs->block_size - 1) >>
				      fs->block_bits));
	if (done || allocated_past_eof)
		ext2_touch(inode);
	return done ? (long)done : err;
}

/* Zeroes file bytes from `from` to the end of their block, if mapped. */
static int zero_tail(struct inode *inode, uint64_t from)
{
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	uint32_t off = (uint32_t)(from & (fs->block_size - 1)), pblock;
	struct buf *b;
	int err;

	if (!off)
		return 0;
	err = ext2_bmap(inode, (uint32_t)(from >> fs->block_bits), false,
			&pblock, NULL);
	if (err || !pblock)
		return err;
	b = bread(fs->bdev, pblock, fs->block_size);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	memset(b->data + off, 0, fs->block_size - off);
	bdirty(b);
	brelse(b);
	return 0;
}

int ext2_truncate(struct inode *inode, uint64_t size)
{
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	int err;

	if (inode->sb->read_only)
		return -EROFS;
	if (S_ISDIR(inode->mode))
		return -EISDIR;
	if (!S_ISREG(inode->mode))
		return -EINVAL;
	if (size > fs->max_file_size)
		return -EFBIG;
	err = zero_tail(inode, MIN(size, inode->size));
	if (err)
		return err;
	if (size < inode->size)
		err = ext2_free_blocks_from(
		    inode,
		    (uint32_t)((size + fs->block_size - 1) >> fs->block_bits));
	inode->size = size;
	ext2_touch(inode);
	return err;
}

/* Writes the file's inode and the filesystem metadata to the disk. */
static int ext2_fsync(struct file *f)
{
	struct super_block *sb = f->inode->sb;
	int err;

	if (sb->read_only)
		return 0;
	err = sync_inodes(sb);
	if (!err)
		err = ext2_sync_super(sb);
	if (!err)
		err = bcache_sync(sb->bdev);
	return err;
}

static long ext2_dir_read(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	(void)f, (void)buf, (void)n, (void)pos;
	return -EISDIR;
}

const struct file_operations ext2_file_fops = {
    .read = ext2_file_read,
    .write = ext2_file_write,
    .fsync = ext2_fsync,
};

const struct file_operations ext2_dir_fops = {
    .read = ext2_dir_read,
    .readdir = ext2_readdir,
    .fsync = ext2_fsync,
};

const struct inode_operations ext2_file_iops = {
    .truncate = ext2_truncate,
};

const struct inode_operations ext2_dir_iops = {
    .lookup = ext2_lookup,
    .create = ext2_create,
    .mkdir = ext2_mkdir,
    .mknod = ext2_mknod,
    .unlink = ext2_unlink,
    .rmdir = ext2_rmdir,
    .rename = ext2_rename,
    .link = ext2_link,
    .symlink = ext2_symlink,
};

const struct inode_operations ext2_symlink_iops = {
    .readlink = ext2_readlink,
};
