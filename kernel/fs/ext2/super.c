/* kernel/fs/ext2/super.c - mounting ext2: the superblock, the group
 * descriptor table, feature checks, sync and a clean unmount.
 *
 * ext2_fs_type.mount(dev) reads the superblock at byte 1024, checks every
 * geometry field it relies on (so the rest of the code can trust fs->*),
 * then the group descriptors (each group's bitmaps and inode table inside
 * the filesystem, counts no larger than the group).  Incompatible
 * features other than FILETYPE refuse the mount, naming them; RO_COMPAT
 * features other than SPARSE_SUPER and LARGE_FILE make it read-only.
 *
 * The superblock and descriptors live in memory (fs->es, fs->gd) while
 * mounted; ext2_sync_super() copies them into the block cache, with the
 * superblock's free counts recomputed from the descriptors.  A
 * read-write mount clears EXT2_VALID_FS on the disk at once, and
 * put_super sets it again after everything is written.  Backup copies of
 * the superblock and descriptors are left as mke2fs wrote them (as Linux
 * does; e2fsck does not compare free counts with them).
 */
#include "kernel/fs/ext2/ext2.h"

#include "kernel/bcache.h"
#include "kernel/blockdev.h"
#include "kernel/err.h"
#include "kernel/kmalloc.h"
#include "kernel/string.h"

static const char *const incompat_names[] = {
    "compression",
    "filetype",
    "needs_recovery",
    "journal_dev",
    "meta_bg",
    "(bit 5)",
    "extent",
    "64bit",
    "mmp",
    "flex_bg",
    "ea_inode",
    "(bit 11)",
    "dirdata",
    "metadata_csum_seed",
    "large_dir",
    "inline_data",
    "encrypt",
    "casefold",
};

static const char *const ro_compat_names[] = {
    "sparse_super",   "large_file", "btree_dir",     "huge_file",
    "uninit_bg",      "dir_nlink",  "extra_isize",   "has_snapshot",
    "quota",	      "bigalloc",   "metadata_csum", "replica",
    "read-only",      "project",    "shared_blocks", "verity",
    "orphan_present",
};

/* Writes the names of the bits of mask into out ("extent 64bit"). */
static void feature_names(uint32_t mask, const char *const *names, size_t count,
			  char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (uint32_t bit = 0; bit < 32; bit++) {
		char unknown[] = "(bit 00)";
		const char *name = unknown;

		if (!(mask & (1u << bit)))
			continue;
		if (bit < count)
			name = names[bit];
		else {
			unknown[5] = (char)('0' + bit / 10);
			unknown[6] = (char)('0' + bit % 10);
		}
		if (used && used + 1 < size)
			out[used++] = ' ';
		if (used < size)
			used += strlcpy(out + used, name, size - used);
		if (used >= size)
			return;
	}
}

uint32_t ext2_group_first_block(const struct ext2_fs *fs, uint32_t g)
{
	return fs->first_data_block + g * fs->blocks_per_group;
}

uint32_t ext2_group_nblocks(const struct ext2_fs *fs, uint32_t g)
{
	if (g + 1 < fs->groups)
		return fs->blocks_per_group;
	return fs->blocks_count - ext2_group_first_block(fs, g);
}

static bool is_power_of(uint32_t n, uint32_t base)
{
	while (n > 1 && n % base == 0)
		n /= base;
	return n == 1;
}

bool ext2_group_has_super(const struct ext2_fs *fs, uint32_t g)
{
	if (g <= 1 || !fs->sparse_super)
		return true;
	return is_power_of(g, 3) || is_power_of(g, 5) || is_power_of(g, 7);
}

void ext2_set_ro_compat(struct ext2_fs *fs, uint32_t feature)
{
	fs->es->s_feature_ro_compat |= feature;
}

