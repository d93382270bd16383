/* kernel/trap.h - the saved state of an interrupted context and the traps
 * the kernel handles (CPU exceptions, IRQs, system calls). */
#ifndef KERNEL_TRAP_H
#define KERNEL_TRAP_H

#include <stdint.h>

/* Built by kernel/entry.asm; the order is that of the pushes, reversed. */
struct trap_frame {
	uint32_t gs, fs, es, ds;
	uint32_t edi, esi, ebp, esp_at_pushad, ebx, edx, ecx, eax;
	uint32_t trapno, err;
	uint32_t eip, cs, eflags;
	uint32_t user_esp, user_ss; /* present only on a trap from ring 3 */
};

#define T_DIVIDE 0
#define T_DEBUG 1
#define T_NMI 2
#define T_BREAKPOINT 3
#define T_INVALID_OP 6
#define T_DOUBLE_FAULT 8
#define T_GPF 13
#define T_PAGE_FAULT 14
#define T_IRQ0 32
#define T_SYSCALL 0x80

#define PF_PRESENT 0x1
#define PF_WRITE 0x2
#define PF_USER 0x4

static inline int trap_from_user(const struct trap_frame *tf)
{
	return (tf->cs & 3) == 3;
}

/* Installs the IDT: exception, IRQ and int 0x80 gates. */
void idt_init(void);
/* Called by entry.asm for every trap, interrupts off. */
void trap_dispatch(struct trap_frame *tf);
const char *trap_name(uint32_t trapno);
/* Entry of the double-fault task (see gdt.c); reports and panics. */
void double_fault_task(void) __attribute__((noreturn));

/* A hook for traps from ring 3 that are not system calls or IRQs, used
 * by the self-tests until processes exist; must not return. */
extern void (*user_fault_hook)(struct trap_frame *tf);

#endif
