/* libc/string/strsignal.c - strsignal: glibc's description of a signal
 * ("Segmentation fault").  As in glibc, whose threads take 32 and 33,
 * signals 34..64 are "Real-time signal N" (N from 0) and the others
 * "Unknown signal N". */
#include <signal.h>
#include <string.h>

#include "libc/internal/fmt.h"

#define FIRST_RT 34 /* glibc's SIGRTMIN */

/* generated from glibc's strsignal() */
static const char *const descriptions[] = {
	[SIGHUP] = "Hangup",
	[SIGINT] = "Interrupt",
	[SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction",
	[SIGTRAP] = "Trace/breakpoint trap",
	[SIGABRT] = "Aborted",
	[SIGBUS] = "Bus error",
	[SIGFPE] = "Floating point exception",
	[SIGKILL] = "Killed",
	[SIGUSR1] = "User defined signal 1",
	[SIGSEGV] = "Segmentation fault",
	[SIGUSR2] = "User defined signal 2",
	[SIGPIPE] = "Broken pipe",
	[SIGALRM] = "Alarm clock",
	[SIGTERM] = "Terminated",
	[SIGSTKFLT] = "Stack fault",
	[SIGCHLD] = "Child exited",
	[SIGCONT] = "Continued",
	[SIGSTOP] = "Stopped (signal)",
	[SIGTSTP] = "Stopped",
	[SIGTTIN] = "Stopped (tty input)",
	[SIGTTOU] = "Stopped (tty output)",
	[SIGURG] = "Urgent I/O condition",
	[SIGXCPU] = "CPU time limit exceeded",
	[SIGXFSZ] = "File size limit exceeded",
	[SIGVTALRM] = "Virtual timer expired",
	[SIGPROF] = "Profiling timer expired",
	[SIGWINCH] = "Window changed",
	[SIGIO] = "I/O possible",
	[SIGPWR] = "Power failure",
	[SIGSYS] = "Bad system call",
};

#define COUNT (int)(sizeof(descriptions) / sizeof(descriptions[0]))

char *strsignal(int sig)
{
	static char buf[32];

	if (sig > 0 && sig < COUNT && descriptions[sig])
		return (char *)descriptions[sig];
	if (sig >= FIRST_RT && sig <= _NSIG) {
		strcpy(buf, "Real-time signal ");
		__fmt_int(buf + strlen(buf), sig - FIRST_RT);
	} else {
		strcpy(buf, "Unknown signal ");
		__fmt_int(buf + strlen(buf), sig);
	}
	return buf;
}
