/* libc/misc/reboot.c - reboot(cmd) with Linux's two magic numbers. */
#include <sys/reboot.h>

#include "libc/internal/syscall.h"

int reboot(int cmd)
{
	return __syscall_ret(__syscall4(SYS_reboot, LINUX_REBOOT_MAGIC1,
					LINUX_REBOOT_MAGIC2, cmd, 0));
}
