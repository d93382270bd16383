/* kernel/syscall.h - the int 0x80 system-call entry (Linux i386 ABI):
 * eax = number, arguments in ebx ecx edx esi edi ebp, result in eax,
 * errors as -errno. */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

#include "kernel/trap.h"

void syscall_dispatch(struct trap_frame *tf);

#endif
