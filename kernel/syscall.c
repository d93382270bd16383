/* kernel/syscall.c - system-call dispatch.
 *
 * One table indexed by Linux i386's numbers.  No call is implemented yet
 * (processes arrive with the user-mode issue), so every number, known or
 * not, returns -ENOSYS; nothing a caller passes can do anything else.
 */
#include "kernel/syscall.h"

#include "kernel/kernel.h"
#include "kernel/uapi/errno.h"

typedef long (*syscall_fn)(struct trap_frame *tf);

static const syscall_fn syscall_table[] = {
	[0] = NULL, /* restart_syscall: filled in with processes */
};

void syscall_dispatch(struct trap_frame *tf)
{
	uint32_t nr = tf->eax;

	if (nr < ARRAY_SIZE(syscall_table) && syscall_table[nr])
		tf->eax = (uint32_t)syscall_table[nr](tf);
	else
		tf->eax = (uint32_t)-ENOSYS;
}
