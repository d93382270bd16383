/* kernel/console.h - the kernel console: where printk, the monitor and
 * the console terminal (kernel/tty.c) write: COM1 and the VGA screen. */
#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

#include <stddef.h>

/* Writes to every console device (serial, VGA); callable from anywhere. */
void console_write(const char *s, size_t n);

#endif
