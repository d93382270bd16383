/* libc/signal/sigset.c - signal sets: bit sig-1 stands for signal sig. */
#include <errno.h>
#include <signal.h>
#include <string.h>

#define BITS (8 * sizeof(unsigned long))

static int bad_signal(int sig)
{
	if (sig >= 1 && sig <= _NSIG)
		return 0;
	errno = EINVAL;
	return 1;
}

int sigemptyset(sigset_t *set)
{
	memset(set, 0, sizeof(*set));
	return 0;
}

int sigfillset(sigset_t *set)
{
	memset(set, 0xff, sizeof(*set));
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	set->__bits[(sig - 1) / BITS] |= 1UL << ((sig - 1) % BITS);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	set->__bits[(sig - 1) / BITS] &= ~(1UL << ((sig - 1) % BITS));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	return !!(set->__bits[(sig - 1) / BITS] & (1UL << ((sig - 1) % BITS)));
}
