/* libc/exit/_Exit.c - _Exit and _exit: end the process now (exit_group,
 * which ends every thread; Linux's exit only ends the calling one). */
#include <stdlib.h>
#include <unistd.h>

#include "libc/internal/syscall.h"

_Noreturn void _Exit(int status)
{
	for (;;)
		__syscall1(SYS_exit_group, status);
}

_Noreturn void _exit(int status)
{
	_Exit(status);
}
