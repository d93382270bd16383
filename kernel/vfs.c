/* kernel/vfs.c - the file-system calls: vfs_open, vfs_read, vfs_mkdir...
 *
 * Each call resolves its path(s), does the checks Linux does, with the
 * errors Linux returns, and then hands the work to the inode's or file's
 * operations (see the division of work in vfs.h).  This is the layer the
 * system calls (sys_open, sys_read...) will call after copying their
 * arguments in.  Permissions are not checked yet: everyone is root.
 */
#include "kernel/bcache.h"
#include "kernel/err.h"
#include "kernel/kmalloc.h"
#include "kernel/pipe.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/vfs.h"
#include "kernel/vfs_internal.h"

static bool is_dot_or_dotdot(const char *name, size_t len)
{
	return (len == 1 && name[0] == '.') ||
	       (len == 2 && name[0] == '.' && name[1] == '.');
}

static bool has_trailing_slash(const char *path)
{
	size_t n = strlen(path);

	return n > 1 && path[n - 1] == '/';
}

static int lookup_child(struct inode *dir, const char *name, size_t len,
			struct inode **out)
{
	if (!dir->i_op || !dir->i_op->lookup)
		return -ENOTDIR;
	return dir->i_op->lookup(dir, name, len, out);
}

/* Fails if name already exists in dir (or dir itself was removed). */
static int must_not_exist(struct inode *dir, const char *name, size_t len)
{
	struct inode *child;
	int err = lookup_child(dir, name, len, &child);

	if (err == -ENOENT && !dir->nlink)
		return -ENOENT; /* a removed directory takes no new names */
	if (!err) {
		iput(child);
		return -EEXIST;
	}
	return err == -ENOENT ? 0 : err;
}

static int writable(struct inode *inode)
{
	return inode->sb->read_only ? -EROFS : 0;
}

/* FIFOs, sockets and devices: writing one does not write its filesystem. */
static bool is_special(uint32_t mode)
{
	return S_ISCHR(mode) || S_ISBLK(mode) || S_ISFIFO(mode) || S_ISSOCK(mode);
}

/* pipe.c's; weak because the host tests of the VFS (tests/unit/fs) link
 * no pipes: there a FIFO has no operations and cannot be opened. */
extern const struct file_operations fifo_fops __attribute__((weak));

/* What an open of inode runs: a FIFO is a pipe on any filesystem (as
 * Linux's init_special_inode); else the inode's own, if any. */
static const struct file_operations *open_fops(struct inode *inode)
{
	static bool warned;

	if (S_ISFIFO(inode->mode))
		return &fifo_fops;
	if (!inode->i_fop && (S_ISCHR(inode->mode) || S_ISBLK(inode->mode)) &&
	    !warned) {
		warned = true;
		pr_warn("vfs: device nodes outside /dev have no driver: "
			"open gives ENXIO\n");
	}
	return inode->i_fop;
}

/* --- open and the calls on open files */

static int create_file(const char *path, int flags, uint32_t mode,
		       struct inode **out, int links);

/* O_CREAT met the symlink link (consumed) as path's last component: open
 * or create what it points to, as Linux does, even if that is missing. */
static int create_through_link(const char *path, size_t dir_len,
			       struct inode *link, int flags, uint32_t mode,
			       struct inode **out, int links)
{
	char *target = kmalloc(2 * PATH_MAX);
	int n = -ENOMEM;

	if (target && link->i_op && link->i_op->readlink)
		n = link->i_op->readlink(link, target + PATH_MAX, PATH_MAX - 1);
	iput(link);
	if (n >= 0 && ++links > SYMLINK_MAX_DEPTH)
		n = -ELOOP;
	if (n > 0) {
		char *t = target + PATH_MAX;
		t[n] = '\0';
		if (t[0] != '/') { /* relative: from the link's directory */
			memcpy(target, path, dir_len);
			memmove(target + dir_len, t, n + 1);
			t = target;
		}
		n = create_file(t, flags, mode, out, links);
	} else if (!n) {
		n = -ENOENT;
	}
	kfree(target);
	return n;
}

