/* drivers/serial.c - COM1 (16550 UART) driver.
 *
 * Output is polled: serial_write() waits for the transmit holding register
 * to empty and writes the next byte.  Input is interrupt-driven and split
 * in two halves:
 *
 *   top half     serial_irq(): runs on IRQ 4 with interrupts off; drains
 *                the receive FIFO into rx_ring and schedules the bottom
 *                half.  It never calls into the console.
 *   bottom half  serial_rx_work(): deferred work with interrupts on; takes
 *                the bytes out of rx_ring and hands them to the console
 *                terminal's line discipline (kernel/tty.c: echo, editing,
 *                signals, waking readers).
 */
#include "drivers/serial.h"

#include "kernel/defer.h"
#include "kernel/irq.h"
#include "kernel/ring.h"
#include "kernel/tty.h"
#include "kernel/x86.h"

#define COM1 0x3F8
#define REG_DATA 0 /* RBR on read, THR on write; DLL when DLAB=1 */
#define REG_IER 1 /* interrupt enable; DLM when DLAB=1 */
#define REG_FCR 2 /* FIFO control (write) / interrupt id (read) */
#define REG_LCR 3
#define REG_MCR 4
#define REG_LSR 5

#define IER_RX_AVAILABLE 0x01
#define LCR_8N1 0x03
#define LCR_DLAB 0x80
#define FCR_ENABLE_14 0xC1 /* enable FIFOs, receive trigger at 14 bytes */
#define MCR_DTR_RTS_OUT2 0x0B /* OUT2 gates the IRQ line on a PC */
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20

#define SERIAL_IRQ 4
#define BAUD_DIVISOR 1 /* 115200 / 1 */

static uint8_t rx_buf[1024];
static struct ring rx_ring;
static unsigned long rx_dropped;

void serial_init(void)
{
	outb(COM1 + REG_IER, 0);
	outb(COM1 + REG_LCR, LCR_DLAB);
	outb(COM1 + REG_DATA, BAUD_DIVISOR & 0xFF);
	outb(COM1 + REG_IER, BAUD_DIVISOR >> 8);
	outb(COM1 + REG_LCR, LCR_8N1);
	ring_init(&rx_ring, rx_buf, sizeof(rx_buf));
	/* Turning the FIFOs on empties them: keep what was already typed. */
	while (inb(COM1 + REG_LSR) & LSR_DATA_READY)
		ring_put(&rx_ring, inb(COM1 + REG_DATA));
	outb(COM1 + REG_FCR, FCR_ENABLE_14);
	outb(COM1 + REG_MCR, MCR_DTR_RTS_OUT2);
}

static void put_byte(char c)
{
	while (!(inb(COM1 + REG_LSR) & LSR_THR_EMPTY))
		;
	outb(COM1 + REG_DATA, (uint8_t)c);
}

void serial_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			put_byte('\r');
		put_byte(s[i]);
	}
}

/* Bottom half: deliver received bytes to the terminal, interrupts on. */
static void serial_rx_work(void *arg __attribute__((unused)))
{
	uint8_t c;

	while (ring_get(&rx_ring, &c))
		tty_input((char)c);
}

static struct work rx_work = WORK_INIT(serial_rx_work, NULL);

/* Top half: drain the FIFO into the ring, nothing more. */
static void serial_irq(struct trap_frame *tf __attribute__((unused)))
{
	while (inb(COM1 + REG_LSR) & LSR_DATA_READY) {
		uint8_t c = inb(COM1 + REG_DATA);
		if (!ring_put(&rx_ring, c))
			rx_dropped++;
	}
	defer_schedule(&rx_work);
}

void serial_enable_rx(void)
{
	irq_register(SERIAL_IRQ, serial_irq);
	outb(COM1 + REG_IER, IER_RX_AVAILABLE);
	/* Bytes typed before now raised no interrupt: collect them too. */
	uint32_t flags = irq_save();
	serial_irq(NULL);
	irq_restore(flags);
}

unsigned long serial_rx_dropped(void)
{
	return rx_dropped;
}
