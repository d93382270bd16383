/* bits/alltypes.h - the libc's basic types, defined once for every public
 * header.  Linux i386 sizes; off_t is 64 bits everywhere (the wrappers
 * use the 64-bit calls: _llseek, pread64, truncate64, stat64...), time_t
 * is 32 bits as the i386 time calls are. */
#ifndef _BITS_ALLTYPES_H
#define _BITS_ALLTYPES_H

#include <stddef.h>

typedef long ssize_t;
typedef long long off_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int id_t;
typedef unsigned int mode_t;
typedef unsigned long long ino_t;
typedef unsigned long long dev_t;
typedef unsigned int nlink_t;
typedef long blksize_t;
typedef long long blkcnt_t;
typedef long time_t;
typedef long suseconds_t;
typedef long clock_t;
typedef int clockid_t;
typedef unsigned int useconds_t;

#endif
