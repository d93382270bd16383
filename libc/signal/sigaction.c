/* libc/signal/sigaction.c - sigaction through rt_sigaction, converting
 * between the C struct sigaction and the kernel's struct k_sigaction
 * (handler, flags, restorer, mask).  The libc's restorer is always
 * installed (see restore.S). */
#include <signal.h>
#include <string.h>

#include "libc/internal/syscall.h"

void __restore(void);
void __restore_rt(void);

int sigaction(int sig, const struct sigaction *restrict act,
	      struct sigaction *restrict old)
{
	struct k_sigaction kact, kold;
	long r;

	if (act) {
		kact.handler = (void *)act->sa_handler;
		kact.flags = act->sa_flags | SA_RESTORER;
		kact.restorer =
		    (act->sa_flags & SA_SIGINFO) ? __restore_rt : __restore;
		memcpy(kact.mask, &act->sa_mask, sizeof(kact.mask));
	}
	r = __syscall4(SYS_rt_sigaction, sig, act ? &kact : NULL,
		       old ? &kold : NULL, sizeof(kact.mask));
	if (r == 0 && old) {
		old->sa_handler = (void (*)(int))kold.handler;
		old->sa_flags = kold.flags;
		old->sa_restorer = kold.restorer;
		memcpy(&old->sa_mask, kold.mask, sizeof(kold.mask));
	}
	return __syscall_ret(r);
}
