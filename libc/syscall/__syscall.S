/* libc/syscall/__syscall.S - long __syscall(n, a, b, c, d, e, f): the one
 * place the libc enters the kernel.
 *
 * Linux i386: int 0x80 with the number in eax and the arguments in ebx,
 * ecx, edx, esi, edi, ebp; the result (or -errno) comes back in eax and
 * every other register is preserved.  ebx, esi, edi and ebp are
 * callee-saved in the C ABI, so they are saved around the call.
 */
	.text
	.global __syscall
	.type __syscall, @function
__syscall:
	push %ebx
	push %esi
	push %edi
	push %ebp
	mov 20(%esp), %eax
	mov 24(%esp), %ebx
	mov 28(%esp), %ecx
	mov 32(%esp), %edx
	mov 36(%esp), %esi
	mov 40(%esp), %edi
	mov 44(%esp), %ebp
	int $0x80
	pop %ebp
	pop %edi
	pop %esi
	pop %ebx
	ret
	.size __syscall, . - __syscall

	.section .note.GNU-stack, "", @progbits
