/* libc/syscall/syscall.c - syscall(n, ...): a raw call with up to six
 * arguments, for calls without a wrapper and for tests that pass what a
 * wrapper would not. */
#include <stdarg.h>
#include <unistd.h>

#include "libc/internal/syscall.h"

long syscall(long n, ...)
{
	va_list ap;
	long a, b, c, d, e, f;

	va_start(ap, n);
	a = va_arg(ap, long);
	b = va_arg(ap, long);
	c = va_arg(ap, long);
	d = va_arg(ap, long);
	e = va_arg(ap, long);
	f = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall(n, a, b, c, d, e, f));
}
