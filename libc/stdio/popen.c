/* libc/stdio/popen.c - popen and pclose: a stream to or from a command
 * run by /bin/sh -c.
 *
 * "r" reads the command's standard output, "w" writes its standard
 * input; "e" makes our end close-on-exec; anything else is EINVAL.  The child
 * closes the streams of earlier popen calls (POSIX), so their commands see end
 * of file when we close them.  pclose closes the stream and waits for the
 * command: its wait status, or -1 (ECHILD if the stream was not from popen).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libc/stdio/stdio_impl.h"

static _Noreturn void run_child(const char *command, int end, int target)
{
	char *argv[] = {"sh", "-c", (char *)command, NULL};

	for (FILE *g = __stdio_first(); g; g = g->next)
		if (g->pid)
			close(g->fd);
	if (end == target)
		fcntl(end, F_SETFD, 0); /* keep it across execve */
	else
		dup2(end, target);
	execve("/bin/sh", argv, environ);
	_exit(127);
}

/* The mode: exactly one of 'r' and 'w', and maybe 'e' (glibc's rule);
 * 1 to read, 0 to write, -1 for anything else. */
static int read_mode(const char *mode)
{
	int r = 0, w = 0;

	for (; *mode; mode++) {
		if (*mode == 'r')
			r = 1;
		else if (*mode == 'w')
			w = 1;
		else if (*mode != 'e')
			return -1;
	}
	return r == w ? -1 : r;
}

FILE *popen(const char *command, const char *mode)
{
	int reading = read_mode(mode), fds[2];
	pid_t pid;
	FILE *f;

	if (reading < 0) {
		errno = EINVAL;
		return NULL;
	}
	if (pipe2(fds, O_CLOEXEC) < 0)
		return NULL;
	f = __stdio_new(fds[!reading], reading ? O_RDONLY : O_WRONLY);
	if (!f)
		goto fail;
	pid = fork();
	if (pid < 0)
		goto fail;
	if (pid == 0)
		run_child(command, fds[reading], reading ? 1 : 0);
	close(fds[reading]);
	if (!strchr(mode, 'e'))
		fcntl(fds[!reading], F_SETFD, 0);
	f->pid = pid;
	__stdio_link(f);
	return f;
fail:
	free(f);
	close(fds[0]);
	close(fds[1]);
	return NULL;
}

int pclose(FILE *f)
{
	pid_t pid = f->pid, r;
	int status;

	fclose(f);
	if (!pid) {
		errno = ECHILD;
		return -1;
	}
	while ((r = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
		;
	return r < 0 ? -1 : status;
}
