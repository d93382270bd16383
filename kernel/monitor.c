/* kernel/monitor.c - the kernel monitor's commands (see monitor.h).
 *
 * A table of {name, help, function}; each command gets argc/argv like a
 * small program.  Input comes from tty_read_line(), so typing here
 * exercises the serial driver's two halves end to end.
 */
#include "kernel/monitor.h"

#include "drivers/serial.h"
#include "kernel/console.h"
#include "kernel/heap.h"
#include "kernel/irq.h"
#include "kernel/tty.h"
#include "kernel/kmalloc.h"
#include "kernel/multiboot.h"
#include "kernel/panic.h"
#include "kernel/pmm.h"
#include "kernel/power.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/time.h"

#define MAX_ARGS 32

static void cmd_help(int argc, char **argv);

static void cmd_mem(int argc __unused, char **argv __unused)
{
	struct heap *h = kernel_heap();

	for (int i = 0; i < boot_info.map_count; i++) {
		const struct mem_region *r = &boot_info.map[i];
		kprintf("  0x%08llx-0x%08llx %s\n", r->base,
			r->base + r->len - 1, mem_type_name(r->type));
	}
	kprintf("frames: %u free of %u (%u KiB free)\n",
		(unsigned)pmm_free_frames(), (unsigned)pmm_total_frames(),
		(unsigned)pmm_free_frames() * 4);
	kprintf("heap: %u arenas, %u bytes; %u bytes in %u blocks; %u bytes free\n",
		(unsigned)h->arena_count, (unsigned)h->arena_bytes,
		(unsigned)h->used_bytes, (unsigned)h->used_chunks,
		(unsigned)h->free_bytes);
}

static void cmd_ticks(int argc __unused, char **argv __unused)
{
	uint64_t ns = time_ns();

	kprintf("ticks: %llu (%u Hz)\n", ticks_read(), HZ);
	kprintf("uptime: %u.%06u s (TSC %u kHz)\n",
		(unsigned)(ns / 1000000000u), (unsigned)(ns % 1000000000u / 1000),
		tsc_khz());
	for (unsigned irq = 0; irq < NR_IRQS; irq++)
		if (irq_count(irq))
			kprintf("irq %u: %llu\n", irq, irq_count(irq));
	kprintf("serial bytes dropped: %lu\n", serial_rx_dropped());
}

static void cmd_log(int argc __unused, char **argv __unused)
{
	static char buf[16384];
	size_t n = printk_log_copy(buf, sizeof(buf));

	console_write(buf, n);
}

static bool parse_status(const char *s, int *out)
{
	int v = 0;

	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 25)
			return false;
		v = v * 10 + (*s - '0');
	}
	if (v > 255)
		return false;
	*out = v;
	return true;
}

static void cmd_poweroff(int argc, char **argv)
{
	int status = 0;

	if (argc > 1 && !parse_status(argv[1], &status)) {
		kprintf("poweroff: status must be a number 0-255\n");
		return;
	}
	power_off(status);
}

static void cmd_panic(int argc, char **argv)
{
	panic("requested from the monitor%s%s", argc > 1 ? ": " : "",
	      argc > 1 ? argv[1] : "");
}

static void cmd_fault(int argc __unused, char **argv __unused)
{
	kprintf("reading address 0 from the kernel...\n");
	(void)*(volatile int *)0;
}

static volatile int overflow_limit = 1 << 30;

/* Each level keeps 256 bytes on the stack; no compiler can flatten it. */
static int recurse(int depth)
{
	volatile char pad[256];

	pad[0] = (char)depth;
	if (depth >= overflow_limit)
		return pad[0];
	return recurse(depth + 1) + pad[0];
}

static void cmd_overflow(int argc __unused, char **argv __unused)
{
	kprintf("recursing until the kernel stack overflows...\n");
	kprintf("%d\n", recurse(0));
}

static const struct monitor_command commands[] = {
	{ "help", "list the commands", cmd_help },
	{ "mem", "memory map, free frames, heap use", cmd_mem },
	{ "ticks", "timer ticks, uptime, interrupt counts", cmd_ticks },
	{ "log", "print the kernel log buffer", cmd_log },
	{ "poweroff", "[STATUS]  power off (QEMU exits with STATUS*2+1)", cmd_poweroff },
	{ "panic", "[MSG]  panic on purpose (test the panic path)", cmd_panic },
	{ "fault", "dereference NULL in the kernel (test the fault path)", cmd_fault },
	{ "overflow", "overflow the kernel stack (test the double-fault path)", cmd_overflow },
};

static void list(const struct monitor_command *table, size_t n)
{
	for (size_t i = 0; i < n; i++)
		kprintf("  %-9s %s\n", table[i].name, table[i].help);
}

static void cmd_help(int argc __unused, char **argv __unused)
{
	list(commands, ARRAY_SIZE(commands));
	list(monitor_fs_commands, monitor_fs_command_count);
}

static const struct monitor_command *find(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(name, commands[i].name))
			return &commands[i];
	for (size_t i = 0; i < monitor_fs_command_count; i++)
		if (!strcmp(name, monitor_fs_commands[i].name))
			return &monitor_fs_commands[i];
	return NULL;
}

static int split(char *line, char **argv)
{
	int argc = 0;

	while (*line && argc < MAX_ARGS) {
		while (*line == ' ' || *line == '\t')
			*line++ = '\0';
		if (!*line)
			break;
		argv[argc++] = line;
		while (*line && *line != ' ' && *line != '\t')
			line++;
	}
	return argc;
}

int monitor_exec(char *line)
{
	char *argv[MAX_ARGS + 1] = { 0 };
	int argc = split(line, argv);
	const struct monitor_command *cmd;

	if (!argc)
		return 0;
	cmd = find(argv[0]);
	if (cmd) {
		cmd->fn(argc, argv);
		return 0;
	}
	kprintf("%s: unknown command (try help)\n", argv[0]);
	return -1;
}

void monitor_run(void)
{
	char line[256];

	kprintf("kernel monitor: type help for the commands\n");
	for (;;) {
		kprintf("kmon> ");
		tty_read_line(line, sizeof(line));
		monitor_exec(line);
	}
}
