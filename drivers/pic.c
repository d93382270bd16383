/* drivers/pic.c - 8259A PIC pair: remapping, masking, acknowledging.
 *
 * The BIOS leaves IRQs 0-7 on vectors 8-15, on top of CPU exceptions; we
 * move them to 32-47.  IRQ 2 on the master is the slave's cascade input.
 */
#include "drivers/pic.h"

#include "kernel/x86.h"

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xA0
#define PIC2_DATA 0xA1
#define ICW1_INIT_ICW4 0x11
#define ICW4_8086 0x01
#define OCW2_EOI 0x20
#define OCW3_READ_ISR 0x0B
#define CASCADE_IRQ 2

static uint16_t mask = 0xFFFF & ~(1u << CASCADE_IRQ);

static void write_mask(void)
{
	outb(PIC1_DATA, mask & 0xFF);
	outb(PIC2_DATA, mask >> 8);
}

void pic_init(void)
{
	outb(PIC1_CMD, ICW1_INIT_ICW4);
	outb(PIC2_CMD, ICW1_INIT_ICW4);
	outb(PIC1_DATA, 32); /* ICW2: vector base */
	outb(PIC2_DATA, 40);
	outb(PIC1_DATA, 1u << CASCADE_IRQ); /* ICW3: slave on IRQ 2 */
	outb(PIC2_DATA, CASCADE_IRQ);
	outb(PIC1_DATA, ICW4_8086);
	outb(PIC2_DATA, ICW4_8086);
	write_mask();
}

void pic_unmask(unsigned irq)
{
	uint32_t flags = irq_save();

	mask &= ~(1u << irq);
	write_mask();
	irq_restore(flags);
}

void pic_mask(unsigned irq)
{
	uint32_t flags = irq_save();

	mask |= 1u << irq;
	write_mask();
	irq_restore(flags);
}

void pic_eoi(unsigned irq)
{
	if (irq >= 8)
		outb(PIC2_CMD, OCW2_EOI);
	outb(PIC1_CMD, OCW2_EOI);
}

static uint8_t in_service(uint16_t cmd_port)
{
	outb(cmd_port, OCW3_READ_ISR);
	return inb(cmd_port);
}

bool pic_is_spurious(unsigned irq)
{
	if (irq == 7)
		return !(in_service(PIC1_CMD) & 0x80);
	if (irq == 15 && !(in_service(PIC2_CMD) & 0x80)) {
		outb(PIC1_CMD, OCW2_EOI); /* the master did see the cascade */
		return true;
	}
	return false;
}
