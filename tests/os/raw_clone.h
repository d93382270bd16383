/* tests/os/raw_clone.h - raw system calls for the tests of clone and
 * vfork (tests/os/clone.c, vfork.c): their children share the parent's
 * memory, so they must not touch the libc's state (errno, locks, the
 * stdio buffers).  sys() returns -errno as the kernel does.  Include
 * from one file of a program only (t_clone is defined here). */
#ifndef TESTS_OS_RAW_CLONE_H
#define TESTS_OS_RAW_CLONE_H

static long sys(long nr, long a, long b, long c, long d, long e)
{
	long r;

	__asm__ volatile("push %%ebx\n\tmov %2, %%ebx\n\tint $0x80\n\tpop %%ebx"
			 : "=a"(r)
			 : "a"(nr), "r"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			 : "memory");
	return r;
}

#define sys0(nr) sys(nr, 0, 0, 0, 0, 0)
#define sys1(nr, a) sys(nr, (long)(a), 0, 0, 0, 0)
#define sys2(nr, a, b) sys(nr, (long)(a), (long)(b), 0, 0, 0)
#define sys3(nr, a, b, c) sys(nr, (long)(a), (long)(b), (long)(c), 0, 0)

/* clone(flags, stack, ptid, tls, ctid); in a child with a stack of its
 * own: fn(arg), then exit(its value).  Returns what clone returns (0 in
 * a fork-like child, which has no stack of its own). */
long t_clone(unsigned flags, void *stack, volatile int *ptid, void *tls,
	     volatile int *ctid, int (*fn)(void *), void *arg);
__asm__(".text\n"
	".globl t_clone\n"
	"t_clone:\n"
	"	push %ebp\n"
	"	push %ebx\n"
	"	push %esi\n"
	"	push %edi\n"
	"	mov 20(%esp), %ebx\n" /* flags */
	"	mov 24(%esp), %ecx\n" /* stack */
	"	mov 28(%esp), %edx\n" /* parent_tid */
	"	mov 32(%esp), %esi\n" /* tls */
	"	mov 36(%esp), %edi\n" /* child_tid */
	"	test %ecx, %ecx\n"
	"	jz 1f\n"
	"	and $-16, %ecx\n" /* the child's stack: arg, fn */
	"	sub $16, %ecx\n"
	"	mov 44(%esp), %eax\n"
	"	mov %eax, (%ecx)\n"
	"	mov 40(%esp), %eax\n"
	"	mov %eax, 4(%ecx)\n"
	"1:	mov $120, %eax\n"
	"	int $0x80\n"
	"	test %eax, %eax\n"
	"	jnz 2f\n"
	"	test %ecx, %ecx\n"
	"	jz 2f\n" /* a fork-like child returns 0 */
	"	xor %ebp, %ebp\n"
	"	call *4(%esp)\n" /* fn(arg) */
	"	mov %eax, %ebx\n"
	"	mov $1, %eax\n" /* exit: this thread only */
	"	int $0x80\n"
	"	hlt\n"
	"2:	pop %edi\n"
	"	pop %esi\n"
	"	pop %ebx\n"
	"	pop %ebp\n"
	"	ret\n");

#endif
