/* kernel/fs/ext2/namei.c - the name operations of ext2 directories:
 * create, mkdir, mknod, unlink, rmdir, rename, link, symlink, readlink.
 *
 * The VFS has already checked what vfs.h lists (the name is free for
 * create/mkdir/link/symlink, exists for unlink/rmdir/rename, types match
 * for rename, no directory moves below itself), so these functions do the
 * on-disk work and keep link counts right:
 *   - a file has one link per directory record naming it;
 *   - a directory has 2 (its record and its ".") plus one per
 *     subdirectory (their ".."); used_dirs_count counts directory inodes.
 * An inode losing its last link is not freed here: the VFS calls
 * evict_inode when its last reference goes (an open file survives).
 * A half-built new inode is dropped the same way: nlink 0, then iput.
 *
 * FIFOs, sockets and device nodes have no blocks and size 0; a device
 * keeps its number in i_block[] as Linux writes it (see ext2_mknod).
 *
 * Symlinks shorter than 60 bytes keep their target in i_block[] (fast,
 * no data block, i_blocks 0); longer ones (up to a block) in block 0.
 */
#include "kernel/fs/ext2/ext2.h"

#include "kernel/bcache.h"
#include "kernel/err.h"
#include "kernel/string.h"

/* Drops a new inode whose directory record could not be made. */
static void discard_new(struct inode *inode)
{
	inode->nlink = 0;
	mark_inode_dirty(inode);
	iput(inode);
}

int ext2_create(struct inode *dir, const char *name, size_t len, uint32_t mode,
		struct inode **out)
{
	struct inode *inode;
	int err;

	if (dir->sb->read_only)
		return -EROFS;
	err = ext2_new_inode(dir, S_IFREG | (mode & 07777), &inode);
	if (err)
		return err;
	err = ext2_add_entry(dir, name, len, inode->ino, inode->mode);
	if (err) {
		discard_new(inode);
		return err;
	}
	*out = inode;
	return 0;
}

/* Linux's ext2 encoding of a device number: the old 8:8 form in
 * i_block[0] when both halves fit, else the new one in i_block[1]
 * (rdev is already in that new form, userspace's). */
static void store_rdev(struct ext2_inode *raw, uint32_t rdev)
{
	uint32_t major = (rdev & 0xfff00) >> 8;
	uint32_t minor = (rdev & 0xff) | ((rdev >> 12) & 0xfff00);

	if (major < 256 && minor < 256)
		raw->i_block[0] = major << 8 | minor;
	else
		raw->i_block[1] = rdev;
}

int ext2_mknod(struct inode *dir, const char *name, size_t len, uint32_t mode,
	       uint32_t rdev)
{
	struct inode *inode;
	int err;

	if (dir->sb->read_only)
		return -EROFS;
	err = ext2_new_inode(dir, mode, &inode);
	if (err)
		return err;
	if (S_ISCHR(mode) || S_ISBLK(mode)) {
		inode->rdev = rdev;
		store_rdev(&EXT2_I(inode)->raw, rdev);
	}
	err = ext2_add_entry(dir, name, len, inode->ino, inode->mode);
	if (err) {
		discard_new(inode);
		return err;
	}
	iput(inode);
	return 0;
}

int ext2_mkdir(struct inode *dir, const char *name, size_t len, uint32_t mode)
{
	struct inode *inode;
	int err;

	if (dir->sb->read_only)
		return -EROFS;
	if (dir->nlink >= EXT2_LINK_MAX)
		return -EMLINK;
	err = ext2_new_inode(dir, S_IFDIR | (mode & 07777), &inode);
	if (err)
		return err;
	inode->nlink = 2;
	err = ext2_make_empty(inode, dir->ino);
	if (!err)
		err = ext2_add_entry(dir, name, len, inode->ino, inode->mode);
	if (err) {
		discard_new(inode);
		return err;
	}
	dir->nlink++;
	mark_inode_dirty(dir);
	iput(inode);
	return 0;
}

/* Takes one link from inode (a record naming it went away). */
static int drop_link(struct inode *inode)
{
	if (!inode->nlink)
		return EXT2_CORRUPT("inode %u: link count already 0",
				    inode->ino);
	inode->nlink--;
	inode->ctime = vfs_now();
	mark_inode_dirty(inode);
	return 0;
}

int ext2_unlink(struct inode *dir, const char *name, size_t len)
{
	struct inode *inode;
	int err;

	if (dir->sb->read_only)
		return -EROFS;
	err = ext2_lookup(dir, name, len, &inode);
	if (err)
		return err;
	err = ext2_delete_entry(dir, name, len);
	if (!err)
		err = drop_link(inode);
	iput(inode);
	return err;
}

/* A directory lost its last record: it and its "." go. */
static void kill_dir(struct inode *victim)
{
	victim->nlink = 0;
	victim->size = 0; /* blocks are freed at eviction */
	victim->ctime = vfs_now();
	mark_inode_dirty(victim);
}

int ext2_rmdir(struct inode *dir, const char *name, size_t len)
{
	struct inode *victim;
	int err;

	if (dir->sb->read_only)
		return -EROFS;
	err = ext2_lookup(dir, name, len, &victim);
	if (err)
		return err;
	err = -ENOTDIR;
	if (!S_ISDIR(victim->mode))
		goto out;
	err = ext2_dir_is_empty(victim);
	if (err <= 0) {
		err = err ? err : -ENOTEMPTY;
		goto out;
	}
	err = ext2_delete_entry(dir, name, len);
	if (err)
		goto out;
	kill_dir(victim);
	if (dir->nlink > 2)
		dir->nlink--; /* victim's ".." */
	mark_inode_dirty(dir);
out:
	iput(victim);
	return err;
}

