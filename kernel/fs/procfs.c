/* kernel/fs/procfs.c - /proc: kernel state as text files.
 *
 * Each file is a function that writes its text into a buffer; a read
 * generates the text afresh and copies the part at the reader's offset,
 * so "cat /proc/meminfo" always shows the present.  Files: mounts (as
 * Linux's /proc/mounts), meminfo (Linux's field names, in kB, and the
 * kernel heap's: KernelHeapUsed and KernelStack are where a leak of
 * kernel memory shows), uptime,
 * bcache (the block cache's counters); the directory net/ (the network:
 * its files' text is net/procfs_net.c's); and a directory per process
 * with /proc/self (procfs_pid.c).
 */
#include "kernel/bcache.h"
#include "kernel/err.h"
#include "kernel/format.h"
#include "kernel/fs/devfs.h"
#include "kernel/fs/procfs_internal.h"
#include "kernel/heap.h"
#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/panic.h"
#include "kernel/pmm.h"
#include "kernel/proc.h"
#include "kernel/string.h"
#include "kernel/time.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/errno.h"
#include "kernel/vfs.h"


static size_t show_mounts(char *buf, size_t size)
{
	return vfs_format_mounts(buf, size);
}

static size_t show_meminfo(char *buf, size_t size)
{
	struct heap *h = kernel_heap();
	struct bcache_stats bc;

	bcache_get_stats(&bc);
	return ksnprintf(buf, size,
			 "MemTotal:       %8u kB\n"
			 "MemFree:        %8u kB\n"
			 "Buffers:        %8u kB\n"
			 "KernelHeap:     %8u kB\n"
			 "KernelHeapUsed: %8u kB\n"
			 "KernelStack:    %8u kB\n",
			 (unsigned)(pmm_total_frames() * 4),
			 (unsigned)(pmm_free_frames() * 4), (unsigned)(bc.bytes / 1024),
			 (unsigned)(h->arena_bytes / 1024),
			 (unsigned)(h->used_bytes / 1024),
			 task_stacks() * (KSTACK_SIZE / 1024));
}

static size_t show_uptime(char *buf, size_t size)
{
	uint64_t ns = time_ns();

	return ksnprintf(buf, size, "%u.%02u\n", (unsigned)(ns / 1000000000u),
			 (unsigned)(ns % 1000000000u / 10000000u));
}

static size_t show_bcache(char *buf, size_t size)
{
	struct bcache_stats s;

	bcache_get_stats(&s);
	return ksnprintf(buf, size,
			 "hits %llu\nmisses %llu\nreadahead %llu\n"
			 "disk_reads %llu\ndisk_writes %llu\nbuffers %u\n"
			 "dirty %u\nbytes %u\nlimit %u\n",
			 s.hits, s.misses, s.readahead, s.disk_reads,
			 s.disk_writes, s.buffers, s.dirty, (unsigned)s.bytes,
			 (unsigned)s.limit);
}

static const struct proc_file entries[] = {
	{ .name = "mounts", .show = show_mounts },
	{ .name = "meminfo", .show = show_meminfo },
	{ .name = "uptime", .show = show_uptime },
	{ .name = "bcache", .show = show_bcache },
};
static struct inode *entry_inodes[ARRAY_SIZE(entries)];

#define NET_FILES_MAX (PROC_SELF_INO - PROC_NET_INO - 1)
static struct inode *net_dir, *net_inodes[NET_FILES_MAX];

/* The text of a file now into text[size]: the system's, or its
 * process's or thread's (-ESRCH if it has gone).  Returns the length the
 * whole text has, which may be more than fits. */
static long render(struct inode *inode, char *text, size_t size)
{
	const struct proc_file *e = inode->private;
	struct process *p;
	struct task *t;

	if (e->show)
		return (long)e->show(text, size);
	if (e->show_task) {
		t = proc_find_thread(PROC_INO_PID(inode->ino));
		return t ? (long)e->show_task(t, text, size) : -ESRCH;
	}
	p = proc_find(PROC_INO_PID(inode->ino));
	return p ? (long)e->show_pid(p, text, size) : -ESRCH;
}

/* Renders the file into a buffer big enough for all its text (up to
 * PROC_TEXT_LIMIT): *text is the caller's to kfree.  Returns the length
 * or -errno. */
static long render_all(struct inode *inode, char **text)
{
	size_t size = PROC_TEXT_MAX;
	long got;

	for (;;) {
		*text = kmalloc(size);
		if (!*text)
			return -ENOMEM;
		got = render(inode, *text, size);
		if (got < (long)size || size == PROC_TEXT_LIMIT)
			return got < 0 ? got : MIN(got, (long)size - 1);
		kfree(*text);
		size = MIN((size_t)got + 1, PROC_TEXT_LIMIT);
	}
}

static long proc_read(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	char *text = NULL;
	long got = render_all(f->inode, &text);
	size_t len = got > 0 ? (size_t)got : 0;
	long ret = got < 0 ? got : 0;

	if (*pos < len) {
		size_t c = MIN(n, len - (size_t)*pos);
		ret = copy_out(buf, text + *pos, c) ? -EFAULT : (long)c;
		if (ret > 0)
			*pos += c;
	}
	kfree(text);
	return ret;
}

const struct file_operations proc_text_fops = { .read = proc_read };