static int create_file(const char *path, int flags, uint32_t mode,
		       struct inode **out, int links)
{
	const char *name;
	size_t len;
	struct inode *dir = namei_parent(path, &name, &len);
	int err;

	if (IS_ERR(dir))
		return PTR_ERR(dir);
	if (!len || is_dot_or_dotdot(name, len) || has_trailing_slash(path)) {
		iput(dir); /* "/", ".", ".." or "x/": a directory, not a file */
		return (flags & O_EXCL) ? -EEXIST : -EISDIR;
	}
	err = lookup_child(dir, name, len, out);
	if (!err && (flags & O_EXCL)) {
		iput(*out);
		err = -EEXIST;
	} else if (!err && S_ISDIR((*out)->mode)) {
		iput(*out); /* O_CREAT never opens a directory */
		err = -EISDIR;
	} else if (!err && S_ISLNK((*out)->mode) && !(flags & O_NOFOLLOW)) {
		err = create_through_link(path, name - path, *out, flags, mode,
					  out, links);
	} else if (err == -ENOENT && dir->nlink) { /* not in a removed dir */
		if (!(err = writable(dir)))
			err = dir->i_op->create ? dir->i_op->create(dir, name, len,
						   S_IFREG | (mode & 07777), out)
						: -EPERM;
	}
	iput(dir);
	return err;
}

static int open_checks(struct inode *inode, int flags)
{
	int acc = flags & O_ACCMODE;

	if (S_ISLNK(inode->mode))
		return -ELOOP; /* O_NOFOLLOW on a link */
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->mode))
		return -ENOTDIR;
	if (S_ISDIR(inode->mode) && (acc != O_RDONLY || (flags & O_TRUNC)))
		return -EISDIR;
	if (acc != O_RDONLY && !is_special(inode->mode) && writable(inode))
		return -EROFS;
	if (acc != O_RDONLY && inode->exec_count)
		return -ETXTBSY; /* a running program's file */
	if (acc == O_ACCMODE)
		return -EINVAL;
	return 0;
}