/* Points new_name in new_dir at src, replacing the inode it names:
 * that one loses the link (a directory target, empty, goes whole). */
static int replace_target(struct inode *new_dir, const char *name, size_t len,
			  struct inode *src, struct inode *target)
{
	int err;

	if (S_ISDIR(target->mode)) {
		err = ext2_dir_is_empty(target);
		if (err <= 0)
			return err ? err : -ENOTEMPTY;
	}
	err = ext2_set_entry(new_dir, name, len, src->ino, src->mode);
	if (err)
		return err;
	if (!S_ISDIR(target->mode))
		return drop_link(target);
	kill_dir(target);
	if (new_dir->nlink > 2)
		new_dir->nlink--; /* target's ".." */
	mark_inode_dirty(new_dir);
	return 0;
}

int ext2_rename(struct inode *old_dir, const char *old_name, size_t old_len,
		struct inode *new_dir, const char *new_name, size_t new_len)
{
	struct inode *src, *target = NULL;
	bool moving_dir;
	int err;

	if (old_dir->sb->read_only)
		return -EROFS;
	err = ext2_lookup(old_dir, old_name, old_len, &src);
	if (err)
		return err;
	err = ext2_lookup(new_dir, new_name, new_len, &target);
	if (err == -ENOENT)
		target = NULL;
	else if (err)
		goto out;
	err = 0;
	if (target == src)
		goto out; /* two links to one inode: nothing to do (POSIX) */
	moving_dir = S_ISDIR(src->mode) && old_dir != new_dir;
	if (target)
		err = replace_target(new_dir, new_name, new_len, src, target);
	else if (moving_dir && new_dir->nlink >= EXT2_LINK_MAX)
		err = -EMLINK;
	else
		err = ext2_add_entry(new_dir, new_name, new_len, src->ino,
				     src->mode);
	if (err)
		goto out;
	/* looked up afresh: adding may have split the old record */
	err = ext2_delete_entry(old_dir, old_name, old_len);
	if (err)
		goto out;
	if (moving_dir) {
		err = ext2_set_entry(src, "..", 2, new_dir->ino, S_IFDIR);
		if (old_dir->nlink > 2)
			old_dir->nlink--;
		new_dir->nlink++;
		mark_inode_dirty(old_dir);
		mark_inode_dirty(new_dir);
	}
	src->ctime = vfs_now();
	mark_inode_dirty(src);
out:
	if (target)
		iput(target);
	iput(src);
	return err;
}

int ext2_link(struct inode *old, struct inode *dir, const char *name,
	      size_t len)
{
	int err;

	if (dir->sb->read_only)
		return -EROFS;
	if (old->nlink >= EXT2_LINK_MAX)
		return -EMLINK;
	err = ext2_add_entry(dir, name, len, old->ino, old->mode);
	if (err)
		return err;
	old->nlink++;
	old->ctime = vfs_now();
	mark_inode_dirty(old);
	return 0;
}

/* Writes a long symlink target into the new inode's first block. */
static int write_slow_target(struct inode *inode, const char *target,
			     size_t tlen)
{
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	uint32_t pblock;
	struct buf *b;
	int err;

	err = ext2_bmap(inode, 0, true, &pblock, NULL);
	if (err)
		return err;
	b = bget(fs->bdev, pblock, fs->block_size);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	memset(b->data, 0, fs->block_size);
	memcpy(b->data, target, tlen);
	bdirty(b);
	brelse(b);
	return 0;
}

int ext2_symlink(struct inode *dir, const char *name, size_t len,
		 const char *target)
{
	struct ext2_fs *fs = EXT2_FS(dir->sb);
	size_t tlen = strnlen(target, fs->block_size);
	struct inode *inode;
	int err;

	if (dir->sb->read_only)
		return -EROFS;
	if (!tlen)
		return -ENOENT;
	if (tlen >= fs->block_size)
		return -ENAMETOOLONG;
	err = ext2_new_inode(dir, S_IFLNK | 0777, &inode);
	if (err)
		return err;
	if (tlen < EXT2_FAST_SYMLINK_MAX)
		memcpy(EXT2_I(inode)->raw.i_block, target, tlen);
	else
		err = write_slow_target(inode, target, tlen);
	inode->size = tlen;
	if (!err)
		err = ext2_add_entry(dir, name, len, inode->ino, inode->mode);
	if (err) {
		discard_new(inode);
		return err;
	}
	iput(inode);
	return 0;
}

int ext2_readlink(struct inode *inode, char *buf, size_t size)
{
	struct ext2_fs *fs = EXT2_FS(inode->sb);
	size_t n = (size_t)MIN(inode->size, (uint64_t)size);
	uint32_t pblock;
	struct buf *b;
	int err;

	if (!ext2_has_block_map(inode)) {
		if (inode->size >= EXT2_FAST_SYMLINK_MAX)
			return EXT2_CORRUPT("symlink %u: size %llu without a "
					    "block",
					    inode->ino,
					    (unsigned long long)inode->size);
		memcpy(buf, EXT2_I(inode)->raw.i_block, n);
		return (int)n;
	}
	if (inode->size >= fs->block_size)
		return EXT2_CORRUPT("symlink %u: size %llu beyond a block",
				    inode->ino,
				    (unsigned long long)inode->size);
	err = ext2_bmap(inode, 0, false, &pblock, NULL);
	if (err)
		return err;
	if (!pblock)
		return EXT2_CORRUPT("symlink %u has no block", inode->ino);
	b = bread(fs->bdev, pblock, fs->block_size);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	memcpy(buf, b->data, n);
	brelse(b);
	return (int)n;
}
