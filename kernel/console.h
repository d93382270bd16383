/* kernel/console.h - the kernel console: where printk and the monitor
 * write (COM1 and the VGA screen) and where typed lines come from. */
#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>

/* Writes to every console device (serial, VGA); callable from anywhere. */
void console_write(const char *s, size_t n);
/* Line discipline input, one byte: called from a driver's bottom half. */
void console_input(char c);
/* True if a typed line waits to be read. */
bool console_line_ready(void);
/* Sleeps until a whole line was typed; copies it without the newline,
 * NUL-terminated and cut to size-1 bytes.  Returns its length. */
size_t console_read_line(char *buf, size_t size);
/* The same for a process: a signal ends the wait (-ERESTARTSYS). */
long console_read_line_interruptible(char *buf, size_t size);

#endif
