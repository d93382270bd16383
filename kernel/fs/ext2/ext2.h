/* kernel/fs/ext2/ext2.h - the second extended filesystem: on-disk layout
 * and the interfaces between the ext2 files.
 *
 * Layout (all little-endian, which i386 is, so no byte swapping): byte
 * 1024 of the device holds the superblock; the disk is cut into block
 * groups of s_blocks_per_group blocks starting at s_first_data_block.
 * The group descriptor table follows the superblock's block; every group
 * has a block bitmap, an inode bitmap and an inode table (and, in groups
 * 0, 1 and powers of 3, 5 and 7 under sparse_super, copies of the
 * superblock and descriptor table plus the reserved GDT blocks).  An inode
 * maps file blocks through 12 direct pointers and single-, double- and
 * triple-indirect blocks.  A directory is a file of records {inode,
 * rec_len, name_len, file_type, name} chained by rec_len inside each block.
 *
 * The files:
 *   super.c     mount, feature checks, superblock and descriptors, sync
 *   alloc.c     block and inode bitmaps, metadata-block checks
 *   inode.c     inodes on disk <-> struct inode, new inodes, eviction
 *   blockmap.c  logical -> physical blocks (indirect trees), freeing them
 *   dir.c       directory records: lookup, readdir, add, remove, retarget
 *   namei.c     create, mkdir, unlink, rmdir, rename, link, symlink
 *   file.c      read, write, truncate, fsync and the operation tables
 *
 * Invariants kept by all of them:
 *   - fs->gd[] (in memory) is the truth for group counts; super.c copies
 *     it and the summed counts into the block cache at sync.
 *   - inode->blocks counts every data, indirect and xattr block in 512-byte
 *     units; no block is mapped at or past ceil(size / block size).
 *   - bytes past the end of file inside its last block are zero.
 *   - a directory's size is a multiple of the block size and every block
 *     holds a valid record chain; a directory with EXT2_INDEX_FL is read
 *     linearly and loses the flag when we change it.
 *   - damage found on disk is logged once (EXT2_CORRUPT) and returned as
 *     -EIO; nothing on disk bounds a loop by itself.
 */
#ifndef KERNEL_FS_EXT2_EXT2_H
#define KERNEL_FS_EXT2_EXT2_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/printk.h"
#include "kernel/uapi/errno.h"
#include "kernel/vfs.h"

struct buf;

/* --- on-disk structures */

#define EXT2_SUPER_MAGIC 0xEF53
#define EXT2_SUPER_OFFSET 1024 /* bytes from the start of the device */
#define EXT2_SUPER_SIZE 1024
#define EXT2_ROOT_INO 2
#define EXT2_GOOD_OLD_REV 0
#define EXT2_DYNAMIC_REV 1
#define EXT2_GOOD_OLD_INODE_SIZE 128
#define EXT2_GOOD_OLD_FIRST_INO 11
#define EXT2_MIN_BLOCK_SIZE 1024
#define EXT2_MAX_BLOCK_SIZE 4096
#define EXT2_LINK_MAX 32000

#define EXT2_VALID_FS 0x0001 /* s_state: unmounted cleanly */
#define EXT2_ERROR_FS 0x0002 /* s_state: errors detected */

#define EXT2_FEATURE_COMPAT_RESIZE_INODE 0x0010
#define EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER 0x0001
#define EXT2_FEATURE_RO_COMPAT_LARGE_FILE 0x0002
#define EXT2_FEATURE_INCOMPAT_FILETYPE 0x0002
#define EXT2_SUPPORTED_INCOMPAT EXT2_FEATURE_INCOMPAT_FILETYPE
#define EXT2_SUPPORTED_RO_COMPAT \
	(EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER | EXT2_FEATURE_RO_COMPAT_LARGE_FILE)

#define EXT2_NDIR_BLOCKS 12
#define EXT2_IND_BLOCK 12
#define EXT2_DIND_BLOCK 13
#define EXT2_TIND_BLOCK 14
#define EXT2_N_BLOCKS 15
#define EXT2_FAST_SYMLINK_MAX (EXT2_N_BLOCKS * 4) /* target < 60 bytes */

#define EXT2_INDEX_FL 0x00001000 /* hashed-tree directory */

#define EXT2_XATTR_MAGIC 0xEA020000

