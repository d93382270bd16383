/* kernel/sys_fs.c - the file system calls: check and copy the arguments,
 * then call the VFS.
 *
 * Paths are copied in whole (-EFAULT, -ENAMETOOLONG); user buffers must
 * lie in user space (-EFAULT) and are then filled by the fault-tolerant
 * copy routines.  Calls that can reach a disk filesystem hold fs_lock:
 * the block cache and ext2 expect one caller at a time, and a caller may
 * sleep inside them while the disk works.
 */
#include "kernel/err.h"
#include "kernel/fdtable.h"
#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/mutex.h"
#include "kernel/pipe.h"
#include "kernel/proc.h"
#include "kernel/string.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/dirent.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/stat.h"
#include "kernel/uapi/statfs.h"
#include "kernel/uapi/termios.h"
#include "kernel/uapi/uio.h"
#include "kernel/vfs.h"
#include "kernel/vm.h"

#define MAX_RW 0x7FFFF000u /* Linux's cap on one read or write */

struct mutex fs_lock = MUTEX_INIT(fs_lock);

static struct fdtable *fds(void)
{
	return current_proc()->fds;
}

/* The description behind fd, referenced until the system call returns
 * (another thread may close fd while this one sleeps in a read). */
static struct file *fget(int fd)
{
	return thread_hold_file(fd_get(fds(), fd));
}

static bool user_buf_ok(const void *p, size_t n)
{
	return user_range_ok((uint32_t)p, n);
}

/* Copies a user path into a new kernel buffer (*out, to kfree). */
static int get_path(const char *upath, char **out)
{
	char *k = kmalloc(PATH_MAX);
	long n;

	if (!k)
		return -ENOMEM;
	n = user_buf_ok(upath, 1) ? copy_string_in(k, upath, PATH_MAX) : -EFAULT;
	if (n < 0) {
		kfree(k);
		return (int)n;
	}
	*out = k;
	return 0;
}

/* Runs fn on one user path, under fs_lock. */
#define WITH_PATH(upath, expr)                                              \
	({                                                                  \
		char *path;                                                 \
		long r_ = get_path((upath), &path);                         \
		if (!r_) {                                                  \
			mutex_lock(&fs_lock);                               \
			r_ = (expr);                                        \
			mutex_unlock(&fs_lock);                             \
			kfree(path);                                        \
		}                                                           \
		r_;                                                         \
	})

/* Reads and writes of f may reach the disk (and need fs_lock).  Not a
 * FIFO's: they sleep on the pipe, and the other end needs the lock to
 * open it. */
static bool on_disk(struct file *f)
{
	return f->inode && f->inode->sb->bdev && !S_ISFIFO(f->inode->mode);
}

/* --- opening and closing */

/* The first half of open: the description, not yet in the fd table. */
static long open_file(const char *upath, int flags, uint32_t mode,
		      struct file **f)
{
	char *path;
	long r = get_path(upath, &path);

	if (r)
		return r;
	mutex_lock(&fs_lock);
	r = vfs_open(path, flags & ~O_CLOEXEC, mode & ~current_proc()->umask, f);
	mutex_unlock(&fs_lock);
	kfree(path);
	return r;
}

/* The second half: a FIFO's wait for its other end (see pipe.h), which
 * may be long, so without fs_lock and after openat has given the working
 * directory back; then the descriptor. */
static long open_install(struct file *f, int flags)
{
	long r = fifo_wait_partner(f);

	if (!r)
		r = fd_install(fds(), f, 0, flags & O_CLOEXEC);
	if (r < 0)
		file_put(f);
	return r;
}

long sys_open(const char *upath, int flags, uint32_t mode)
{
	struct file *f;
	long r = open_file(upath, flags, mode, &f);

	return r ? r : open_install(f, flags);
}

