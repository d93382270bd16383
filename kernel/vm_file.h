/* kernel/vm_file.h - file mappings: mmap of a regular file (see
 * vm_file.c).  sys_mmap2 calls vm_file_check and vm_file_map; the rest
 * are vm.c's hooks for regions with a file.
 */
#ifndef KERNEL_VM_FILE_H
#define KERNEL_VM_FILE_H

#include <stdbool.h>
#include <stdint.h>

struct file;
struct mm;
struct vma;

/* May file f be mapped with these PROT_* and MAP_* bits, len bytes from
 * page pgoff?  0, or Linux's error: -EACCES (not open for reading; a
 * writable MAP_SHARED of a descriptor not open for writing), -ENODEV
 * (not a file on a disk filesystem; writable MAP_SHARED, not done here),
 * -EOVERFLOW (the last page's number does not fit). */
int vm_file_check(struct file *f, uint32_t prot, uint32_t flags, uint32_t len,
		  uint32_t pgoff);
/* True if mapping f means anonymous memory (/dev/zero). */
bool vm_file_anonymous(struct file *f);
/* Maps [addr, addr+len) (page aligned, replacing what was there) to f
 * from page pgoff, with VM_* flags (VM_SHARED for MAP_SHARED); the
 * region takes a reference to f.  0 or -ENOMEM. */
int vm_file_map(struct mm *mm, uint32_t addr, uint32_t len, uint32_t vm_flags,
		struct file *f, uint32_t pgoff);

/* vm_fault's: a missing page of a file region at addr.  Reads it (may
 * sleep), maps it; a page wholly past the end of the file is SIGBUS for
 * a user access (Linux's), -EFAULT for the kernel's copy routines. */
int vm_file_fault(struct mm *mm, uint32_t addr, uint32_t err);
/* Region v was split at rest->start: rest takes its own reference and
 * starts at a later file page. */
void vm_file_split(const struct vma *v, struct vma *rest);
/* v is a copy (fork) of a region: it takes its own reference. */
void vm_file_dup(struct vma *v);
/* Region v goes: drops its reference (if it has a file). */
void vm_file_drop(struct vma *v);

#endif
