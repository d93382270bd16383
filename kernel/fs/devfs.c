/* kernel/fs/devfs.c - /dev: a small in-memory filesystem of device nodes.
 *
 * The nodes are made at mount time and never go away: null, zero,
 * console, ttyS0 and tty (the console terminal, kernel/tty.c), tty1 (the
 * VGA screen, output only), and a node per registered block device (hda,
 * ...).  Each node's inode carries the file operations of its device, so open("/dev/null")
 * gives a description whose read/write go straight to the three-line
 * functions below, as in Linux's drivers/char/mem.c.
 *
 * Block device nodes read and write the disk directly in whole sectors,
 * past the block cache: reading /dev/hda while a filesystem on it has
 * unwritten blocks shows the disk as it is.
 */
#include "drivers/vga.h"
#include "kernel/blockdev.h"
#include "kernel/err.h"
#include "kernel/fs/devfs.h"
#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/string.h"
#include "kernel/tty.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/errno.h"
#include "kernel/vfs.h"

#define DEVFS_MAX_NODES 16
#define DEVFS_ROOT_INO 1
#define SECTOR 512
#define CHR(major, minor) ((major) << 8 | (minor))

struct devfs_node {
	const char *name;
	uint32_t mode;
	uint32_t rdev;
	const struct file_operations *fops;
	struct inode *inode;
};

/* --- the character devices */

static long null_read(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	(void)f, (void)buf, (void)n, (void)pos;
	return 0;
}

static long null_write(struct file *f, const void *buf, size_t n, uint64_t *pos)
{
	(void)f, (void)buf, (void)pos;
	return (long)n;
}

static long zero_read(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	static const uint8_t zeros[512];
	size_t done = 0;

	(void)f, (void)pos;
	while (done < n) {
		size_t chunk = MIN(n - done, sizeof(zeros));
		if (copy_out((uint8_t *)buf + done, zeros, chunk))
			return done ? (long)done : -EFAULT;
		done += chunk;
	}
	return (long)done;
}

static int64_t no_seek(struct file *f, int64_t off, int whence)
{
	(void)f, (void)off, (void)whence;
	return 0; /* Linux lets null and zero "seek" and stay put */
}

static const struct file_operations null_fops = {
	.read = null_read, .write = null_write, .lseek = no_seek,
};

static const struct file_operations zero_fops = {
	.read = zero_read, .write = null_write, .lseek = no_seek,
};

/* Writes to a screen from the caller's buffer, a chunk at a time. */
static long write_via(void (*out)(const char *, size_t), const void *buf, size_t n)
{
	char chunk[256];
	size_t done = 0;

	while (done < n) {
		size_t c = MIN(n - done, sizeof(chunk));
		if (copy_in(chunk, (const char *)buf + done, c))
			return done ? (long)done : -EFAULT;
		out(chunk, c);
		done += c;
	}
	return (long)done;
}

static long vga_file_write(struct file *f, const void *buf, size_t n, uint64_t *pos)
{
	(void)f, (void)pos;
	return write_via(vga_write, buf, n);
}

static const struct file_operations vga_fops = {
	.write = vga_file_write, .lseek = no_seek,
};

/* --- block device nodes: byte-addressed access in whole sectors */

static long blk_rw(struct file *f, void *buf, size_t n, uint64_t *pos, bool write)
{
	struct block_device *dev = f->inode->private;
	uint64_t size = dev->sectors * SECTOR;
	uint8_t *sector = kmalloc(SECTOR);
	size_t done = 0;
	long err = 0;

	if (!sector)
		return -ENOMEM;
	while (done < n && *pos < size && !err) {
		uint64_t lba = *pos / SECTOR;
		size_t off = *pos % SECTOR, c = MIN(n - done, SECTOR - off);

		if (!write || c < SECTOR)
			err = blockdev_read(dev, lba, 1, sector);
		if (!err && write) {
			err = copy_in(sector + off, (const uint8_t *)buf + done, c);
			err = err ?: blockdev_write(dev, lba, 1, sector);
		} else if (!err) {
			err = copy_out((uint8_t *)buf + done, sector + off, c);
		}
		if (!err) {
			done += c;
			*pos += c;
		}
	}
	kfree(sector);
	if (write && !done && *pos >= size && n)
		return -ENOSPC;
	return done ? (long)done : err;
}

static long blk_read(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	return blk_rw(f, buf, n, pos, false);
}

static long blk_write(struct file *f, const void *buf, size_t n, uint64_t *pos)
{
	return blk_rw(f, (void *)buf, n, pos, true);
}

