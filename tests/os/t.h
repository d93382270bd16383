/* tests/os/t.h - the harness of the tests/os programs.
 *
 * A program is a table of cases and a main:
 *
 *	static void open_missing(void) { T_ERR(open("nope", O_RDONLY), ENOENT);
 *} static void null_write(void) { t_poke(0, 1); } static const struct t_case
 *cases[] = { T(open_missing), T_SIG(null_write, SIGSEGV),	// must die by
 *SIGSEGV
 *	};
 *	T_MAIN(cases, NULL)
 *
 * Each case runs in a forked child, in a fresh scratch directory of its
 * own (t-PROGRAM-PID/N under the starting directory, removed afterwards),
 * with a time limit (T_TIMEOUT_MS).  The first failed check reports
 * "file:line: what" through a pipe to the parent and ends the child; a
 * case passes by returning (or, for T_SIG cases, by dying by that
 * signal).  The parent prints
 *	ok N - name
 *	not ok N - name: files.c:40: read(fd, buf, 4): got -1 (EBADF), want 4
 *	not ok N - name: killed by SIGSEGV
 * and finally "P passed, F failed"; the exit status is F (at most 255).
 *
 * Arguments: case names run only those cases.  "--helper ARGS..." runs
 * the program's helper function instead (for cases that execve the
 * program itself: t_self is its absolute path).
 *
 * Before the first case the harness closes every descriptor above 2 and
 * resets every signal to its default, unblocked.  It needs fork, waitpid
 * with WNOHANG, pipe, dup2, fcntl, nanosleep, kill, mkdir, chdir, lstat,
 * getdents64, unlink and rmdir; a case must not close or reuse
 * T_REPORT_FD.  Everything here is static, for one program per file.
 */
#ifndef TESTS_OS_T_H
#define TESTS_OS_T_H

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef T_TIMEOUT_MS
#define T_TIMEOUT_MS 30000 /* per case: generous, for QEMU's TCG */
#endif
#define T_REPORT_FD 29 /* the case's end of the report pipe */
#define T_UNUSED __attribute__((unused))

struct t_case {
	const char *name;
	void (*fn)(void);
	int sig; /* 0: must return; else must be killed by this signal */
};

#define T(fn)                                                                  \
	{                                                                      \
#fn, fn, 0                                                     \
	}
#define T_SIG(fn, sig)                                                         \
	{                                                                      \
#fn, fn, sig                                                   \
	}
#define T_COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *t_self T_UNUSED; /* this program's absolute path */
static char t_self_buf[4096];

/* --- names for messages */

static const char *const t_errnames[] = {
    [0] = "0",
    [EPERM] = "EPERM",
    [ENOENT] = "ENOENT",
    [ESRCH] = "ESRCH",
    [EINTR] = "EINTR",
    [EIO] = "EIO",
    [ENXIO] = "ENXIO",
    [E2BIG] = "E2BIG",
    [ENOEXEC] = "ENOEXEC",
    [EBADF] = "EBADF",
    [ECHILD] = "ECHILD",
    [EAGAIN] = "EAGAIN",
    [ENOMEM] = "ENOMEM",
    [EACCES] = "EACCES",
    [EFAULT] = "EFAULT",
    [ENOTBLK] = "ENOTBLK",
    [EBUSY] = "EBUSY",
    [EEXIST] = "EEXIST",
    [EXDEV] = "EXDEV",
    [ENODEV] = "ENODEV",
    [ENOTDIR] = "ENOTDIR",
    [EISDIR] = "EISDIR",
    [EINVAL] = "EINVAL",
    [ENFILE] = "ENFILE",
    [EMFILE] = "EMFILE",
    [ENOTTY] = "ENOTTY",
    [ETXTBSY] = "ETXTBSY",
    [EFBIG] = "EFBIG",
    [ENOSPC] = "ENOSPC",
    [ESPIPE] = "ESPIPE",
    [EROFS] = "EROFS",
    [EMLINK] = "EMLINK",
    [EPIPE] = "EPIPE",
    [EDOM] = "EDOM",
    [ERANGE] = "ERANGE",
    [EDEADLK] = "EDEADLK",
    [ENAMETOOLONG] = "ENAMETOOLONG",
    [ENOLCK] = "ENOLCK",
    [ENOSYS] = "ENOSYS",
    [ENOTEMPTY] = "ENOTEMPTY",
    [ELOOP] = "ELOOP",
    [EOVERFLOW] = "EOVERFLOW",
};

