/* libc/misc/sysinfo.c - sysinfo. */
#include <sys/sysinfo.h>

#include "libc/internal/syscall.h"

int sysinfo(struct sysinfo *info)
{
	return __syscall_ret(__syscall1(SYS_sysinfo, info));
}
