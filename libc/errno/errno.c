/* libc/errno/errno.c - errno's storage.  One per process for now; with
 * threads it moves into the thread's TLS block. */
#include <errno.h>

static int errno_value;

int *__errno_location(void)
{
	return &errno_value;
}