long sys_creat(const char *upath, uint32_t mode)
{
	return sys_open(upath, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/* For the *at calls: run with dirfd's directory as the working one when
 * the path is relative (the kernel is not preempted, so no one else sees
 * the swap). */
static long at_dir(int dirfd, const char *upath, struct inode **saved)
{
	struct file *f;
	char first;

	*saved = NULL;
	if (dirfd == AT_FDCWD)
		return 0;
	if (copy_from_user(&first, upath, 1))
		return -EFAULT;
	if (first == '/')
		return 0;
	f = fget(dirfd);
	if (!f)
		return -EBADF;
	if (!f->inode || !S_ISDIR(f->inode->mode))
		return -ENOTDIR;
	*saved = current_proc()->cwd;
	current_proc()->cwd = igrab(f->inode);
	return 0;
}

static void at_done(struct inode *saved)
{
	if (saved) {
		iput(current_proc()->cwd);
		current_proc()->cwd = saved;
	}
}

/* Runs call (a path system call on upath) relative to dirfd. */
#define AT_CALL(dirfd, upath, call)                                         \
	({                                                                  \
		struct inode *saved_;                                       \
		long r_ = at_dir((dirfd), (upath), &saved_);                \
		r_ = r_ ?: (call);                                          \
		at_done(saved_);                                            \
		r_;                                                         \
	})

long sys_openat(int dirfd, const char *upath, int flags, uint32_t mode)
{
	struct file *f;
	long r = AT_CALL(dirfd, upath, open_file(upath, flags, mode, &f));

	return r ? r : open_install(f, flags);
}

long sys_close(int fd)
{
	return fd_close(fds(), fd);
}

/* --- reading and writing */

/* Counts a read or write system call that returned r for /proc/PID/io,
 * as Linux does (inc_syscr, add_rchar): read and write once they reach
 * the file (a bad descriptor or buffer is not counted), readv and writev
 * always, once.  In the system calls rather than in vfs_read, which the
 * kernel's own readers (monitor, fsbench) call too. */
static long account(bool write, long r)
{
	struct process *p = current_proc();
	uint64_t moved = r > 0 ? (uint64_t)r : 0;

	if (write) {
		p->io.syscw++;
		p->io.wchar += moved;
	} else {
		p->io.syscr++;
		p->io.rchar += moved;
	}
	return r;
}

/* read, write, pread64, pwrite64 and one segment of readv or writev
 * (IN_VECTOR: rwv counts the call) */
static long rw(int fd, void *buf, size_t n, bool write, const uint64_t *pos,
	       bool in_vector)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	/* Linux's order: the whole range named must be user memory, a
	 * count past SSIZE_MAX is -EINVAL, and only then is the count
	 * capped.  Capping first took write(fd, buf, (size_t)-592) for a
	 * 2 GiB copy of whatever was mapped after buf (tests/os/fuzz filled
	 * the disk with one), where Linux says -EFAULT. */
	if (!user_buf_ok(buf, n))
		return -EFAULT;
	if ((long)n < 0)
		return -EINVAL;
	if (pos && !f->inode)
		return -ESPIPE; /* pipes and sockets have no positions */
	n = MIN(n, MAX_RW);
	if (on_disk(f))
		mutex_lock(&fs_lock);
	if (pos)
		r = write ? vfs_pwrite(f, buf, n, *pos) : vfs_pread(f, buf, n, *pos);
	else
		r = write ? vfs_write(f, buf, n) : vfs_read(f, buf, n);
	if (on_disk(f))
		mutex_unlock(&fs_lock);
	return in_vector ? r : account(write, r);
}

long sys_read(int fd, void *buf, size_t n) { return rw(fd, buf, n, false, NULL, false); }
long sys_write(int fd, const void *buf, size_t n) { return rw(fd, (void *)buf, n, true, NULL, false); }

long sys_pread64(int fd, void *buf, size_t n, uint32_t lo, uint32_t hi)
{
	uint64_t pos = (uint64_t)hi << 32 | lo;

	return (int64_t)pos < 0 ? -EINVAL : rw(fd, buf, n, false, &pos, false);
}

long sys_pwrite64(int fd, const void *buf, size_t n, uint32_t lo, uint32_t hi)
{
	uint64_t pos = (uint64_t)hi << 32 | lo;

	return (int64_t)pos < 0 ? -EINVAL : rw(fd, (void *)buf, n, true, &pos, false);
}

static long rwv(int fd, const struct iovec *uiov, int count, bool write)
{
	struct iovec iov;
	long total = 0;

	if (count < 0 || count > UIO_MAXIOV)
		return -EINVAL;
	if (!fget(fd))
		return -EBADF;
	for (int i = 0; i < count; i++) {
		long n;
		if (copy_from_user(&iov, uiov + i, sizeof(iov)))
			return total ? total : -EFAULT;
		n = rw(fd, iov.iov_base, iov.iov_len, write, NULL, true);
		if (n < 0)
			return total ? total : n;
		total += n;
		if ((unsigned long)n < iov.iov_len)
			break;
	}
	return total;
}

long sys_readv(int fd, const struct iovec *iov, int n)
{
	return account(false, rwv(fd, iov, n, false));
}

long sys_writev(int fd, const struct iovec *iov, int n)
{
	return account(true, rwv(fd, iov, n, true));
}

long sys_lseek(int fd, int32_t off, int whence)
{
	struct file *f = fget(fd);
	int64_t r;

	if (!f)
		return -EBADF;
	r = vfs_lseek(f, off, whence);
	return r > 0x7FFFFFFF ? -EOVERFLOW : (long)r;
}

long sys__llseek(int fd, uint32_t hi, uint32_t lo, int64_t *result, int whence)
{
	struct file *f = fget(fd);
	int64_t r;

	if (!f)
		return -EBADF;
	r = vfs_lseek(f, (int64_t)((uint64_t)hi << 32 | lo), whence);
	if (r < 0)
		return (long)r;
	return copy_to_user(result, &r, sizeof(r));
}

/* --- descriptors */

long sys_dup(int fd) { return fd_dup(fds(), fd, 0); }

long sys_dup2(int oldfd, int newfd)
{
	return fd_dup2(fds(), oldfd, newfd);
}

long sys_dup3(int oldfd, int newfd, int flags)
{
	long r;

	if (oldfd == newfd || (flags & ~O_CLOEXEC))
		return -EINVAL;
	r = fd_dup2(fds(), oldfd, newfd);
	if (r >= 0 && (flags & O_CLOEXEC))
		fd_set_cloexec(fds(), newfd, true);
	return r;
}

long sys_fcntl64(int fd, int cmd, uint32_t arg)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg >= FD_MAX)
			return -EINVAL;
		r = fd_dup(fds(), fd, (int)arg);
		if (r >= 0 && cmd == F_DUPFD_CLOEXEC)
			fd_set_cloexec(fds(), (int)r, true);
		return r;
	case F_GETFD:
		return fd_get_cloexec(fds(), fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		fd_set_cloexec(fds(), fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return f->flags;
	case F_SETFL: /* only these flags change after open */
		f->flags = (f->flags & ~(O_APPEND | O_NONBLOCK)) |
			   (arg & (O_APPEND | O_NONBLOCK));
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_fcntl(int fd, int cmd, uint32_t arg)
{
	return sys_fcntl64(fd, cmd, arg);
}

/* The requests every descriptor answers, as Linux's do_vfs_ioctl: the
 * rest go to the file's own ioctl (ttys, pipes, sockets). */
long sys_ioctl(int fd, uint32_t cmd, uint32_t arg)
{
	struct file *f = fget(fd);
	int on;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		fd_set_cloexec(fds(), fd, cmd == FIOCLEX);
		return 0;
	case FIONBIO:
		if (copy_from_user(&on, (const void *)arg, sizeof(on)))
			return -EFAULT;
		f->flags = on ? f->flags | O_NONBLOCK : f->flags & ~O_NONBLOCK;
		return 0;
	}
	if (cmd == FIONREAD && f->inode && S_ISREG(f->inode->mode)) {
		int n = f->pos < f->inode->size ? (int)MIN(f->inode->size - f->pos,
							   0x7FFFFFFFu) : 0;
		return copy_to_user((void *)arg, &n, sizeof(n)) ? -EFAULT : 0;
	}
	if (!f->f_op->ioctl)
		return -ENOTTY;
	return f->f_op->ioctl(f, cmd, arg);
}

/* --- stat and directories */

static long put_stat(struct stat64 *ust, const struct vfs_stat *st)
{
	struct stat64 k;

	memset(&k, 0, sizeof(k));
	k.st_dev = st->dev;
	k.__st_ino = st->ino;
	k.st_ino = st->ino;
	k.st_mode = st->mode;
	k.st_nlink = st->nlink;
	k.st_uid = st->uid;
	k.st_gid = st->gid;
	k.st_rdev = st->rdev;
	k.st_size = (long long)st->size;
	k.st_blksize = st->blksize;
	k.st_blocks = st->blocks;
	k.st_atim.tv_sec = (long)st->atime;
	k.st_mtim.tv_sec = (long)st->mtime;
	k.st_ctim.tv_sec = (long)st->ctime;
	return copy_to_user(ust, &k, sizeof(k));
}

static long stat_path(const char *upath, struct stat64 *ust, bool follow)
{
	struct vfs_stat st;
	long r = WITH_PATH(upath, vfs_stat(path, &st, follow));

	return r ? r : put_stat(ust, &st);
}

long sys_stat64(const char *p, struct stat64 *st) { return stat_path(p, st, true); }
long sys_lstat64(const char *p, struct stat64 *st) { return stat_path(p, st, false); }

long sys_fstat64(int fd, struct stat64 *ust)
{
	struct file *f = fget(fd);
	struct vfs_stat st;
	long r;

	if (!f)
		return -EBADF;
	r = vfs_fstat(f, &st);
	return r ? r : put_stat(ust, &st);
}

long sys_fstatat64(int dirfd, const char *upath, struct stat64 *ust, int flags)
{
	char c = 0;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | 0x800 /* NO_AUTOMOUNT */))
		return -EINVAL;
	if ((flags & AT_EMPTY_PATH) && !copy_from_user(&c, upath, 1) && !c)
		return sys_fstat64(dirfd, ust);
	return AT_CALL(dirfd, upath,
		       stat_path(upath, ust, !(flags & AT_SYMLINK_NOFOLLOW)));
}

