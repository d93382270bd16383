/* user/bin/kill.c - kill: send a signal to processes, or list signals.
 *
 *   kill [-s SIGNAL | -SIGNAL] PID...	send SIGNAL (default TERM)
 *   kill -l [SIGNAL | STATUS]...	list every signal, or translate
 *   kill -L				list every signal with its number
 *
 * SIGNAL is a name with or without "SIG", in any case (TERM, sigterm),
 * or a number (0 only checks that the process exists).  A PID of -N
 * means the process group N, -1 every process the caller may signal;
 * write "kill -- -N" (or "kill -TERM -N") so that -N is not read as a
 * signal.  "kill -l 143" names the signal of an exit status above 128, as
 * POSIX asks (the shells' $? after a killed job).
 *
 * Output follows procps-ng's kill, the one Debian installs: "kill -l"
 * prints the names on lines of at most 80 columns, "kill -L" a table.
 * A bad signal or option is a usage error (status 2); a process that
 * cannot be signalled gives "kill: (PID): reason" and status 1, after
 * the other PIDs have had their signal.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <signal.h>

/* The names of signals 1..31 on Linux i386, as procps lists them. */
static const char *const names[] = {
    NULL,     "HUP",  "INT",	"QUIT", "ILL",	 "TRAP", "ABRT", "BUS",
    "FPE",    "KILL", "USR1",	"SEGV", "USR2",	 "PIPE", "ALRM", "TERM",
    "STKFLT", "CHLD", "CONT",	"STOP", "TSTP",	 "TTIN", "TTOU", "URG",
    "XCPU",   "XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR",	 "SYS",
};
#define NAMED_SIGNALS 31
#define MAX_SIGNAL 64 /* numbers up to here are accepted (real-time ones) */

/* Other names Linux's headers give the same signals. */
static const struct {
	const char *name;
	int sig;
} aliases[] = {{"IOT", SIGABRT}, {"IO", SIGIO}, {"CLD", SIGCHLD}};

static int usage(void)
{
	fputs("usage: kill [-s SIGNAL | -SIGNAL] PID...\n"
	      "       kill -l [SIGNAL | EXIT_STATUS]...\n"
	      "       kill -L\n",
	      stderr);
	return 2;
}

/* A decimal number in [0, max]; -1 if S is anything else. */
static int small_number(const char *s, int max)
{
	char *end;
	long n;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	n = strtol(s, &end, 10);
	if (*end || errno || n > max)
		return -1;
	return (int)n;
}

/* The number of signal SPEC (a name or a number), or -1. */
static int parse_signal(const char *spec)
{
	int n = small_number(spec, MAX_SIGNAL);

	if (n >= 0)
		return n;
	if (strncasecmp(spec, "SIG", 3) == 0)
		spec += 3;
	for (int i = 1; i <= NAMED_SIGNALS; i++)
		if (strcasecmp(spec, names[i]) == 0)
			return i;
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (strcasecmp(spec, aliases[i].name) == 0)
			return aliases[i].sig;
	return -1;
}

static void list_names(void)
{
	int column = 0;

	for (int i = 1; i <= NAMED_SIGNALS; i++) {
		if (i > 1) {
			if (column > 73) { /* procps wraps here: lines <= 80 */
				putchar('\n');
				column = 0;
			} else {
				putchar(' ');
				column++;
			}
		}
		column += printf("%s", names[i]);
	}
	putchar('\n');
}

/* Seven "NN NAME" cells of 11 columns a line, as procps prints them. */
static void list_table(void)
{
	for (int i = 1; i <= NAMED_SIGNALS; i++) {
		int n = printf("%2d %s", i, names[i]);

		if (i % 7)
			printf("%*s", 11 - n, "");
		else
			putchar('\n');
	}
	if (NAMED_SIGNALS % 7)
		putchar('\n');
}

/* kill -l OPERAND: a number (or exit status) gives its name, a name its
 * number.  Returns 0, or 1 after complaining. */
static int translate(const char *operand)
{
	int n = small_number(operand, 255);

	if (n > 128)
		n -= 128; /* an exit status: 128 + the signal */
	if (n >= 1 && n <= NAMED_SIGNALS) {
		puts(names[n]);
		return 0;
	}
	if (n < 0 && (n = parse_signal(operand)) > 0) {
		printf("%d\n", n);
		return 0;
	}
	fprintf(stderr, "kill: %s: unknown signal\n", operand);
	return 1;
}

static int list(char **operands)
{
	int status = 0;

	if (!*operands)
		list_names();
	for (; *operands; operands++)
		status |= translate(*operands);
	return status;
}

/* Sends SIG to each PID operand; returns the exit status. */
static int send_all(int sig, char **pids)
{
	int status = 0;

	if (!*pids)
		return usage();
	for (; *pids; pids++) {
		const char *s = **pids == '-' ? *pids + 1 : *pids;
		char *end;
		long pid;

		errno = 0;
		pid = strtol(*pids, &end, 10);
		if (*s < '0' || *s > '9' || *end || errno) {
			fprintf(stderr, "kill: %s: not a process id\n", *pids);
			status = 1;
		} else if (kill((pid_t)pid, sig) < 0) {
			fprintf(stderr, "kill: (%ld): %s\n", pid,
				strerror(errno));
			status = 1;
		}
	}
	return status;
}

int main(int argc, char **argv)
{
	char **arg = argv + 1;
	int sig = SIGTERM;

	(void)argc;
	if (*arg && strcmp(*arg, "-l") == 0)
		return list(arg + 1);
	if (*arg && strcmp(*arg, "-L") == 0) {
		if (arg[1])
			return usage();
		list_table();
		return 0;
	}
	if (*arg && strcmp(*arg, "-s") == 0) {
		if (!arg[1])
			return usage();
		sig = parse_signal(arg[1]);
		if (sig < 0) {
			fprintf(stderr, "kill: %s: unknown signal\n", arg[1]);
			return usage();
		}
		arg += 2;
	} else if (*arg && **arg == '-' && strcmp(*arg, "--") != 0) {
		sig = parse_signal(*arg + 1);
		if (sig < 0) {
			fprintf(stderr, "kill: %s: unknown signal or option\n",
				*arg);
			return usage();
		}
		arg++;
	}
	if (*arg && strcmp(*arg, "--") == 0)
		arg++;
	return send_all(sig, arg);
}
