/* kernel/idt.c - the interrupt descriptor table.
 *
 * All 256 vectors get an interrupt gate to their stub in entry.asm, so
 * every trap starts with interrupts off; the double fault alone gets a
 * task gate.  Only int 0x80 (system calls) and
 * int3/into (so a user breakpoint is a breakpoint, not a protection fault)
 * may be raised from ring 3.
 */
#include "kernel/segments.h"
#include "kernel/trap.h"

struct idt_gate {
	uint16_t offset_lo;
	uint16_t selector;
	uint8_t zero;
	uint8_t type_attr;
	uint16_t offset_hi;
} __attribute__((packed));

struct idt_ptr {
	uint16_t limit;
	uint32_t base;
} __attribute__((packed));

#define GATE_INTERRUPT32 0x8E /* present, DPL 0, 32-bit interrupt gate */
#define GATE_DPL3 0x60
#define GATE_TASK 0x85 /* present, DPL 0, task gate */

extern const uint32_t trap_vectors[256];
static struct idt_gate idt[256];

static void set_gate(int vec, uint8_t attr)
{
	uint32_t handler = trap_vectors[vec];

	idt[vec] = (struct idt_gate){
		.offset_lo = handler & 0xFFFF,
		.selector = KERNEL_CS,
		.type_attr = attr,
		.offset_hi = handler >> 16,
	};
}

void idt_init(void)
{
	struct idt_ptr p = { sizeof(idt) - 1, (uint32_t)idt };

	for (int v = 0; v < 256; v++)
		set_gate(v, GATE_INTERRUPT32);
	set_gate(T_BREAKPOINT, GATE_INTERRUPT32 | GATE_DPL3);
	set_gate(4, GATE_INTERRUPT32 | GATE_DPL3); /* into */
	set_gate(T_SYSCALL, GATE_INTERRUPT32 | GATE_DPL3);
	/* A double fault switches to its own task and stack (gdt.c). */
	idt[T_DOUBLE_FAULT] = (struct idt_gate){ .selector = DOUBLEFAULT_TSS_SEL,
						 .type_attr = GATE_TASK };
	__asm__ volatile("lidt %0" : : "m"(p));
}