struct dirent_fill {
	struct dir_context ctx;
	uint8_t *ubuf;
	size_t size, used;
	int err;
	bool full; /* an entry did not fit */
	bool old; /* struct linux_dirent (getdents), not linux_dirent64 */
};

static size_t dirent_size(bool old, size_t len)
{
	return old ? ALIGN_UP(offsetof(struct linux_dirent, d_name) + len + 2, 4)
		   : ALIGN_UP(sizeof(struct linux_dirent64) + len + 1, 8);
}

static int fill_dirent(struct dir_context *ctx, const char *name, size_t len,
		       uint32_t ino, unsigned type)
{
	struct dirent_fill *d = (struct dirent_fill *)ctx;
	size_t reclen = dirent_size(d->old, len);
	uint8_t rec[sizeof(struct linux_dirent64) + NAME_MAX + 8];

	if (d->used + reclen > d->size) {
		d->full = true; /* this entry waits for the next call */
		return 1;
	}
	memset(rec, 0, reclen);
	if (d->old) {
		struct linux_dirent *de = (struct linux_dirent *)rec;
		de->d_ino = ino;
		de->d_off = (unsigned long)ctx->pos + 1;
		de->d_reclen = (unsigned short)reclen;
		memcpy(de->d_name, name, len);
		rec[reclen - 1] = (uint8_t)type;
	} else {
		struct linux_dirent64 *de = (struct linux_dirent64 *)rec;
		de->d_ino = ino;
		de->d_off = (long long)ctx->pos + 1;
		de->d_reclen = (unsigned short)reclen;
		de->d_type = (unsigned char)type;
		memcpy(de->d_name, name, len);
	}
	if (copy_to_user(d->ubuf + d->used, rec, reclen)) {
		d->err = -EFAULT;
		return 1;
	}
	d->used += reclen;
	return 0;
}

