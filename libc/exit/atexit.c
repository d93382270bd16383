/* libc/exit/atexit.c - atexit: functions for exit() to call.
 *
 * A fixed table of ATEXIT_MAX handlers (POSIX asks for at least 32), so
 * registering never allocates: atexit works before malloc does and
 * fails only with a full table.  exit() calls them newest first.
 */
#include <stdlib.h>

#include "libc/internal/atexit.h"

#define ATEXIT_MAX 64

static void (*handlers[ATEXIT_MAX])(void);
static int count;

int atexit(void (*fn)(void))
{
	if (count == ATEXIT_MAX)
		return -1;
	handlers[count++] = fn;
	return 0;
}

void __run_atexit_handlers(void)
{
	while (count > 0)
		handlers[--count]();
}
