/* libc/misc/mount.c - mount (21), umount2 (52), and umount as umount2
 * without flags. */
#include <sys/mount.h>

#include "libc/internal/syscall.h"

int mount(const char *source, const char *target, const char *type,
	  unsigned long flags, const void *data)
{
	return __syscall_ret(
	    __syscall5(SYS_mount, source, target, type, flags, data));
}

int umount2(const char *target, int flags)
{
	return __syscall_ret(__syscall2(SYS_umount2, target, flags));
}

int umount(const char *target)
{
	return umount2(target, 0);
}
