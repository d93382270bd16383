/* libc/setjmp/sigsetjmp_tail.c - the end of sigsetjmp(env, 1) (see
 * setjmp.S): on its first return (ret 0) save the signal mask in env, on
 * a return by siglongjmp restore it; returns ret to sigsetjmp's caller. */
#include <setjmp.h>
#include <signal.h>

int __sigsetjmp_tail(sigjmp_buf env, int ret);

int __sigsetjmp_tail(sigjmp_buf env, int ret)
{
	sigset_t *mask = (sigset_t *)env->__mask;

	_Static_assert(sizeof(env->__mask) == sizeof(sigset_t),
		       "jmp_buf holds a sigset_t");
	if (ret)
		sigprocmask(SIG_SETMASK, mask, NULL);
	else
		sigprocmask(SIG_SETMASK, NULL, mask);
	return ret;
}
