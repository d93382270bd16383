/* libc/dirent/dirstream.h - what a DIR is: a directory fd and a buffer
 * of records from getdents64, handed out one by one. */
#ifndef LIBC_DIRENT_DIRSTREAM_H
#define LIBC_DIRENT_DIRSTREAM_H

#include <dirent.h>

#define DIR_BUF_SIZE 4096

struct __dirstream {
	int fd;
	size_t pos, len; /* the next record in buf, the bytes in buf */
	long tell; /* the offset of the next entry (the last d_off) */
	char buf[DIR_BUF_SIZE] __attribute__((aligned(8)));
};

#endif
