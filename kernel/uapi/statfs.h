/* kernel/uapi/statfs.h - what statfs64/fstatfs64 (268, 269) fill on Linux
 * i386 (asm-generic/statfs.h with x86's packed statfs64: 84 bytes), and
 * the older statfs/fstatfs (99, 100) with 32-bit counts (statfs32).  Shared by the
 * kernel and the libc; tests/unit/test_uapi.c checks the layouts against
 * the host's. */
#ifndef UAPI_STATFS_H
#define UAPI_STATFS_H

struct statfs64 {
	unsigned int f_type; /* the filesystem's magic number */
	unsigned int f_bsize;
	unsigned long long f_blocks; /* in f_frsize units */
	unsigned long long f_bfree;
	unsigned long long f_bavail; /* free to non-root users */
	unsigned long long f_files;
	unsigned long long f_ffree;
	int f_fsid[2];
	unsigned int f_namelen;
	unsigned int f_frsize;
	unsigned int f_flags;
	unsigned int f_spare[4];
} __attribute__((packed, aligned(4)));

/* Linux's asm struct statfs; named apart so that the libc's struct
 * statfs can be the 64-bit one, as musl's. */
struct statfs32 {
	unsigned int f_type;
	unsigned int f_bsize;
	unsigned int f_blocks;
	unsigned int f_bfree;
	unsigned int f_bavail;
	unsigned int f_files;
	unsigned int f_ffree;
	int f_fsid[2];
	unsigned int f_namelen;
	unsigned int f_frsize;
	unsigned int f_flags;
	unsigned int f_spare[4];
};

#endif
