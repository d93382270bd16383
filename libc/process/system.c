/* libc/process/system.c - system: run a command with /bin/sh -c and
 * wait for it.
 *
 * As POSIX says: while the command runs, the caller ignores SIGINT and
 * SIGQUIT (a ^C goes to the command, not to both) and blocks SIGCHLD
 * (so a SIGCHLD handler does not reap it first); the child gets the
 * caller's original dispositions and mask back.  Returns the wait
 * status (exit 127 if the shell could not run), or -1 if there was no
 * child.  system(NULL) says whether a shell is there.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define SHELL "/bin/sh"

int system(const char *command)
{
	struct sigaction ignore = {.sa_handler = SIG_IGN}, old_int, old_quit;
	sigset_t chld, old_mask;
	int status = -1;
	pid_t pid;

	if (!command)
		return access(SHELL, X_OK) == 0;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	pid = fork();
	if (pid == 0) {
		char *argv[] = {"sh", "-c", (char *)command, NULL};

		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
		sigprocmask(SIG_SETMASK, &old_mask, NULL);
		execve(SHELL, argv, environ);
		_exit(127);
	}
	if (pid > 0) {
		while (waitpid(pid, &status, 0) < 0) {
			if (errno != EINTR) {
				status = -1;
				break;
			}
		}
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	return status;
}