static const char *const t_signames[] = {
    [SIGHUP] = "SIGHUP",       [SIGINT] = "SIGINT",	  [SIGQUIT] = "SIGQUIT",
    [SIGILL] = "SIGILL",       [SIGTRAP] = "SIGTRAP",	  [SIGABRT] = "SIGABRT",
    [SIGBUS] = "SIGBUS",       [SIGFPE] = "SIGFPE",	  [SIGKILL] = "SIGKILL",
    [SIGUSR1] = "SIGUSR1",     [SIGSEGV] = "SIGSEGV",	  [SIGUSR2] = "SIGUSR2",
    [SIGPIPE] = "SIGPIPE",     [SIGALRM] = "SIGALRM",	  [SIGTERM] = "SIGTERM",
    [SIGSTKFLT] = "SIGSTKFLT", [SIGCHLD] = "SIGCHLD",	  [SIGCONT] = "SIGCONT",
    [SIGSTOP] = "SIGSTOP",     [SIGTSTP] = "SIGTSTP",	  [SIGTTIN] = "SIGTTIN",
    [SIGTTOU] = "SIGTTOU",     [SIGURG] = "SIGURG",	  [SIGXCPU] = "SIGXCPU",
    [SIGXFSZ] = "SIGXFSZ",     [SIGVTALRM] = "SIGVTALRM", [SIGPROF] = "SIGPROF",
    [SIGWINCH] = "SIGWINCH",   [SIGIO] = "SIGIO",	  [SIGPWR] = "SIGPWR",
    [SIGSYS] = "SIGSYS",
};

/* "ENOENT", or the number in buf when there is no name */
static inline const char *t_errname(int e)
{
	static char buf[8][16];
	static int next;

	if (e >= 0 && e < T_COUNT(t_errnames) && t_errnames[e])
		return t_errnames[e];
	snprintf(buf[next], sizeof(buf[0]), "errno %d", e);
	return buf[next++ % 8];
}

static inline const char *t_signame(int s)
{
	static char buf[8][16];
	static int next;

	if (s > 0 && s < T_COUNT(t_signames) && t_signames[s])
		return t_signames[s];
	snprintf(buf[next], sizeof(buf[0]), "signal %d", s);
	return buf[next++ % 8];
}

