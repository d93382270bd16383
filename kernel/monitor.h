/* kernel/monitor.h - the kernel monitor: a tiny command loop on the
 * console for looking at the kernel (reached with init=kmon, and where a
 * boot with no user space ends). */
#ifndef KERNEL_MONITOR_H
#define KERNEL_MONITOR_H

#include "kernel/kernel.h"

struct monitor_command {
	const char *name;
	const char *help;
	void (*fn)(int argc, char **argv);
};

/* The file commands (monitor_fs.c): ls, cat, write, mkdir... */
extern const struct monitor_command monitor_fs_commands[];
extern const size_t monitor_fs_command_count;

void monitor_run(void) __noreturn;
/* Runs one command line; returns 0, or -1 for an unknown command. */
int monitor_exec(char *line);

#endif