static int proc_lookup(struct inode *dir, const char *name, size_t len,
		       struct inode **out)
{
	for (size_t i = 0; i < ARRAY_SIZE(entries); i++) {
		if (strlen(entries[i].name) == len && !memcmp(entries[i].name, name, len)) {
			*out = igrab(entry_inodes[i]);
			return 0;
		}
	}
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		*out = igrab(dir);
		return 0;
	}
	if (len == 3 && !memcmp(name, "net", 3)) {
		*out = igrab(net_dir);
		return 0;
	}
	return procfs_pid_lookup(dir, name, len, out);
}

/* --- /proc/net: a directory of system-wide text files */

static int net_lookup(struct inode *dir, const char *name, size_t len,
		      struct inode **out)
{
	for (size_t i = 0; i < proc_net_file_count; i++) {
		if (strlen(proc_net_files[i].name) == len &&
		    !memcmp(proc_net_files[i].name, name, len)) {
			*out = igrab(net_inodes[i]);
			return 0;
		}
	}
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		*out = igrab(dir->sb->root);
		return 0;
	}
	return -ENOENT;
}

static int net_readdir(struct file *f, struct dir_context *ctx)
{
	for (; ctx->pos < 2 + proc_net_file_count; ctx->pos++) {
		size_t i = (size_t)ctx->pos - 2;
		int full;

		if (ctx->pos == 0)
			full = ctx->emit(ctx, ".", 1, f->inode->ino, DT_DIR);
		else if (ctx->pos == 1)
			full = ctx->emit(ctx, "..", 2, PROC_ROOT_INO, DT_DIR);
		else
			full = ctx->emit(ctx, proc_net_files[i].name,
					 strlen(proc_net_files[i].name),
					 net_inodes[i]->ino, DT_REG);
		if (full)
			return 0;
	}
	return 0;
}

static const struct inode_operations net_dir_iops = { .lookup = net_lookup };
static const struct file_operations net_dir_fops = { .readdir = net_readdir };

static int proc_readdir(struct file *f, struct dir_context *ctx)
{
	for (; ctx->pos < 3 + ARRAY_SIZE(entries); ctx->pos++) {
		uint64_t i = ctx->pos;
		int full;

		if (i == 0)
			full = ctx->emit(ctx, ".", 1, f->inode->ino, DT_DIR);
		else if (i == 1)
			full = ctx->emit(ctx, "..", 2, f->inode->ino, DT_DIR);
		else if (i == 2 + ARRAY_SIZE(entries))
			full = ctx->emit(ctx, "net", 3, PROC_NET_INO, DT_DIR);
		else
			full = ctx->emit(ctx, entries[i - 2].name,
					 strlen(entries[i - 2].name),
					 entry_inodes[i - 2]->ino, DT_REG);
		if (full)
			return 0;
	}
	procfs_pid_readdir(ctx, 3 + ARRAY_SIZE(entries));
	return 0;
}

static const struct inode_operations proc_dir_iops = { .lookup = proc_lookup };
static const struct file_operations proc_dir_fops = { .readdir = proc_readdir };
static const struct super_operations proc_sops = {
	.read_inode = procfs_pid_read_inode, /* the rest stay cached */
};

/* A system-wide text file's inode, kept for good (the caller holds it). */
static struct inode *text_inode(struct super_block *sb, uint32_t ino,
				const struct proc_file *e)
{
	struct inode *inode = inode_new(sb, ino);

	if (IS_ERR(inode))
		return inode;
	inode->mode = S_IFREG | 0444;
	inode->nlink = 1;
	inode->i_fop = &proc_text_fops;
	inode->private = (void *)e;
	inode->atime = inode->mtime = inode->ctime = vfs_now();
	return inode;
}

static struct super_block *procfs_mount(struct block_device *unused)
{
	static struct super_block sb = { .s_op = &proc_sops, .fs_name = "proc",
					 .magic = 0x9fa0 /* PROC_SUPER_MAGIC */,
					 .dev_id = 4 };
	struct inode *root;

	(void)unused;
	if (sb.root)
		return ERR_PTR(-EBUSY);
	root = inode_new(&sb, PROC_ROOT_INO);
	if (IS_ERR(root))
		return ERR_PTR(PTR_ERR(root));
	root->mode = S_IFDIR | 0555;
	root->nlink = 3;
	root->i_op = &proc_dir_iops;
	root->i_fop = &proc_dir_fops;
	net_dir = inode_new(&sb, PROC_NET_INO);
	if (IS_ERR(net_dir))
		return ERR_PTR(PTR_ERR(net_dir));
	net_dir->mode = S_IFDIR | 0555;
	net_dir->nlink = 2;
	net_dir->i_op = &net_dir_iops;
	net_dir->i_fop = &net_dir_fops;
	net_dir->atime = net_dir->mtime = net_dir->ctime = vfs_now();
	for (size_t i = 0; i < ARRAY_SIZE(entries); i++) {
		entry_inodes[i] = text_inode(&sb, PROC_ROOT_INO + 1 + i, &entries[i]);
		if (IS_ERR(entry_inodes[i]))
			return ERR_PTR(PTR_ERR(entry_inodes[i]));
	}
	BUG_ON(proc_net_file_count > NET_FILES_MAX);
	for (size_t i = 0; i < proc_net_file_count; i++) {
		net_inodes[i] = text_inode(&sb, PROC_NET_INO + 1 + i, &proc_net_files[i]);
		if (IS_ERR(net_inodes[i]))
			return ERR_PTR(PTR_ERR(net_inodes[i]));
	}
	sb.root = root;
	return &sb;
}

struct filesystem_type procfs_fs_type = { .name = "proc", .mount = procfs_mount };
