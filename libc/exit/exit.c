/* libc/exit/exit.c - exit: the process's normal end.  Nothing to flush
 * yet (no stdio buffers, no atexit); those hook in here later. */
#include <stdlib.h>

_Noreturn void exit(int status)
{
	_Exit(status);
}