struct ext2_super_block {
	uint32_t s_inodes_count;
	uint32_t s_blocks_count;
	uint32_t s_r_blocks_count;
	uint32_t s_free_blocks_count;
	uint32_t s_free_inodes_count;
	uint32_t s_first_data_block;
	uint32_t s_log_block_size;
	uint32_t s_log_frag_size;
	uint32_t s_blocks_per_group;
	uint32_t s_frags_per_group;
	uint32_t s_inodes_per_group;
	uint32_t s_mtime;
	uint32_t s_wtime;
	uint16_t s_mnt_count;
	int16_t s_max_mnt_count;
	uint16_t s_magic;
	uint16_t s_state;
	uint16_t s_errors;
	uint16_t s_minor_rev_level;
	uint32_t s_lastcheck;
	uint32_t s_checkinterval;
	uint32_t s_creator_os;
	uint32_t s_rev_level;
	uint16_t s_def_resuid;
	uint16_t s_def_resgid;
	/* EXT2_DYNAMIC_REV only */
	uint32_t s_first_ino;
	uint16_t s_inode_size;
	uint16_t s_block_group_nr;
	uint32_t s_feature_compat;
	uint32_t s_feature_incompat;
	uint32_t s_feature_ro_compat;
	uint8_t s_uuid[16];
	char s_volume_name[16];
	char s_last_mounted[64];
	uint32_t s_algorithm_usage_bitmap;
	uint8_t s_prealloc_blocks;
	uint8_t s_prealloc_dir_blocks;
	uint16_t s_reserved_gdt_blocks;
	uint8_t s_journal_uuid[16];
	uint32_t s_journal_inum;
	uint32_t s_journal_dev;
	uint32_t s_last_orphan;
	uint32_t s_hash_seed[4];
	uint8_t s_def_hash_version;
	uint8_t s_jnl_backup_type;
	uint16_t s_desc_size;
	uint32_t s_default_mount_opts;
	uint32_t s_first_meta_bg;
	uint32_t s_mkfs_time;
	uint32_t s_jnl_blocks[17];
	uint32_t s_blocks_count_hi;
	uint32_t s_r_blocks_count_hi;
	uint32_t s_free_blocks_hi;
	uint16_t s_min_extra_isize;
	uint16_t s_want_extra_isize;
	uint8_t s_rest[EXT2_SUPER_SIZE - 352];
};

struct ext2_group_desc {
	uint32_t bg_block_bitmap;
	uint32_t bg_inode_bitmap;
	uint32_t bg_inode_table;
	uint16_t bg_free_blocks_count;
	uint16_t bg_free_inodes_count;
	uint16_t bg_used_dirs_count;
	uint16_t bg_flags;
	uint32_t bg_reserved[3];
};

/* The first 128 bytes of every inode; larger inodes carry more after it
 * (i_extra_isize, then the *_extra timestamp words). */
struct ext2_inode {
	uint16_t i_mode;
	uint16_t i_uid;
	uint32_t i_size;
	uint32_t i_atime;
	uint32_t i_ctime;
	uint32_t i_mtime;
	uint32_t i_dtime;
	uint16_t i_gid;
	uint16_t i_links_count;
	uint32_t i_blocks; /* 512-byte units */
	uint32_t i_flags;
	uint32_t i_osd1;
	uint32_t i_block[EXT2_N_BLOCKS];
	uint32_t i_generation;
	uint32_t i_file_acl;
	uint32_t i_size_high; /* i_dir_acl for directories */
	uint32_t i_faddr;
	uint8_t i_frag;
	uint8_t i_fsize;
	uint16_t i_pad1;
	uint16_t i_uid_high;
	uint16_t i_gid_high;
	uint32_t i_reserved2;
};

/* Offsets inside a large inode (s_inode_size > 128). */
#define EXT2_EXTRA_ISIZE_OFF 128 /* uint16_t i_extra_isize */
#define EXT2_CTIME_EXTRA_OFF 132 /* uint32_t: epoch bits 0-1, ns << 2 */
#define EXT2_MTIME_EXTRA_OFF 136
#define EXT2_ATIME_EXTRA_OFF 140
#define EXT2_DEFAULT_EXTRA_ISIZE 32 /* what mke2fs gives its inodes */

struct ext2_dir_entry {
	uint32_t inode; /* 0: unused record */
	uint16_t rec_len; /* bytes to the next record */
	uint8_t name_len;
	uint8_t file_type; /* with FILETYPE; else high byte of name_len */
	char name[];
};

#define EXT2_DIR_HEADER 8
/* Bytes a record with a name of len bytes needs (4-aligned). */
#define EXT2_DIR_REC_LEN(len) (((len) + EXT2_DIR_HEADER + 3) & ~3u)

enum {
	EXT2_FT_UNKNOWN,
	EXT2_FT_REG_FILE,
	EXT2_FT_DIR,
	EXT2_FT_CHRDEV,
	EXT2_FT_BLKDEV,
	EXT2_FT_FIFO,
	EXT2_FT_SOCK,
	EXT2_FT_SYMLINK,
	EXT2_FT_MAX
};

