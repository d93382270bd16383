/* libc/stat/mkdir.c - mkdir. */
#include <sys/stat.h>

#include "libc/internal/syscall.h"

int mkdir(const char *path, mode_t mode)
{
	return __syscall_ret(__syscall2(SYS_mkdir, path, mode));
}
