/* kernel/syscall.c - system-call dispatch (Linux i386: int 0x80).
 *
 * eax holds the number, ebx ecx edx esi edi ebp the arguments; the result
 * (or -errno) goes back in eax.  The table is built from the one list in
 * kernel/syscalls.h.  Handlers are declared with their real parameter
 * types and called through a six-argument pointer: with the i386 C
 * calling convention the caller pushes and pops the arguments, so a
 * handler simply ignores those it does not declare (Linux does the same).
 * An unknown number returns -ENOSYS and is logged once.
 */
#include "kernel/syscall.h"

#include "kernel/kernel.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/syscalls.h"
#include "kernel/task.h"
#include "kernel/uapi/errno.h"
#include "kernel/x86.h"

#define NR_SYSCALLS 450

typedef long (*syscall_fn)(uint32_t, uint32_t, uint32_t, uint32_t, uint32_t,
			   uint32_t);

#define DECLARE(nr, name) long sys_##name();
SYSCALLS(DECLARE)
#undef DECLARE

#define ENTRY(nr, name) [nr] = (syscall_fn)sys_##name,
static const syscall_fn syscall_table[NR_SYSCALLS] = { SYSCALLS(ENTRY) };
#undef ENTRY

static uint32_t logged[(NR_SYSCALLS + 31) / 32 + 1];

static long unknown(uint32_t nr)
{
	uint32_t slot = nr < NR_SYSCALLS ? nr : NR_SYSCALLS;

	if (!(logged[slot / 32] & (1u << (slot % 32)))) {
		logged[slot / 32] |= 1u << (slot % 32);
		printk("syscall: %u not implemented (-ENOSYS)\n", nr);
	}
	return -ENOSYS;
}

void syscall_dispatch(struct trap_frame *tf)
{
	uint32_t nr = tf->eax;
	syscall_fn fn = nr < NR_SYSCALLS ? syscall_table[nr] : NULL;

	sti(); /* system calls run with interrupts on, and may sleep */
	current->tf = tf;
	current->syscall_nr = nr;
	if (!current->proc) /* int 0x80 from a kernel self-test */
		tf->eax = (uint32_t)-ENOSYS;
	else if (fn)
		tf->eax = (uint32_t)fn(tf->ebx, tf->ecx, tf->edx, tf->esi, tf->edi,
				       tf->ebp);
	else
		tf->eax = (uint32_t)unknown(nr);
	if (current->proc)
		thread_drop_files(); /* what fget() held for the call */
	cli();
}