_Static_assert(sizeof(struct ext2_super_block) == EXT2_SUPER_SIZE, "sb size");
_Static_assert(offsetof(struct ext2_super_block, s_reserved_gdt_blocks) == 206,
	       "sb layout");
_Static_assert(offsetof(struct ext2_super_block, s_min_extra_isize) == 348,
	       "sb layout");
_Static_assert(sizeof(struct ext2_group_desc) == 32, "gd size");
_Static_assert(sizeof(struct ext2_inode) == EXT2_GOOD_OLD_INODE_SIZE, "inode");
_Static_assert(offsetof(struct ext2_inode, i_uid_high) == 120, "inode layout");
_Static_assert(sizeof(struct ext2_dir_entry) == EXT2_DIR_HEADER, "dirent");

/* --- in memory */

/* One mounted ext2 filesystem (super_block->fs_info). */
struct ext2_fs {
	struct super_block *sb;
	struct block_device *bdev;
	struct ext2_super_block *es; /* copy of the disk superblock */
	struct ext2_group_desc *gd; /* all descriptors; written at sync */
	uint32_t block_size, block_bits; /* 1024..4096, 10..12 */
	uint32_t addr_per_block, addr_bits; /* block numbers per block */
	uint32_t groups;
	uint32_t blocks_count, inodes_count, first_data_block;
	uint32_t blocks_per_group, inodes_per_group;
	uint32_t inode_size, inodes_per_block, itable_blocks;
	uint32_t first_ino;
	uint32_t gdt_blocks, reserved_gdt_blocks;
	uint32_t sb_block, sb_offset; /* where the superblock is, in blocks */
	uint16_t extra_isize; /* i_extra_isize for new inodes */
	uint16_t mount_state; /* s_state found at mount */
	bool has_filetype, sparse_super;
	uint64_t max_file_size;
	uint32_t next_generation;
};

/* One in-memory inode's ext2 part (inode->private). */
struct ext2_inode_info {
	struct ext2_inode raw; /* the disk inode; VFS fields win at write */
	uint32_t block_group;
	uint32_t last_alloc; /* physical block allocated last: the next goal */
};

static inline struct ext2_fs *EXT2_FS(const struct super_block *sb)
{
	return sb->fs_info;
}

static inline struct ext2_inode_info *EXT2_I(const struct inode *inode)
{
	return inode->private;
}

