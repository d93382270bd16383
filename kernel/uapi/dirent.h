/* kernel/uapi/dirent.h - the records getdents64 (and getdents) fill (Linux's struct
 * linux_dirent64): 8-byte aligned, d_reclen covers the record and its
 * padding, d_name is NUL-terminated.  The d_type values (DT_*) are in
 * kernel/uapi/fcntl.h.  Shared by the kernel and the libc. */
#ifndef UAPI_DIRENT_H
#define UAPI_DIRENT_H

struct linux_dirent64 {
	unsigned long long d_ino;
	long long d_off; /* the position after this record */
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

/* getdents (141), the older form: 32-bit inode and offset, 4-byte
 * aligned, and d_type in the record's last byte (after the name's NUL). */
struct linux_dirent {
	unsigned long d_ino;
	unsigned long d_off;
	unsigned short d_reclen;
	char d_name[];
};

#endif
