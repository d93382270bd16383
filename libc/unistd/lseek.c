/* libc/unistd/lseek.c - lseek with a 64-bit off_t, through _llseek
 * (fd, offset high, offset low, &result, whence).  The 32-bit lseek (19)
 * is left to syscall(). */
#include <unistd.h>

#include "libc/internal/syscall.h"

off_t lseek(int fd, off_t offset, int whence)
{
	off_t result;
	long r = __syscall5(SYS__llseek, fd, __hi32(offset), __lo32(offset),
			    &result, whence);

	return r ? __syscall_ret(r) : result;
}
