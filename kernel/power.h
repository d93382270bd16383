/* kernel/power.h - powering the machine off (DESIGN.md's contract).
 *
 * Through QEMU's isa-debug-exit device (port 0xf4) when present, so that
 * QEMU exits with status (status << 1) | 1; otherwise through ACPI (S5).
 */
#ifndef KERNEL_POWER_H
#define KERNEL_POWER_H

#include "kernel/kernel.h"

#define DEBUG_EXIT_PORT 0xf4

/* The orderly way: runs the shutdown hooks (flush what is dirty), then
 * powers off with status. */
void power_off(int status) __noreturn;
/* No hooks: for panics.  Halts forever if nothing can power off. */
void power_off_now(int status) __noreturn;

#endif
