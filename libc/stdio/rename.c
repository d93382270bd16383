/* libc/stdio/rename.c - rename. */
#include <stdio.h>

#include "libc/internal/syscall.h"

int rename(const char *old, const char *new)
{
	return __syscall_ret(__syscall2(SYS_rename, old, new));
}
