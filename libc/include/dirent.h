/* dirent.h - reading directories: opendir/readdir/closedir on
 * getdents64 (libc/dirent/).  struct dirent has the layout of Linux's
 * struct linux_dirent64 (kernel/uapi/dirent.h), so readdir hands out the
 * kernel's records as they are. */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <bits/alltypes.h>
#include <kernel/uapi/dirent.h>
#include <kernel/uapi/fcntl.h> /* DT_* */

struct dirent {
	ino_t d_ino;
	off_t d_off; /* where the next entry is, for seekdir */
	unsigned short d_reclen;
	unsigned char d_type; /* DT_REG, DT_DIR...; DT_UNKNOWN if unknown */
	char d_name[256];
};

typedef struct __dirstream DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);
void rewinddir(DIR *dir);
long telldir(DIR *dir);
void seekdir(DIR *dir, long pos);
int dirfd(DIR *dir);

/* all the entries that filter accepts (all, if it is NULL), sorted
 * with compar (if not NULL), in a malloc'ed array of malloc'ed
 * entries; their number, or -1 */
int scandir(const char *path, struct dirent ***list,
	    int (*filter)(const struct dirent *),
	    int (*compar)(const struct dirent **, const struct dirent **));
int alphasort(const struct dirent **a, const struct dirent **b);

ssize_t getdents64(int fd, void *buf, size_t size);

#endif
