/* sys/mman.h - memory mappings: anonymous, and of regular files (MAP_SHARED read-only). */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <bits/alltypes.h>
#include <kernel/uapi/mman.h>

#define MAP_FAILED ((void *)-1)

/* offset must be a multiple of 4096 (the call is mmap2) */
void *mmap(void *addr, size_t length, int prot, int flags, int fd,
	   off_t offset);
int munmap(void *addr, size_t length);
int mprotect(void *addr, size_t length, int prot);

#endif
