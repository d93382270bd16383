/* libc/unistd/ids.c - user and group ids (the 32-bit calls; they cannot fail).
 */
#include <unistd.h>

#include "libc/internal/syscall.h"

uid_t getuid(void)
{
	return __syscall0(SYS_getuid32);
}

uid_t geteuid(void)
{
	return __syscall0(SYS_geteuid32);
}

gid_t getgid(void)
{
	return __syscall0(SYS_getgid32);
}

gid_t getegid(void)
{
	return __syscall0(SYS_getegid32);
}
