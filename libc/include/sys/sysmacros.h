/* sys/sysmacros.h - a device number's major and minor halves, in the
 * encoding of Linux's 64-bit dev_t (glibc's): minor bits 0-7 and 20-43,
 * major bits 8-19 and 44-63.  Numbers below 4096:256 fit the 32 bits the
 * kernel's mknod takes. */
#ifndef _SYS_SYSMACROS_H
#define _SYS_SYSMACROS_H

#include <bits/alltypes.h>

#define major(dev)                                                             \
	((unsigned int)((((dev) >> 32) & 0xfffff000) | (((dev) >> 8) & 0xfff)))
#define minor(dev)                                                             \
	((unsigned int)((((dev) >> 12) & 0xffffff00) | ((dev) & 0xff)))
#define makedev(x, y)                                                          \
	((dev_t)((((dev_t)(x) & 0xfffff000ULL) << 32) |                        \
		 (((dev_t)(x) & 0x00000fffULL) << 8) |                         \
		 (((dev_t)(y) & 0xffffff00ULL) << 12) |                        \
		 ((dev_t)(y) & 0x000000ffULL)))

#endif
