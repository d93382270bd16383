/* fcntl.h - open and fcntl; the O_, F_, FD_, AT_ and S_IF values come
 * from kernel/uapi/fcntl.h, shared with the kernel. */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <bits/alltypes.h>
#include <kernel/uapi/fcntl.h>

/* open, openat and creat always pass O_LARGEFILE (off_t is 64 bits) */
int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);

#endif
