/* tests/os/spawn_glibc.c - glibc's ways of starting a program, built
 * with the host's glibc (gcc -m32 -static, as hello_glibc) and run
 * unchanged: system(), popen() and posix_spawn()/posix_spawnp() all
 * start their child with clone(CLONE_VM | CLONE_VFORK) on a stack of
 * their own (after trying clone3, which is -ENOSYS here), and learn
 * of a failed execve through the memory the child shares.  TAP-like
 * lines and "P passed, F failed", as the tests/os programs (no t.h:
 * that is for this project's libc).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static int n, failed;

static void check(int ok, const char *name, const char *detail)
{
	n++;
	if (ok) {
		printf("ok %d - %s\n", n, name);
	} else {
		failed++;
		printf("not ok %d - %s: %s\n", n, name, detail);
	}
	fflush(stdout);
}

/* everything fd has to give, up to size - 1 bytes, as a string */
static void read_all(int fd, char *buf, size_t size)
{
	size_t len = 0;
	ssize_t r;

	while (len < size - 1 && (r = read(fd, buf + len, size - 1 - len)) > 0)
		len += r;
	buf[len] = 0;
}

/* runs fn with its stdout on a pipe; returns what it wrote */
static void capture(void (*fn)(int *result), int *result, char *out, size_t size)
{
	int p[2], saved = dup(1);

	fflush(stdout);
	if (pipe(p) < 0 || saved < 0) {
		snprintf(out, size, "pipe/dup: %s", strerror(errno));
		return;
	}
	dup2(p[1], 1);
	close(p[1]);
	fn(result);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	read_all(p[0], out, size);
	close(p[0]);
}

static void run_system_echo(int *result)
{
	*result = system("echo hi");
}

static void test_system(void)
{
	char out[256], why[512];
	int st = -1;

	capture(run_system_echo, &st, out, sizeof(out));
	snprintf(why, sizeof(why), "status %#x, output \"%s\"", st, out);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0 && !strcmp(out, "hi\n"),
	      "system(\"echo hi\")", why);
	st = system("exit 3");
	snprintf(why, sizeof(why), "status %#x", st);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 3, "system(\"exit 3\")", why);
	check(system(NULL) != 0, "system(NULL) says a shell is there", "0");
}

static void test_popen(void)
{
	char out[256] = "", why[512];
	FILE *f = popen("echo popen; echo two", "r");
	int st;

	if (!f) {
		check(0, "popen(\"echo ...\", \"r\")", strerror(errno));
		return;
	}
	read_all(fileno(f), out, sizeof(out));
	st = pclose(f);
	snprintf(why, sizeof(why), "status %#x, output \"%s\"", st, out);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0 && !strcmp(out, "popen\ntwo\n"),
	      "popen(\"echo ...\", \"r\")", why);

	f = popen("read x; exit $x", "w");
	if (!f) {
		check(0, "popen(\"read x; exit $x\", \"w\")", strerror(errno));
		return;
	}
	fputs("5\n", f);
	st = pclose(f);
	snprintf(why, sizeof(why), "status %#x", st);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 5, "popen(\"read x; exit $x\", \"w\")",
	      why);
}

static void spawn_echo(int use_path)
{
	const char *name = use_path ? "posix_spawnp(\"echo\") with a dup2 action"
				    : "posix_spawn(\"/bin/echo\") with a dup2 action";
	char *argv[] = {"echo", "spawned", "ok", NULL};
	posix_spawn_file_actions_t fa;
	char out[256], why[512];
	int p[2], r, st = -1;
	pid_t pid = 0;

	if (pipe(p) < 0) {
		check(0, name, strerror(errno));
		return;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, p[1], 1);
	posix_spawn_file_actions_addclose(&fa, p[0]);
	r = use_path ? posix_spawnp(&pid, "echo", &fa, NULL, argv, environ)
		     : posix_spawn(&pid, "/bin/echo", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(p[1]);
	read_all(p[0], out, sizeof(out));
	close(p[0]);
	if (r == 0 && waitpid(pid, &st, 0) != pid)
		st = -1;
	snprintf(why, sizeof(why), "returned %d (%s), status %#x, output \"%s\"", r,
		 strerror(r), st, out);
	check(r == 0 && pid > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0 &&
		  !strcmp(out, "spawned ok\n"),
	      name, why);
}

/* the child's execve fails: posix_spawn returns its errno, and has
 * collected the child itself */
static void spawn_missing(void)
{
	char *argv[] = {"missing", NULL};
	char why[256];
	pid_t pid = 0;
	int r = posix_spawn(&pid, "/no/such/program", NULL, NULL, argv, environ);

	snprintf(why, sizeof(why), "returned %d (%s)", r, strerror(r));
	check(r == ENOENT, "posix_spawn of a missing program gives ENOENT", why);
	check(waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD,
	      "... and no child is left to wait for", "a child is left");
}

/* attributes: a new process group, a signal mask and a default action */
static void spawn_attributes(void)
{
	char *argv[] = {"sh", "-c", "kill -USR1 $$; exit 9", NULL};
	posix_spawnattr_t at;
	sigset_t mask, def;
	char why[256];
	pid_t pid = 0;
	int r, st = -1;

	signal(SIGUSR1, SIG_IGN); /* the child gets the default back */
	sigemptyset(&mask);
	sigemptyset(&def);
	sigaddset(&def, SIGUSR1);
	posix_spawnattr_init(&at);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF |
					  POSIX_SPAWN_SETPGROUP);
	posix_spawnattr_setsigmask(&at, &mask);
	posix_spawnattr_setsigdefault(&at, &def);
	posix_spawnattr_setpgroup(&at, 0);
	r = posix_spawn(&pid, "/bin/sh", NULL, &at, argv, environ);
	posix_spawnattr_destroy(&at);
	if (r == 0 && waitpid(pid, &st, 0) != pid)
		st = -1;
	signal(SIGUSR1, SIG_DFL);
	snprintf(why, sizeof(why), "returned %d (%s), status %#x", r, strerror(r), st);
	check(r == 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR1,
	      "posix_spawn with SETSIGDEF, SETSIGMASK, SETPGROUP", why);
}

/* many in a row: nothing runs out */
static void spawn_many(void)
{
	char *argv[] = {"true", NULL};
	char why[256] = "";
	int ok = 1;

	for (int i = 0; i < 100 && ok; i++) {
		pid_t pid = 0;
		int st = -1, r = posix_spawn(&pid, "/bin/true", NULL, NULL, argv, environ);

		if (r || waitpid(pid, &st, 0) != pid || st != 0) {
			snprintf(why, sizeof(why), "round %d: returned %d, status %#x", i,
				 r, st);
			ok = 0;
		}
	}
	check(ok, "100 posix_spawns of /bin/true", why);
}

int main(void)
{
	test_system();
	test_popen();
	spawn_echo(0);
	spawn_echo(1);
	spawn_missing();
	spawn_attributes();
	spawn_many();
	printf("%d passed, %d failed\n", n - failed, failed);
	return failed > 255 ? 255 : failed;
}