static long getdents(int fd, void *buf, size_t size, bool old)
{
	struct dirent_fill d = { .ctx.emit = fill_dirent, .ubuf = buf, .size = size,
				 .old = old };
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	if (!user_buf_ok(buf, size))
		return -EFAULT;
	mutex_lock(&fs_lock);
	r = vfs_readdir(f, &d.ctx);
	mutex_unlock(&fs_lock);
	if (r < 0)
		return r;
	if (d.used)
		return (long)d.used;
	if (d.err)
		return d.err;
	return d.full ? -EINVAL : 0; /* too small for one entry, or the end */
}

long sys_getdents64(int fd, void *buf, size_t size)
{
	return getdents(fd, buf, size, false);
}

long sys_getdents(int fd, void *buf, size_t size)
{
	return getdents(fd, buf, size, true);
}

/* --- names */

long sys_mkdir(const char *p, uint32_t mode)
{
	uint32_t m = mode & ~current_proc()->umask;
	return WITH_PATH(p, vfs_mkdir(path, m));
}

/* mknod(path, mode, dev): dev is Linux's 32-bit dev_t encoding. */
long sys_mknod(const char *p, uint32_t mode, uint32_t dev)
{
	uint32_t m = (mode & 0xffff) & ~current_proc()->umask; /* a umode_t */
	long r = vfs_mknod_type_ok(m);

	return r ? r : WITH_PATH(p, vfs_mknod(path, m, dev));
}

