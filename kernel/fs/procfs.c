/* kernel/fs/procfs.c - /proc: kernel state as text files.
 *
 * Each file is a function that writes its text into a buffer; a read
 * generates the text afresh and copies the part at the reader's offset,
 * so "cat /proc/meminfo" always shows the present.  Files: mounts (as
 * Linux's /proc/mounts), meminfo (Linux's field names, in kB), uptime,
 * bcache (the block cache's counters); and a directory per process with
 * /proc/self (procfs_pid.c).
 */
#include "kernel/bcache.h"
#include "kernel/err.h"
#include "kernel/format.h"
#include "kernel/fs/devfs.h"
#include "kernel/fs/procfs_internal.h"
#include "kernel/heap.h"
#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
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
			 "KernelHeapUsed: %8u kB\n",
			 (unsigned)(pmm_total_frames() * 4),
			 (unsigned)(pmm_free_frames() * 4), (unsigned)(bc.bytes / 1024),
			 (unsigned)(h->arena_bytes / 1024),
			 (unsigned)(h->used_bytes / 1024));
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
	{ "mounts", show_mounts, NULL },
	{ "meminfo", show_meminfo, NULL },
	{ "uptime", show_uptime, NULL },
	{ "bcache", show_bcache, NULL },
};
static struct inode *entry_inodes[ARRAY_SIZE(entries)];

/* The text of a file now: the system's, or its process's (-ESRCH if the
 * process has gone). */
static long render(struct inode *inode, char *text)
{
	const struct proc_file *e = inode->private;
	struct process *p;

	if (e->show)
		return (long)e->show(text, PROC_TEXT_MAX);
	p = proc_find(PROC_INO_PID(inode->ino));
	return p ? (long)e->show_pid(p, text, PROC_TEXT_MAX) : -ESRCH;
}

static long proc_read(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	char *text = kmalloc(PROC_TEXT_MAX);
	long got = text ? render(f->inode, text) : -ENOMEM;
	size_t len = got > 0 ? MIN((size_t)got, PROC_TEXT_MAX - 1) : 0;
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
	return procfs_pid_lookup(dir, name, len, out);
}

static int proc_readdir(struct file *f, struct dir_context *ctx)
{
	for (; ctx->pos < 2 + ARRAY_SIZE(entries); ctx->pos++) {
		uint64_t i = ctx->pos;
		int full;

		if (i == 0)
			full = ctx->emit(ctx, ".", 1, f->inode->ino, DT_DIR);
		else if (i == 1)
			full = ctx->emit(ctx, "..", 2, f->inode->ino, DT_DIR);
		else
			full = ctx->emit(ctx, entries[i - 2].name,
					 strlen(entries[i - 2].name),
					 entry_inodes[i - 2]->ino, DT_REG);
		if (full)
			return 0;
	}
	procfs_pid_readdir(ctx, 2 + ARRAY_SIZE(entries));
	return 0;
}

static const struct inode_operations proc_dir_iops = { .lookup = proc_lookup };
static const struct file_operations proc_dir_fops = { .readdir = proc_readdir };
static const struct super_operations proc_sops = {
	.read_inode = procfs_pid_read_inode, /* the rest stay cached */
};

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
	root->nlink = 2;
	root->i_op = &proc_dir_iops;
	root->i_fop = &proc_dir_fops;
	for (size_t i = 0; i < ARRAY_SIZE(entries); i++) {
		struct inode *inode = inode_new(&sb, PROC_ROOT_INO + 1 + i);
		if (IS_ERR(inode))
			return ERR_PTR(PTR_ERR(inode));
		inode->mode = S_IFREG | 0444;
		inode->nlink = 1;
		inode->i_fop = &proc_text_fops;
		inode->private = (void *)&entries[i];
		inode->atime = inode->mtime = inode->ctime = vfs_now();
		entry_inodes[i] = inode; /* kept for good */
	}
	sb.root = root;
	return &sb;
}

struct filesystem_type procfs_fs_type = { .name = "proc", .mount = procfs_mount };
