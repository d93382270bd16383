/* user/sbin/init.c - the first process (/sbin/init).
 *
 * Two ways to run:
 *
 *   init PROG ARGS...	(the words after "--" on the kernel command line)
 *	runs PROG with ARGS and the environment init was given, waits for
 *	it and exits with its status (128 + the signal if it was killed),
 *	so "init=/sbin/init -- /tests/files" runs one test program and the
 *	power-off status is its result.
 *
 *   init [-s SHELL]	(no program: the system)
 *	releases the console (process 1 has no controlling terminal, as on
 *	Linux), runs /etc/rc with /bin/sh if both exist and waits for it,
 *	then keeps a login shell on the console: a child that starts a new
 *	session, makes the console its controlling terminal and execs
 *	SHELL (default /bin/sh) as "-sh".  When that shell ends, init
 *	starts another after a short delay; a shell that keeps dying
 *	within seconds of its start is given a longer pause every few
 *	times, with a message, rather than spinning.  -s names a stand-in
 *	for the shell (tests use it: "init=/sbin/init -- -s /bin/lowio-std").
 *	Only process 1 takes this role: elsewhere init says so and exits 0.
 *
 * Either way init reaps every child that ends, its own or an orphan
 * handed to it.  As the system, it also ignores the terminal's signals,
 * SIGTERM and the user signals (Linux spares process 1 every signal it
 * has no handler for); its children get the default dispositions back
 * before they exec.  Powering off is the job of /sbin/poweroff and
 * /sbin/reboot (reboot(2)), not init's.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ; /* POSIX: the program declares it */

#define RC_FILE "/etc/rc"
#define RC_SHELL "/bin/sh"
#define RESPAWN_DELAY_MS 500 /* between a shell's end and the next */
#define FAST_EXIT_MS 5000    /* a shell that lived less than this died fast */
#define FAST_EXITS_MAX 5     /* this many fast deaths in a row... */
#define BACKOFF_MS 10000     /* ...and init pauses this long */

/* The signals init ignores, as Linux keeps from process 1 the signals it
 * has no handler for ("kill 1" does nothing); its children get them back
 * as SIG_DFL. */
static const int ignored_signals[] = {SIGINT,  SIGQUIT, SIGTSTP, SIGTTIN,
				      SIGTTOU, SIGHUP,	SIGPIPE, SIGTERM,
				      SIGUSR1, SIGUSR2};
#define NIGNORED (sizeof(ignored_signals) / sizeof(ignored_signals[0]))

