/* libc/mman/mmap.c - mmap through mmap2 (offset in 4096-byte units),
 * munmap, mprotect. */
#include <errno.h>
#include <sys/mman.h>

#include "libc/internal/syscall.h"

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
	if (offset & 4095 || offset < 0 || (unsigned long long)offset >> 44) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	return (void *)__syscall_ret(
	    __syscall6(SYS_mmap2, addr, length, prot, flags, fd,
		       (unsigned long)(offset >> MMAP2_SHIFT)));
}

int munmap(void *addr, size_t length)
{
	return __syscall_ret(__syscall2(SYS_munmap, addr, length));
}

int mprotect(void *addr, size_t length, int prot)
{
	return __syscall_ret(__syscall3(SYS_mprotect, addr, length, prot));
}