/* Checks the superblock's geometry and fills fs from it. */
static int check_geometry(struct ext2_fs *fs, struct block_device *dev)
{
	struct ext2_super_block *es = fs->es;
	uint32_t groups, isize;

	if (es->s_magic != EXT2_SUPER_MAGIC)
		return EXT2_CORRUPT("%s: bad magic 0x%04x, not ext2", dev->name,
				    es->s_magic);
	if (es->s_rev_level > EXT2_DYNAMIC_REV)
		return EXT2_CORRUPT("%s: unknown revision %u", dev->name,
				    es->s_rev_level);
	if (es->s_log_block_size > 2)
		return EXT2_CORRUPT("%s: block size %u KiB unsupported",
				    dev->name,
				    1u << (es->s_log_block_size & 31));
	fs->block_bits = 10 + es->s_log_block_size;
	fs->block_size = 1u << fs->block_bits;
	fs->addr_bits = fs->block_bits - 2;
	fs->addr_per_block = fs->block_size / 4;
	fs->blocks_count = es->s_blocks_count;
	fs->inodes_count = es->s_inodes_count;
	fs->first_data_block = es->s_first_data_block;
	fs->blocks_per_group = es->s_blocks_per_group;
	fs->inodes_per_group = es->s_inodes_per_group;
	if (fs->first_data_block != (fs->block_size == 1024 ? 1u : 0u))
		return EXT2_CORRUPT("%s: bad first data block %u", dev->name,
				    fs->first_data_block);
	if (!fs->blocks_per_group ||
	    fs->blocks_per_group > 8 * fs->block_size ||
	    !fs->inodes_per_group || fs->inodes_per_group > 8 * fs->block_size)
		return EXT2_CORRUPT("%s: bad group size (%u blocks, %u inodes)",
				    dev->name, fs->blocks_per_group,
				    fs->inodes_per_group);
	if (fs->blocks_count <= fs->first_data_block ||
	    (uint64_t)fs->blocks_count * fs->block_size >
		dev->sectors * dev->sector_size)
		return EXT2_CORRUPT("%s: %u blocks do not fit the device",
				    dev->name, fs->blocks_count);
	groups = (uint32_t)(((uint64_t)fs->blocks_count - fs->first_data_block +
			     fs->blocks_per_group - 1) /
			    fs->blocks_per_group);
	if ((uint64_t)groups * fs->inodes_per_group != fs->inodes_count)
		return EXT2_CORRUPT("%s: %u inodes is not %u groups of %u",
				    dev->name, fs->inodes_count, groups,
				    fs->inodes_per_group);
	fs->groups = groups;

	isize = EXT2_GOOD_OLD_INODE_SIZE;
	fs->first_ino = EXT2_GOOD_OLD_FIRST_INO;
	if (es->s_rev_level == EXT2_DYNAMIC_REV) {
		isize = es->s_inode_size;
		fs->first_ino = es->s_first_ino;
	}
	if (isize < EXT2_GOOD_OLD_INODE_SIZE || isize > fs->block_size ||
	    (isize & (isize - 1)))
		return EXT2_CORRUPT("%s: bad inode size %u", dev->name, isize);
	if (fs->first_ino <= EXT2_ROOT_INO || fs->first_ino > fs->inodes_count)
		return EXT2_CORRUPT("%s: bad first inode %u", dev->name,
				    fs->first_ino);
	fs->inode_size = isize;
	fs->inodes_per_block = fs->block_size / isize;
	fs->itable_blocks = (fs->inodes_per_group + fs->inodes_per_block - 1) /
			    fs->inodes_per_block;
	fs->gdt_blocks =
	    (groups * sizeof(struct ext2_group_desc) + fs->block_size - 1) >>
	    fs->block_bits;
	return 0;
}

/* Refuses unknown incompatible features; unknown RO_COMPAT ones make the
 * mount read-only.  Fills the feature flags of fs. */