static void set_ignored_signals(void (*disposition)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = disposition;
	for (size_t i = 0; i < NIGNORED; i++)
		sigaction(ignored_signals[i], &sa, NULL);
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Reaps every child that has already ended, without waiting. */
static void reap_finished(void)
{
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

/* Sleeps MS milliseconds, reaping orphans every tenth of a second. */
static void pause_reaping(long ms)
{
	struct timespec step = {0, 100 * 1000000L};

	for (long slept = 0; slept < ms; slept += 100) {
		nanosleep(&step, NULL);
		reap_finished();
	}
}

/* Waits for CHILD, reaping any other child that ends meanwhile; returns
 * its wait status, or -1 if it cannot be waited for. */
static int wait_for(pid_t child)
{
	int status;
	pid_t pid;

	for (;;) {
		pid = waitpid(-1, &status, 0);
		if (pid == child)
			return status;
		if (pid < 0 && errno != EINTR)
			return -1;
	}
}

/* Forks a child that runs ARGV[0] (the path PATH) with init's
 * environment; CONSOLE makes it a session leader owning the console.
 * Returns the child's pid, or -1. */
static pid_t start(const char *path, char *const argv[], int console)
{
	pid_t pid = fork();

	if (pid < 0) {
		dprintf(2, "init: fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid > 0)
		return pid;
	set_ignored_signals(SIG_DFL);
	if (console) {
		setsid();
		/* 0: take the console if no live session holds it; else 1,
		 * root's right to steal it from leftovers of the last one. */
		if (ioctl(0, TIOCSCTTY, 0) < 0 && ioctl(0, TIOCSCTTY, 1) < 0)
			dprintf(2,
				"init: cannot make the console the controlling "
				"terminal: %s\n",
				strerror(errno));
	}
	execve(path, argv, environ);
	dprintf(2, "init: cannot run %s: %s\n", path, strerror(errno));
	_exit(127);
}

static void describe_status(char *buf, size_t size, int status)
{
	if (WIFEXITED(status))
		snprintf(buf, size, "exited with status %d",
			 WEXITSTATUS(status));
	else
		snprintf(buf, size, "was killed by signal %d",
			 WTERMSIG(status));
}

/* The test mode: run argv[0..] and return its status, init-style. */
static int run_program(char **argv)
{
	pid_t child = start(argv[0], argv, 0);
	int status;

	if (child < 0)
		return 127;
	status = wait_for(child);
	if (status < 0)
		return 127;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* /etc/rc with /bin/sh, if both are there; init waits for it. */
static void run_rc(void)
{
	char *argv[] = {RC_SHELL, RC_FILE, NULL};
	char how[64];
	pid_t child;
	int status;

	if (access(RC_FILE, R_OK) < 0 || access(RC_SHELL, X_OK) < 0)
		return;
	child = start(RC_SHELL, argv, 0);
	if (child < 0)
		return;
	status = wait_for(child);
	if (status != 0 && status != -1) {
		describe_status(how, sizeof(how), status);
		dprintf(2, "init: %s %s\n", RC_FILE, how);
	}
}

/* Keeps SHELL running on the console, for ever. */
static _Noreturn void keep_console_shell(const char *shell)
{
	const char *base =
	    strrchr(shell, '/') ? strrchr(shell, '/') + 1 : shell;
	char login_name[64]; /* "-sh": argv[0] of a login shell */
	char *argv[] = {login_name, NULL};
	int fast_exits = 0;
	char how[64];

	snprintf(login_name, sizeof(login_name), "-%s", base);
	for (;;) {
		long started = now_ms();
		pid_t child = start(shell, argv, 1);
		int status = child < 0 ? -1 : wait_for(child);

		if (now_ms() - started < FAST_EXIT_MS)
			fast_exits++;
		else
			fast_exits = 0;
		if (status != -1) {
			describe_status(how, sizeof(how), status);
			dprintf(2, "init: %s %s; starting a new one\n", shell,
				how);
		}
		if (fast_exits >= FAST_EXITS_MAX) {
			dprintf(2,
				"init: %s is respawning too fast: waiting %d "
				"seconds\n",
				shell, BACKOFF_MS / 1000);
			pause_reaping(BACKOFF_MS);
			fast_exits = 0;
		}
		pause_reaping(RESPAWN_DELAY_MS);
	}
}

static int usage(const char *bad)
{
	dprintf(2,
		"init: invalid arguments from %s on\n"
		"usage: init [-s SHELL]\n"
		"       init PROGRAM [ARGUMENT...]\n",
		bad);
	return 2;
}

int main(int argc, char **argv)
{
	const char *shell = RC_SHELL;

	dprintf(1, "init: started (pid %d)\n", getpid());
	if (argc > 1 && argv[1][0] != '-')
		return run_program(argv + 1);
	if (argc == 3 && strcmp(argv[1], "-s") == 0)
		shell = argv[2];
	else if (argc != 1)
		return usage(argv[1]);
	if (getpid() != 1) {
		dprintf(2, "init: not process 1: the console shell is process "
			   "1's job; nothing to do\n");
		return 0;
	}
	set_ignored_signals(SIG_IGN);
	ioctl(0, TIOCNOTTY); /* the console goes to the shell's session */
	run_rc();
	if (access(shell, X_OK) < 0) {
		dprintf(2, "init: %s: %s: no shell for the console\n", shell,
			strerror(errno));
		return 127;
	}
	keep_console_shell(shell);
}
