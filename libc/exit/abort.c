/* libc/exit/abort.c - abort: die by SIGABRT, even if it is caught,
 * ignored or blocked. */
#include <signal.h>
#include <stdlib.h>

_Noreturn void abort(void)
{
	struct sigaction sa = {.sa_handler = SIG_DFL};
	sigset_t set;

	raise(SIGABRT); /* a handler runs, and may not return */
	sigaction(SIGABRT, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGABRT);
	for (;;)
		_Exit(127);
}
