/* kernel/power.c - power-off paths (see power.h). */
#include "kernel/power.h"

#include "drivers/acpi.h"
#include "kernel/fs/fs_init.h"
#include "kernel/printk.h"
#include "kernel/x86.h"

void power_off_now(int status)
{
	cli();
	/* isa-debug-exit: QEMU exits at once; without the device the write
	 * goes nowhere and we carry on to ACPI. */
	outl(DEBUG_EXIT_PORT, (uint32_t)status);
	acpi_power_off();
	kprintf("power off failed: halting\n");
	for (;;)
		hlt();
}

void power_off(int status)
{
	fs_shutdown(); /* every dirty block to the disk, filesystems clean */
	printk("power: off (status %d)\n", status);
	power_off_now(status);
}
