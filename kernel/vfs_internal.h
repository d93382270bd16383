/* kernel/vfs_internal.h - what the VFS's own files share (mount.c,
 * namei.c, vfs.c); filesystems and drivers use kernel/vfs.h. */
#ifndef KERNEL_VFS_INTERNAL_H
#define KERNEL_VFS_INTERNAL_H

#include "kernel/vfs.h"

struct mount {
	struct super_block *sb;
	struct filesystem_type *type;
	struct inode *mountpoint; /* referenced; NULL for the root */
	char dev_name[16];
	char path[64];
	struct mount *next;
};

/* The mount whose filesystem root is dir, or NULL. */
struct mount *mount_of_root(struct inode *dir);
/* Makes dir the working directory (takes its own reference). */
void vfs_set_cwd(struct inode *dir);

#endif
