/* kernel/trap.c - where every interrupt, exception and system call lands.
 *
 * trap_dispatch() sorts a trap by vector: IRQs go to their driver's top
 * half, int 0x80 to the system-call table, CPU exceptions to the fault
 * handler.  On the way back to user mode the scheduler may switch tasks.  A fault in
 * the kernel is a bug: it panics with the register dump and backtrace.
 */
#include "kernel/trap.h"

#include "drivers/pic.h"
#include "kernel/defer.h"
#include "kernel/irq.h"
#include "kernel/kernel.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/segments.h"
#include "kernel/proc.h"
#include "kernel/segments.h"
#include "kernel/signal.h"
#include "kernel/syscall.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/signal.h"
#include "kernel/vm.h"
#include "kernel/task.h"
#include "kernel/x86.h"

void (*user_fault_hook)(struct trap_frame *tf);

static irq_handler_t irq_handlers[NR_IRQS];
static uint64_t irq_counts[NR_IRQS];

static const char *const exception_names[32] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow",
	"bound range exceeded", "invalid opcode", "device not available",
	"double fault", "coprocessor segment overrun", "invalid TSS",
	"segment not present", "stack-segment fault",
	"general protection fault", "page fault", "reserved",
	"x87 floating-point error", "alignment check", "machine check",
	"SIMD floating-point error", "virtualization exception",
	"control protection exception",
};

const char *trap_name(uint32_t trapno)
{
	if (trapno < 32)
		return exception_names[trapno] ? exception_names[trapno]
					       : "reserved exception";
	if (trapno >= T_IRQ0 && trapno < T_IRQ0 + NR_IRQS)
		return "IRQ";
	if (trapno == T_SYSCALL)
		return "system call";
	return "unknown vector";
}

void irq_register(unsigned irq, irq_handler_t handler)
{
	if (irq >= NR_IRQS)
		panic("irq_register: bad IRQ %u", irq);
	irq_handlers[irq] = handler;
	pic_unmask(irq);
}

uint64_t irq_count(unsigned irq)
{
	return irq < NR_IRQS ? irq_counts[irq] : 0;
}

void irq_dispatch(struct trap_frame *tf)
{
	unsigned irq = tf->trapno - T_IRQ0;

	if ((irq == 7 || irq == 15) && pic_is_spurious(irq))
		return;
	irq_counts[irq]++;
	if (irq_handlers[irq])
		irq_handlers[irq](tf);
	pic_eoi(irq);
}

/* The signal a user fault raises, as Linux's. */
static int fault_signal(uint32_t trapno)
{
	switch (trapno) {
	case T_DIVIDE: case 16: case 19: return SIGFPE;
	case T_INVALID_OP: return SIGILL;
	case T_DEBUG: case T_BREAKPOINT: return SIGTRAP;
	case 17: return SIGBUS;
	default: return SIGSEGV;
	}
}

/* A page fault the address space can resolve (demand zero, copy on
 * write), also when the kernel touches user memory for a system call. */
static bool resolve_page_fault(struct trap_frame *tf)
{
	struct process *p = current->proc;
	uint32_t addr = read_cr2();

	if (p && p->mm && addr < USER_TOP && !vm_fault(p->mm, addr, tf->err))
		return true;
	return !trap_from_user(tf) && uaccess_fixup(tf);
}

extern char pop_gs[], pop_fs[], pop_es[], pop_ds[];

/* The way back from a trap faulted loading a segment register from the
 * saved frame (a program can put any selector there, e.g. through a
 * signal frame, or keep one whose descriptor went away).  Replace it in
 * that frame by a harmless one and retry; if that frame goes back to
 * user mode, the thread gets SIGSEGV.  This fault's own frame holds the
 * registers as they were, the bad selector too: it goes as well, or the
 * way back from this fault would fault again, and again, down the
 * stack.  Returns false if the fault was anywhere else. */
static bool fix_segment_reload(struct trap_frame *tf)
{
	char *eip = (char *)tf->eip;
	uint32_t *slot = (uint32_t *)(tf->esp_at_pushad + 20); /* the pop's */
	int which = eip == pop_gs ? 0 : eip == pop_fs ? 1 : eip == pop_es ? 2
		  : eip == pop_ds ? 3 : -1; /* its place in struct trap_frame */
	const struct trap_frame *popped = (const struct trap_frame *)(slot - which);

	if (trap_from_user(tf) || which < 0 ||
	    (tf->trapno != T_GPF && tf->trapno != 11 && tf->trapno != 12))
		return false;
	*slot = which < 2 ? 0 : USER_DS; /* the null selector always loads */
	if (which == 0)
		tf->gs = tf->fs = 0; /* both popped again after the retry */
	else if (which == 1)
		tf->fs = 0;
	if (trap_from_user(popped) && current->proc)
		signal_send_thread(current, SIGSEGV);
	return true;
}

static void exception(struct trap_frame *tf)
{
	if (fix_segment_reload(tf))
		return;
	if (tf->trapno == T_NMI) {
		pr_warn("NMI received at eip %08x; ignored\n", tf->eip);
		return;
	}
	if (tf->trapno == T_PAGE_FAULT && resolve_page_fault(tf))
		return;
	if (trap_from_user(tf) && user_fault_hook)
		user_fault_hook(tf);
	if (trap_from_user(tf) && current->proc) {
		int sig = fault_signal(tf->trapno);
		printk("pid %d tid %d (%s): %s at eip %08x (address %08x): signal %d\n",
		       current->proc->pid, current->tid, current->proc->name,
		       trap_name(tf->trapno), tf->eip, read_cr2(), sig);
		/* to the handler on the way out, or death */
		signal_fault(sig, tf->trapno == T_PAGE_FAULT ?
			     ((tf->err & PF_PRESENT) ? SEGV_ACCERR : SEGV_MAPERR) :
			     SI_KERNEL, tf->trapno == T_PAGE_FAULT ? read_cr2() : tf->eip);
		return;
	}
	if (trap_from_user(tf))
		panic_trap(tf, "%s in user mode with no process to signal",
			   trap_name(tf->trapno));
	panic_trap(tf, "%s in kernel", trap_name(tf->trapno));
}

void double_fault_task(void)
{
	struct trap_frame tf;

	tss_saved_state(&tf);
	panic_trap(&tf, "double fault in kernel (kernel stack overflow?)");
}

void trap_dispatch(struct trap_frame *tf)
{
	if (tf->trapno >= T_IRQ0 && tf->trapno < T_IRQ0 + NR_IRQS) {
		irq_dispatch(tf);
	} else if (tf->trapno == T_SYSCALL) {
		syscall_dispatch(tf);
	} else if (tf->trapno < 32) {
		exception(tf);
	} else {
		pr_warn("unexpected interrupt vector %u\n", tf->trapno);
	}
	if (trap_from_user(tf)) {
		sched_preempt(); /* the kernel itself is not preempted */
		if (current->proc)
			signal_deliver(tf);
	}
}
