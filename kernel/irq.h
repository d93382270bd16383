/* kernel/irq.h - registering top halves for the 16 legacy IRQs. */
#ifndef KERNEL_IRQ_H
#define KERNEL_IRQ_H

#include "kernel/trap.h"

#define NR_IRQS 16

typedef void (*irq_handler_t)(struct trap_frame *tf);

/* Installs the top half for irq and unmasks it at the PIC. */
void irq_register(unsigned irq, irq_handler_t handler);
/* Runs the top half of a hardware interrupt; called by trap_dispatch. */
void irq_dispatch(struct trap_frame *tf);
/* Interrupts taken per IRQ line since boot (for the monitor). */
uint64_t irq_count(unsigned irq);

#endif
