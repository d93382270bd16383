/* kernel/uapi/stat.h - struct stat64 as Linux i386 fills it for stat64,
 * lstat64, fstat64 and fstatat64 (arch/x86/include/uapi/asm/stat.h): 96
 * bytes, 64-bit dev/ino/size/blocks, a truncated inode number in __st_ino.
 * The times are struct timespec (same bytes as Linux's st_atime and
 * st_atime_nsec pairs).  Shared by the kernel and the libc; the host test
 * tests/unit/test_uapi_layout.c checks every offset against the host's. */
#ifndef UAPI_STAT_H
#define UAPI_STAT_H

#include "kernel/uapi/time.h"

/* utimensat's special tv_nsec values */
#define UTIME_NOW ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)

struct stat64 {
	unsigned long long st_dev;
	unsigned char __pad0[4];
	unsigned long __st_ino; /* the low 32 bits of st_ino */
	unsigned int st_mode;
	unsigned int st_nlink;
	unsigned long st_uid;
	unsigned long st_gid;
	unsigned long long st_rdev;
	unsigned char __pad3[4];
	long long st_size;
	unsigned long st_blksize;
	unsigned long long st_blocks; /* in 512-byte units */
	struct timespec st_atim;
	struct timespec st_mtim;
	struct timespec st_ctim;
	unsigned long long st_ino;
};

#endif
