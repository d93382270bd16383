/* kernel/tests/ktest_trap.c - traps: int 0x80 from rings 0 and 3, faults
 * from ring 3 landing in the kernel, the TSS stack switch. */
#include "kernel/kernel.h"
#include "kernel/ktest.h"
#include "kernel/paging.h"
#include "kernel/pmm.h"
#include "kernel/segments.h"
#include "kernel/string.h"
#include "kernel/task.h"
#include "kernel/trap.h"
#include "kernel/uapi/errno.h"

#define USER_CODE_VA 0x08048000u
#define USER_STACK_VA 0x08050000u

extern char user_blobs_start[], user_blobs_end[];
extern char user_syscalls[], user_read_kernel[], user_cli[], user_int81[],
	user_port_in[];
void ktest_enter_user(uint32_t eip, uint32_t esp);
void ktest_resume_kernel(void) __noreturn;

static struct trap_frame user_trap;
static uint8_t trap_stack[4096] __attribute__((aligned(16)));

static void on_user_fault(struct trap_frame *tf)
{
	user_trap = *tf;
	ktest_resume_kernel();
}

/* Runs the blob at label in ring 3 until it faults; returns 0 or -errno. */
static int run_user(const char *label)
{
	uintptr_t code = pmm_alloc(), stack = pmm_alloc();
	uint32_t old_top = current->kstack_top;
	int err = -ENOMEM;

	if (!code || !stack)
		goto out;
	memcpy(P2V(code), user_blobs_start, user_blobs_end - user_blobs_start);
	if ((err = paging_map(kernel_page_directory, USER_CODE_VA, code, PTE_USER)) ||
	    (err = paging_map(kernel_page_directory, USER_STACK_VA, stack,
			      PTE_USER | PTE_WRITE)))
		goto out;
	memset(&user_trap, 0, sizeof(user_trap));
	user_fault_hook = on_user_fault;
	/* Traps from ring 3 land on a stack of their own: ours is in use.
	 * The scheduler reloads esp0 from kstack_top on every switch. */
	current->kstack_top = (uint32_t)trap_stack + sizeof(trap_stack);
	tss_set_kernel_stack(current->kstack_top);
	ktest_enter_user(USER_CODE_VA + (label - user_blobs_start),
			 USER_STACK_VA + PAGE_SIZE);
	current->kstack_top = old_top;
	tss_set_kernel_stack(old_top);
	user_fault_hook = NULL;
out:
	paging_unmap(kernel_page_directory, USER_CODE_VA);
	paging_unmap(kernel_page_directory, USER_STACK_VA);
	paging_free_tables(kernel_page_directory);
	if (code)
		pmm_free(code);
	if (stack)
		pmm_free(stack);
	return err;
}

KTEST(syscall_from_ring0_is_enosys)
{
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(20) : "memory");
	KEXPECT_EQ(ret, -ENOSYS);
}

KTEST(syscall_from_ring3)
{
	size_t before = pmm_free_frames();

	KEXPECT_EQ(run_user(user_syscalls), 0);
	KEXPECT_EQ(user_trap.trapno, T_INVALID_OP);
	KEXPECT_EQ(user_trap.cs, USER_CS);
	KEXPECT_EQ(user_trap.user_ss, USER_DS);
	KEXPECT_EQ((int32_t)user_trap.ebx, -ENOSYS); /* getpid, for now */
	KEXPECT_EQ((int32_t)user_trap.ecx, -ENOSYS); /* unknown number */
	KEXPECT_EQ(user_trap.esi, 0x5a5a5a5a);
	KEXPECT_EQ(user_trap.user_esp, USER_STACK_VA + PAGE_SIZE);
	KEXPECT_EQ(pmm_free_frames(), before); /* pages and tables returned */
}

KTEST(user_read_of_kernel_memory_faults)
{
	KEXPECT_EQ(run_user(user_read_kernel), 0);
	KEXPECT_EQ(user_trap.trapno, T_PAGE_FAULT);
	KEXPECT_EQ(user_trap.err, PF_USER | PF_PRESENT);
	KEXPECT_EQ(user_trap.eip, USER_CODE_VA + (user_read_kernel - user_blobs_start));
}

KTEST(user_privileged_instructions_fault)
{
	KEXPECT_EQ(run_user(user_cli), 0);
	KEXPECT_EQ(user_trap.trapno, T_GPF);
	KEXPECT_EQ(run_user(user_port_in), 0);
	KEXPECT_EQ(user_trap.trapno, T_GPF);
}

KTEST(user_int_through_kernel_gate_faults)
{
	KEXPECT_EQ(run_user(user_int81), 0);
	KEXPECT_EQ(user_trap.trapno, T_GPF);
	KEXPECT_EQ(user_trap.err, 0x81 * 8 + 2); /* IDT entry 0x81 */
}
