/* user/sbin/init.c - the first process (/sbin/init), until the shell exists.
 *
 * Says it started; with arguments (the words after "--" on the kernel
 * command line) it runs argv[1] with argv[1..] and the environment it was
 * given, waits for it and exits with its status (128 + the signal if it
 * was killed), so "init=/sbin/init -- /tests/files" runs one test
 * program and the power-off status is its result.  Without arguments it
 * exits 0.  Being init, it reaps every child that ends, its own or an
 * orphan handed to it.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	pid_t child, pid;
	int status;

	dprintf(1, "init: started (pid %d)\n", getpid());
	if (argc < 2)
		return 0;
	child = fork();
	if (child < 0) {
		dprintf(2, "init: fork failed\n");
		return 127;
	}
	if (child == 0) {
		execve(argv[1], argv + 1, environ);
		dprintf(2, "init: cannot run %s: errno %d\n", argv[1], errno);
		_exit(127);
	}
	while ((pid = waitpid(-1, &status, 0)) != child)
		if (pid < 0)
			return 127;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
