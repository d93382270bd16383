/* libc/unistd/brk.c - brk and sbrk.
 *
 * Linux's brk(addr) never fails with -errno: it returns the new break,
 * or the old one when it cannot move it, and brk(0) asks for the current
 * break.  So failure is "the break is not where we asked": ENOMEM.
 */
#include <errno.h>
#include <stdint.h>
#include <unistd.h>

#include "libc/internal/syscall.h"

static uintptr_t cur_brk;

int brk(void *end)
{
	uintptr_t r = __syscall1(SYS_brk, end);

	cur_brk = r;
	if (r != (uintptr_t)end) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(long increment)
{
	uintptr_t old;

	if (!cur_brk)
		cur_brk = __syscall1(SYS_brk, 0);
	old = cur_brk;
	if (increment && brk((void *)(old + increment)) < 0)
		return (void *)-1;
	return (void *)old;
}