/* Logs one line about damage found on disk and evaluates to -EIO. */
#define EXT2_CORRUPT(fmt, ...) \
	(pr_err("ext2: " fmt "\n", ##__VA_ARGS__), -EIO)

/* --- super.c */
extern struct filesystem_type ext2_fs_type;
/* First block of group g. */
uint32_t ext2_group_first_block(const struct ext2_fs *fs, uint32_t g);
/* Number of blocks in group g (the last group may be short). */
uint32_t ext2_group_nblocks(const struct ext2_fs *fs, uint32_t g);
/* True if group g holds a superblock and descriptor-table copy. */
bool ext2_group_has_super(const struct ext2_fs *fs, uint32_t g);
/* Sets a RO_COMPAT feature bit (e.g. LARGE_FILE) in the superblock. */
void ext2_set_ro_compat(struct ext2_fs *fs, uint32_t feature);
/* Copies the superblock and group descriptors into the block cache. */
int ext2_sync_super(struct super_block *sb);

/* --- alloc.c */
/* True if block is one of group metadata (super/GDT copies, reserved GDT,
 * bitmaps, inode table). */
bool ext2_is_metadata(const struct ext2_fs *fs, uint32_t block);
/* True if block may hold file data: inside the fs and not metadata. */
bool ext2_valid_data_block(const struct ext2_fs *fs, uint32_t block);
/* Allocates a free block near goal: 0 with *out, -ENOSPC or -EIO. */
int ext2_alloc_block(struct ext2_fs *fs, uint32_t goal, uint32_t *out);
/* Frees block: 0, or -EIO if it is metadata, outside or already free. */
int ext2_free_block(struct ext2_fs *fs, uint32_t block);
/* Allocates an inode number (spreading directories, files near their
 * parent's group): 0 with *out, -ENOSPC or -EIO. */
int ext2_alloc_inode(struct ext2_fs *fs, uint32_t parent_group, bool is_dir,
		     uint32_t *out);
/* Frees inode number ino (used_dirs_count too if is_dir): 0 or -EIO. */
int ext2_free_inode(struct ext2_fs *fs, uint32_t ino, bool is_dir);

/* --- inode.c: the super_operations (contracts in vfs.h), and helpers */
int ext2_read_inode(struct inode *inode);
int ext2_write_inode(struct inode *inode);
void ext2_evict_inode(struct inode *inode);
void ext2_release_inode(struct inode *inode);
/* A new on-disk inode of the given mode (type | permissions) near dir,
 * nlink 1, referenced in *out: 0, -ENOSPC, -ENOMEM or -EIO.  Drop a
 * failed one by setting nlink to 0 and calling iput(). */
int ext2_new_inode(struct inode *dir, uint32_t mode, struct inode **out);
/* True if the inode's i_block[] holds block pointers (not a fast
 * symlink's text or a device number). */
bool ext2_has_block_map(const struct inode *inode);
/* Updates mtime and ctime to now and marks the inode dirty. */
void ext2_touch(struct inode *inode);

/* --- blockmap.c */
/* The physical block of file block lblock: 0 with *pblock (0 for a hole
 * when !create).  With create, allocates the block and any indirect
 * blocks (counted in inode->blocks) and sets *fresh if the data block is
 * new (its contents are garbage: the caller zeroes or overwrites it). */
int ext2_bmap(struct inode *inode, uint32_t lblock, bool create,
	      uint32_t *pblock, bool *fresh);
/* Frees every block mapped at file block first and beyond, and indirect
 * blocks left empty: 0 or the first error (freeing continues). */
int ext2_free_blocks_from(struct inode *inode, uint32_t first);
/* Largest file size the block map and i_blocks can describe. */
uint64_t ext2_max_file_size(const struct ext2_fs *fs);

/* --- dir.c */
/* Where a directory record was found; buf is referenced. */
struct ext2_dir_slot {
	struct buf *buf;
	uint32_t off; /* of the record in the block */
	uint32_t prev; /* of the previous record, or UINT32_MAX if first */
};
/* inode_operations.lookup and file_operations.readdir (see vfs.h). */
int ext2_lookup(struct inode *dir, const char *name, size_t len,
		struct inode **out);
int ext2_readdir(struct file *f, struct dir_context *ctx);
/* Finds name in dir: 0 with *slot (brelse slot->buf), -ENOENT or -EIO. */
int ext2_find_entry(struct inode *dir, const char *name, size_t len,
		    struct ext2_dir_slot *slot);
/* The inode number of the record at slot. */
uint32_t ext2_slot_ino(const struct ext2_dir_slot *slot);
/* Adds a record name -> ino (of the given mode) to dir: 0, -ENOSPC, -EIO. */
int ext2_add_entry(struct inode *dir, const char *name, size_t len,
		   uint32_t ino, uint32_t mode);
/* Removes the record name from dir: 0, -ENOENT, -EIO. */
int ext2_delete_entry(struct inode *dir, const char *name, size_t len);
/* Points the existing record name of dir at ino (of mode): 0 or -errno. */
int ext2_set_entry(struct inode *dir, const char *name, size_t len,
		   uint32_t ino, uint32_t mode);
/* 1 if dir holds only "." and "..", 0 if not, -EIO. */
int ext2_dir_is_empty(struct inode *dir);
/* Gives the new directory dir its first block with "." and "..". */
int ext2_make_empty(struct inode *dir, uint32_t parent_ino);
/* Clears EXT2_INDEX_FL and touches the directory: it was changed. */
void ext2_dir_changed(struct inode *dir);

/* --- namei.c: inode_operations of directories and symlinks (contracts in
 * vfs.h; lookup is in dir.c) */
int ext2_create(struct inode *dir, const char *name, size_t len, uint32_t mode,
		struct inode **out);
int ext2_mkdir(struct inode *dir, const char *name, size_t len, uint32_t mode);
int ext2_mknod(struct inode *dir, const char *name, size_t len, uint32_t mode,
	       uint32_t rdev);
int ext2_unlink(struct inode *dir, const char *name, size_t len);
int ext2_rmdir(struct inode *dir, const char *name, size_t len);
int ext2_rename(struct inode *old_dir, const char *old_name, size_t old_len,
		struct inode *new_dir, const char *new_name, size_t new_len);
int ext2_link(struct inode *old, struct inode *dir, const char *name,
	      size_t len);
int ext2_symlink(struct inode *dir, const char *name, size_t len,
		 const char *target);
int ext2_readlink(struct inode *inode, char *buf, size_t size);

/* --- file.c */
extern const struct inode_operations ext2_file_iops, ext2_dir_iops,
	ext2_symlink_iops;
extern const struct file_operations ext2_file_fops, ext2_dir_fops;
/* Sets the size of a regular file (inode_operations.truncate). */
int ext2_truncate(struct inode *inode, uint64_t size);

#endif