static const struct file_operations blk_fops = {
	.read = blk_read, .write = blk_write,
};

/* --- the directory */

static struct devfs_node nodes[DEVFS_MAX_NODES] = {
	{ "null", S_IFCHR | 0666, CHR(1, 3), &null_fops, NULL },
	{ "zero", S_IFCHR | 0666, CHR(1, 5), &zero_fops, NULL },
	{ "console", S_IFCHR | 0600, CHR(5, 1), &tty_fops, NULL },
	{ "ttyS0", S_IFCHR | 0660, CHR(4, 64), &tty_fops, NULL },
	{ "tty", S_IFCHR | 0666, CHR(5, 0), &tty_fops, NULL },
	{ "tty1", S_IFCHR | 0620, CHR(4, 1), &vga_fops, NULL },
};
static int node_count = 6;

static int devfs_lookup(struct inode *dir, const char *name, size_t len,
			struct inode **out)
{
	(void)dir;
	for (int i = 0; i < node_count; i++) {
		if (strlen(nodes[i].name) == len && !memcmp(nodes[i].name, name, len)) {
			*out = igrab(nodes[i].inode);
			return 0;
		}
	}
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		*out = igrab(dir); /* the VFS goes over the mount point first */
		return 0;
	}
	return -ENOENT;
}

static int devfs_readdir(struct file *f, struct dir_context *ctx)
{
	struct inode *dir = f->inode;

	/* pos: 0 ".", 1 "..", 2.. the nodes */
	for (; ctx->pos < 2u + node_count; ctx->pos++) {
		uint64_t i = ctx->pos;
		int full;

		if (i == 0)
			full = ctx->emit(ctx, ".", 1, dir->ino, DT_DIR);
		else if (i == 1)
			full = ctx->emit(ctx, "..", 2, dir->ino, DT_DIR);
		else
			full = ctx->emit(ctx, nodes[i - 2].name,
					 strlen(nodes[i - 2].name),
					 nodes[i - 2].inode->ino,
					 S_ISBLK(nodes[i - 2].mode) ? DT_BLK : DT_CHR);
		if (full)
			break;
	}
	return 0;
}

static const struct inode_operations devfs_dir_iops = { .lookup = devfs_lookup };
static const struct file_operations devfs_dir_fops = { .readdir = devfs_readdir };
static const struct super_operations devfs_sops = { 0 };

static void add_block_devices(void)
{
	for (struct block_device *d = blockdev_first(); d; d = d->next) {
		if (node_count == DEVFS_MAX_NODES)
			break;
		nodes[node_count++] = (struct devfs_node){
			d->name, S_IFBLK | 0660, d->dev_id, &blk_fops, NULL
		};
	}
}

static struct inode *make_inode(struct super_block *sb, uint32_t ino,
				uint32_t mode, uint32_t rdev)
{
	struct inode *inode = inode_new(sb, ino);

	if (IS_ERR(inode))
		return inode;
	inode->mode = mode;
	inode->nlink = S_ISDIR(mode) ? 2 : 1;
	inode->rdev = rdev;
	inode->atime = inode->mtime = inode->ctime = vfs_now();
	return inode;
}

static struct super_block *devfs_mount(struct block_device *unused)
{
	static struct super_block sb = { .s_op = &devfs_sops, .fs_name = "devfs",
					 .magic = 0x01021994 /* TMPFS_MAGIC, as devtmpfs */,
					 .dev_id = CHR(0, 5) };
	struct inode *root;

	(void)unused;
	if (sb.root)
		return ERR_PTR(-EBUSY); /* one instance */
	add_block_devices();
	root = make_inode(&sb, DEVFS_ROOT_INO, S_IFDIR | 0755, 0);
	if (IS_ERR(root))
		return ERR_PTR(PTR_ERR(root));
	root->i_op = &devfs_dir_iops;
	root->i_fop = &devfs_dir_fops;
	for (int i = 0; i < node_count; i++) {
		struct inode *inode = make_inode(&sb, DEVFS_ROOT_INO + 1 + i,
						 nodes[i].mode, nodes[i].rdev);
		if (IS_ERR(inode))
			return ERR_PTR(PTR_ERR(inode));
		inode->i_fop = nodes[i].fops;
		if (S_ISBLK(nodes[i].mode)) {
			struct block_device *d = blockdev_find(nodes[i].name);
			inode->private = d;
			inode->size = d->sectors * SECTOR;
		}
		nodes[i].inode = inode; /* this reference is never dropped */
	}
	sb.root = root;
	return &sb;
}

struct filesystem_type devfs_fs_type = { .name = "devfs", .mount = devfs_mount };
