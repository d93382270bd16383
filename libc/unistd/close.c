/* libc/unistd/close.c - close. */
#include <unistd.h>

#include "libc/internal/syscall.h"

int close(int fd)
{
	return __syscall_ret(__syscall1(SYS_close, fd));
}
