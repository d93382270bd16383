/* setjmp.h - non-local jumps (libc/setjmp/setjmp.S).
 *
 * setjmp saves the registers a function call must preserve (ebx, esi,
 * edi, ebp), the stack pointer and the return address; longjmp puts
 * them back, so setjmp "returns again", with longjmp's value (1 if that
 * was 0).  As in glibc, setjmp and _setjmp leave the signal mask alone;
 * sigsetjmp(env, 1) saves it and siglongjmp restores it.
 */
#ifndef _SETJMP_H
#define _SETJMP_H

typedef struct __jmp_buf_tag {
	unsigned long __regs[6]; /* ebx esi edi ebp esp eip */
	unsigned long __ret; /* sigsetjmp: its return address, while */
	unsigned long __ebx; /* ...setjmp runs, and the caller's ebx */
	unsigned long __mask[2]; /* sigsetjmp(env, 1): the signal mask */
} jmp_buf[1];

typedef jmp_buf sigjmp_buf;

int setjmp(jmp_buf env) __attribute__((returns_twice));
int _setjmp(jmp_buf env) __attribute__((returns_twice));
int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((returns_twice));
_Noreturn void longjmp(jmp_buf env, int val);
_Noreturn void _longjmp(jmp_buf env, int val);
_Noreturn void siglongjmp(sigjmp_buf env, int val);

#endif
