/* libc/misc/sched_yield.c - sched_yield. */
#include <sched.h>

#include "libc/internal/syscall.h"

int sched_yield(void)
{
	return __syscall_ret(__syscall0(SYS_sched_yield));
}