/* A wait status in words: "exit 3", "killed by SIGSEGV". */
static inline const char *t_status_str(int st)
{
	static char buf[4][48];
	static int next;
	char *b = buf[next++ % 4];

	if (WIFEXITED(st))
		snprintf(b, sizeof(buf[0]), "exit %d", WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		snprintf(b, sizeof(buf[0]), "killed by %s%s",
			 t_signame(WTERMSIG(st)),
			 WCOREDUMP(st) ? " (core)" : "");
	else
		snprintf(b, sizeof(buf[0]), "status 0x%x", st);
	return b;
}

/* --- failing a case */

static inline _Noreturn __attribute__((format(printf, 3, 4))) void
t_fail(const char *file, int line, const char *fmt, ...)
{
	char buf[600];
	const char *base = strrchr(file, '/');
	va_list ap;
	int n;

	n = snprintf(buf, sizeof(buf), "%s:%d: ", base ? base + 1 : file, line);
	va_start(ap, fmt);
	vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	va_end(ap);
	n = strlen(buf);
	buf[n++] = '\n';
	write(T_REPORT_FD, buf, n);
	_exit(1);
}

#define T_FAIL(...) t_fail(__FILE__, __LINE__, __VA_ARGS__)

#define T_TRUE(cond)                                                           \
	do {                                                                   \
		if (!(cond))                                                   \
			T_FAIL("expected %s", #cond);                          \
	} while (0)

#define T_EQ(got, want)                                                        \
	do {                                                                   \
		long long g_ = (long long)(got), w_ = (long long)(want);       \
		if (g_ != w_)                                                  \
			T_FAIL("%s: got %lld, want %lld", #got, g_, w_);       \
	} while (0)

#define T_EQX(got, want)                                                       \
	do {                                                                   \
		unsigned long long g_ = (unsigned long long)(got);             \
		unsigned long long w_ = (unsigned long long)(want);            \
		if (g_ != w_)                                                  \
			T_FAIL("%s: got 0x%llx, want 0x%llx", #got, g_, w_);   \
	} while (0)

/* the call must not fail (return -1); its value, as a long */
#define T_OK(call)                                                             \
	({                                                                     \
		errno = 0;                                                     \
		long r_ = (long)(call);                                        \
		if (r_ == -1)                                                  \
			T_FAIL("%s: failed with %s", #call, t_errname(errno)); \
		r_;                                                            \
	})

/* the call must fail with exactly this errno */
#define T_ERR(call, err)                                                       \
	do {                                                                   \
		errno = 0;                                                     \
		long r_ = (long)(call);                                        \
		int e_ = errno;                                                \
		if (r_ != -1 || e_ != (err))                                   \
			T_FAIL("%s: got %ld (%s), want -1 (%s)", #call, r_,    \
			       r_ == -1 ? t_errname(e_) : "no error",          \
			       t_errname(err));                                \
	} while (0)

#define T_STREQ(got, want)                                                     \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		if (strcmp(g_, w_))                                            \
			T_FAIL("%s: got \"%s\", want \"%s\"", #got, g_, w_);   \
	} while (0)

#define T_MEMEQ(got, want, n)                                                  \
	do {                                                                   \
		if (memcmp((got), (want), (n)))                                \
			T_FAIL("%s: the %d bytes differ", #got, (int)(n));     \
	} while (0)

/* a wait status: exited with code / killed by sig */
#define T_EXITED(st, code)                                                     \
	do {                                                                   \
		int s_ = (st);                                                 \
		if (!WIFEXITED(s_) || WEXITSTATUS(s_) != (code))               \
			T_FAIL("%s: %s, want exit %d", #st, t_status_str(s_),  \
			       (int)(code));                                   \
	} while (0)

#define T_KILLED(st, sig)                                                      \
	do {                                                                   \
		int s_ = (st);                                                 \
		if (!WIFSIGNALED(s_) || WTERMSIG(s_) != (sig))                 \
			T_FAIL("%s: %s, want killed by %s", #st,               \
			       t_status_str(s_), t_signame(sig));              \
	} while (0)

/* --- helpers for cases */

static inline long long t_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static inline void t_sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, ms % 1000 * 1000000};

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* The /proc/meminfo field NAME ("MemFree") in kB; -1 without the file.
 * A missing field fails the case.  (Kernel memory is compared before
 * and after cycles on this OS; on Linux it moves with the whole host.) */
static inline long t_meminfo_kb(const char *name)
{
	static char buf[4096];
	int fd = open("/proc/meminfo", O_RDONLY);
	long n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	size_t len = strlen(name);

	if (fd < 0)
		return -1;
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	for (char *line = buf; line; line = strchr(line, '\n')) {
		line += *line == '\n';
		if (!strncmp(line, name, len) && line[len] == ':')
			return atol(line + len + 1);
	}
	T_FAIL("/proc/meminfo has no %s", name);
	return -1;
}

/* Is this the Linux host (rather than our OS)? */
static inline int t_on_linux(void)
{
	struct utsname u;

	return uname(&u) == 0 && !strcmp(u.sysname, "Linux");
}

/* Where user space ends: 0xC0000000 on this OS, as on an i386 Linux
 * kernel (the 3G/1G split), but 0xFFFFE000 for an i386 program on an
 * x86_64 Linux kernel, which gives it almost 4 GiB.  (0xC0000000 is
 * still unmapped there, so it faults or gives EFAULT all the same.) */
static inline unsigned long t_user_end(void)
{
	struct utsname u;

	return uname(&u) == 0 && !strcmp(u.machine, "x86_64") ? 0xFFFFE000UL
							      : 0xC0000000UL;
}

/* a write/read at a raw address (hidden from the compiler's bounds checks) */
static inline void t_poke(unsigned long addr, int value)
{
	volatile unsigned long a = addr;

	*(volatile int *)a = value;
}

static inline int t_peek(unsigned long addr)
{
	volatile unsigned long a = addr;

	return *(volatile int *)a;
}

#define t_fork() ((pid_t)T_OK(fork()))

/* waits for pid (which must be a child) and returns its status */
#define t_wait(pid)                                                            \
	({                                                                     \
		int st_ = 0;                                                   \
		pid_t p_ = (pid);                                              \
		T_EQ(waitpid(p_, &st_, 0), p_);                                \
		st_;                                                           \
	})

/* runs fn in a child and returns its wait status */
#define t_run(fn)                                                              \
	({                                                                     \
		pid_t c_ = t_fork();                                           \
		if (c_ == 0) {                                                 \
			fn();                                                  \
			_exit(0);                                              \
		}                                                              \
		t_wait(c_);                                                    \
	})

/* Runs execve in a child with its output sent to /dev/null and returns
 * the errno it failed with, or 0 if the program ran (a close-on-exec pipe
 * tells the two apart): a call that should fail but does not must not
 * turn the case into some other program. */
static inline int t_execve_errno(const char *path, char *const argv[],
				 char *const envp[])
{
	int p[2], e = 0;

	if (pipe2(p, O_CLOEXEC) < 0)
		T_FAIL("pipe2: %s", t_errname(errno));
	pid_t pid = fork();
	if (pid < 0)
		T_FAIL("fork: %s", t_errname(errno));
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 1);
		dup2(null, 2);
		execve(path, argv, envp);
		e = errno;
		write(p[1], &e, sizeof(e));
		_exit(0);
	}
	close(p[1]);
	waitpid(pid, NULL, 0);
	if (read(p[0], &e, sizeof(e)) != sizeof(e))
		e = 0;
	close(p[0]);
	return e;
}

#define T_EXEC_ERR(path, argv, envp, err)                                      \
	do {                                                                   \
		int e_ = t_execve_errno((path), (argv), (envp));               \
		if (e_ != (err))                                               \
			T_FAIL("execve(%s): %s, want %s", #path,               \
			       e_ ? t_errname(e_) : "it ran", t_errname(err)); \
	} while (0)

/* writes a whole file (mode 0644), failing the case on error */
#define t_write_file(path, data, n)                                            \
	do {                                                                   \
		int fd_ =                                                      \
		    T_OK(open((path), O_WRONLY | O_CREAT | O_TRUNC, 0644));    \
		T_EQ(write(fd_, (data), (n)), (n));                            \
		T_OK(close(fd_));                                              \
	} while (0)

/* --- the scratch directories */

/* removes path and everything below it; returns 0 or -1 */
static inline int t_rmtree(const char *path)
{
	char buf[1024], sub[4096];
	struct stat st;
	int fd, n, bad = 0;

	if (lstat(path, &st) < 0)
		return -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	while ((n = getdents64(fd, buf, sizeof(buf))) > 0) {
		for (int off = 0; off < n;) {
			struct dirent *d = (struct dirent *)(buf + off);

			off += d->d_reclen;
			if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
				continue;
			snprintf(sub, sizeof(sub), "%s/%s", path, d->d_name);
			bad |= t_rmtree(sub);
		}
	}
	close(fd);
	return n < 0 || bad ? -1 : rmdir(path);
}

/* --- running the cases */

/* Runs one case in a child; returns 1 if it passed. */
static inline int t_run_case(int n, const struct t_case *c, const char *dir)
{
	char detail[700] = "", *p;
	int fds[2], st = 0, len = 0, r;
	long waited = 0, nap = 1;
	pid_t pid;

	if (pipe(fds) < 0 || dup2(fds[1], T_REPORT_FD) < 0) {
		dprintf(1, "not ok %d - %s: harness: no report pipe (%s)\n", n,
			c->name, t_errname(errno));
		return 0;
	}
	close(fds[1]);
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(T_REPORT_FD, F_SETFD, FD_CLOEXEC);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		if (chdir(dir) < 0)
			T_FAIL("harness: chdir %s: %s", dir, t_errname(errno));
		c->fn();
		_exit(0);
	}
	close(T_REPORT_FD);
	if (pid < 0) {
		close(fds[0]);
		dprintf(1, "not ok %d - %s: harness: fork: %s\n", n, c->name,
			t_errname(errno));
		return 0;
	}
	while ((r = waitpid(pid, &st, WNOHANG)) == 0) {
		if (waited >= T_TIMEOUT_MS) {
			kill(pid, SIGKILL);
			waitpid(pid, &st, 0);
			snprintf(detail, sizeof(detail),
				 "timed out after %d ms; ", T_TIMEOUT_MS);
			break;
		}
		t_sleep_ms(nap);
		waited += nap;
		nap = nap < 64 ? nap * 2 : 64;
	}
	/* orphans of earlier cases, when this program runs as init */
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	/* what the case (or its children) reported: only what is there now,
	 * as a leftover grandchild may hold the pipe open */
	fcntl(fds[0], F_SETFL, O_NONBLOCK);
	len = strlen(detail);
	while (len < (int)sizeof(detail) - 1 &&
	       (r = read(fds[0], detail + len, sizeof(detail) - 1 - len)) > 0)
		len += r;
	detail[len] = 0;
	close(fds[0]);
	while (len > 0 && detail[len - 1] == '\n')
		detail[--len] = 0;
	for (p = detail; (p = strchr(p, '\n')) && len + 1 < (int)sizeof(detail);
	     len++) {
		memmove(p + 2, p + 1, len - (p + 1 - detail) + 1);
		memcpy(p, "; ",
		       2); /* one line: the reports of case and children */
	}
	if (c->sig ? WIFSIGNALED(st) && WTERMSIG(st) == c->sig && !*detail
		   : WIFEXITED(st) && WEXITSTATUS(st) == 0 && !*detail) {
		dprintf(1, "ok %d - %s\n", n, c->name);
		return 1;
	}
	if (*detail && WIFEXITED(st) && WEXITSTATUS(st) == 1)
		dprintf(1, "not ok %d - %s: %s\n", n, c->name, detail);
	else if (c->sig)
		dprintf(1, "not ok %d - %s: %s%s, want killed by %s\n", n,
			c->name, detail, t_status_str(st), t_signame(c->sig));
	else
		dprintf(1, "not ok %d - %s: %s%s\n", n, c->name, detail,
			t_status_str(st));
	return 0;
}

static inline int t_selected(const struct t_case *c, int argc, char **argv)
{
	if (argc < 2)
		return 1;
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], c->name))
			return 1;
	return 0;
}

