/* net/arch/cc.h - lwIP's compiler and platform definitions for this kernel.
 *
 * The kernel is freestanding: no host C library headers.  lwIP gets the
 * compiler's own <stddef.h> and <stdint.h>, our shims in net/include/ for
 * <string.h> and <stdlib.h>, and here everything it would otherwise take
 * from <inttypes.h>, <limits.h>, <ctype.h> and <errno.h>: printf formats
 * for its types, the few limits it uses, its private ctype, and Linux's
 * errno values (kernel/uapi/errno.h, which the socket layer returns).
 * Diagnostics go to the kernel log, a failed lwIP assertion panics, and
 * lwIP's random numbers come from net_rand() (net/sys_arch.c).
 */
#ifndef NET_ARCH_CC_H
#define NET_ARCH_CC_H

#include <stddef.h>
#include <stdint.h>

#define BYTE_ORDER LITTLE_ENDIAN

/* <inttypes.h>: i386, so u32_t is unsigned int and size_t unsigned int */
#define LWIP_NO_INTTYPES_H 1
#define X8_F "02x"
#define U16_F "hu"
#define S16_F "hd"
#define X16_F "hx"
#define U32_F "u"
#define S32_F "d"
#define X32_F "x"
#define SZT_F "u"

/* <limits.h> (lwIP then defines ssize_t as int, as i386 Linux has it) */
#define LWIP_NO_LIMITS_H 1
#define INT_MAX __INT_MAX__

/* <ctype.h>: lwIP's own character classes */
#define LWIP_NO_CTYPE_H 1

/* <errno.h>: Linux's numbers, as the system calls return them */
#define LWIP_ERRNO_INCLUDE "kernel/uapi/errno.h"

/* Byte order with the compiler's byte swaps (one instruction each) */
#define lwip_htons(x) ((u16_t)__builtin_bswap16((u16_t)(x)))
#define lwip_htonl(x) ((u32_t)__builtin_bswap32((u32_t)(x)))

#define LWIP_RAND() net_rand()
uint32_t net_rand(void);

/* mem_malloc's backing (lwipopts.h: MEM_LIBC_MALLOC): the kernel heap */
void *net_mem_malloc(size_t size);
void *net_mem_calloc(size_t n, size_t size);
void net_mem_free(void *p);

/* LWIP_ASSERT_CORE_LOCKED / LWIP_MARK_TCPIP_THREAD (lwipopts.h): once the
 * tcpip thread runs, lwIP's core may be entered only under the core lock;
 * a caller that forgets it panics at once instead of corrupting lwIP
 * (net/sys_arch.c). */
void sys_check_core_locking(void);
void sys_mark_tcpip_thread(void);

/* Diagnostics and assertions */
void net_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void net_assert_failed(const char *msg, const char *file, int line)
	__attribute__((noreturn));
#define LWIP_PLATFORM_DIAG(x) \
	do {                  \
		net_diag x;   \
	} while (0)
#define LWIP_PLATFORM_ASSERT(x) net_assert_failed((x), __FILE__, __LINE__)

#endif
