/* kernel/monitor.h - the kernel monitor: a tiny command loop on the
 * console for looking at the kernel (reached with init=kmon, and where a
 * boot with no user space ends). */
#ifndef KERNEL_MONITOR_H
#define KERNEL_MONITOR_H

#include "kernel/kernel.h"

void monitor_run(void) __noreturn;
/* Runs one command line; returns 0, or -1 for an unknown command. */
int monitor_exec(char *line);

#endif
