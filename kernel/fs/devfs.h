/* kernel/fs/devfs.h - the /dev and /proc filesystems. */
#ifndef KERNEL_FS_DEVFS_H
#define KERNEL_FS_DEVFS_H

struct filesystem_type;

/* Device nodes: null, zero, console, ttyS0, tty1, one per block device. */
extern struct filesystem_type devfs_fs_type;
/* Kernel state as text files: mounts, meminfo, uptime, bcache. */
extern struct filesystem_type procfs_fs_type;

#endif
