/* libc/pthread/__clone.S - int __clone(fn, stack, flags, arg, parent_tid,
 * tls, child_tid): clone(2), running fn(arg) in the child.
 *
 * Linux i386's clone takes ebx = flags, ecx = the child's stack, edx =
 * parent_tid, esi = tls (a struct user_desc *), edi = child_tid.  The
 * child comes back from int 0x80 with eax = 0 on the new stack and every
 * other register as the parent's, so it must not touch the parent's
 * stack: fn and arg are put on the child's stack before the call, and
 * the child takes them from there, calls fn(arg) with the stack 16-byte
 * aligned and ebp = 0 (the outermost frame), and ends with exit(2) (this
 * thread only) with fn's value.  The parent gets the child's tid or
 * -errno.  A null fn or stack is -EINVAL, as glibc's clone.
 */
	.text
	.global __clone
	.type __clone, @function
__clone:
	push %ebp
	push %ebx
	push %esi
	push %edi
	/* 20(%esp) fn, 24 stack, 28 flags, 32 arg, 36 parent_tid, 40 tls,
	 * 44 child_tid */
	mov 20(%esp), %eax
	mov 24(%esp), %ecx
	test %eax, %eax
	jz 2f
	test %ecx, %ecx
	jz 2f
	and $-16, %ecx
	sub $16, %ecx
	mov %eax, 4(%ecx)	/* fn */
	mov 32(%esp), %eax
	mov %eax, (%ecx)	/* arg, where fn finds its argument */
	mov 28(%esp), %ebx
	mov 36(%esp), %edx
	mov 40(%esp), %esi
	mov 44(%esp), %edi
	mov $120, %eax		/* SYS_clone */
	int $0x80
	test %eax, %eax
	jz 1f
3:	pop %edi
	pop %esi
	pop %ebx
	pop %ebp
	ret
2:	mov $-22, %eax		/* -EINVAL */
	jmp 3b

1:	/* the child, on its own stack */
	xor %ebp, %ebp
	mov 4(%esp), %eax
	call *%eax
	mov %eax, %ebx
	mov $1, %eax		/* SYS_exit */
	int $0x80
	hlt
	.size __clone, . - __clone

	.section .note.GNU-stack, "", @progbits
