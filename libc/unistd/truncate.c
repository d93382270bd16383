/* libc/unistd/truncate.c - truncate and ftruncate with a 64-bit length
 * (truncate64, ftruncate64: the length as a register pair). */
#include <unistd.h>

#include "libc/internal/syscall.h"

int truncate(const char *path, off_t length)
{
	return __syscall_ret(
	    __syscall3(SYS_truncate64, path, __lo32(length), __hi32(length)));
}

int ftruncate(int fd, off_t length)
{
	return __syscall_ret(
	    __syscall3(SYS_ftruncate64, fd, __lo32(length), __hi32(length)));
}
