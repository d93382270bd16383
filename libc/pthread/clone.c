/* libc/pthread/clone.c - clone(): glibc's wrapper over __clone (__clone.S).
 * The optional arguments are read only when a flag asks for them. */
#include <sched.h>
#include <stdarg.h>

#include "libc/internal/pthread.h"
#include "libc/internal/syscall.h"

int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
	int *parent_tid = NULL, *child_tid = NULL;
	void *tls = NULL;
	va_list ap;

	va_start(ap, arg);
	if (flags & (CLONE_PARENT_SETTID | CLONE_SETTLS | CLONE_CHILD_SETTID |
		     CLONE_CHILD_CLEARTID))
		parent_tid = va_arg(ap, int *);
	if (flags & (CLONE_SETTLS | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		tls = va_arg(ap, void *);
	if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		child_tid = va_arg(ap, int *);
	va_end(ap);
	return __syscall_ret(
	    __clone(fn, stack, flags, arg, parent_tid, tls, child_tid));
}
