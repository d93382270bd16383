/* libc/internal/syscall.h - how the libc makes system calls (private).
 *
 * __syscall (syscall/__syscall.S) is the one place that executes int 0x80:
 * number in eax, arguments in ebx ecx edx esi edi ebp, the result or
 * -errno back in eax.  __syscallN(n, ...) pass N arguments of any scalar
 * or pointer type.  A wrapper returns __syscall_ret(r), which turns
 * -4095..-1 into errno and -1 (syscall/syscall_ret.c); calls that cannot
 * fail, or that report errors another way, return r directly.
 */
#ifndef LIBC_INTERNAL_SYSCALL_H
#define LIBC_INTERNAL_SYSCALL_H

#include <sys/syscall.h>

long __syscall(long n, long a, long b, long c, long d, long e, long f);
long __syscall_ret(unsigned long r);

#define __scc(x) ((long)(x))
#define __syscall0(n) __syscall(n, 0, 0, 0, 0, 0, 0)
#define __syscall1(n, a) __syscall(n, __scc(a), 0, 0, 0, 0, 0)
#define __syscall2(n, a, b) __syscall(n, __scc(a), __scc(b), 0, 0, 0, 0)
#define __syscall3(n, a, b, c)                                                 \
	__syscall(n, __scc(a), __scc(b), __scc(c), 0, 0, 0)
#define __syscall4(n, a, b, c, d)                                              \
	__syscall(n, __scc(a), __scc(b), __scc(c), __scc(d), 0, 0)
#define __syscall5(n, a, b, c, d, e)                                           \
	__syscall(n, __scc(a), __scc(b), __scc(c), __scc(d), __scc(e), 0)
#define __syscall6(n, a, b, c, d, e, f)                                        \
	__syscall(n, __scc(a), __scc(b), __scc(c), __scc(d), __scc(e), __scc(f))

/* a 64-bit value as the (low, high) register pair the i386 calls take */
#define __lo32(x) ((long)(unsigned long long)(x))
#define __hi32(x) ((long)((unsigned long long)(x) >> 32))

#endif
