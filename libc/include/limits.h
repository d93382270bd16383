/* limits.h - sizes of the integer types (i386) and Linux's limits. */
#ifndef _LIMITS_H
#define _LIMITS_H

#include <kernel/uapi/fcntl.h> /* NAME_MAX, PATH_MAX */

#define CHAR_BIT 8
#define SCHAR_MIN (-128)
#define SCHAR_MAX 127
#define UCHAR_MAX 255
#define CHAR_MIN SCHAR_MIN
#define CHAR_MAX SCHAR_MAX
#define SHRT_MIN (-1 - 0x7fff)
#define SHRT_MAX 0x7fff
#define USHRT_MAX 0xffff
#define INT_MIN (-1 - 0x7fffffff)
#define INT_MAX 0x7fffffff
#define UINT_MAX 0xffffffffU
#define LONG_MIN (-1L - 0x7fffffffL)
#define LONG_MAX 0x7fffffffL
#define ULONG_MAX 0xffffffffUL
#define LLONG_MIN (-1LL - 0x7fffffffffffffffLL)
#define LLONG_MAX 0x7fffffffffffffffLL
#define ULLONG_MAX (2ULL * LLONG_MAX + 1)
#define SSIZE_MAX LONG_MAX
#define LONG_BIT 32
#define WORD_BIT 32
#define MB_LEN_MAX 16

#define PIPE_BUF 4096 /* writes up to this size to a pipe are atomic */
#define IOV_MAX 1024
#define PAGE_SIZE 4096
#define PAGESIZE PAGE_SIZE
#define ARG_MAX 131072 /* as sysconf(_SC_ARG_MAX) says */
#define NGROUPS_MAX 65536
#define HOST_NAME_MAX 64
#define LOGIN_NAME_MAX 256
#define TTY_NAME_MAX 32
#define LINE_MAX 2048 /* the least a text utility must handle */
#define SYMLOOP_MAX 40 /* symbolic links in one path */
#define RE_DUP_MAX 0x7fff /* the largest count in a regex's \{m,n\} */

#endif
