/* kernel/vfs.h - the virtual file system: inodes, open file descriptions,
 * filesystems and the calls the system-call layer makes.
 *
 * Three levels, as in Unix: a process's fd table (fdtable.h) points to
 * reference-counted open file descriptions (struct file: offset, flags,
 * operations), which point to reference-counted in-memory inodes (struct
 * inode), which a filesystem fills in and keeps in step with its disk.
 *
 *   vfs_read(file)  ->  file->f_op->read(file, buf, n, &pos)  ->  fs/driver
 *
 * Every function returns 0 (or a count) on success and -errno on failure;
 * functions returning pointers use ERR_PTR (kernel/err.h).
 *
 * Division of work with filesystems: the VFS resolves paths (".", "..",
 * symlinks up to 40 deep, mount points), checks names (-ENAMETOOLONG
 * beyond NAME_MAX) and does every check Linux does before calling an
 * inode operation, so an operation can assume:
 *   create/mkdir/mknod/symlink/link: the name does not exist in dir;
 *   link: the source is not a directory, same filesystem;
 *   unlink: the name exists and is not a directory;
 *   rmdir: the name exists, is a directory, is not "." or "..", is not a
 *          mount point (the filesystem checks it is empty: -ENOTEMPTY);
 *   rename: the source exists; source and target are on this filesystem;
 *          if the target exists, it is a directory exactly when the source
 *          is one, and it is not the same inode; a directory is not moved
 *          below itself.  The filesystem replaces the target (a directory
 *          target only if empty, else -ENOTEMPTY) and fixes ".." and the
 *          link counts of a moved directory.
 * Operations take names as (pointer, length), not NUL-terminated.
 *
 * Concurrency: one kernel context until the scheduler arrives; nothing
 * here is called from interrupts.
 */
#ifndef KERNEL_VFS_H
#define KERNEL_VFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/uapi/fcntl.h"

struct block_device;
struct file;
struct inode;
struct super_block;
struct mount;
struct pipe;


struct vfs_stat {
	uint32_t dev, ino, mode, nlink, uid, gid, rdev;
	uint64_t size;
	uint32_t blksize;
	uint64_t blocks; /* 512-byte units */
	int64_t atime, mtime, ctime; /* seconds since the epoch */
};

/* readdir: the filesystem calls emit() for each entry from ctx->pos on,
 * advancing ctx->pos (its own cookie, e.g. a byte offset) past every entry
 * emit() accepted; it stops when emit() returns nonzero (the caller's
 * buffer is full) or at the end of the directory. */
struct dir_context {
	int (*emit)(struct dir_context *ctx, const char *name, size_t len,
		    uint32_t ino, unsigned type);
	uint64_t pos;
};

struct inode_operations {
	/* The inode called name in dir, referenced, or -ENOENT. */
	int (*lookup)(struct inode *dir, const char *name, size_t len,
		      struct inode **out);
	/* A new regular file (mode includes S_IFREG), referenced. */
	int (*create)(struct inode *dir, const char *name, size_t len,
		      uint32_t mode, struct inode **out);
	int (*mkdir)(struct inode *dir, const char *name, size_t len, uint32_t mode);
	/* A new FIFO, socket or device node (mode's type says which; rdev
	 * is a device's number, Linux's encoding, else 0).  NULL: -EPERM. */
	int (*mknod)(struct inode *dir, const char *name, size_t len,
		     uint32_t mode, uint32_t rdev);
	int (*unlink)(struct inode *dir, const char *name, size_t len);
	int (*rmdir)(struct inode *dir, const char *name, size_t len);
	int (*rename)(struct inode *old_dir, const char *old_name, size_t old_len,
		      struct inode *new_dir, const char *new_name, size_t new_len);
	int (*link)(struct inode *old, struct inode *dir, const char *name,
		    size_t len);
	int (*symlink)(struct inode *dir, const char *name, size_t len,
		       const char *target);
	/* Copies the link's target (not NUL-terminated) to kernel buf;
	 * returns its length (cut to size). */
	int (*readlink)(struct inode *inode, char *buf, size_t size);
	/* Sets the size: frees blocks past it, or makes a hole up to it. */
	int (*truncate)(struct inode *inode, uint64_t size);
};