long sys_mknodat(int dirfd, const char *p, uint32_t mode, uint32_t dev)
{
	return AT_CALL(dirfd, p, sys_mknod(p, mode, dev));
}

long sys_rmdir(const char *p) { return WITH_PATH(p, vfs_rmdir(path)); }
long sys_unlink(const char *p) { return WITH_PATH(p, vfs_unlink(path)); }
long sys_chdir(const char *p) { return WITH_PATH(p, vfs_chdir(path)); }

long sys_mkdirat(int dirfd, const char *p, uint32_t mode)
{
	return AT_CALL(dirfd, p, sys_mkdir(p, mode));
}

long sys_unlinkat(int dirfd, const char *p, int flags)
{
	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	return AT_CALL(dirfd, p, (flags & AT_REMOVEDIR) ? sys_rmdir(p) : sys_unlink(p));
}

long sys_fchdir(int fd)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	if (!f->inode || !S_ISDIR(f->inode->mode))
		return -ENOTDIR;
	iput(current_proc()->cwd);
	current_proc()->cwd = igrab(f->inode);
	return 0;
}

/* Two paths: copied both, then expr under the lock. */
#define WITH_PATHS(u1, u2, expr)                                            \
	({                                                                  \
		char *a, *b = NULL;                                         \
		long r_ = get_path((u1), &a);                               \
		if (!r_) {                                                  \
			r_ = get_path((u2), &b);                            \
			if (!r_) {                                          \
				mutex_lock(&fs_lock);                       \
				r_ = (expr);                                \
				mutex_unlock(&fs_lock);                     \
				kfree(b);                                   \
			}                                                   \
			kfree(a);                                           \
		}                                                           \
		r_;                                                         \
	})

long sys_rename(const char *o, const char *n) { return WITH_PATHS(o, n, vfs_rename(a, b)); }
long sys_link(const char *o, const char *n) { return WITH_PATHS(o, n, vfs_link(a, b)); }
long sys_symlink(const char *t, const char *n) { return WITH_PATHS(t, n, vfs_symlink(a, b)); }

