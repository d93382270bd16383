/* libc/crt/crt0.S - _start, the entry point of every program.
 *
 * execve leaves Linux's initial stack: esp -> argc, argv[0..argc-1],
 * NULL, envp[...], NULL, auxv pairs, AT_NULL; every other register is
 * undefined.  _start clears ebp (the outermost frame: backtraces stop
 * here), aligns the stack to 16 bytes as the i386 ABI wants at a call,
 * and hands the address of argc to __libc_start_main, which never
 * returns.  Linked first, before the program and libc.a.
 */
	.text
	.global _start
	.type _start, @function
_start:
	xor %ebp, %ebp
	mov %esp, %eax
	and $-16, %esp
	sub $12, %esp
	push %eax
	call __libc_start_main
	hlt
	.size _start, . - _start

	.section .note.GNU-stack, "", @progbits
