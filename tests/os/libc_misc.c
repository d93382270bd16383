/* tests/os/libc_misc.c - the rest of the libc's first part: setjmp and
 * longjmp, assert, fnmatch, basename and dirname, the dirent functions,
 * the exec family's PATH search, sleep, and the unistd odds and ends
 * (gethostname, sysconf, ttyname, getlogin). */
#include <assert.h>
#include <fnmatch.h>
#include <libgen.h>
#include <limits.h>
#include <setjmp.h>

#include "t.h"

/* --- setjmp */

static jmp_buf env;
static int depth;

static void jump_from_deep(int n)
{
	if (n < 0)
		return;
	if (n == 0)
		longjmp(env, 42);
	jump_from_deep(n - 1);
}

static void setjmp_longjmp(void)
{
	volatile int calls = 0;
	int r = setjmp(env);

	calls++;
	if (r == 0) {
		T_EQ(calls, 1);
		jump_from_deep(100);
	}
	T_EQ(r, 42);
	T_EQ(calls, 2);
}

static void longjmp_zero_gives_one(void)
{
	int r = setjmp(env);

	if (r == 0)
		longjmp(env, 0);
	T_EQ(r, 1);
}

/* registers the compiler keeps callee-saved come back too */
static void setjmp_keeps_registers(void)
{
	volatile int sum = 0;

	for (volatile int i = 0; i < 3; i++) {
		int r = setjmp(env);

		sum += r;
		if (r < 5)
			longjmp(env, r + 1);
	}
	T_EQ(sum, 3 * 15);
}

static sigjmp_buf senv;

static void on_usr1(int sig)
{
	(void)sig;
	siglongjmp(senv, 7);
}

static int usr1_blocked(void)
{
	sigset_t now;

	sigprocmask(SIG_SETMASK, NULL, &now);
	return sigismember(&now, SIGUSR1);
}

/* sigsetjmp(env, 1) restores the mask the handler ran with; plain
 * setjmp (_setjmp, as glibc's) leaves SIGUSR1 blocked */
static void siglongjmp_restores_mask(void)
{
	signal(SIGUSR1, on_usr1);
	if (sigsetjmp(senv, 1) == 0) {
		raise(SIGUSR1);
		T_FAIL("the handler returned");
	}
	T_TRUE(!usr1_blocked());
	if (sigsetjmp(senv, 0) == 0) {
		raise(SIGUSR1);
		T_FAIL("the handler returned");
	}
	T_TRUE(usr1_blocked());
}

/* --- assert */

static void assert_true_passes(void)
{
	assert(1 + 1 == 2);
}

static void failing_assert(void)
{
	int fd = open("/dev/null", O_WRONLY);

	dup2(fd, 2); /* the message is checked in assert_message */
	assert(depth == 99);
}

static const int assert_line = __LINE__ + 3; /* the assert's line */
static void assert_depth(void)
{
	assert(depth > 1 && "depth too small");
}

