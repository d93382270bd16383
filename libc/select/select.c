/* libc/select/select.c - select through _newselect (142; Linux i386's
 * select, 82, is the old one taking a block of arguments). */
#include <sys/select.h>

#include "libc/internal/syscall.h"

int select(int nfds, fd_set *restrict r, fd_set *restrict w, fd_set *restrict e,
	   struct timeval *restrict timeout)
{
	return __syscall_ret(
	    __syscall5(SYS__newselect, nfds, r, w, e, timeout));
}
