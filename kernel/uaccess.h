/* kernel/uaccess.h - copying between the kernel and a caller's buffer.
 *
 * File operations move data to and from the buffer a read()/write() was
 * given with copy_out()/copy_in(), never with memcpy, because that buffer
 * may be a user program's.  The system-call layer checks that a user
 * buffer lies below KERNEL_VBASE before the call; these functions then
 * survive an unmapped page by returning -EFAULT (the page-fault handler
 * resumes a faulting copy at its error exit).  The host build of the
 * filesystem code provides them as memcpy.
 */
#ifndef KERNEL_UACCESS_H
#define KERNEL_UACCESS_H

#include <stdbool.h>
#include <stddef.h>

/* Copies n bytes from kernel memory src to the caller's dst: 0 or -EFAULT. */
int copy_out(void *dst, const void *src, size_t n);
/* Copies n bytes from the caller's src to kernel memory dst: 0 or -EFAULT. */
int copy_in(void *dst, const void *src, size_t n);
/* The system calls' versions: the user pointer must lie in user space
 * (a kernel address from a program is -EFAULT, never a kernel copy). */
int copy_to_user(void *udst, const void *src, size_t n);
int copy_from_user(void *dst, const void *usrc, size_t n);
/* Copies the NUL-terminated user string src into dst (size bytes): its
 * length, -EFAULT, or -ENAMETOOLONG if it does not fit. */
long copy_string_in(char *dst, const char *src, size_t size);

struct trap_frame;
/* A kernel fault inside a user copy: moves tf to the copy's error exit
 * and returns true; false if the fault was anywhere else. */
bool uaccess_fixup(struct trap_frame *tf);

#endif