long sys_readlink(const char *upath, char *ubuf, int size)
{
	char *kbuf;
	long r;

	if (size <= 0)
		return -EINVAL;
	kbuf = kmalloc((size_t)size);
	if (!kbuf)
		return -ENOMEM;
	r = WITH_PATH(upath, vfs_readlink(path, kbuf, (size_t)size));
	if (r > 0 && copy_to_user(ubuf, kbuf, (size_t)r))
		r = -EFAULT;
	kfree(kbuf);
	return r;
}

long sys_access(const char *p, int mode)
{
	struct vfs_stat st;
	long r;

	if (mode & ~7)
		return -EINVAL;
	r = WITH_PATH(p, vfs_stat(path, &st, true));
	/* root may read and write anything, but execute only what has an
	 * execute bit (or is a directory) */
	if (!r && (mode & X_OK) && !S_ISDIR(st.mode) && !(st.mode & 0111))
		r = -EACCES;
	return r;
}

long sys_truncate(const char *p, int32_t len)
{
	return len < 0 ? -EINVAL : WITH_PATH(p, vfs_truncate(path, (uint64_t)len));
}

long sys_truncate64(const char *p, uint32_t lo, uint32_t hi)
{
	int64_t len = (int64_t)((uint64_t)hi << 32 | lo);

	return len < 0 ? -EINVAL : WITH_PATH(p, vfs_truncate(path, (uint64_t)len));
}

static long ftrunc(int fd, int64_t len)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	if (len < 0)
		return -EINVAL;
	mutex_lock(&fs_lock);
	r = vfs_ftruncate(f, (uint64_t)len);
	mutex_unlock(&fs_lock);
	return r;
}

long sys_ftruncate(int fd, int32_t len) { return ftrunc(fd, len); }

long sys_ftruncate64(int fd, uint32_t lo, uint32_t hi)
{
	return ftrunc(fd, (int64_t)((uint64_t)hi << 32 | lo));
}

long sys_fsync(int fd)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	mutex_lock(&fs_lock);
	r = vfs_fsync(f);
	mutex_unlock(&fs_lock);
	return r;
}

long sys_fdatasync(int fd) { return sys_fsync(fd); }

long sys_sync(void)
{
	mutex_lock(&fs_lock);
	vfs_sync();
	mutex_unlock(&fs_lock);
	return 0;
}

long sys_umask(uint32_t mask)
{
	uint32_t old = current_proc()->umask;

	current_proc()->umask = mask & 0777;
	return old;
}

/* getcwd: walks ".." up to the root, looking each directory up by inode
 * number in its parent. */
struct find_name {
	struct dir_context ctx;
	uint32_t ino;
	char name[NAME_MAX + 1];
	bool found;
};

static int match_ino(struct dir_context *ctx, const char *name, size_t len,
		     uint32_t ino, unsigned type)
{
	struct find_name *fn = (struct find_name *)ctx;

	(void)type;
	if (ino != fn->ino || (len == 1 && name[0] == '.') ||
	    (len == 2 && name[0] == '.' && name[1] == '.'))
		return 0;
	memcpy(fn->name, name, len);
	fn->name[len] = '\0';
	fn->found = true;
	return 1;
}

