/* drivers/pic.h - the two cascaded 8259A interrupt controllers. */
#ifndef DRIVERS_PIC_H
#define DRIVERS_PIC_H

#include <stdbool.h>

/* Remaps IRQ 0-15 to vectors 32-47 and masks them all. */
void pic_init(void);
void pic_unmask(unsigned irq);
void pic_mask(unsigned irq);
/* Acknowledges irq (both controllers for 8-15). */
void pic_eoi(unsigned irq);
/* True if irq 7 or 15 fired without being in service (a glitch). */
bool pic_is_spurious(unsigned irq);

#endif
