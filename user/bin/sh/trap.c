/* user/bin/sh/trap.c - the shell's signal dispositions, and trap.
 *
 *	trap				list the traps set
 *	trap ACTION CONDITION...	ACTION runs on each CONDITION
 *	trap - CONDITION...		back to the default
 *	trap '' CONDITION...		ignored
 *
 * A CONDITION is EXIT (or 0), a signal name with or without SIG (INT,
 * TERM...) or its number.  A trapped signal only marks itself pending in
 * the handler; run_traps() runs the actions between commands, so a trap
 * never interrupts the shell half-way through its own work (a foreground
 * job is waited for first, as POSIX has it).  The EXIT action runs once,
 * when the shell exits.
 *
 * The shell's own dispositions live here too: an interactive shell
 * catches SIGINT (^C abandons the line or the running command list) and
 * ignores SIGQUIT and SIGTERM, and with job control SIGTSTP, SIGTTIN and
 * SIGTTOU.  "trap - SIG" goes back to those.  A child (become_child) gets
 * the defaults back for every signal the shell changed, except the ones
 * a trap ignores, which stay ignored.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "sh.h"

#define NSIGNALS 32 /* conditions 0 (EXIT) to 31 */

static const char *const names[NSIGNALS] = {
    "EXIT",   "HUP",  "INT",	"QUIT", "ILL",	 "TRAP", "ABRT", "BUS",
    "FPE",    "KILL", "USR1",	"SEGV", "USR2",	 "PIPE", "ALRM", "TERM",
    "STKFLT", "CHLD", "CONT",	"STOP", "TSTP",	 "TTIN", "TTOU", "URG",
    "XCPU",   "XFSZ", "VTALRM", "PROF", "WINCH", "IO",	 "PWR",	 "SYS",
};

static char *actions[NSIGNALS]; /* NULL: none; "": ignored; else commands */
static volatile sig_atomic_t pending[NSIGNALS], any_pending;
static sigset_t changed; /* signals whose disposition the shell changed */
static bool interactive_signals, jobctl_signals;

static void on_sigint(int sig)
{
	(void)sig;
	sh.got_sigint = 1;
	input_interrupt(); /* at the prompt: out of the read */
}

static void on_trapped(int sig)
{
	pending[sig] = 1;
	any_pending = 1;
	if (sig == SIGINT && interactive_signals)
		on_sigint(sig);
}

static void set_signal(int sig, void (*handler)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: ^C must interrupt a read */
	sigaction(sig, &sa, NULL);
	sigaddset(&changed, sig);
}

/* SIG as the shell has it when no trap is set */
static void shell_default(int sig)
{
	bool job_signal = sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;

	if (sig == SIGINT && interactive_signals)
		set_signal(sig, on_sigint);
	else if ((sig == SIGQUIT || sig == SIGTERM) && interactive_signals)
		set_signal(sig, SIG_IGN);
	else if (job_signal && jobctl_signals)
		set_signal(sig, SIG_IGN);
	else if (sigismember(&changed, sig) == 1)
		set_signal(sig, SIG_DFL);
}

void signals_interactive(bool jobctl)
{
	interactive_signals = true;
	jobctl_signals = jobctl;
	for (int sig = 1; sig < NSIGNALS; sig++)
		if (!actions[sig])
			shell_default(sig);
}

void signals_child(void)
{
	interactive_signals = jobctl_signals = false;
	for (int sig = 1; sig < NSIGNALS; sig++) {
		if (actions[sig] && !*actions[sig])
			continue; /* ignored by a trap: stays ignored */
		free(actions[sig]);
		actions[sig] = NULL;
		pending[sig] = 0;
		if (sigismember(&changed, sig) == 1)
			signal(sig, SIG_DFL);
	}
	free(actions[0]); /* the EXIT trap is the parent's */
	actions[0] = NULL;
	any_pending = 0;
}

int trap_pending(void)
{
	for (int sig = 1; any_pending && sig < NSIGNALS; sig++)
		if (pending[sig])
			return sig;
	return 0;
}

void run_traps(void)
{
	static bool running;
	int status = sh.status;

	if (!any_pending || running)
		return;
	running = true;
	any_pending = 0;
	for (int sig = 1; sig < NSIGNALS; sig++) {
		if (!pending[sig])
			continue;
		pending[sig] = 0;
		if (actions[sig] && *actions[sig])
			run_string(actions[sig], NULL);
	}
	sh.status = status;
	running = false;
}

void run_exit_trap(void)
{
	char *action = actions[0];

	actions[0] = NULL; /* once: an exit in the action ends it all */
	if (action && *action)
		run_string(action, NULL);
	free(action);
}

/* the condition named by ARG, or -1 */
static int condition(const char *arg)
{
	long long n;

	if (parse_number(arg, &n))
		return n >= 0 && n < NSIGNALS ? (int)n : -1;
	if (strncasecmp(arg, "SIG", 3) == 0)
		arg += 3;
	for (int sig = 0; sig < NSIGNALS; sig++)
		if (strcasecmp(arg, names[sig]) == 0)
			return sig;
	return -1;
}

static void set_trap(int sig, const char *action)
{
	free(actions[sig]);
	actions[sig] = action ? xstrdup(action) : NULL;
	if (sig == 0)
		return;
	if (!action)
		shell_default(sig);
	else if (!*action)
		set_signal(sig, SIG_IGN);
	else
		set_signal(sig, on_trapped);
}

static int list_traps(void)
{
	struct strbuf b = {0};

	for (int sig = 0; sig < NSIGNALS; sig++) {
		if (!actions[sig])
			continue;
		sb_adds(&b, "trap -- '");
		for (const char *p = actions[sig]; *p; p++) {
			if (*p == '\'')
				sb_adds(&b, "'\\''");
			else
				sb_addc(&b, *p);
		}
		sb_adds(&b, "' ");
		sb_adds(&b, names[sig]);
		sb_addc(&b, '\n');
	}
	write_all(1, sb_str(&b), b.len);
	sb_free(&b);
	return 0;
}

int bi_trap(int argc, char **argv)
{
	const char *action;
	int status = 0, first = 2;

	long long n;

	if (argc > 1 && strcmp(argv[1], "--") == 0) {
		argv++;
		argc--;
	}
	if (argc == 1)
		return list_traps();
	action = argv[1];
	if (argc == 2 || parse_number(action, &n)) { /* trap N...: reset */
		action = "-";
		first = 1;
	}
	for (int i = first; i < argc; i++) {
		int sig = condition(argv[i]);

		if (sig < 0 || sig == SIGKILL || sig == SIGSTOP) {
			sh_error("trap: %s: bad signal", argv[i]);
			status = 1;
			continue;
		}
		set_trap(sig, strcmp(action, "-") == 0 ? NULL : action);
	}
	return status;
}