static inline int t_main(int argc, char **argv, const struct t_case *cases,
			 int ncases, int (*helper)(int argc, char **argv))
{
	char top[256], dir[300];
	const char *prog;
	int passed = 0, failed = 0, n = 0;

	t_self = argv[0];
	if (argv[0][0] != '/' && strchr(argv[0], '/') &&
	    getcwd(t_self_buf, sizeof(t_self_buf) - 256)) {
		size_t l = strlen(t_self_buf);

		snprintf(t_self_buf + l, sizeof(t_self_buf) - l, "/%s",
			 argv[0]);
		t_self = t_self_buf;
	}
	if (argc >= 2 && !strcmp(argv[1], "--helper"))
		return helper ? helper(argc - 2, argv + 2) : 127;
	/* whatever the caller left open would skew "the lowest free fd", and
	 * signals it ignores or blocks would stay so (a shell's background
	 * job ignores SIGINT): start every case from the defaults */
	for (int fd = 3; fd < 256; fd++)
		close(fd);
	for (int sig = 1; sig <= _NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			sigaction(sig,
				  &(struct sigaction){.sa_handler = SIG_DFL},
				  NULL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);

	prog = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	snprintf(top, sizeof(top), "t-%s-%d", prog, getpid());
	if (mkdir(top, 0755) < 0 || !getcwd(dir, sizeof(dir) - 40)) {
		dprintf(1,
			"Bail out! cannot make the scratch directory %s: %s\n",
			top, t_errname(errno));
		return 255;
	}
	for (int i = 0; i < ncases; i++) {
		char casedir[sizeof(dir) + sizeof(top) + 16];

		if (!t_selected(&cases[i], argc, argv))
			continue;
		n++;
		snprintf(casedir, sizeof(casedir), "%s/%s/%d", dir, top, n);
		if (mkdir(casedir, 0755) < 0) {
			dprintf(1, "not ok %d - %s: harness: mkdir %s: %s\n", n,
				cases[i].name, casedir, t_errname(errno));
			failed++;
			continue;
		}
		if (t_run_case(n, &cases[i], casedir))
			passed++;
		else
			failed++;
		if (t_rmtree(casedir) < 0)
			dprintf(1, "# harness: could not remove %s\n", casedir);
	}
	if (rmdir(top) < 0)
		dprintf(1, "# harness: could not remove %s: %s\n", top,
			t_errname(errno));
	dprintf(1, "%d passed, %d failed\n", passed, failed);
	return failed > 255 ? 255 : failed;
}

#define T_MAIN(cases, helper)                                                  \
	int main(int argc, char **argv)                                        \
	{                                                                      \
		return t_main(argc, argv, cases, T_COUNT(cases), helper);      \
	}

#endif
