/* libc/errno/errno.c - errno's storage: a `__thread` variable, so each
 * thread has its own (in its TLS block, reached through %gs; see
 * libc/pthread/tls.c). */
#include <errno.h>

static __thread int errno_value;

int *__errno_location(void)
{
	return &errno_value;
}