static int check_features(struct ext2_fs *fs, bool *read_only)
{
	struct ext2_super_block *es = fs->es;
	uint32_t incompat = 0, ro_compat = 0, compat = 0, bad;
	char names[160];

	if (es->s_rev_level == EXT2_DYNAMIC_REV) {
		incompat = es->s_feature_incompat;
		ro_compat = es->s_feature_ro_compat;
		compat = es->s_feature_compat;
	}
	bad = incompat & ~EXT2_SUPPORTED_INCOMPAT;
	if (bad) {
		feature_names(bad, incompat_names, ARRAY_SIZE(incompat_names),
			      names, sizeof(names));
		pr_err("ext2: %s: unsupported incompatible features 0x%x (%s); "
		       "not mounting\n",
		       fs->bdev->name, bad, names);
		return -EINVAL;
	}
	bad = ro_compat & ~EXT2_SUPPORTED_RO_COMPAT;
	if (bad) {
		feature_names(bad, ro_compat_names, ARRAY_SIZE(ro_compat_names),
			      names, sizeof(names));
		pr_warn("ext2: %s: unsupported read-only-compatible features "
			"0x%x (%s); mounting read-only\n",
			fs->bdev->name, bad, names);
		*read_only = true;
	}
	fs->has_filetype = incompat & EXT2_FEATURE_INCOMPAT_FILETYPE;
	fs->sparse_super = ro_compat & EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER;
	if (compat & EXT2_FEATURE_COMPAT_RESIZE_INODE)
		fs->reserved_gdt_blocks = es->s_reserved_gdt_blocks;
	return 0;
}

/* Picks i_extra_isize for new inodes as mke2fs does (0 for 128 bytes). */
static void choose_extra_isize(struct ext2_fs *fs)
{
	uint32_t room = fs->inode_size - EXT2_GOOD_OLD_INODE_SIZE;
	uint32_t want = fs->es->s_want_extra_isize;

	if (fs->es->s_rev_level != EXT2_DYNAMIC_REV || room < 4)
		return;
	if (want < fs->es->s_min_extra_isize)
		want = fs->es->s_min_extra_isize;
	if (!want)
		want = EXT2_DEFAULT_EXTRA_ISIZE;
	if (want > room || (want & 3))
		want = room < EXT2_DEFAULT_EXTRA_ISIZE
			   ? 4
			   : EXT2_DEFAULT_EXTRA_ISIZE;
	fs->extra_isize = (uint16_t)want;
}

/* Checks one group descriptor against the group it describes. */
static int check_group(struct ext2_fs *fs, uint32_t g)
{
	const struct ext2_group_desc *gd = &fs->gd[g];
	uint32_t first = ext2_group_first_block(fs, g);
	uint32_t end = first + ext2_group_nblocks(fs, g);

	if (gd->bg_block_bitmap < first || gd->bg_block_bitmap >= end ||
	    gd->bg_inode_bitmap < first || gd->bg_inode_bitmap >= end ||
	    gd->bg_inode_table < first ||
	    (uint64_t)gd->bg_inode_table + fs->itable_blocks > end)
		return EXT2_CORRUPT("group %u: bitmaps or inode table outside "
				    "the group",
				    g);
	if (gd->bg_free_blocks_count > end - first ||
	    gd->bg_free_inodes_count > fs->inodes_per_group ||
	    gd->bg_used_dirs_count > fs->inodes_per_group)
		return EXT2_CORRUPT("group %u: counts beyond the group's size "
				    "(%u blocks, %u inodes, %u dirs free/used)",
				    g, gd->bg_free_blocks_count,
				    gd->bg_free_inodes_count,
				    gd->bg_used_dirs_count);
	return 0;
}

/* Reads and checks the group descriptor table into fs->gd. */
static int load_group_descs(struct ext2_fs *fs)
{
	uint32_t gdt = fs->first_data_block + 1;
	int err = 0;

	fs->gd = kmalloc(fs->gdt_blocks << fs->block_bits);
	if (!fs->gd)
		return -ENOMEM;
	if (gdt + fs->gdt_blocks > fs->blocks_count)
		return EXT2_CORRUPT("group descriptors beyond the filesystem");
	for (uint32_t i = 0; i < fs->gdt_blocks; i++) {
		struct buf *b = bread(fs->bdev, gdt + i, fs->block_size);

		if (IS_ERR(b))
			return (int)PTR_ERR(b);
		memcpy((uint8_t *)fs->gd + (i << fs->block_bits), b->data,
		       fs->block_size);
		brelse(b);
	}
	for (uint32_t g = 0; g < fs->groups && !err; g++)
		err = check_group(fs, g);
	return err;
}

