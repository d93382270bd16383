/* drivers/serial.h - COM1, a 16550 UART: the kernel's main console. */
#ifndef DRIVERS_SERIAL_H
#define DRIVERS_SERIAL_H

#include <stddef.h>

/* Programs the UART (115200 8N1, FIFOs on); output works from here on. */
void serial_init(void);
/* Turns on the receive interrupt (IRQ 4) and its two halves. */
void serial_enable_rx(void);
/* Writes n bytes, polling the transmitter; "\n" becomes "\r\n". */
void serial_write(const char *s, size_t n);
/* Bytes the top half had to drop because the receive ring was full. */
unsigned long serial_rx_dropped(void);

#endif