struct file_operations {
	/* Move up to n bytes between the file at *pos and buf (a caller's
	 * buffer: use copy_out/copy_in), advancing *pos; return the count. */
	long (*read)(struct file *f, void *buf, size_t n, uint64_t *pos);
	long (*write)(struct file *f, const void *buf, size_t n, uint64_t *pos);
	/* NULL: the generic lseek on the inode's size. */
	int64_t (*lseek)(struct file *f, int64_t off, int whence);
	int (*readdir)(struct file *f, struct dir_context *ctx);
	/* Returns the POLL* bits that are ready now. */
	unsigned (*poll)(struct file *f);
	int (*ioctl)(struct file *f, unsigned cmd, unsigned long arg);
	/* Called by vfs_open after the description is built (may be NULL). */
	int (*open)(struct inode *inode, struct file *f);
	/* Called when the last reference to the description goes. */
	void (*release)(struct file *f);
	int (*fsync)(struct file *f);
	/* For descriptions without an inode (pipes, sockets): the type and
	 * permission bits fstat shows, as Linux's pipefs and sockfs. */
	uint32_t anon_mode;
};

/* What statfs reports of a mounted filesystem (kernel/uapi/statfs.h). */
struct vfs_statfs {
	uint32_t type, bsize; /* magic number, block size */
	uint64_t blocks, bfree, bavail, files, ffree;
	uint32_t namelen, flags;
};

struct super_operations {
	/* Fills inode (sb and ino are set) from the disk: every field, i_op,
	 * i_fop and private. */
	int (*read_inode)(struct inode *inode);
	/* Writes a dirty inode back (to the block cache). */
	int (*write_inode)(struct inode *inode);
	/* The last reference to an inode with no links went: free it. */
	void (*evict_inode)(struct inode *inode);
	/* Drops the filesystem's private data of an inode leaving memory. */
	void (*release_inode)(struct inode *inode);
	/* Writes the filesystem's own metadata (superblock, group
	 * descriptors) to the block cache. */
	int (*sync)(struct super_block *sb);
	/* Unmount: sync and mark the filesystem clean; free fs_info. */
	void (*put_super)(struct super_block *sb);
	/* Block and inode counts for statfs (NULL: none to tell). */
	int (*statfs)(struct super_block *sb, struct vfs_statfs *st);
};

struct super_block {
	struct block_device *bdev; /* NULL for devfs, procfs */
	uint32_t dev_id; /* st_dev */
	const struct super_operations *s_op;
	struct inode *root;
	void *fs_info;
	const char *fs_name;
	uint32_t magic; /* statfs's f_type: EXT2_SUPER_MAGIC, PROC_SUPER_MAGIC... */
	bool read_only;
};

struct inode {
	struct super_block *sb;
	uint32_t ino;
	uint32_t mode; /* S_IFMT type | permission bits */
	uint32_t nlink, uid, gid;
	uint32_t rdev; /* device files: the device number */
	uint64_t size;
	uint64_t blocks; /* 512-byte units allocated */
	int64_t atime, mtime, ctime;
	uint32_t refcount;
	uint32_t exec_count; /* processes running this file (ETXTBSY) */
	uint32_t write_count; /* open file descriptions writing it */
	bool dirty;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct mount *mounted; /* a filesystem mounted on this directory */
	struct pipe *pipe; /* a FIFO's, while it is open (kernel/pipe.c) */
	struct inode *parent; /* a directory's parent, referenced, once known:
				 ".." still works after the directory is removed */
	void *private; /* the filesystem's */
	struct inode *hash_next; /* inode cache */
};

struct file {
	uint32_t refcount;
	uint32_t flags; /* O_* given to open (access mode, O_APPEND, ...) */
	uint64_t pos;
	struct inode *inode; /* referenced; NULL for pipes and sockets */
	const struct file_operations *f_op;
	void *private;
	uint32_t version; /* pipes: a counter of the other end (pipe.c) */
};

struct filesystem_type {
	const char *name;
	/* Reads the filesystem on dev (NULL for virtual ones) and returns a
	 * new super_block with its root inode referenced, or ERR_PTR. */
	struct super_block *(*mount)(struct block_device *dev);
	struct filesystem_type *next;
};

/* --- filesystems and mounts (mount.c) */
void register_filesystem(struct filesystem_type *fs);
/* Mounts the filesystem type fstype from device dev (a block device name,
 * or NULL) on the directory target ("/" for the root). */
int vfs_mount(const char *dev, const char *target, const char *fstype);
/* Syncs and unmounts everything (power-off); returns the first error. */
int vfs_unmount_all(void);
/* Writes "DEV TARGET FSTYPE rw 0 0" lines, /proc/mounts style, into buf
 * (at most size bytes); returns the full length. */
size_t vfs_format_mounts(char *buf, size_t size);

/* --- inodes (inode.c) */
/* The inode ino of sb, from the cache or read through s_op->read_inode;
 * referenced.  ERR_PTR on failure. */
struct inode *iget(struct super_block *sb, uint32_t ino);
/* A new in-memory inode for a filesystem that is creating one on disk:
 * referenced, in the cache, fields zeroed except sb and ino. */
