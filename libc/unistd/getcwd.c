/* libc/unistd/getcwd.c - getcwd.  The kernel returns the length with the
 * NUL; the C function returns buf. */
#include <unistd.h>

#include "libc/internal/syscall.h"

char *getcwd(char *buf, size_t size)
{
	long r = __syscall_ret(__syscall2(SYS_getcwd, buf, size));

	return r < 0 ? NULL : buf;
}
