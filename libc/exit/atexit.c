/* libc/exit/atexit.c - atexit: functions for exit() to call.
 *
 * A fixed table of ATEXIT_MAX handlers (POSIX asks for at least 32), so
 * registering never allocates: atexit works before malloc does and
 * fails only with a full table.  exit() calls them newest first.  A
 * lock keeps the table whole when threads register at once (or one
 * calls exit while another registers); it is not held while a handler
 * runs, so a handler may register another.
 */
#include <stdlib.h>

#include "libc/internal/atexit.h"
#include "libc/internal/lock.h"

#define ATEXIT_MAX 64

static void (*handlers[ATEXIT_MAX])(void);
static int count;
static volatile int lock;

int atexit(void (*fn)(void))
{
	int r = -1;

	__lock(&lock);
	if (count < ATEXIT_MAX) {
		handlers[count++] = fn;
		r = 0;
	}
	__unlock(&lock);
	return r;
}

void __run_atexit_handlers(void)
{
	for (;;) {
		void (*fn)(void) = NULL;

		__lock(&lock);
		if (count > 0)
			fn = handlers[--count];
		__unlock(&lock);
		if (!fn)
			return;
		fn();
	}
}
