/* kernel/segments.h - GDT layout and selectors.
 *
 * The same layout as Linux i386 (arch/x86/include/asm/segment.h), so that
 * selectors a Linux program may see or save have the same values here:
 * entries 6-8 are the thread-local-storage slots of set_thread_area, 12/13
 * the kernel's code and data, 14/15 the user's, 16 the TSS, 31 the TSS of
 * the double-fault task.
 */
#ifndef KERNEL_SEGMENTS_H
#define KERNEL_SEGMENTS_H

#define GDT_ENTRIES 32
#define GDT_TLS_MIN 6
#define GDT_TLS_MAX 8
#define GDT_KERNEL_CS 12
#define GDT_KERNEL_DS 13
#define GDT_USER_CS 14
#define GDT_USER_DS 15
#define GDT_TSS 16
#define GDT_DOUBLEFAULT_TSS 31

#define KERNEL_CS (GDT_KERNEL_CS * 8)     /* 0x60 */
#define KERNEL_DS (GDT_KERNEL_DS * 8)     /* 0x68 */
#define USER_CS (GDT_USER_CS * 8 + 3)     /* 0x73 */
#define USER_DS (GDT_USER_DS * 8 + 3)     /* 0x7b */
#define TSS_SEL (GDT_TSS * 8)             /* 0x80 */
#define DOUBLEFAULT_TSS_SEL (GDT_DOUBLEFAULT_TSS * 8)

#ifndef __ASSEMBLER__
#include <stdint.h>

void gdt_init(void);
/* The kernel stack the CPU switches to on a trap from ring 3. */
void tss_set_kernel_stack(uint32_t esp0);
uint32_t tss_get_kernel_stack(void);

struct task;
/* Installs t's thread-local-storage descriptors in the GDT. */
void gdt_load_tls(const struct task *t);

struct trap_frame;
/* Fills tf with the registers the CPU saved in the main TSS when it
 * switched to the double-fault task: the context that faulted. */
void tss_saved_state(struct trap_frame *tf);
#endif

#endif
