/* kernel/console.c - the kernel console's output: one write goes to every
 * console device (COM1 and the VGA screen).  Typed input goes through the
 * terminal's line discipline instead (kernel/tty.c).
 */
#include "kernel/console.h"

#include "drivers/serial.h"
#include "drivers/vga.h"
#include "kernel/x86.h"

void console_write(const char *s, size_t n)
{
	uint32_t flags = irq_save(); /* keep one message in one piece */

	serial_write(s, n);
	vga_write(s, n);
	irq_restore(flags);
}
