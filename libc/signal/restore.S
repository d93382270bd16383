/* libc/signal/restore.S - where a signal handler returns to.
 *
 * sigaction() passes these as sa_restorer with SA_RESTORER; the kernel
 * puts the restorer's address as the handler's return address.
 *   __restore      for handlers without SA_SIGINFO: the frame still holds
 *                  the signal number above the return address; pop it so
 *                  esp points at the sigcontext, then sigreturn (119).
 *   __restore_rt   for SA_SIGINFO handlers: rt_sigreturn (173), which finds
 *                  the ucontext in the frame.
 * Neither returns: the kernel restores the interrupted registers.
 */
	.text
	.global __restore
	.type __restore, @function
__restore:
	pop %eax
	mov $119, %eax
	int $0x80
	hlt
	.size __restore, . - __restore

	.global __restore_rt
	.type __restore_rt, @function
__restore_rt:
	mov $173, %eax
	int $0x80
	hlt
	.size __restore_rt, . - __restore_rt

	.section .note.GNU-stack, "", @progbits
