/* libc/misc/klogctl.c - klogctl: syslog(2), the kernel log. */
#include <sys/klog.h>

#include "libc/internal/syscall.h"

int klogctl(int type, char *buf, int len)
{
	return __syscall_ret(__syscall3(SYS_syslog, type, buf, len));
}
