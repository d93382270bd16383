/* kernel/fs/fs_init.c - registering the filesystems and mounting the tree
 * at boot: ext2 from the first disk on "/", devfs on /dev, procfs on
 * /proc; and unmounting everything cleanly at power-off.
 */
#include "kernel/bcache.h"
#include "kernel/fs/devfs.h"
#include "kernel/fs/ext2/ext2.h"
#include "kernel/fs/fs_init.h"
#include "kernel/kernel.h"
#include "kernel/pmm.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/vfs.h"

#define ROOT_DEVICE "hda"

/* Prints the names in the root directory, as proof the mount worked. */
struct listing {
	struct dir_context ctx;
	char line[256];
	size_t len;
};

static int add_name(struct dir_context *ctx, const char *name, size_t len,
		    uint32_t ino, unsigned type)
{
	struct listing *l = container_of(ctx, struct listing, ctx);

	(void)ino, (void)type;
	if (l->len + len + 2 >= sizeof(l->line))
		return 1;
	l->line[l->len++] = ' ';
	memcpy(l->line + l->len, name, len);
	l->len += len;
	l->line[l->len] = '\0';
	return 0;
}

static void list_root(void)
{
	struct listing l = { .ctx.emit = add_name };
	struct file *f;

	if (vfs_open("/", O_RDONLY | O_DIRECTORY, 0, &f))
		return;
	vfs_readdir(f, &l.ctx);
	vfs_close(f);
	printk("vfs: / holds:%s\n", l.line);
}

static void mount_or_warn(const char *dev, const char *path, const char *type)
{
	int err = vfs_mount(dev, path, type);

	if (err)
		pr_err("vfs: cannot mount %s on %s (%d)\n", type, path, err);
}

void fs_init(void)
{
	int err;

	register_filesystem(&ext2_fs_type);
	register_filesystem(&devfs_fs_type);
	register_filesystem(&procfs_fs_type);
	/* A quarter of free memory for the block cache. */
	bcache_set_limit(pmm_free_frames() * PAGE_SIZE / 4);
	err = vfs_mount(ROOT_DEVICE, "/", "ext2");
	if (err) {
		pr_err("vfs: no root filesystem: mounting %s failed (%d)\n",
		       ROOT_DEVICE, err);
		return;
	}
	mount_or_warn(NULL, "/dev", "devfs");
	mount_or_warn(NULL, "/proc", "proc");
	list_root();
}

void fs_shutdown(void)
{
	if (vfs_root() && vfs_unmount_all())
		pr_err("vfs: some data could not be written at power-off\n");
}
