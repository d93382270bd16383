/* kernel/vm.h - user address spaces.
 *
 * A process's address space (struct mm) is a page directory whose kernel
 * half is shared with every other one, plus a sorted list of regions
 * (struct vma) saying which user addresses may exist and how they may be
 * used.  Pages are made on first touch: a fault inside a region maps a
 * zeroed page (demand zero) or, on a write to a page shared after fork,
 * copies it (copy-on-write).  A fault outside every region, or against a
 * region's protection, is the process's fault (SIGSEGV).  Frames mapped
 * into user space are reference counted so fork can share them.  An
 * mm itself is shared by the processes clone(CLONE_VM) makes (vfork,
 * posix_spawn) and counts them: the last to exit or execve frees it.
 */
#ifndef KERNEL_VM_H
#define KERNEL_VM_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/paging.h"

#define USER_TOP 0xC0000000u /* first address above user space */
#define USER_STACK_SIZE (8u << 20) /* the main thread's stack region */
#define MMAP_BASE 0x40000000u /* where mmap(NULL, ...) starts looking */

#define VM_READ 0x1u
#define VM_WRITE 0x2u
#define VM_EXEC 0x4u
#define VM_SHARED 0x8u /* MAP_SHARED of a file: never writable (vm_file.c) */

struct file;

struct vma {
	uint32_t start, end; /* page aligned, end exclusive */
	uint32_t flags; /* VM_* */
	/* A file mapping (vm_file.c): the file, referenced while the
	 * region lasts, and the file page at start.  NULL: anonymous. */
	struct file *file;
	uint32_t pgoff;
	struct vma *next; /* sorted by address */
};

struct mm {
	pde_t *pd; /* kernel-virtual address of the page directory */
	struct vma *vmas;
	uint32_t brk_start, brk; /* the heap region is [brk_start, brk) */
	uint32_t pages; /* user pages mapped, for accounting */
	/* processes using it: 1, more after clone(CLONE_VM) without
	 * CLONE_THREAD (vfork, posix_spawn); the last mm_put destroys it */
	int users;
};

/* Sets up frame reference counts (after pmm_init). */
void vm_init(void);
/* An empty address space; NULL without memory. */
struct mm *mm_create(void);
/* Frees every user page (or drops its share), the tables and mm: for
 * an mm nobody else uses (a new one that failed to load); else mm_put. */
void mm_destroy(struct mm *mm);
/* One more process uses mm (a CLONE_VM child); returns mm. */
struct mm *mm_get(struct mm *mm);
/* A process stops using mm (exit, execve): the last one destroys it.
 * NULL: nothing. */
void mm_put(struct mm *mm);
/* A copy-on-write duplicate of mm for fork; NULL without memory. */
struct mm *mm_fork(struct mm *mm);
/* Loads mm's page directory into CR3 (NULL: the kernel's). */
void mm_activate(struct mm *mm);
/* Adds the region [start, start+len) with flags (replacing what overlaps
 * it): 0 or -ENOMEM / -EINVAL. */
int mm_map(struct mm *mm, uint32_t start, uint32_t len, uint32_t flags);
/* Removes [start, start+len) and frees its pages: 0 or -EINVAL. */
int mm_unmap(struct mm *mm, uint32_t start, uint32_t len);
/* Changes the flags of [start, start+len), which must all be mapped
 * (-ENOMEM); write access to a MAP_SHARED file region is -EACCES. */
int mm_protect(struct mm *mm, uint32_t start, uint32_t len, uint32_t flags);
/* True if no region overlaps [start, start+len). */
bool mm_range_free(struct mm *mm, uint32_t start, uint32_t len);
/* A free range of len bytes at or above hint (0 if none). */
uint32_t mm_find_free(struct mm *mm, uint32_t len, uint32_t hint);
/* Gives every page of [start, start+len) (all in regions) its frame now,
 * as a first touch would: 0, or -ENOMEM when memory runs out.  Pages of
 * file regions are left to their first touch. */
int mm_populate(struct mm *mm, uint32_t start, uint32_t len);
/* Resolves a page fault at addr (err: the CPU's error code) in mm:
 * 0 if the access may now proceed (or should be tried again), -EFAULT if
 * it is not allowed.  May sleep reading a file mapping's page. */
int vm_fault(struct mm *mm, uint32_t addr, uint32_t err);
/* The region containing addr, or NULL. */
struct vma *mm_find_vma(struct mm *mm, uint32_t addr);
/* Maps frame pa, filled and not yet mapped anywhere, at addr's page
 * (in a region): 0, -EEXIST if that page is there already (the frame is
 * the caller's still), -EFAULT outside every region, -ENOMEM. */
int mm_install_page(struct mm *mm, uint32_t addr, uintptr_t pa);
/* True if [addr, addr+len) lies in user space (no wrap-around). */
bool user_range_ok(uint32_t addr, uint32_t len);

#endif
