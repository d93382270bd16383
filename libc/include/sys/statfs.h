/* sys/statfs.h - statfs and fstatfs: the filesystem a path or a
 * descriptor is on, through statfs64/fstatfs64.  struct statfs has the
 * kernel's statfs64 layout (kernel/uapi/statfs.h), so block counts past
 * 4 G fit, as in musl. */
#ifndef _SYS_STATFS_H
#define _SYS_STATFS_H

#include <kernel/uapi/statfs.h>

struct statfs {
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

int statfs(const char *path, struct statfs *buf);
int fstatfs(int fd, struct statfs *buf);

#endif