static void assert_message(void)
{
	int fds[2], n = 0, r;
	char buf[256], want[256];

	T_OK(pipe(fds));
	pid_t pid = t_fork();
	if (pid == 0) {
		dup2(fds[1], 2);
		assert_depth();
		_exit(0);
	}
	close(fds[1]);
	while ((r = read(fds[0], buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	buf[n] = 0;
	T_KILLED(t_wait(pid), SIGABRT);
	snprintf(want, sizeof(want),
		 "%s: %s:%d: assert_depth: Assertion `depth > 1 && \"depth "
		 "too small\"' failed.\n",
		 program_invocation_short_name, __FILE__, assert_line);
	T_STREQ(buf, want);
}

#undef assert
#define NDEBUG
#include <assert.h>

static void ndebug_turns_assert_off(void)
{
	assert(depth == 12345);
}

/* --- fnmatch, basename, dirname */

static void fnmatch_patterns(void)
{
	T_EQ(fnmatch("*.c", "main.c", 0), 0);
	T_EQ(fnmatch("*.c", "main.h", 0), FNM_NOMATCH);
	T_EQ(fnmatch("m?in.[ch]", "main.h", 0), 0);
	T_EQ(fnmatch("[!a-l]*", "main", 0), 0);
	T_EQ(fnmatch("[!a-m]*", "main", 0), FNM_NOMATCH);
	T_EQ(fnmatch("[[:digit:]][[:upper:]]", "7Q", 0), 0);
	T_EQ(fnmatch("*", ".hidden", FNM_PERIOD), FNM_NOMATCH);
	T_EQ(fnmatch(".*", ".hidden", FNM_PERIOD), 0);
	T_EQ(fnmatch("*/b", "a/b", 0), 0);
	T_EQ(fnmatch("*", "a/b", FNM_PATHNAME), FNM_NOMATCH);
	T_EQ(fnmatch("*/*", "a/.b", FNM_PATHNAME | FNM_PERIOD), FNM_NOMATCH);
	T_EQ(fnmatch("\\*", "*", 0), 0);
	T_EQ(fnmatch("\\*", "x", 0), FNM_NOMATCH);
	T_EQ(fnmatch("\\\\", "\\", FNM_NOESCAPE), FNM_NOMATCH);
	T_EQ(fnmatch("[a-c]x", "BX", FNM_CASEFOLD), 0);
	T_EQ(fnmatch("usr", "usr/lib", FNM_LEADING_DIR), 0);
	T_EQ(fnmatch("*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0),
	     FNM_NOMATCH); /* quickly */
}

static void basename_dirname(void)
{
	static const char *cases[][3] = {
	    {"/usr/lib", "/usr", "lib"}, {"/usr/", "/", "usr"},
	    {"usr", ".", "usr"},	 {"/", "/", "/"},
	    {".", ".", "."},		 {"..", ".", ".."},
	    {"//usr", "//", "usr"},	 {"a//b//", "a", "b"},
	    {"", ".", "."},
	};
	char a[32], b[32];

	for (int i = 0; i < T_COUNT(cases); i++) {
		strcpy(a, cases[i][0]);
		strcpy(b, cases[i][0]);
		T_STREQ(dirname(a), cases[i][1]);
		T_STREQ(basename(b), cases[i][2]);
	}
}

/* --- dirent */

static int entry_type(const char *dir, const char *name)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int type = -1;

	while (d && (e = readdir(d)))
		if (!strcmp(e->d_name, name))
			type = e->d_type;
	if (d)
		closedir(d);
	return type;
}

static void readdir_lists_everything(void)
{
	char name[32];
	int seen[40] = {0}, dots = 0, n = 0;
	struct dirent *e;
	DIR *d;

	T_OK(mkdir("d", 0755));
	for (int i = 0; i < 40; i++) { /* more than one getdents64 buffer */
		snprintf(name, sizeof(name), "d/file-with-a-longish-name-%d", i);
		t_write_file(name, "x", 1);
	}
	d = opendir("d");
	T_TRUE(d != NULL);
	errno = 0;
	while ((e = readdir(d))) {
		int i;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) {
			dots++;
			continue;
		}
		T_TRUE(strncmp(e->d_name, "file-with-a-longish-name-", 25) == 0);
		i = atoi(e->d_name + 25);
		T_TRUE(i >= 0 && i < 40 && !seen[i]);
		seen[i] = 1;
		n++;
	}
	T_EQ(errno, 0);
	T_EQ(n, 40);
	T_EQ(dots, 2);
	T_OK(closedir(d));
}

static void readdir_types(void)
{
	T_OK(mkdir("sub", 0755));
	t_write_file("file", "x", 1);
	T_OK(symlink("file", "link"));
	T_EQ(entry_type(".", "sub"), DT_DIR);
	T_EQ(entry_type(".", "file"), DT_REG);
	T_EQ(entry_type(".", "link"), DT_LNK);
}

static void rewinddir_and_seekdir(void)
{
	DIR *d;
	struct dirent *e;
	char first[256], third[256];
	long pos;
	int n1 = 0, n2 = 0;

	for (int i = 0; i < 5; i++) {
		char name[8];

		snprintf(name, sizeof(name), "f%d", i);
		t_write_file(name, "", 0);
	}
	d = opendir(".");
	T_TRUE(d != NULL);
	strcpy(first, readdir(d)->d_name);
	readdir(d);
	pos = telldir(d);
	strcpy(third, readdir(d)->d_name);
	while (readdir(d))
		n1++;
	seekdir(d, pos);
	e = readdir(d);
	T_TRUE(e != NULL);
	T_STREQ(e->d_name, third);
	rewinddir(d);
	T_STREQ(readdir(d)->d_name, first);
	while (readdir(d))
		n2++;
	T_EQ(n2, n1 + 2);
	T_EQ(dirfd(d) >= 0, 1);
	closedir(d);
}

static int no_dots(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

static void scandir_sorted(void)
{
	static const char *names[] = {"pear", "apple", "fig", "banana", ".x"};
	struct dirent **list;
	int n;

	for (int i = 0; i < T_COUNT(names); i++)
		t_write_file(names[i], "", 0);
	n = T_OK(scandir(".", &list, no_dots, alphasort));
	T_EQ(n, 4);
	T_STREQ(list[0]->d_name, "apple");
	T_STREQ(list[1]->d_name, "banana");
	T_STREQ(list[2]->d_name, "fig");
	T_STREQ(list[3]->d_name, "pear");
	for (int i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

static void opendir_errors(void)
{
	t_write_file("plain", "x", 1);
	errno = 0;
	T_TRUE(opendir("missing") == NULL);
	T_EQ(errno, ENOENT);
	errno = 0;
	T_TRUE(opendir("plain") == NULL);
	T_EQ(errno, ENOTDIR);
	int fd = T_OK(open("plain", O_RDONLY));
	errno = 0;
	T_TRUE(fdopendir(fd) == NULL);
	T_EQ(errno, ENOTDIR);
	close(fd);
	fd = T_OK(open(".", O_RDONLY | O_DIRECTORY));
	DIR *d = fdopendir(fd);
	T_TRUE(d != NULL);
	T_EQ(dirfd(d), fd);
	T_OK(closedir(d));
	T_ERR(close(fd), EBADF); /* closedir closed it */
}

/* --- exec and PATH */

/* the directory this program is in, and its file name */
static void self_parts(char *dir, char *name)
{
	char a[PATH_MAX], b[PATH_MAX];

	strcpy(a, t_self);
	strcpy(b, t_self);
	strcpy(dir, dirname(a));
	strcpy(name, basename(b));
}

/* runs fn in a child; returns its exit status and output */
static int run_capture(void (*fn)(void), char *out, size_t size)
{
	int fds[2], n = 0, r, st;

	T_OK(pipe(fds));
	pid_t pid = t_fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		fn();
		_exit(99);
	}
	close(fds[1]);
	while ((r = read(fds[0], out + n, size - 1 - n)) > 0)
		n += r;
	out[n] = 0;
	close(fds[0]);
	st = t_wait(pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void exec_by_path(void)
{
	char dir[PATH_MAX], name[PATH_MAX], path[2 * PATH_MAX + 16];

	self_parts(dir, name);
	snprintf(path, sizeof(path), "/nonexistent:%s", dir);
	setenv("PATH", path, 1);
	char *argv[] = {name, "--helper", "echo", "via", "execvp", NULL};
	execvp(name, argv);
	_exit(98);
}

static void execl_list(void)
{
	execl(t_self, "self", "--helper", "echo", "via", "execl", (char *)NULL);
	_exit(98);
}

static void execle_environment(void)
{
	char *envp[] = {"T_ENV=from execle", NULL};

	execle(t_self, "self", "--helper", "env", "T_ENV", (char *)NULL, envp);
	_exit(98);
}

static void execlp_by_path(void)
{
	char dir[PATH_MAX], name[PATH_MAX];

	self_parts(dir, name);
	setenv("PATH", dir, 1);
	execlp(name, name, "--helper", "echo", "via", "execlp", (char *)NULL);
	_exit(98);
}

static void exec_family(void)
{
	char out[256];

	T_EQ(run_capture(exec_by_path, out, sizeof(out)), 0);
	T_STREQ(out, "via execvp\n");
	T_EQ(run_capture(execl_list, out, sizeof(out)), 0);
	T_STREQ(out, "via execl\n");
	T_EQ(run_capture(execle_environment, out, sizeof(out)), 0);
	T_STREQ(out, "from execle\n");
	T_EQ(run_capture(execlp_by_path, out, sizeof(out)), 0);
	T_STREQ(out, "via execlp\n");
}

static void execvp_errors(void)
{
	char *argv[] = {"x", NULL};

	T_OK(mkdir("bin", 0755));
	t_write_file("bin/noexec", "#!/bin/sh\n", 10); /* mode 0644 */
	setenv("PATH", "bin:/nonexistent", 1);
	T_ERR(execvp("noexec", argv), EACCES);
	T_ERR(execvp("no-such-program", argv), ENOENT);
	T_ERR(execvp("", argv), ENOENT);
	T_ERR(execvp("./bin/noexec", argv), EACCES);
}

static void exec_script(void)
{
	char *argv[] = {"script", "arg", NULL};

	execvp("./script", argv);
	_exit(98);
}

/* a file that is executable but no program goes to /bin/sh */
static void execvp_shell_script_fallback(void)
{
	char out[64];

	t_write_file("script", "echo from the shell: $1\n", 24);
	T_OK(chmod("script", 0755));
	if (access("/bin/sh", X_OK) < 0) { /* no shell to fall back on */
		T_EQ(run_capture(exec_script, out, sizeof(out)), 98);
		return;
	}
	T_EQ(run_capture(exec_script, out, sizeof(out)), 0);
	T_STREQ(out, "from the shell: arg\n");
}

/* --- sleep, unistd odds and ends */

static void sleep_and_usleep(void)
{
	long long t0 = t_now_ns();

	T_EQ(usleep(20000), 0);
	T_TRUE(t_now_ns() - t0 >= 20000000LL);
	T_EQ(sleep(0), 0);
}

static void on_alarm(int sig)
{
	(void)sig;
}

static void sleep_interrupted(void)
{
	pid_t parent = getpid();

	signal(SIGUSR2, on_alarm);
	pid_t pid = t_fork();
	if (pid == 0) {
		t_sleep_ms(100);
		kill(parent, SIGUSR2);
		_exit(0);
	}
	unsigned left = sleep(5);
	T_TRUE(left >= 4 && left <= 5);
	t_wait(pid);
}

static void gethostname_uname(void)
{
	char name[256], tiny[1];
	struct utsname u;

	T_OK(uname(&u));
	T_OK(gethostname(name, sizeof(name)));
	T_STREQ(name, u.nodename);
	T_ERR(gethostname(tiny, sizeof(tiny)), ENAMETOOLONG);
}

static void sysconf_values(void)
{
	T_EQ(sysconf(_SC_PAGESIZE), 4096);
	T_EQ(getpagesize(), 4096);
	T_EQ(sysconf(_SC_CLK_TCK), 100);
	T_TRUE(sysconf(_SC_OPEN_MAX) >= 64);
	T_TRUE(sysconf(_SC_PHYS_PAGES) > 0);
	T_TRUE(sysconf(_SC_NPROCESSORS_ONLN) >= 1);
	T_ERR(sysconf(-1), EINVAL);
}

static void ttyname_of_fds(void)
{
	int fds[2];
	char buf[64];

	T_OK(pipe(fds));
	errno = 0;
	T_TRUE(ttyname(fds[0]) == NULL);
	T_EQ(errno, ENOTTY);
	T_EQ(ttyname_r(fds[0], buf, sizeof(buf)), ENOTTY);
	T_EQ(ttyname_r(99, buf, sizeof(buf)), EBADF);
	int fd = open("/dev/console", O_RDWR | O_NOCTTY);
	if (fd >= 0 && isatty(fd)) { /* the name found is that device */
		struct stat a, b;
		const char *name = ttyname(fd);

		T_TRUE(name != NULL);
		T_OK(stat(name, &a));
		T_OK(fstat(fd, &b));
		T_EQ(a.st_rdev, b.st_rdev);
		T_EQ(ttyname_r(fd, buf, 4), ERANGE);
	}
}

static void getlogin_from_logname(void)
{
	char buf[16];

#ifdef __GLIBC__ /* which asks utmp instead */
	return;
#endif
	setenv("LOGNAME", "alice", 1);
	T_STREQ(getlogin(), "alice");
	T_EQ(getlogin_r(buf, sizeof(buf)), 0);
	T_STREQ(buf, "alice");
	T_EQ(getlogin_r(buf, 3), ERANGE);
	unsetenv("LOGNAME");
	errno = 0;
	T_TRUE(getlogin() == NULL);
	T_EQ(errno, ENXIO);
}

/* helper: "echo WORDS..." prints the words, "env NAME" a variable */
static int helper(int argc, char **argv)
{
	char out[256] = "";

	if (argc >= 1 && !strcmp(argv[0], "echo")) {
		for (int i = 1; i < argc; i++) {
			strcat(out, argv[i]);
			strcat(out, i + 1 < argc ? " " : "\n");
		}
	} else if (argc == 2 && !strcmp(argv[0], "env")) {
		snprintf(out, sizeof(out), "%s\n",
			 getenv(argv[1]) ? getenv(argv[1]) : "(unset)");
	} else {
		return 127;
	}
	write(1, out, strlen(out));
	return 0;
}

static const struct t_case cases[] = {
    T(setjmp_longjmp),
    T(longjmp_zero_gives_one),
    T(setjmp_keeps_registers),
    T(siglongjmp_restores_mask),
    T(assert_true_passes),
    T_SIG(failing_assert, SIGABRT),
    T(assert_message),
    T(ndebug_turns_assert_off),
    T(fnmatch_patterns),
    T(basename_dirname),
    T(readdir_lists_everything),
    T(readdir_types),
    T(rewinddir_and_seekdir),
    T(scandir_sorted),
    T(opendir_errors),
    T(exec_family),
    T(execvp_errors),
    T(execvp_shell_script_fallback),
    T(sleep_and_usleep),
    T(sleep_interrupted),
    T(gethostname_uname),
    T(sysconf_values),
    T(ttyname_of_fds),
    T(getlogin_from_logname),
};

T_MAIN(cases, helper)
