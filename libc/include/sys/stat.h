/* sys/stat.h - file status and modes.
 *
 * struct stat has exactly the layout of Linux i386's struct stat64
 * (kernel/uapi/stat.h), so stat/lstat/fstat/fstatat hand the caller's
 * buffer straight to stat64/lstat64/fstat64/fstatat64; libc/stat/
 * stat_layout.c checks the two agree field by field. */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <bits/alltypes.h>
#include <kernel/uapi/fcntl.h> /* S_IF*, S_IS*(), AT_* */
#include <kernel/uapi/time.h>  /* struct timespec */

struct stat {
	dev_t st_dev;
	unsigned char __pad0[4];
	unsigned long __st_ino;
	mode_t st_mode;
	nlink_t st_nlink;
	uid_t st_uid;
	gid_t st_gid;
	dev_t st_rdev;
	unsigned char __pad3[4];
	off_t st_size;
	blksize_t st_blksize;
	blkcnt_t st_blocks;
	struct timespec st_atim;
	struct timespec st_mtim;
	struct timespec st_ctim;
	ino_t st_ino;
};

#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec

#define S_IRWXU 0700
#define S_IRUSR 0400
#define S_IWUSR 0200
#define S_IXUSR 0100
#define S_IRWXG 0070
#define S_IRGRP 0040
#define S_IWGRP 0020
#define S_IXGRP 0010
#define S_IRWXO 0007
#define S_IROTH 0004
#define S_IWOTH 0002
#define S_IXOTH 0001

int stat(const char *restrict path, struct stat *restrict st);
int lstat(const char *restrict path, struct stat *restrict st);
int fstat(int fd, struct stat *st);
int fstatat(int dirfd, const char *restrict path, struct stat *restrict st,
	    int flags);
/* times[i].tv_nsec may say "now" or "leave this one alone" */
#define UTIME_NOW ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)

int mkdir(const char *path, mode_t mode);
/* mode's type: S_IFIFO, S_IFCHR, S_IFBLK, S_IFSOCK, or S_IFREG (or 0)
 * for an empty regular file; dev: a device's number (sys/sysmacros.h) */
int mknod(const char *path, mode_t mode, dev_t dev);
int mknodat(int dirfd, const char *path, mode_t mode, dev_t dev);
int mkfifo(const char *path, mode_t mode);
int mkfifoat(int dirfd, const char *path, mode_t mode);
int chmod(const char *path, mode_t mode);
int fchmod(int fd, mode_t mode);
mode_t umask(mode_t mask);
int utimensat(int dirfd, const char *path, const struct timespec times[2],
	      int flags);
int futimens(int fd, const struct timespec times[2]);

#endif
