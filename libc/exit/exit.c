/* libc/exit/exit.c - exit: the process's normal end.
 *
 * Runs the atexit handlers, newest first, then flushes stdio through
 * the weak hook __stdio_exit (see libc/internal/libc.h: it is there only
 * when the program uses streams), then _Exit.  A handler that registers
 * another handler gets it run too: each is taken off the table before it
 * is called.
 */
#include <stdlib.h>

#include "libc/internal/atexit.h"
#include "libc/internal/libc.h"

#pragma weak __stdio_exit

_Noreturn void exit(int status)
{
	__run_atexit_handlers();
	if (__stdio_exit)
		__stdio_exit();
	_Exit(status);
}