/* Reads the superblock (a 1 KiB block at block 1) into fs->es.  A block
 * size other than 1 KiB then addresses the device differently, so the
 * 1 KiB buffer is dropped from the cache. */
static int load_super(struct ext2_fs *fs, struct block_device *dev)
{
	struct buf *b;
	int err;

	fs->es = kmalloc(sizeof(*fs->es));
	if (!fs->es)
		return -ENOMEM;
	b = bread(dev, EXT2_SUPER_OFFSET / EXT2_SUPER_SIZE, EXT2_SUPER_SIZE);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	memcpy(fs->es, b->data, EXT2_SUPER_SIZE);
	brelse(b);
	err = check_geometry(fs, dev);
	if (err)
		return err;
	fs->sb_block = EXT2_SUPER_OFFSET >> fs->block_bits;
	fs->sb_offset = EXT2_SUPER_OFFSET & (fs->block_size - 1);
	if (fs->block_size != EXT2_SUPER_SIZE)
		bcache_invalidate(dev);
	return 0;
}

/* Writes fs->es into the cached superblock block. */
static int write_super(struct ext2_fs *fs)
{
	struct buf *b = bread(fs->bdev, fs->sb_block, fs->block_size);

	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	memcpy(b->data + fs->sb_offset, fs->es, EXT2_SUPER_SIZE);
	bdirty(b);
	brelse(b);
	return 0;
}

int ext2_sync_super(struct super_block *sb)
{
	struct ext2_fs *fs = EXT2_FS(sb);
	uint32_t gdt = fs->first_data_block + 1;
	uint32_t free_blocks = 0, free_inodes = 0;
	size_t bytes = fs->groups * sizeof(struct ext2_group_desc);

	if (sb->read_only)
		return 0;
	for (uint32_t g = 0; g < fs->groups; g++) {
		free_blocks += fs->gd[g].bg_free_blocks_count;
		free_inodes += fs->gd[g].bg_free_inodes_count;
	}
	fs->es->s_free_blocks_count = free_blocks;
	fs->es->s_free_inodes_count = free_inodes;
	fs->es->s_wtime = (uint32_t)vfs_now();
	for (uint32_t i = 0; i < fs->gdt_blocks; i++) {
		size_t off = (size_t)i << fs->block_bits;
		struct buf *b = bread(fs->bdev, gdt + i, fs->block_size);

		if (IS_ERR(b))
			return (int)PTR_ERR(b);
		memcpy(b->data, (uint8_t *)fs->gd + off,
		       MIN(fs->block_size, bytes - off));
		bdirty(b);
		brelse(b);
	}
	return write_super(fs);
}

static void free_fs(struct ext2_fs *fs)
{
	if (!fs)
		return;
	kfree(fs->gd);
	kfree(fs->es);
	kfree(fs);
}

/* Unmount: writes inodes, descriptors and the superblock marked clean,
 * then the cache, and frees fs_info. */
static void ext2_put_super(struct super_block *sb)
{
	struct ext2_fs *fs = EXT2_FS(sb);

	if (!sb->read_only) {
		sync_inodes(sb);
		fs->es->s_state =
		    EXT2_VALID_FS | (fs->mount_state & EXT2_ERROR_FS);
		if (ext2_sync_super(sb) || bcache_sync(fs->bdev))
			pr_err("ext2: %s: writing at unmount failed; the "
			       "filesystem is not clean\n",
			       fs->bdev->name);
	}
	free_fs(fs);
	sb->fs_info = NULL;
}

/* Counted from the group descriptors, which allocation keeps current
 * (the superblock's totals are only brought up to date at sync). */
static int ext2_statfs(struct super_block *sb, struct vfs_statfs *st)
{
	struct ext2_fs *fs = EXT2_FS(sb);
	uint64_t bfree = 0, ffree = 0, reserved = fs->es->s_r_blocks_count;

	for (uint32_t g = 0; g < fs->groups; g++) {
		bfree += fs->gd[g].bg_free_blocks_count;
		ffree += fs->gd[g].bg_free_inodes_count;
	}
	st->bsize = fs->block_size;
	st->blocks = fs->blocks_count - fs->first_data_block;
	st->bfree = bfree;
	st->bavail = bfree > reserved ? bfree - reserved : 0;
	st->files = fs->inodes_count;
	st->ffree = ffree;
	st->namelen = 255; /* a directory entry's name_len is one byte */
	return 0;
}

