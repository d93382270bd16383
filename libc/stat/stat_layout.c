/* libc/stat/stat_layout.c - compile-time proof that the libc's struct
 * stat is the kernel's struct stat64 (kernel/uapi/stat.h), byte for byte.
 * No code. */
#include <stddef.h>
#include <sys/stat.h>

#include "kernel/uapi/stat.h"

#define SAME(f)                                                                \
	_Static_assert(offsetof(struct stat, f) ==                             \
			       offsetof(struct stat64, f) &&                   \
			   sizeof(((struct stat *)0)->f) ==                    \
			       sizeof(((struct stat64 *)0)->f),                \
		       "struct stat differs from struct stat64 at " #f)

SAME(st_dev);
SAME(__st_ino);
SAME(st_mode);
SAME(st_nlink);
SAME(st_uid);
SAME(st_gid);
SAME(st_rdev);
SAME(st_size);
SAME(st_blksize);
SAME(st_blocks);
SAME(st_atim);
SAME(st_mtim);
SAME(st_ctim);
SAME(st_ino);
_Static_assert(sizeof(struct stat) == sizeof(struct stat64) &&
		   sizeof(struct stat) == 96,
	       "struct stat is not 96 bytes");
