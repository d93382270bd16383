/* kernel/vm_file.c - file mappings: mmap of a regular file.
 *
 * A file region is a region (struct vma) that holds a reference to the
 * open file description it maps and the file page at its start, so the
 * descriptor may be closed once mmap returns; the reference goes when
 * the region does (munmap, a mapping over it, exit, execve), and fork's
 * copy takes one of its own.
 *
 * Pages come on demand: the first touch of a page reads its bytes from
 * the file into a fresh frame of the process's own (the rest of the last
 * page of the file is zeros).  There is no page cache, so every mapping
 * has private copies, and MAP_PRIVATE's copy-on-write is vm.c's:
 * a write goes to the private frame (after fork, to a copy of it) and
 * never reaches the file nor any other mapping.  MAP_SHARED is allowed
 * read-only, where a private copy cannot be told apart from a shared
 * page as long as nobody writes the file (a write() to the file after
 * the page was read is not seen; Linux shows it).  Writable MAP_SHARED
 * would need the writes to reach the file and other mappings: -ENODEV
 * with a log line, and mprotect refuses to make a shared region
 * writable (-EACCES).
 *
 * A page wholly past the end of the file is SIGBUS for the program
 * touching it (si_code BUS_ADRERR, as Linux), -EFAULT for a system call
 * copying to or from it.  /dev/zero maps as anonymous memory, as Linux.
 *
 * Reading a page sleeps for the disk under fs_lock, which a system call
 * copying to or from a mapped page may hold already (read() into a file
 * mapping): then the read goes ahead under the caller's hold, the block
 * cache and ext2 being between operations at any copy.  After the sleep
 * the region is looked up again: another thread may have mapped the page
 * or unmapped the region meanwhile, and then the access is simply tried
 * again.
 */
#include "kernel/vm_file.h"

#include "kernel/kernel.h"
#include "kernel/mutex.h"
#include "kernel/pmm.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/string.h"
#include "kernel/trap.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/mman.h"
#include "kernel/vfs.h"
#include "kernel/vm.h"
#include "kernel/x86.h"

#define DEV_ZERO ((1u << 8) | 5) /* char 1,5 */
#define PAST_EOF 1 /* read_page: no byte of the page is in the file */

extern struct mutex fs_lock;

static bool is_dev_zero(const struct inode *inode)
{
	return inode && S_ISCHR(inode->mode) && inode->rdev == DEV_ZERO;
}

bool vm_file_anonymous(struct file *f)
{
	return is_dev_zero(f->inode);
}

int vm_file_check(struct file *f, uint32_t prot, uint32_t flags, uint32_t len,
		  uint32_t pgoff)
{
	static bool said;
	uint32_t mode = f->flags & O_ACCMODE;
	bool shared = (flags & MAP_TYPE) == MAP_SHARED;
	struct inode *inode = f->inode;

	if ((uint64_t)pgoff + len / PAGE_SIZE > UINT32_MAX)
		return -EOVERFLOW;
	/* Linux's order: write access, read access, then the kind of file */
	if (shared && (prot & PROT_WRITE) && mode == O_RDONLY)
		return -EACCES;
	if (mode == O_WRONLY)
		return -EACCES;
	if (is_dev_zero(inode))
		return 0;
	if (!inode || !S_ISREG(inode->mode) || !inode->sb->bdev)
		return -ENODEV; /* pipes, sockets, directories, /proc */
	if (shared && (prot & PROT_WRITE)) {
		if (!said)
			printk("mmap: writable MAP_SHARED file mappings are not "
			       "supported (-ENODEV)\n");
		said = true;
		return -ENODEV;
	}
	return 0;
}

int vm_file_map(struct mm *mm, uint32_t addr, uint32_t len, uint32_t vm_flags,
		struct file *f, uint32_t pgoff)
{
	int err = mm_map(mm, addr, len, vm_flags);
	struct vma *v;

	if (err)
		return err;
	v = mm_find_vma(mm, addr); /* the new region starts there */
	v->file = file_get(f);
	v->pgoff = pgoff;
	return 0;
}

void vm_file_split(const struct vma *v, struct vma *rest)
{
	if (!v->file)
		return;
	file_get(rest->file);
	rest->pgoff = v->pgoff + (rest->start - v->start) / PAGE_SIZE;
}

void vm_file_dup(struct vma *v)
{
	if (v->file)
		file_get(v->file);
}

void vm_file_drop(struct vma *v)
{
	file_put(v->file); /* (NULL: nothing) */
	v->file = NULL;
}

/* Where in the file the page at va of region v is. */
static uint64_t page_pos(const struct vma *v, uint32_t va)
{
	return ((uint64_t)v->pgoff + (va - v->start) / PAGE_SIZE) * PAGE_SIZE;
}

/* Reads the file's bytes of the page at pos into buf (a zeroed kernel
 * page): 0, PAST_EOF, or -errno.  Sleeps. */
static int read_page(struct file *f, uint64_t pos, void *buf)
{
	bool held = fs_lock.owner == current; /* faulted inside a file call */
	long n = 0;

	if (!held)
		mutex_lock(&fs_lock);
	if (pos < f->inode->size)
		n = vfs_pread(f, buf, MIN(f->inode->size - pos, PAGE_SIZE), pos);
	if (!held)
		mutex_unlock(&fs_lock);
	if (n < 0)
		return (int)n;
	return pos < f->inode->size ? 0 : PAST_EOF;
}

/* No file behind the page (or it could not be read): SIGBUS for the
 * program, -EFAULT for a system call's copy. */
static int bus_error(uint32_t addr, uint32_t err)
{
	struct process *p = current_proc();

	if (!(err & PF_USER))
		return -EFAULT;
	printk("pid %d tid %d (%s): bus error at address %08x (not in the "
	       "mapped file): signal %d\n", p->pid, current->tid, p->name,
	       addr, SIGBUS);
	signal_fault(SIGBUS, BUS_ADRERR, addr);
	return 0; /* the handler runs first; a retry faults again */
}

int vm_file_fault(struct mm *mm, uint32_t addr, uint32_t err)
{
	uint32_t va = ALIGN_DOWN(addr, PAGE_SIZE);
	struct vma *v = mm_find_vma(mm, va);
	struct file *f = file_get(v->file); /* the region may go while we sleep */
	uint64_t pos = page_pos(v, va);
	uint32_t irq_on = read_eflags() & EFLAGS_IF;
	uintptr_t pa = pmm_alloc();
	int r = -ENOMEM;

	if (pa) {
		memset(P2V(pa), 0, PAGE_SIZE);
		sti(); /* the disk's interrupt must come, as in a system call */
		r = read_page(f, pos, P2V(pa));
		if (!irq_on)
			cli();
	}
	if (r == 0) {
		v = mm_find_vma(mm, va);
		r = v && v->file == f && page_pos(v, va) == pos
			    ? mm_install_page(mm, va, pa) : -EEXIST;
	}
	if (r && pa)
		pmm_free(pa);
	file_put(f);
	if (r == -EEXIST)
		return 0; /* changed while we slept: try the access again */
	if (r == PAST_EOF || r == -EIO)
		return bus_error(addr, err);
	return r;
}