static const struct super_operations ext2_super_ops = {
    .statfs = ext2_statfs,
    .read_inode = ext2_read_inode,
    .write_inode = ext2_write_inode,
    .evict_inode = ext2_evict_inode,
    .release_inode = ext2_release_inode,
    .sync = ext2_sync_super,
    .put_super = ext2_put_super,
};

/* Warns about a filesystem that needs e2fsck; a read-write mount marks
 * it in use (not clean) on the disk right away. */
static int start_use(struct ext2_fs *fs, struct super_block *sb)
{
	struct ext2_super_block *es = fs->es;

	fs->mount_state = es->s_state;
	if (!(es->s_state & EXT2_VALID_FS))
		pr_warn("ext2: %s: not cleanly unmounted; run e2fsck\n",
			fs->bdev->name);
	if (es->s_state & EXT2_ERROR_FS)
		pr_warn("ext2: %s: has errors; run e2fsck\n", fs->bdev->name);
	if (sb->read_only)
		return 0;
	es->s_state &= (uint16_t)~EXT2_VALID_FS;
	es->s_mnt_count++;
	es->s_mtime = (uint32_t)vfs_now();
	if (ext2_sync_super(sb) == 0 && bcache_sync(fs->bdev) == 0)
		return 0;
	pr_err("ext2: %s: cannot write the superblock\n", fs->bdev->name);
	return -EIO;
}

/* Builds the super_block for fs, with the root inode referenced. */
static struct super_block *make_super(struct ext2_fs *fs, bool read_only)
{
	struct super_block *sb = kzalloc(sizeof(*sb));
	struct inode *root;
	int err;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	sb->bdev = fs->bdev;
	sb->dev_id = fs->bdev->dev_id;
	sb->s_op = &ext2_super_ops;
	sb->fs_info = fs;
	sb->fs_name = "ext2";
	sb->magic = EXT2_SUPER_MAGIC;
	sb->read_only = read_only;
	fs->sb = sb;
	root = iget(sb, EXT2_ROOT_INO);
	if (IS_ERR(root)) {
		err = (int)PTR_ERR(root);
		goto out_free;
	}
	if (!S_ISDIR(root->mode)) {
		err = EXT2_CORRUPT("%s: root inode is not a directory",
				   fs->bdev->name);
		goto out_put;
	}
	err = start_use(fs, sb);
	if (err)
		goto out_put;
	sb->root = root;
	return sb;
out_put:
	iput(root);
out_free:
	kfree(sb);
	return ERR_PTR(err);
}

/* Reads and checks the filesystem on dev: a super_block with its root
 * referenced, or ERR_PTR(-EINVAL/-EIO/-ENOMEM). */
static struct super_block *ext2_mount(struct block_device *dev)
{
	struct ext2_fs *fs;
	struct super_block *sb;
	bool read_only = false;
	int err;

	if (!dev)
		return ERR_PTR(-ENODEV);
	fs = kzalloc(sizeof(*fs));
	if (!fs)
		return ERR_PTR(-ENOMEM);
	fs->bdev = dev;
	err = load_super(fs, dev);
	if (!err)
		err = check_features(fs, &read_only);
	if (!err)
		err = load_group_descs(fs);
	if (err)
		goto out_free;
	choose_extra_isize(fs);
	fs->max_file_size = ext2_max_file_size(fs);
	fs->next_generation = (uint32_t)vfs_now() * 2654435761u;
	sb = make_super(fs, read_only);
	if (IS_ERR(sb)) {
		err = (int)PTR_ERR(sb);
		goto out_free;
	}
	return sb;
out_free:
	free_fs(fs);
	return ERR_PTR(err);
}

struct filesystem_type ext2_fs_type = {
    .name = "ext2",
    .mount = ext2_mount,
};
