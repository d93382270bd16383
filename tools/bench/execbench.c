/* tools/bench/execbench.c - how many execve per second (make bench).
 *
 *	execbench [-T TARGET_MS]
 *
 * prints, as "name value unit" lines like the reference microbench:
 *	fork_execve_wait N execs/s	fork, the child execve's this program
 *					(which exits at once), wait4
 *	execve N execs/s		a chain of execve without fork: each
 *					link execve's the next, the last one
 *					writes the time into a pipe
 * Each figure comes from one untimed warm-up, then batches until
 * TARGET_MS (default 500) have passed.  A static i386 program on this
 * project's libc, so the same binary runs on this OS, on the Linux
 * reference guest and on the Linux host.  It runs itself through argv[0],
 * which must be a path (init= and the guest's /bench/run give one).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static const char *self;
static long long target_ns = 500000000LL;

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static _Noreturn void die(const char *what)
{
	dprintf(2, "execbench: %s: errno %d\n", what, errno);
	exit(1);
}

static void report(const char *name, long long n, long long ns)
{
	long long milli = n * 1000000000000LL / ns; /* execs per 1000 s */

	dprintf(1, "%s %lld.%lld execs/s\n", name, milli / 1000,
		milli % 1000 / 100);
}

/* waits for pid, which must exit with status 0 */
static void reap(pid_t pid)
{
	int st;

	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			die("waitpid");
	if (!WIFEXITED(st) || WEXITSTATUS(st))
		die("a child failed");
}

static void fork_exec_once(void)
{
	char *argv[] = {(char *)self, "-x", NULL};
	pid_t pid = fork();

	if (pid < 0)
		die("fork");
	if (pid == 0) {
		execve(self, argv, environ);
		_exit(127);
	}
	reap(pid);
}

static void bench_fork_execve(void)
{
	long long t0, el, n = 0;

	for (int i = 0; i < 5; i++)
		fork_exec_once();
	t0 = now_ns();
	do {
		for (int i = 0; i < 10; i++)
			fork_exec_once();
		n += 10;
		el = now_ns() - t0;
	} while (el < target_ns);
	report("fork_execve_wait", n, el);
}

/* -c LEFT FD: one link of a chain; the last writes the time to FD */
static int chain_link(int left, int fd)
{
	char num[16], fds[16];
	char *argv[] = {(char *)self, "-c", num, fds, NULL};
	long long t;

	if (left <= 0) {
		t = now_ns();
		return write(fd, &t, sizeof(t)) == sizeof(t) ? 0 : 1;
	}
	snprintf(num, sizeof(num), "%d", left - 1);
	snprintf(fds, sizeof(fds), "%d", fd);
	execve(self, argv, environ);
	return 127;
}

/* Runs a chain of n execve in a child; its duration in ns (one fork
 * included, spread over the n). */
static long long chain(int n)
{
	char num[16], fds[16];
	char *argv[] = {(char *)self, "-c", num, fds, NULL};
	long long t0, t1;
	int p[2];

	if (pipe(p) < 0)
		die("pipe");
	snprintf(num, sizeof(num), "%d", n - 1);
	snprintf(fds, sizeof(fds), "%d", p[1]);
	t0 = now_ns();
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		close(p[0]);
		execve(self, argv, environ);
		_exit(127);
	}
	close(p[1]);
	if (read(p[0], &t1, sizeof(t1)) != sizeof(t1))
		die("the chain broke");
	close(p[0]);
	reap(pid);
	return t1 - t0;
}

static void bench_execve(void)
{
	long long el = 0, n = 0;
	int len = 8;

	chain(4);
	while (el < target_ns) {
		el += chain(len);
		n += len;
		if (len < 256)
			len *= 2;
	}
	report("execve", n, el);
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc == 2 && !strcmp(argv[1], "-x"))
		return 0;
	if (argc == 4 && !strcmp(argv[1], "-c"))
		return chain_link(atoi(argv[2]), atoi(argv[3]));
	if (argc == 3 && !strcmp(argv[1], "-T"))
		target_ns = atoi(argv[2]) * 1000000LL;
	else if (argc != 1) {
		dprintf(2, "usage: execbench [-T TARGET_MS]\n");
		return 2;
	}
	if (!strchr(self, '/')) {
		dprintf(2, "execbench: argv[0] must be a path\n");
		return 2;
	}
	bench_fork_execve();
	bench_execve();
	return 0;
}
