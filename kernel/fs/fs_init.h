/* kernel/fs/fs_init.h - mounting the file tree at boot, unmounting it at
 * power-off. */
#ifndef KERNEL_FS_FS_INIT_H
#define KERNEL_FS_FS_INIT_H

/* Registers the filesystems, mounts / (ext2 on hda), /dev and /proc. */
void fs_init(void);
/* Writes everything to disk and marks the filesystems clean. */
void fs_shutdown(void);

#endif
