/* kernel/panic.c - panic: message, register dump, backtrace, power off.
 *
 * Backtraces follow the frame-pointer chain (the kernel is built with
 * -fno-omit-frame-pointer): [ebp] is the caller's ebp, [ebp+4] the return
 * address.  entry.asm pushes a fake frame for every trap, so the chain
 * goes on through interrupts into the interrupted code.  The walk stops
 * at a null or implausible frame pointer instead of faulting.
 */
#include "kernel/panic.h"

#include <stdarg.h>

#include "kernel/format.h"
#include "kernel/ksyms.h"
#include "kernel/paging.h"
#include "kernel/power.h"
#include "kernel/printk.h"
#include "kernel/trap.h"
#include "kernel/x86.h"

#define BACKTRACE_MAX 32

static volatile int panicking;

/* A frame pointer we can read without faulting (not in a guard page). */
static bool plausible_frame(uint32_t ebp)
{
	return ebp >= KERNEL_VBASE && ebp < KERNEL_VBASE + LOWMEM_LIMIT - 8 &&
	       !(ebp & 3) && paging_lookup(kernel_page_directory, ebp) &&
	       paging_lookup(kernel_page_directory, ebp + 4);
}

static void print_address(uint32_t addr)
{
	uint32_t off;
	const char *name = ksym_lookup(addr, &off);

	if (name)
		kprintf("  [<%08x>] %s+%#x\n", addr, name, off);
	else
		kprintf("  [<%08x>] ?\n", addr);
}

void backtrace_print(uint32_t eip, uint32_t ebp)
{
	kprintf("backtrace:\n");
	print_address(eip);
	for (int depth = 0; depth < BACKTRACE_MAX && plausible_frame(ebp); depth++) {
		const uint32_t *frame = (const uint32_t *)ebp;
		uint32_t ret = frame[1];

		if (!ret)
			break;
		/* ret-1 is inside the call instruction: names the caller even
		 * when the call was the function's last instruction. */
		uint32_t off;
		const char *name = ksym_lookup(ret - 1, &off);
		if (name)
			kprintf("  [<%08x>] %s+%#x\n", ret, name, off + 1);
		else
			kprintf("  [<%08x>] ?\n", ret);
		if (frame[0] <= ebp) /* frames must move up the stack */
			break;
		ebp = frame[0];
	}
}

static void dump_registers(const struct trap_frame *tf)
{
	kprintf("eax=%08x ebx=%08x ecx=%08x edx=%08x\n", tf->eax, tf->ebx,
		tf->ecx, tf->edx);
	kprintf("esi=%08x edi=%08x ebp=%08x esp=%08x\n", tf->esi, tf->edi,
		tf->ebp, trap_from_user(tf) ? tf->user_esp : tf->esp_at_pushad + 20);
	kprintf("eip=%08x eflags=%08x cs=%04x ds=%04x es=%04x fs=%04x gs=%04x\n",
		tf->eip, tf->eflags, tf->cs & 0xFFFF, tf->ds & 0xFFFF,
		tf->es & 0xFFFF, tf->fs & 0xFFFF, tf->gs & 0xFFFF);
	kprintf("cr0=%08x cr2=%08x cr3=%08x cr4=%08x\n", read_cr0(),
		read_cr2(), read_cr3(), read_cr4());
}

/* Prints the header once; a panic inside a panic just stops. */
static void panic_begin(const char *fmt, va_list ap)
{
	char msg[256];

	cli();
	if (panicking++) {
		kprintf("PANIC: recursive panic; halting\n");
		power_off_now(PANIC_EXIT_STATUS);
	}
	kvsnprintf(msg, sizeof(msg), fmt, ap);
	kprintf("PANIC: %s\n", msg);
}

void panic_trap(const struct trap_frame *tf, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	panic_begin(fmt, ap);
	va_end(ap);
	kprintf("trap %u (%s), error code 0x%x\n", tf->trapno,
		trap_name(tf->trapno), tf->err);
	dump_registers(tf);
	backtrace_print(tf->eip, tf->ebp);
	power_off_now(PANIC_EXIT_STATUS);
}

void panic(const char *fmt, ...)
{
	struct trap_frame tf = { 0 };
	va_list ap;

	__asm__ volatile("mov %%eax, %0; mov %%ebx, %1; mov %%ecx, %2;"
			 "mov %%edx, %3; mov %%esi, %4; mov %%edi, %5"
			 : "=m"(tf.eax), "=m"(tf.ebx), "=m"(tf.ecx),
			   "=m"(tf.edx), "=m"(tf.esi), "=m"(tf.edi));
	va_start(ap, fmt);
	panic_begin(fmt, ap);
	va_end(ap);
	tf.ebp = read_ebp();
	tf.eip = (uint32_t)__builtin_return_address(0);
	tf.eflags = read_eflags();
	__asm__ volatile("mov %%cs, %0; mov %%ds, %1; mov %%es, %2;"
			 "mov %%fs, %3; mov %%gs, %4; mov %%esp, %5"
			 : "=r"(tf.cs), "=r"(tf.ds), "=r"(tf.es), "=r"(tf.fs),
			   "=r"(tf.gs), "=r"(tf.esp_at_pushad));
	tf.esp_at_pushad -= 20; /* dump_registers adds it back */
	dump_registers(&tf);
	/* Start at our caller: panic's own frame is not interesting. */
	backtrace_print(tf.eip, ((uint32_t *)tf.ebp)[0]);
	power_off_now(PANIC_EXIT_STATUS);
}