static long build_cwd(char *buf, size_t size)
{
	char *path = kmalloc(PATH_MAX), *cur = kmalloc(PATH_MAX);
	size_t len = 0;
	long r = 0;

	if (!path || !cur) {
		r = -ENOMEM;
		goto out;
	}
	strlcpy(cur, ".", PATH_MAX);
	path[0] = '\0';
	for (int depth = 0; depth < 256; depth++) {
		struct vfs_stat here, up;
		struct find_name fn = { .ctx.emit = match_ino };
		struct file *dir;

		if ((r = vfs_stat(cur, &here, true)))
			goto out;
		if (strlen(cur) + 4 >= PATH_MAX) {
			r = -ENAMETOOLONG;
			goto out;
		}
		strlcpy(cur + strlen(cur), "/..", 4);
		if ((r = vfs_stat(cur, &up, true)))
			goto out;
		if (up.ino == here.ino && up.dev == here.dev)
			break; /* the root */
		fn.ino = here.ino;
		if ((r = vfs_open(cur, O_RDONLY | O_DIRECTORY, 0, &dir)))
			goto out;
		vfs_readdir(dir, &fn.ctx); /* stops at the match */
		vfs_close(dir);
		if (!fn.found) {
			r = -ENOENT;
			goto out;
		}
		size_t n = strlen(fn.name);
		if (n + 1 + len >= PATH_MAX) {
			r = -ENAMETOOLONG;
			goto out;
		}
		memmove(path + n + 1, path, len + 1);
		path[0] = '/';
		memcpy(path + 1, fn.name, n);
		len += n + 1;
	}
	if (!len) {
		strlcpy(path, "/", PATH_MAX);
		len = 1;
	}
	r = len + 1 > size ? -ERANGE : (long)(len + 1);
	if (r > 0)
		memcpy(buf, path, len + 1);
out:
	kfree(path);
	kfree(cur);
	return r;
}

long sys_getcwd(char *ubuf, size_t size)
{
	char *k = kmalloc(PATH_MAX);
	long r;

	if (!k)
		return -ENOMEM;
	mutex_lock(&fs_lock);
	r = build_cwd(k, MIN(size, PATH_MAX));
	mutex_unlock(&fs_lock);
	if (r > 0 && copy_to_user(ubuf, k, (size_t)r))
		r = -EFAULT;
	kfree(k);
	return r;
}

/* --- pipes */

long sys_pipe2(int *ufds, int flags)
{
	struct file *rd, *wr;
	int fd[2];
	long r;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	if (!user_buf_ok(ufds, sizeof(fd)))
		return -EFAULT;
	r = pipe_create(&rd, &wr, flags);
	if (r)
		return r;
	fd[0] = fd_install(fds(), rd, 0, flags & O_CLOEXEC);
	fd[1] = fd[0] < 0 ? -EMFILE : fd_install(fds(), wr, 0, flags & O_CLOEXEC);
	if (fd[1] < 0) {
		if (fd[0] >= 0)
			fd_close(fds(), fd[0]);
		else
			file_put(rd);
		file_put(wr);
		return -EMFILE;
	}
	if (copy_to_user(ufds, fd, sizeof(fd))) {
		fd_close(fds(), fd[0]);
		fd_close(fds(), fd[1]);
		return -EFAULT;
	}
	return 0;
}

long sys_pipe(int *ufds)
{
	return sys_pipe2(ufds, 0);
}

/* --- permissions (everyone is root: stored, not enforced) */

long sys_chmod(const char *p, uint32_t mode)
{
	return WITH_PATH(p, vfs_chmod(path, mode));
}

long sys_fchmod(int fd, uint32_t mode)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	if (!f->inode)
		return -EINVAL;
	mutex_lock(&fs_lock);
	r = vfs_set_mode(f->inode, mode);
	mutex_unlock(&fs_lock);
	return r;
}

long sys_fchmodat(int dirfd, const char *p, uint32_t mode)
{
	return AT_CALL(dirfd, p, sys_chmod(p, mode));
}

long sys_faccessat(int dirfd, const char *p, int mode)
{
	return AT_CALL(dirfd, p, sys_access(p, mode));
}

/* --- statfs: the filesystem a path or descriptor is on */

