/* kernel/inode.c - the in-memory inode cache.
 *
 * Every inode in use is in memory exactly once, found by (super_block,
 * inode number) in a small hash table, so that all the open files and
 * lookups of one file share its size and times.  The reference count says
 * who uses it; when the last reference goes the inode leaves memory: it is
 * written back first if dirty, or freed on disk if it has no links left
 * (a file unlinked while open lives until its last close, as in Unix).
 */
#include "kernel/err.h"
#include "kernel/kmalloc.h"
#include "kernel/printk.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "kernel/vfs.h"

#define ICACHE_SIZE 256

static struct inode *icache[ICACHE_SIZE];

static struct inode **bucket(struct super_block *sb, uint32_t ino)
{
	return &icache[((uintptr_t)sb / 16 + ino) % ICACHE_SIZE];
}

static struct inode *find(struct super_block *sb, uint32_t ino)
{
	for (struct inode *i = *bucket(sb, ino); i; i = i->hash_next)
		if (i->sb == sb && i->ino == ino)
			return i;
	return NULL;
}

static void unhash(struct inode *inode)
{
	struct inode **p = bucket(inode->sb, inode->ino);

	while (*p && *p != inode)
		p = &(*p)->hash_next;
	if (*p)
		*p = inode->hash_next;
}

struct inode *inode_new(struct super_block *sb, uint32_t ino)
{
	struct inode *inode = kzalloc(sizeof(*inode));
	struct inode **b = bucket(sb, ino);

	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->sb = sb;
	inode->ino = ino;
	inode->refcount = 1;
	inode->hash_next = *b;
	*b = inode;
	return inode;
}

struct inode *iget(struct super_block *sb, uint32_t ino)
{
	struct inode *inode = find(sb, ino);
	int err;

	if (inode)
		return igrab(inode);
	inode = inode_new(sb, ino);
	if (IS_ERR(inode))
		return inode;
	err = sb->s_op->read_inode(inode);
	if (err) {
		unhash(inode);
		kfree(inode);
		return ERR_PTR(err);
	}
	return inode;
}

struct inode *igrab(struct inode *inode)
{
	inode->refcount++;
	return inode;
}

void mark_inode_dirty(struct inode *inode)
{
	inode->dirty = true;
}

static int write_back(struct inode *inode)
{
	int err;

	if (!inode->dirty || !inode->sb->s_op->write_inode)
		return 0;
	err = inode->sb->s_op->write_inode(inode);
	if (!err)
		inode->dirty = false;
	return err;
}

void iput(struct inode *inode)
{
	const struct super_operations *ops;

	if (!inode)
		return;
	if (!inode->refcount) {
		pr_err("vfs: iput of unreferenced inode %u\n", inode->ino);
		return;
	}
	if (--inode->refcount)
		return;
	ops = inode->sb->s_op;
	if (!inode->nlink && ops->evict_inode && !inode->sb->read_only)
		ops->evict_inode(inode);
	else
		write_back(inode);
	if (ops->release_inode)
		ops->release_inode(inode);
	unhash(inode);
	iput(inode->parent);
	kfree(inode);
}

void inode_set_parent(struct inode *dir, struct inode *parent)
{
	if (dir->parent == parent || dir == parent)
		return;
	iput(dir->parent);
	dir->parent = igrab(parent);
}

int sync_inodes(struct super_block *sb)
{
	int err = 0;

	for (int i = 0; i < ICACHE_SIZE; i++) {
		for (struct inode *inode = icache[i]; inode; inode = inode->hash_next) {
			if (!sb || inode->sb == sb) {
				int e = write_back(inode);
				err = err ?: e;
			}
		}
	}
	return err;
}

int64_t vfs_now(void)
{
	return time_realtime();
}
