/* libc/unistd/isatty.c - isatty: does TCGETS work on fd? */
#include <sys/ioctl.h>
#include <unistd.h>

#include "libc/internal/syscall.h"

int isatty(int fd)
{
	struct termios t;

	return __syscall_ret(__syscall3(SYS_ioctl, fd, TCGETS, &t)) == 0;
}
