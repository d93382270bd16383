/* libc/unistd/tls.c - set_thread_area and set_tid_address (Linux-specific;
 * the full libc uses them to set up thread-local storage). */
#include <asm/ldt.h>
#include <unistd.h>

#include "libc/internal/syscall.h"

int set_thread_area(struct user_desc *desc)
{
	return __syscall_ret(__syscall1(SYS_set_thread_area, desc));
}

pid_t set_tid_address(int *tidptr)
{
	return __syscall1(SYS_set_tid_address, tidptr);
}