int vfs_open(const char *path, int flags, uint32_t mode, struct file **out)
{
	const struct file_operations *fops = NULL;
	struct inode *inode;
	struct file *f;
	int err;

	if (flags & O_CREAT) {
		err = create_file(path, flags, mode, &inode, 0);
		if (err)
			return err;
	} else {
		inode = namei(path, (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW);
		if (IS_ERR(inode))
			return PTR_ERR(inode);
	}
	err = open_checks(inode, flags);
	if (!err && !(fops = open_fops(inode)))
		err = -ENXIO; /* a device node with no driver, a socket */
	/* Linux truncates even with O_RDONLY (permissions allowing). */
	if (!err && (flags & O_TRUNC) && S_ISREG(inode->mode) && inode->size &&
	    !(err = writable(inode)))
		err = inode->i_op->truncate(inode, 0);
	f = err ? NULL : file_alloc(inode, fops, flags & ~O_CREAT & ~O_EXCL);
	if (!err && !f)
		err = -ENOMEM;
	iput(inode);
	if (!err && f->f_op->open && (err = f->f_op->open(f->inode, f))) {
		f->f_op = NULL; /* not opened: no release */
		file_put(f);
	}
	if (!err)
		*out = f;
	return err;
}

int vfs_close(struct file *f)
{
	file_put(f);
	return 0;
}

long vfs_pread(struct file *f, void *buf, size_t n, uint64_t pos)
{
	if ((f->flags & O_ACCMODE) == O_WRONLY || !f->f_op->read)
		return -EBADF;
	if (!f->inode || S_ISFIFO(f->inode->mode))
		return -ESPIPE; /* pipes and sockets have no positions */
	if (f->inode && S_ISDIR(f->inode->mode))
		return -EISDIR;
	return f->f_op->read(f, buf, n, &pos);
}

long vfs_pwrite(struct file *f, const void *buf, size_t n, uint64_t pos)
{
	if ((f->flags & O_ACCMODE) == O_RDONLY || !f->f_op->write)
		return -EBADF;
	if (!f->inode || S_ISFIFO(f->inode->mode))
		return -ESPIPE;
	return f->f_op->write(f, buf, n, &pos);
}

long vfs_read(struct file *f, void *buf, size_t n)
{
	if ((f->flags & O_ACCMODE) == O_WRONLY || !f->f_op->read)
		return -EBADF;
	if (f->inode && S_ISDIR(f->inode->mode))
		return -EISDIR;
	return f->f_op->read(f, buf, n, &f->pos);
}

long vfs_write(struct file *f, const void *buf, size_t n)
{
	if ((f->flags & O_ACCMODE) == O_RDONLY || !f->f_op->write)
		return -EBADF;
	if ((f->flags & O_APPEND) && f->inode)
		f->pos = f->inode->size;
	return f->f_op->write(f, buf, n, &f->pos);
}

int64_t vfs_lseek(struct file *f, int64_t off, int whence)
{
	int64_t base;

	if (f->f_op->lseek)
		return f->f_op->lseek(f, off, whence);
	if (!f->inode)
		return -ESPIPE;
	switch (whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = (int64_t)f->pos; break;
	case SEEK_END: base = (int64_t)f->inode->size; break;
	default: return -EINVAL;
	}
	if (base + off < 0)
		return -EINVAL;
	f->pos = (uint64_t)(base + off);
	return (int64_t)f->pos;
}

int vfs_readdir(struct file *f, struct dir_context *ctx)
{
	int err;

	if (!f->inode || !S_ISDIR(f->inode->mode) || !f->f_op->readdir)
		return -ENOTDIR;
	ctx->pos = f->pos;
	err = f->f_op->readdir(f, ctx);
	f->pos = ctx->pos;
	return err;
}

static void fill_stat(struct inode *inode, struct vfs_stat *st)
{
	*st = (struct vfs_stat){
		.dev = inode->sb->dev_id, .ino = inode->ino, .mode = inode->mode,
		.nlink = inode->nlink, .uid = inode->uid, .gid = inode->gid,
		.rdev = inode->rdev, .size = inode->size, .blksize = 4096,
		.blocks = inode->blocks, .atime = inode->atime,
		.mtime = inode->mtime, .ctime = inode->ctime,
	};
}

int vfs_fstat(struct file *f, struct vfs_stat *st)
{
	if (!f->inode) { /* a pipe or a socket: no inode of its own */
		*st = (struct vfs_stat){ .mode = f->f_op->anon_mode, .nlink = 1,
					 .blksize = 4096, .ino = (uint32_t)f >> 4 };
		return 0;
	}
	fill_stat(f->inode, st);
	return 0;
}

int vfs_stat(const char *path, struct vfs_stat *st, bool follow)
{
	struct inode *inode = namei(path, follow ? LOOKUP_FOLLOW : 0);

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	fill_stat(inode, st);
	iput(inode);
	return 0;
}

#define PIPEFS_MAGIC 0x50495045

static int statfs_of(struct super_block *sb, struct vfs_statfs *st)
{
	*st = (struct vfs_statfs){ .type = sb ? sb->magic : PIPEFS_MAGIC,
				   .bsize = 4096, .namelen = 255,
				   .flags = sb && sb->read_only ? 1 /* ST_RDONLY */ : 0 };
	return sb && sb->s_op->statfs ? sb->s_op->statfs(sb, st) : 0;
}

int vfs_statfs(const char *path, struct vfs_statfs *st)
{
	struct inode *inode = namei(path, LOOKUP_FOLLOW);
	int err;

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	err = statfs_of(inode->sb, st);
	iput(inode);
	return err;
}

int vfs_fstatfs(struct file *f, struct vfs_statfs *st)
{
	return statfs_of(f->inode ? f->inode->sb : NULL, st);
}

static int do_truncate(struct inode *inode, uint64_t size)
{
	int err = writable(inode);

	if (S_ISDIR(inode->mode))
		return -EISDIR;
	if (!S_ISREG(inode->mode))
		return -EINVAL;
	if (inode->exec_count)
		return -ETXTBSY;
	return err ? err : inode->i_op->truncate(inode, size);
}

int vfs_truncate(const char *path, uint64_t size)
{
	struct inode *inode = namei(path, LOOKUP_FOLLOW);
	int err;

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	err = do_truncate(inode, size);
	iput(inode);
	return err;
}

int vfs_ftruncate(struct file *f, uint64_t size)
{
	if (!f->inode || (f->flags & O_ACCMODE) == O_RDONLY)
		return -EINVAL;
	return do_truncate(f->inode, size);
}

int vfs_fsync(struct file *f)
{
	struct super_block *sb;
	int err;

	if (f->f_op->fsync)
		return f->f_op->fsync(f);
	if (!f->inode || !f->inode->sb->bdev || S_ISFIFO(f->inode->mode))
		return -EINVAL; /* pipes, devices, /proc: nothing to sync */
	sb = f->inode->sb;
	err = sync_inodes(sb);
	if (!err && sb->s_op->sync)
		err = sb->s_op->sync(sb);
	if (!err && sb->bdev)
		err = bcache_sync(sb->bdev);
	return err;
}

int vfs_chdir(const char *path)
{
	struct inode *dir = namei(path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY);

	if (IS_ERR(dir))
		return PTR_ERR(dir);
	vfs_set_cwd(dir);
	iput(dir);
	return 0;
}

/* --- calls on names */

int vfs_mkdir(const char *path, uint32_t mode)
{
	const char *name;
	size_t len;
	struct inode *dir = namei_parent(path, &name, &len);
	int err;

	if (IS_ERR(dir))
		return PTR_ERR(dir);
	if (!len || is_dot_or_dotdot(name, len))
		err = -EEXIST;
	else if (!(err = must_not_exist(dir, name, len)) && !(err = writable(dir)))
		err = dir->i_op->mkdir ? dir->i_op->mkdir(dir, name, len, mode & 07777)
				       : -EPERM;
	iput(dir);
	return err;
}

int vfs_mknod_type_ok(uint32_t mode)
{
	switch (mode & S_IFMT) {
	case 0: /* a regular file */
	case S_IFREG:
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		return 0;
	case S_IFDIR:
		return -EPERM; /* that is mkdir's work */
	}
	return -EINVAL;
}

/* Makes the new name in dir (known free): a regular file through create,
 * anything else through mknod. */
static int make_node(struct inode *dir, const char *name, size_t len,
		     uint32_t mode, uint32_t rdev)
{
	struct inode *inode;
	int err;

	if ((mode & S_IFMT) && !S_ISREG(mode))
		return dir->i_op->mknod ? dir->i_op->mknod(dir, name, len, mode,
							   S_ISCHR(mode) || S_ISBLK(mode)
							       ? rdev : 0)
					: -EPERM;
	if (!dir->i_op->create)
		return -EPERM;
	err = dir->i_op->create(dir, name, len, S_IFREG | (mode & 07777), &inode);
	if (!err)
		iput(inode);
	return err;
}

int vfs_mknod(const char *path, uint32_t mode, uint32_t rdev)
{
	const char *name;
	size_t len;
	struct inode *dir;
	int err = vfs_mknod_type_ok(mode);

	if (err)
		return err;
	dir = namei_parent(path, &name, &len);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	if (!len || is_dot_or_dotdot(name, len))
		err = -EEXIST;
	else if (!(err = must_not_exist(dir, name, len)) && has_trailing_slash(path))
		err = -ENOENT; /* "x/" names a directory, which this is not */
	else if (!err && !(err = writable(dir)))
		err = make_node(dir, name, len, mode & (S_IFMT | 07777), rdev);
	iput(dir);
	return err;
}

/* Looks up the last component of path for removal: *dir and *victim are
 * referenced on success. */
static int lookup_victim(const char *path, struct inode **dir, const char **name,
			 size_t *len, struct inode **victim)
{
	int err;

	*dir = namei_parent(path, name, len);
	if (IS_ERR(*dir))
		return PTR_ERR(*dir);
	err = *len ? lookup_child(*dir, *name, *len, victim) : -EBUSY;
	if (err)
		iput(*dir);
	return err;
}

static bool is_mount_point(struct inode *inode)
{
	return inode->mounted || mount_of_root(inode) || inode == vfs_root();
}

int vfs_rmdir(const char *path)
{
	struct inode *dir, *victim;
	const char *name;
	size_t len;
	int err = lookup_victim(path, &dir, &name, &len, &victim);

	if (err)
		return err;
	if (len == 1 && name[0] == '.')
		err = -EINVAL;
	else if (is_dot_or_dotdot(name, len))
		err = -ENOTEMPTY;
	else if (!S_ISDIR(victim->mode))
		err = -ENOTDIR;
	else if (is_mount_point(victim))
		err = -EBUSY;
	else if (!(err = writable(dir)))
		err = dir->i_op->rmdir ? dir->i_op->rmdir(dir, name, len) : -EPERM;
	iput(victim);
	iput(dir);
	return err;
}

int vfs_unlink(const char *path)
{
	struct inode *dir, *victim;
	const char *name;
	size_t len;
	int err = lookup_victim(path, &dir, &name, &len, &victim);

	if (err)
		return err == -EBUSY ? -EISDIR : err;
	if (S_ISDIR(victim->mode))
		err = -EISDIR;
	else if (has_trailing_slash(path))
		err = -ENOTDIR;
	else if (!(err = writable(dir)))
		err = dir->i_op->unlink ? dir->i_op->unlink(dir, name, len) : -EPERM;
	iput(victim);
	iput(dir);
	return err;
}

/* True if dir is inode or lies below it (walking ".." up to the root). */
static bool is_below(struct inode *dir, struct inode *inode)
{
	struct inode *cur = igrab(dir);
	bool below = false;

	for (int depth = 0; depth < 4096; depth++) {
		struct inode *up;
		int err;

		if (cur == inode) {
			below = true;
			break;
		}
		if (cur == vfs_root() || cur == cur->sb->root)
			break;
		err = cur->i_op->lookup(cur, "..", 2, &up);
		if (err)
			break;
		iput(cur);
		cur = up;
	}
	iput(cur);
	return below;
}

/* The checks of rename, in the order Linux makes them (so that a call
 * breaking several rules gets the same error). */
static int check_rename(struct inode *old_dir, struct inode *old,
			struct inode *new_dir, struct inode *target,
			const char *new_path)
{
	if (old_dir->sb != new_dir->sb)
		return -EXDEV;
	if (S_ISDIR(old->mode) && is_below(new_dir, old))
		return -EINVAL; /* into its own subtree */
	if (target && S_ISDIR(target->mode) && is_below(old_dir, target))
		return -ENOTEMPTY; /* over one of its own ancestors */
	if (target && S_ISDIR(old->mode) && !S_ISDIR(target->mode))
		return -ENOTDIR;
	if (target && !S_ISDIR(old->mode) && S_ISDIR(target->mode))
		return -EISDIR;
	if (!S_ISDIR(old->mode) && has_trailing_slash(new_path))
		return -ENOTDIR;
	if (is_mount_point(old) || (target && is_mount_point(target)))
		return -EBUSY;
	return writable(old_dir);
}

int vfs_rename(const char *old_path, const char *new_path)
{
	struct inode *old_dir, *old, *new_dir, *target = NULL;
	const char *old_name, *new_name;
	size_t old_len, new_len;
	int err = lookup_victim(old_path, &old_dir, &old_name, &old_len, &old);

	if (err)
		return err;
	new_dir = namei_parent(new_path, &new_name, &new_len);
	if (IS_ERR(new_dir)) {
		err = PTR_ERR(new_dir);
		goto out_old;
	}
	if (is_dot_or_dotdot(old_name, old_len) || !new_len ||
	    is_dot_or_dotdot(new_name, new_len)) {
		err = -EBUSY;
		goto out_new;
	}
	if (!S_ISDIR(old->mode) && has_trailing_slash(old_path)) {
		err = -ENOTDIR;
		goto out_new;
	}
	err = lookup_child(new_dir, new_name, new_len, &target);
	if (err == -ENOENT)
		target = NULL;
	else if (err)
		goto out_new;
	if (target == old) { /* two names of one file: nothing to do */
		err = 0;
		goto out_target;
	}
	err = check_rename(old_dir, old, new_dir, target, new_path);
	if (!err)
		err = old_dir->i_op->rename ? old_dir->i_op->rename(old_dir, old_name,
						old_len, new_dir, new_name, new_len)
					    : -EPERM;
	if (!err && S_ISDIR(old->mode))
		inode_set_parent(old, new_dir);
out_target:
	iput(target);
out_new:
	iput(new_dir);
out_old:
	iput(old);
	iput(old_dir);
	return err;
}

int vfs_link(const char *old_path, const char *new_path)
{
	struct inode *old = namei(old_path, 0), *dir;
	const char *name;
	size_t len;
	int err;

	if (IS_ERR(old))
		return PTR_ERR(old);
	dir = namei_parent(new_path, &name, &len);
	if (IS_ERR(dir)) {
		iput(old);
		return PTR_ERR(dir);
	}
	/* Linux's order: the new name first, then the source's kind. */
	if (!len || is_dot_or_dotdot(name, len))
		err = -EEXIST;
	else
		err = must_not_exist(dir, name, len);
	if (!err && dir->sb != old->sb)
		err = -EXDEV;
	if (!err && S_ISDIR(old->mode))
		err = -EPERM;
	if (!err)
		err = writable(dir);
	if (!err)
		err = dir->i_op->link ? dir->i_op->link(old, dir, name, len) : -EPERM;
	iput(dir);
	iput(old);
	return err;
}

int vfs_symlink(const char *target, const char *link_path)
{
	const char *name;
	size_t len;
	struct inode *dir;
	int err;

	if (!*target)
		return -ENOENT;
	if (strnlen(target, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	dir = namei_parent(link_path, &name, &len);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	if (!len || is_dot_or_dotdot(name, len))
		err = -EEXIST;
	else if (!(err = must_not_exist(dir, name, len)) && !(err = writable(dir)))
		err = dir->i_op->symlink ? dir->i_op->symlink(dir, name, len, target)
					 : -EPERM;
	iput(dir);
	return err;
}

int vfs_readlink(const char *path, char *buf, size_t size)
{
	struct inode *inode = namei(path, 0);
	int err;

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	if (!S_ISLNK(inode->mode) || !inode->i_op || !inode->i_op->readlink)
		err = -EINVAL;
	else
		err = inode->i_op->readlink(inode, buf, size);
	iput(inode);
	return err;
}

int vfs_set_times(struct inode *inode, const int64_t *atime, const int64_t *mtime)
{
	int err = writable(inode);

	if (err)
		return err;
	if (atime)
		inode->atime = *atime;
	if (mtime)
		inode->mtime = *mtime;
	inode->ctime = vfs_now();
	mark_inode_dirty(inode);
	return 0;
}

int vfs_utimes(const char *path, bool follow, const int64_t *atime,
	       const int64_t *mtime)
{
	struct inode *inode = namei(path, follow ? LOOKUP_FOLLOW : 0);
	int err;

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	err = vfs_set_times(inode, atime, mtime);
	iput(inode);
	return err;
}

int vfs_set_mode(struct inode *inode, uint32_t mode)
{
	int err = writable(inode);

	if (err)
		return err;
	inode->mode = (inode->mode & S_IFMT) | (mode & 07777);
	inode->ctime = vfs_now();
	mark_inode_dirty(inode);
	return 0;
}

int vfs_chmod(const char *path, uint32_t mode)
{
	struct inode *inode = namei(path, LOOKUP_FOLLOW);
	int err;

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	err = vfs_set_mode(inode, mode);
	iput(inode);
	return err;
}