struct inode *inode_new(struct super_block *sb, uint32_t ino);
struct inode *igrab(struct inode *inode);
/* Drops a reference; the last one writes a dirty inode back, or frees it
 * on disk if it has no links left. */
void iput(struct inode *inode);
void mark_inode_dirty(struct inode *inode);
/* Remembers that directory dir lives in parent (namei and rename call it). */
void inode_set_parent(struct inode *dir, struct inode *parent);
/* Writes back every dirty inode of sb (all if NULL). */
int sync_inodes(struct super_block *sb);
/* Seconds since the epoch, for timestamps. */
int64_t vfs_now(void);

/* --- open file descriptions (file.c) */
struct file *file_alloc(struct inode *inode, const struct file_operations *f_op,
			uint32_t flags);
struct file *file_get(struct file *f);
/* Drops a reference; the last one calls release and drops the inode. */
void file_put(struct file *f);

/* --- the calls the system-call layer makes (vfs.c, namei.c) */
/* Opens path (O_* flags; mode for O_CREAT); the new description is
 * returned referenced in *out. */
int vfs_open(const char *path, int flags, uint32_t mode, struct file **out);
/* Drops the caller's reference (close). */
int vfs_close(struct file *f);
long vfs_read(struct file *f, void *buf, size_t n);
long vfs_write(struct file *f, const void *buf, size_t n);
long vfs_pread(struct file *f, void *buf, size_t n, uint64_t pos);
long vfs_pwrite(struct file *f, const void *buf, size_t n, uint64_t pos);
int64_t vfs_lseek(struct file *f, int64_t off, int whence);
/* Reads directory entries from f's position (see struct dir_context). */
int vfs_readdir(struct file *f, struct dir_context *ctx);
int vfs_fstat(struct file *f, struct vfs_stat *st);
/* stat (follow = true) or lstat (follow = false) */
int vfs_stat(const char *path, struct vfs_stat *st, bool follow);
/* Sets an inode's access and modification times (NULL: leave it) and
 * its change time to now; vfs_utimes finds the inode by path. */
int vfs_set_times(struct inode *inode, const int64_t *atime, const int64_t *mtime);
int vfs_utimes(const char *path, bool follow, const int64_t *atime,
	       const int64_t *mtime);
/* The filesystem that path (or f) is on. */
int vfs_statfs(const char *path, struct vfs_statfs *st);
int vfs_fstatfs(struct file *f, struct vfs_statfs *st);
int vfs_mkdir(const char *path, uint32_t mode);
/* mknod: a FIFO, socket, device node, or (type 0 or S_IFREG) an empty
 * regular file; rdev is a device's number (Linux's dev_t encoding). */
int vfs_mknod(const char *path, uint32_t mode, uint32_t rdev);
/* Linux's may_mknod: 0 for the types mknod makes, -EPERM for a
 * directory, -EINVAL for the rest (checked before the path is read). */
int vfs_mknod_type_ok(uint32_t mode);
int vfs_rmdir(const char *path);
int vfs_unlink(const char *path);
int vfs_rename(const char *old_path, const char *new_path);
int vfs_link(const char *old_path, const char *new_path);
int vfs_symlink(const char *target, const char *link_path);
/* Returns the length copied to kernel buf (not NUL-terminated). */
int vfs_readlink(const char *path, char *buf, size_t size);
int vfs_truncate(const char *path, uint64_t size);
int vfs_ftruncate(struct file *f, uint64_t size);
int vfs_fsync(struct file *f);
/* Writes every dirty inode and block of every filesystem to disk. */
int vfs_sync(void);
int vfs_chdir(const char *path);
/* chmod: the permission bits of path (following links) or of inode. */
int vfs_chmod(const char *path, uint32_t mode);
int vfs_set_mode(struct inode *inode, uint32_t mode);

/* --- path resolution (namei.c) */
#define LOOKUP_FOLLOW 0x1 /* follow a symlink in the last component */
#define LOOKUP_DIRECTORY 0x2 /* the result must be a directory */
#define SYMLINK_MAX_DEPTH 40
/* The inode path names (referenced), or ERR_PTR(-ENOENT, -ENOTDIR,
 * -ELOOP, -ENAMETOOLONG, ...). */
struct inode *namei(const char *path, unsigned flags);
/* The directory that would contain path's last component (referenced),
 * with the component in *name and *len (pointing into path).  The last
 * component is "" for "/", and "." or ".." are returned as such. */
struct inode *namei_parent(const char *path, const char **name, size_t *len);

/* The root and the working directory of the caller.  vfs_mount of "/"
 * sets both; each process has its own working directory, which the VFS
 * finds through vfs_cwd_hook (set by the process code). */
struct inode *vfs_root(void);
struct inode *vfs_cwd(void);
extern struct inode **(*vfs_cwd_hook)(void);

#endif
