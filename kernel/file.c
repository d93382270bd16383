/* kernel/file.c - open file descriptions (struct file).
 *
 * A description is what open() makes: an offset, the open flags and the
 * operations of the kind of file.  fork() and dup() share one description
 * (so they share the offset); the last file_put() releases it.
 */
#include "kernel/kmalloc.h"
#include "kernel/vfs.h"

struct file *file_alloc(struct inode *inode, const struct file_operations *f_op,
			uint32_t flags)
{
	struct file *f = kzalloc(sizeof(*f));

	if (!f)
		return NULL;
	f->refcount = 1;
	f->flags = flags;
	f->inode = inode ? igrab(inode) : NULL;
	if (inode && (flags & O_ACCMODE) != O_RDONLY)
		inode->write_count++;
	f->f_op = f_op;
	return f;
}

struct file *file_get(struct file *f)
{
	f->refcount++;
	return f;
}

void file_put(struct file *f)
{
	if (!f || --f->refcount)
		return;
	if (f->f_op && f->f_op->release)
		f->f_op->release(f);
	if (f->inode && (f->flags & O_ACCMODE) != O_RDONLY)
		f->inode->write_count--;
	iput(f->inode);
	kfree(f);
}
