/* kernel/panic.h - stopping the kernel on a broken invariant.
 *
 * panic() prints "PANIC: <message>", a register dump and a symbolized
 * backtrace on the console (even with "quiet"), then powers the machine
 * off with PANIC_EXIT_STATUS: through isa-debug-exit QEMU then exits with
 * status (PANIC_EXIT_STATUS << 1) | 1 = 225.  Never for bad user input.
 */
#ifndef KERNEL_PANIC_H
#define KERNEL_PANIC_H

#include <stdint.h>

#include "kernel/kernel.h"

#define PANIC_EXIT_STATUS 0x70

struct trap_frame;

void panic(const char *fmt, ...) __noreturn __printf(1, 2);
/* Panic on a trap: the dump shows the trapped context's registers. */
void panic_trap(const struct trap_frame *tf, const char *fmt, ...)
	__noreturn __printf(2, 3);
/* Prints a backtrace starting at eip with frame pointer ebp. */
void backtrace_print(uint32_t eip, uint32_t ebp);

#define BUG_ON(cond)                                                       \
	do {                                                               \
		if (cond)                                                  \
			panic("BUG_ON(%s) at %s:%d", #cond, __FILE__, __LINE__); \
	} while (0)

#endif
