/* kernel/main.c - kmain: bring the machine up in order, then hand over.
 *
 * Order matters: the serial port first so anything can be printed; the
 * direct map next so the loader's structures are reachable; then the
 * tables the CPU needs for traps, memory, the clock, interrupts on; then
 * the devices, the filesystems and the network (whose DHCP goes on in the
 * background).  After that the kernel either runs its self-tests (ktest),
 * starts init, or runs the kernel monitor.
 */
#include "drivers/ata.h"
#include "drivers/pci.h"
#include "drivers/pic.h"
#include "drivers/serial.h"
#include "drivers/vga.h"
#include "kernel/cmdline.h"
#include "kernel/defer.h"
#include "kernel/fpu.h"
#include "kernel/proc.h"
#include "kernel/vm.h"
#include "kernel/task.h"
#include "kernel/fs/fs_init.h"
#include "kernel/format.h"
#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/ksyms.h"
#include "kernel/ktest.h"
#include "kernel/monitor.h"
#include "kernel/multiboot.h"
#include "kernel/paging.h"
#include "kernel/panic.h"
#include "kernel/pmm.h"
#include "kernel/power.h"
#include "kernel/printk.h"
#include "kernel/segments.h"
#include "kernel/string.h"
#include "kernel/time.h"
#include "kernel/trap.h"
#include "kernel/x86.h"
#include "net/net_init.h"

#define KERNEL_VERSION "0.1"

struct boot_params boot_params;

static void warn_cmdline(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	kvsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pr_warn("%s", msg);
}

static void print_params(void)
{
	printk("cmdline: '%s'\n", boot_info.cmdline);
	printk("init: %s, %d argument%s\n", boot_params.init,
	       boot_params.init_argc, boot_params.init_argc == 1 ? "" : "s");
	for (int i = 0; i < boot_params.init_argc; i++)
		printk("init: argv[%d] = '%s'\n", i + 1, boot_params.init_argv[i]);
}

/* Runs init= as process 1; the boot task then has nothing left to do.
 * If init cannot start, the kernel monitor takes over the console. */
static void start_init(void)
{
	static char *envp[] = { "PATH=/bin:/sbin", "HOME=/", "TERM=linux", NULL };
	static char *argv[INIT_ARGS_MAX + 2];
	int err;

	argv[0] = (char *)boot_params.init;
	for (int i = 0; i < boot_params.init_argc; i++)
		argv[i + 1] = (char *)boot_params.init_argv[i];
	argv[boot_params.init_argc + 1] = NULL;
	err = proc_start_init(boot_params.init, argv, envp);
	if (!err)
		task_exit();
	pr_err("init: cannot run %s (error %d); starting the kernel monitor\n",
	       boot_params.init, -err);
}

void kmain(uint32_t magic, uint32_t mbi_pa);

void kmain(uint32_t magic, uint32_t mbi_pa)
{
	time_mark_boot();
	serial_init();
	vga_init();
	paging_init();
	if (multiboot_read(magic, mbi_pa) < 0)
		panic("not booted by a Multiboot loader (magic %#x)", magic);
	cmdline_parse(&boot_params, boot_info.cmdline, warn_cmdline);
	if (boot_params.quiet)
		printk_set_console_level(LOG_ERR);
	printk("Teaching OS " KERNEL_VERSION " (i386), booted by %s\n",
	       boot_info.loader[0] ? boot_info.loader : "an unnamed loader");
	print_params();

	gdt_init();
	idt_init();
	pic_init();
	multiboot_print_map();
	pmm_init(boot_info.map, boot_info.map_count,
		 V2P(ALIGN_UP((uintptr_t)__kernel_end, PAGE_SIZE)));
	kmalloc_init();
	vm_init();
	fpu_init();
	sched_init();
	defer_init();
	printk("ksyms: %u kernel symbols\n", ksym_count());
	time_init();
	serial_enable_rx();
	sti();
	printk("kernel: probing PCI and disks\n");
	pci_init();
	ata_init();
	fs_init();
	net_init();
	printk("kernel: ready\n");

	if (boot_params.ktest)
		power_off(ktest_run());
	if (strcmp(boot_params.init, "kmon"))
		start_init();
	monitor_run();
}
