/* dirent.h - directory entries.  For now only getdents64, which fills a
 * buffer with struct linux_dirent64 records (kernel/uapi/dirent.h);
 * struct dirent has the same layout.  opendir/readdir arrive with the
 * full libc. */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <bits/alltypes.h>
#include <kernel/uapi/dirent.h>
#include <kernel/uapi/fcntl.h> /* DT_* */

struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[256];
};

ssize_t getdents64(int fd, void *buf, size_t size);

#endif
