/* libc/signal/signal.c - signal: BSD semantics, as glibc and musl give
 * (the handler stays installed, interrupted calls restart). */
#include <signal.h>

sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction sa = {.sa_handler = handler, .sa_flags = SA_RESTART};
	struct sigaction old;

	if (sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}
