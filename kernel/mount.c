/* kernel/mount.c - filesystem types, the mount table, the root.
 *
 * A mount joins a filesystem's root directory to a directory of an
 * already mounted one (its mount point): path resolution, on entering a
 * directory whose inode has ->mounted set, continues in the mounted
 * filesystem's root, and ".." at that root goes back to the mount point.
 * The first mount, on "/", makes the root; the root and working directory
 * live here until processes carry their own.
 */
#include "kernel/bcache.h"
#include "kernel/blockdev.h"
#include "kernel/err.h"
#include "kernel/format.h"
#include "kernel/kmalloc.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/vfs.h"
#include "kernel/vfs_internal.h"

static struct filesystem_type *fs_types;
static struct mount *mounts; /* newest first */
static struct inode *root_dir, *cwd_dir;

void register_filesystem(struct filesystem_type *fs)
{
	fs->next = fs_types;
	fs_types = fs;
}

static struct filesystem_type *find_type(const char *name)
{
	for (struct filesystem_type *t = fs_types; t; t = t->next)
		if (!strcmp(t->name, name))
			return t;
	return NULL;
}

struct inode **(*vfs_cwd_hook)(void);

struct inode *vfs_root(void) { return root_dir; }

/* The calling process's working directory slot, or the global one. */
static struct inode **cwd_slot(void)
{
	struct inode **slot = vfs_cwd_hook ? vfs_cwd_hook() : NULL;

	return slot ? slot : &cwd_dir;
}

struct inode *vfs_cwd(void)
{
	struct inode *cwd = *cwd_slot();

	return cwd ? cwd : root_dir;
}

void vfs_set_cwd(struct inode *dir)
{
	struct inode **slot = cwd_slot(), *old = *slot;

	*slot = igrab(dir);
	iput(old);
}

struct mount *mount_of_root(struct inode *dir)
{
	for (struct mount *m = mounts; m; m = m->next)
		if (m->sb->root == dir)
			return m;
	return NULL;
}

static int attach(struct mount *m, const char *target)
{
	struct inode *dir;

	if (!root_dir) {
		if (strcmp(target, "/"))
			return -ENOENT; /* nothing to mount on yet */
		root_dir = igrab(m->sb->root);
		cwd_dir = igrab(m->sb->root);
		return 0;
	}
	dir = namei(target, LOOKUP_FOLLOW | LOOKUP_DIRECTORY);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	if (dir->mounted || mount_of_root(dir)) {
		iput(dir);
		return -EBUSY;
	}
	dir->mounted = m;
	m->mountpoint = dir; /* keeps the reference */
	return 0;
}

int vfs_mount(const char *dev_name, const char *target, const char *fstype)
{
	struct filesystem_type *type = find_type(fstype);
	struct block_device *dev = NULL;
	struct super_block *sb;
	struct mount *m;
	int err;

	if (!type)
		return -ENODEV;
	if (dev_name && type->mount && !(dev = blockdev_find(dev_name)) &&
	    strcmp(dev_name, fstype))
		return -ENXIO;
	m = kzalloc(sizeof(*m));
	if (!m)
		return -ENOMEM;
	sb = type->mount(dev);
	if (IS_ERR(sb)) {
		kfree(m);
		return PTR_ERR(sb);
	}
	m->sb = sb;
	m->type = type;
	strlcpy(m->dev_name, dev_name ? dev_name : fstype, sizeof(m->dev_name));
	strlcpy(m->path, target, sizeof(m->path));
	err = attach(m, target);
	if (err) {
		iput(sb->root);
		if (sb->s_op->put_super)
			sb->s_op->put_super(sb);
		kfree(m);
		return err;
	}
	m->next = mounts;
	mounts = m;
	printk("vfs: mounted %s (%s) on %s%s\n", m->dev_name, fstype, target,
	       sb->read_only ? " read-only" : "");
	return 0;
}

/* Writes everything of one mount to the disk and marks it clean. */
static int unmount(struct mount *m)
{
	struct super_block *sb = m->sb;
	int err = sync_inodes(sb), e;

	if (sb->s_op->sync) {
		e = sb->s_op->sync(sb);
		err = err ?: e;
	}
	if (sb->bdev) {
		e = bcache_sync(sb->bdev);
		err = err ?: e;
	}
	if (sb->s_op->put_super)
		sb->s_op->put_super(sb);
	if (sb->bdev) {
		e = bcache_sync(sb->bdev);
		err = err ?: e;
		bcache_invalidate(sb->bdev);
	}
	return err;
}

int vfs_unmount_all(void)
{
	int err = 0;

	while (mounts) {
		struct mount *m = mounts;
		int e = unmount(m);

		if (e)
			pr_err("vfs: unmounting %s failed (%d)\n", m->path, e);
		err = err ?: e;
		mounts = m->next;
		if (m->mountpoint) {
			m->mountpoint->mounted = NULL;
			iput(m->mountpoint);
		}
		kfree(m);
		/* Inodes still referenced (open files, the root) keep their
		 * memory: the machine is going down. */
	}
	root_dir = cwd_dir = NULL;
	return err;
}

int vfs_sync(void)
{
	int err = sync_inodes(NULL), e;

	for (struct mount *m = mounts; m; m = m->next) {
		if (m->sb->s_op->sync) {
			e = m->sb->s_op->sync(m->sb);
			err = err ?: e;
		}
	}
	e = bcache_sync(NULL);
	return err ?: e;
}

size_t vfs_format_mounts(char *buf, size_t size)
{
	size_t len = 0;
	struct mount *order[32];
	int n = 0;

	for (struct mount *m = mounts; m && n < 32; m = m->next)
		order[n++] = m; /* newest first: print oldest first */
	while (n--) {
		struct mount *m = order[n];
		len += ksnprintf(buf + (len < size ? len : size),
				 len < size ? size - len : 0, "%s %s %s %s 0 0\n",
				 m->dev_name, m->path, m->type->name,
				 m->sb->read_only ? "ro" : "rw");
	}
	return len;
}
