/* libc/setjmp/setjmp.S - setjmp, _setjmp, longjmp, _longjmp, sigsetjmp,
 * siglongjmp for i386 (cdecl: arguments on the stack).
 *
 * The jmp_buf (<setjmp.h>) holds ebx, esi, edi, ebp, the stack pointer
 * as it is after setjmp returns, and the return address.  longjmp
 * reloads them and "returns" from setjmp with its value (never 0).
 *
 * sigsetjmp(env, 1) must also save the signal mask, and its second
 * return must restore it, yet it cannot be a C function that calls
 * setjmp (setjmp would save a frame that is gone when longjmp comes).
 * So, as musl does: sigsetjmp keeps its own return address and the
 * caller's ebx in env, puts env in ebx and calls setjmp, so that both
 * returns arrive at the same place with env in ebx; from there it
 * rebuilds a call frame for the caller and jumps to __sigsetjmp_tail
 * (C), which saves the mask on the first return, restores it on the
 * second, and returns to sigsetjmp's caller.  siglongjmp is longjmp.
 */
	.text
	.global setjmp, _setjmp
	.type setjmp, @function
	.type _setjmp, @function
setjmp:
_setjmp:
	mov 4(%esp), %eax	/* env */
	mov %ebx, 0(%eax)
	mov %esi, 4(%eax)
	mov %edi, 8(%eax)
	mov %ebp, 12(%eax)
	lea 4(%esp), %ecx	/* the stack pointer after our return */
	mov %ecx, 16(%eax)
	mov (%esp), %ecx	/* the return address */
	mov %ecx, 20(%eax)
	xor %eax, %eax
	ret
	.size setjmp, . - setjmp

	.global longjmp, _longjmp, siglongjmp
	.type longjmp, @function
	.type _longjmp, @function
	.type siglongjmp, @function
longjmp:
_longjmp:
siglongjmp:
	mov 4(%esp), %edx	/* env */
	mov 8(%esp), %eax	/* val */
	test %eax, %eax
	jnz 1f
	inc %eax		/* longjmp(env, 0) returns 1 */
1:	mov 0(%edx), %ebx
	mov 4(%edx), %esi
	mov 8(%edx), %edi
	mov 12(%edx), %ebp
	mov 16(%edx), %esp
	jmp *20(%edx)
	.size longjmp, . - longjmp

	.global sigsetjmp
	.type sigsetjmp, @function
sigsetjmp:
	mov 8(%esp), %ecx	/* savemask */
	jecxz setjmp		/* 0: just setjmp */
	mov 4(%esp), %eax	/* env */
	popl 24(%eax)		/* env->__ret = our return address */
	mov %ebx, 28(%eax)	/* env->__ebx = the caller's ebx */
	mov %eax, %ebx		/* setjmp saves it: ebx is env again */
	call setjmp		/* ...after the first return and a longjmp */
	pushl 24(%ebx)		/* a frame for tail(env, ret) */
	mov %ebx, 4(%esp)
	mov %eax, 8(%esp)
	mov 28(%ebx), %ebx
	jmp __sigsetjmp_tail
	.size sigsetjmp, . - sigsetjmp

	.section .note.GNU-stack, "", @progbits
