/* kernel/kernel.h - small definitions every kernel file uses.
 *
 * Address-space layout: the kernel lives at KERNEL_VBASE (3 GiB) and up, as
 * in Linux's 3G/1G split.  All physical memory below LOWMEM_LIMIT is mapped
 * linearly there, so P2V()/V2P() convert between a physical address and the
 * kernel's view of it.
 */
#ifndef KERNEL_KERNEL_H
#define KERNEL_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KERNEL_VBASE 0xC0000000u
#define LOWMEM_LIMIT 0x38000000u /* 896 MiB mapped at KERNEL_VBASE */
#define PAGE_SIZE 4096u
#define PAGE_SHIFT 12

#define P2V(pa) ((void *)((uintptr_t)(pa) + KERNEL_VBASE))
#define V2P(va) ((uintptr_t)(va) - KERNEL_VBASE)

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ALIGN_UP(x, a) (((x) + ((a) - 1)) & ~((a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((a) - 1))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define __noreturn __attribute__((noreturn))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __unused __attribute__((unused))

/* Symbols from linker.ld. */
extern char __kernel_start[], __kernel_end[], __text_end[];

#endif
