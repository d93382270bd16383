/* libc/misc/uname.c - uname (Linux's newuname). */
#include <sys/utsname.h>

#include "libc/internal/syscall.h"

int uname(struct utsname *u)
{
	return __syscall_ret(__syscall1(SYS_uname, u));
}