static long put_statfs(void *ubuf, size_t size, const struct vfs_statfs *st)
{
	struct statfs64 k = {
		.f_type = st->type, .f_bsize = st->bsize, .f_blocks = st->blocks,
		.f_bfree = st->bfree, .f_bavail = st->bavail, .f_files = st->files,
		.f_ffree = st->ffree, .f_namelen = st->namelen,
		.f_frsize = st->bsize, .f_flags = st->flags,
	};
	struct statfs32 old = {
		.f_type = k.f_type, .f_bsize = k.f_bsize,
		.f_blocks = (uint32_t)MIN(k.f_blocks, 0xFFFFFFFFull),
		.f_bfree = (uint32_t)MIN(k.f_bfree, 0xFFFFFFFFull),
		.f_bavail = (uint32_t)MIN(k.f_bavail, 0xFFFFFFFFull),
		.f_files = (uint32_t)MIN(k.f_files, 0xFFFFFFFFull),
		.f_ffree = (uint32_t)MIN(k.f_ffree, 0xFFFFFFFFull),
		.f_namelen = k.f_namelen, .f_frsize = k.f_frsize, .f_flags = k.f_flags,
	};

	if (size == sizeof(k))
		return copy_to_user(ubuf, &k, sizeof(k)) ? -EFAULT : 0;
	return copy_to_user(ubuf, &old, sizeof(old)) ? -EFAULT : 0;
}

/* statfs64's size argument must be the structure's, as Linux checks */
long sys_statfs64(const char *upath, size_t size, struct statfs64 *ubuf)
{
	struct vfs_statfs st;
	long r;

	if (size != sizeof(struct statfs64))
		return -EINVAL;
	r = WITH_PATH(upath, vfs_statfs(path, &st));
	return r ? r : put_statfs(ubuf, size, &st);
}

long sys_fstatfs64(int fd, size_t size, struct statfs64 *ubuf)
{
	struct file *f = fget(fd);
	struct vfs_statfs st;
	long r;

	if (size != sizeof(struct statfs64))
		return -EINVAL;
	if (!f)
		return -EBADF;
	r = vfs_fstatfs(f, &st);
	return r ? r : put_statfs(ubuf, size, &st);
}

long sys_statfs(const char *upath, struct statfs32 *ubuf)
{
	struct vfs_statfs st;
	long r = WITH_PATH(upath, vfs_statfs(path, &st));

	return r ? r : put_statfs(ubuf, sizeof(*ubuf), &st);
}

long sys_fstatfs(int fd, struct statfs32 *ubuf)
{
	struct file *f = fget(fd);
	struct vfs_statfs st;
	long r;

	if (!f)
		return -EBADF;
	r = vfs_fstatfs(f, &st);
	return r ? r : put_statfs(ubuf, sizeof(*ubuf), &st);
}

/* --- utimensat: a file's access and modification times */

/* One of utimensat's two times: now, left alone (NULL), or the value. */
static int pick_time(const struct timespec *ts, int64_t *out, const int64_t **use)
{
	if (ts->tv_nsec == UTIME_OMIT) {
		*use = NULL;
		return 0;
	}
	if (ts->tv_nsec == UTIME_NOW) {
		*out = vfs_now();
	} else {
		if (ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)
			return -EINVAL;
		*out = ts->tv_sec;
	}
	*use = out;
	return 0;
}

/* utimensat(dirfd, path, times, flags); a NULL path is futimens(dirfd). */
long sys_utimensat(int dirfd, const char *upath, const struct timespec *utimes,
		   int flags)
{
	struct timespec ts[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
	int64_t t[2];
	const int64_t *use[2];
	long r = 0;

	if (flags & ~AT_SYMLINK_NOFOLLOW)
		return -EINVAL;
	if (utimes && copy_from_user(ts, utimes, sizeof(ts)))
		return -EFAULT;
	for (int i = 0; i < 2 && !r; i++)
		r = pick_time(&ts[i], &t[i], &use[i]);
	if (r)
		return r;
	if (!upath) {
		struct file *f = fget(dirfd);
		if (!f)
			return -EBADF;
		if (!f->inode)
			return -EPERM; /* a pipe has no times to set */
		mutex_lock(&fs_lock);
		r = vfs_set_times(f->inode, use[0], use[1]);
		mutex_unlock(&fs_lock);
		return r;
	}
	return AT_CALL(dirfd, upath,
		       WITH_PATH(upath, vfs_utimes(path, !(flags & AT_SYMLINK_NOFOLLOW),
						   use[0], use[1])));
}
