/* tests/os/proc.c - processes: fork, exit and the wait status encoding
 * (WIFEXITED/WEXITSTATUS/WIFSIGNALED/WTERMSIG), wait4/waitpid with
 * WNOHANG, ECHILD, bad pids, waiting twice; getpid/getppid; execve with
 * argv and envp and its errors (ENOENT, EACCES, ENOEXEC, E2BIG, EFAULT);
 * children killed by SIGSEGV and SIGKILL; copy-on-write isolation;
 * orphans; FPU/SSE state per process; process groups and sessions.
 */
#include <sys/mman.h>
#include <sys/syscall.h>

#include "t.h"

#define KERNEL_ADDR ((void *)0xC0000000)

static int global = 1; /* .data */
static int zeroed;     /* .bss */

/* a child that waits until the parent closes (or writes) the pipe; it
 * closes every other descriptor, so that it holds no other child's pipe */
static pid_t blocked_child(int p[2], int code)
{
	char c;

	T_OK(pipe(p));
	pid_t pid = t_fork();
	if (pid == 0) {
		for (int fd = 3; fd < 64; fd++)
			if (fd != p[0])
				close(fd);
		read(p[0], &c, 1);
		_exit(code);
	}
	close(p[0]);
	return pid;
}

static void fork_basics(void)
{
	pid_t parent = getpid();
	int st;

	pid_t pid = t_fork();
	if (pid == 0) {
		if (getppid() != parent || getpid() == parent)
			_exit(1);
		_exit(7);
	}
	T_TRUE(pid > 0 && pid != parent);
	T_EQ(waitpid(pid, &st, 0), pid);
	T_EQX(st, 7 << 8);
	T_TRUE(WIFEXITED(st) && !WIFSIGNALED(st));
	T_EQ(WEXITSTATUS(st), 7);
	T_EQ(getpid(), parent);
}

static void exit_codes(void)
{
	static const struct {
		int code, status;
	} table[] = {{0, 0},   {1, 0x100},   {255, 0xff00},
		     {256, 0}, {-1, 0xff00}, {0x1234, 0x3400}};
	int st;

	for (int i = 0; i < T_COUNT(table); i++) {
		pid_t pid = t_fork();
		if (pid == 0)
			_exit(table[i].code);
		T_EQ(waitpid(pid, &st, 0), pid);
		T_EQX(st, table[i].status);
	}
	/* exit (1), the single-thread exit, ends a one-thread process too */
	pid_t pid = t_fork();
	if (pid == 0)
		syscall(SYS_exit, 3);
	T_EQ(waitpid(pid, &st, 0), pid);
	T_EQX(st, 3 << 8);
}

static void killed_by_sigkill(void)
{
	int p[2], st;
	pid_t pid = blocked_child(p, 0);

	T_OK(kill(pid, SIGKILL));
	T_EQ(waitpid(pid, &st, 0), pid);
	T_EQX(st, SIGKILL);
	T_TRUE(WIFSIGNALED(st) && !WIFEXITED(st));
	T_EQ(WTERMSIG(st), SIGKILL);
}

static void null_write(void)
{
	*(volatile int *)0 = 1;
}

static void killed_by_sigsegv(void)
{
	int st = t_run(null_write);

	T_KILLED(st, SIGSEGV);
	T_EQ(st & 0x7f, SIGSEGV);
	T_TRUE(WIFSIGNALED(st) && !WIFEXITED(st));
}

static void kill_self(void)
{
	raise(SIGTERM);
	_exit(0);
}

static void killed_by_own_signal(void)
{
	T_KILLED(t_run(kill_self), SIGTERM);
}

static void wnohang(void)
{
	int p[2], st = -1;
	pid_t pid = blocked_child(p, 5);

	T_EQ(waitpid(pid, &st, WNOHANG), 0);
	T_EQ(st, -1); /* untouched */
	T_EQ(wait4(pid, &st, WNOHANG, NULL), 0);
	T_EQ(waitpid(-1, &st, WNOHANG), 0);
	T_OK(close(p[1]));
	long long start = t_now_ns();
	int r;
	while ((r = waitpid(pid, &st, WNOHANG)) == 0) {
		if (t_now_ns() - start > 5000000000LL)
			T_FAIL("child not done after 5 s");
		t_sleep_ms(1);
	}
	T_EQ(r, pid);
	T_EXITED(st, 5);
	T_ERR(waitpid(pid, &st, WNOHANG), ECHILD);
}

static void echild(void)
{
	int st;

	T_ERR(waitpid(-1, &st, 0), ECHILD);
	T_ERR(waitpid(-1, &st, WNOHANG), ECHILD);
	T_ERR(wait4(-1, &st, 0, NULL), ECHILD);
	T_ERR(wait(&st), ECHILD);
	T_ERR(waitpid(0, &st, 0), ECHILD);
}

static void wait_bad_pid(void)
{
	int p[2], st;
	pid_t pid = blocked_child(p, 0);

	T_ERR(waitpid(getpid(), &st, 0), ECHILD);
	T_ERR(waitpid(getppid(), &st, 0), ECHILD);
	T_ERR(waitpid(1, &st, 0), ECHILD);
	T_ERR(waitpid(0x3fffffff, &st, 0), ECHILD);
	T_ERR(waitpid(-0x3fffffff, &st, 0), ECHILD); /* no such group */
	T_OK(close(p[1]));
	T_EQ(waitpid(pid, &st, 0), pid);
	T_EXITED(st, 0);
}

static void grandchild_not_waitable(void)
{
	int p[2], q[2], go[2], st;
	pid_t grandchild;

	T_OK(pipe(q));	/* the middle child tells us the grandchild's pid */
	T_OK(pipe(go)); /* we let the grandchild end */
	pid_t pid = blocked_child(p, 0);
	pid_t middle = t_fork();
	if (middle == 0) {
		pid_t g = t_fork();
		if (g == 0) {
			char c;
			read(go[0], &c, 1);
			_exit(0);
		}
		write(q[1], &g, sizeof(g));
		T_EXITED(t_wait(g), 0);
		_exit(0);
	}
	T_EQ(read(q[0], &grandchild, sizeof(grandchild)), sizeof(grandchild));
	T_ERR(waitpid(grandchild, &st, WNOHANG), ECHILD);
	T_EQ(write(go[1], "x", 1), 1);
	T_EXITED(t_wait(middle), 0);
	T_OK(close(p[1]));
	T_EXITED(t_wait(pid), 0);
}

static void wait_twice(void)
{
	int st;
	pid_t pid = t_fork();

	if (pid == 0)
		_exit(3);
	T_EQ(waitpid(pid, &st, 0), pid);
	T_EXITED(st, 3);
	T_ERR(waitpid(pid, &st, 0), ECHILD);
	T_ERR(waitpid(pid, &st, WNOHANG), ECHILD);
}

static void wait_any_order(void)
{
	pid_t pids[5];
	int seen[5] = {0}, st;

	for (int i = 0; i < 5; i++) {
		pids[i] = t_fork();
		if (pids[i] == 0) {
			t_sleep_ms(10 *
				   (5 - i)); /* the last forked ends first */
			_exit(10 + i);
		}
	}
	for (int n = 0; n < 5; n++) {
		pid_t pid = waitpid(-1, &st, 0);
		int i = 0;

		while (i < 5 && pids[i] != pid)
			i++;
		if (i == 5)
			T_FAIL("waitpid(-1) returned %d, not a child", pid);
		T_EQ(seen[i]++, 0);
		T_EXITED(st, 10 + i);
	}
	T_ERR(waitpid(-1, &st, 0), ECHILD);
}

static void wait_specific(void)
{
	int p[3][2], st;
	pid_t pids[3];

	for (int i = 0; i < 3; i++)
		pids[i] = blocked_child(p[i], 20 + i);
	T_OK(close(p[0][1]));
	T_OK(close(p[2][1]));
	T_EQ(waitpid(pids[2], &st, 0), pids[2]);
	T_EXITED(st, 22);
	T_EQ(waitpid(pids[1], &st, WNOHANG), 0);
	T_EQ(wait4(pids[0], &st, 0, NULL), pids[0]);
	T_EXITED(st, 20);
	T_OK(close(p[1][1]));
	T_EQ(waitpid(-1, NULL, 0), pids[1]); /* a NULL status is fine */
}

static void wait_bad_args(void)
{
	int p[2], st;
	pid_t pid = blocked_child(p, 4);

	T_ERR(waitpid(pid, &st, 0x100), EINVAL);
	T_ERR(wait4(pid, &st, 0x100, NULL), EINVAL);
	T_OK(close(p[1]));
	/* a bad status pointer: Linux reaps the child, then says EFAULT */
	T_ERR(waitpid(pid, KERNEL_ADDR, 0), EFAULT);
	T_ERR(waitpid(pid, &st, WNOHANG), ECHILD);
}

static void pids_and_tids(void)
{
	pid_t me = getpid();

	T_TRUE(me > 0);
	T_EQ(getpid(), me);
	T_EQ(gettid(), me);
	T_TRUE(getppid() > 0);
	T_EQ(syscall(SYS_getpid), me);
	pid_t pid = t_fork();
	if (pid == 0) {
		T_EQ(getppid(), me);
		T_EQ(gettid(), getpid());
		_exit(0);
	}
	T_EXITED(t_wait(pid), 0);
}

/* --helper args ...: argv and environment exactly as execve_args passes them */
static int helper_args(int argc, char **argv)
{
	static const char *const want_env[] = {"A=1", "B=two words",
					       "EMPTY=", NULL};
	int n = 0;

	if (argc != 4 || strcmp(argv[1], "one") || strcmp(argv[2], "") ||
	    strcmp(argv[3], "three four") || argv[4] != NULL)
		return 1;
	if (strcmp(argv[-1], "--helper") || strcmp(argv[-2], t_self))
		return 2;
	for (char **e = environ; *e; e++, n++)
		if (n > 2 || strcmp(*e, want_env[n]))
			return 3;
	if (n != 3)
		return 4;
	if (!getenv("B") || strcmp(getenv("B"), "two words") ||
	    strcmp(getenv("EMPTY"), ""))
		return 5;
	if (global != 1 || zeroed != 0) /* a fresh image */
		return 6;
	return 42;
}

static pid_t spawn(char *const argv[], char *const envp[])
{
	pid_t pid = t_fork();

	if (pid == 0) {
		execve(t_self, argv, envp);
		_exit(99);
	}
	return pid;
}

static void execve_args(void)
{
	char *argv[] = {(char *)t_self, "--helper", "args", "one", "",
			"three four",	NULL};
	char *envp[] = {"A=1", "B=two words", "EMPTY=", NULL};

	global = 2;
	zeroed = 3;
	T_EXITED(t_wait(spawn(argv, envp)), 42);
}

/* --helper pid FD: writes its pid and parent's pid to FD */
static int helper_pid(char **argv)
{
	pid_t ids[2] = {getpid(), getppid()};

	return write(atoi(argv[1]), ids, sizeof(ids)) == sizeof(ids) ? 0 : 1;
}

static void execve_keeps_pid(void)
{
	char fdstr[16];
	pid_t ids[2];
	int p[2];

	T_OK(pipe(p));
	snprintf(fdstr, sizeof(fdstr), "%d", p[1]);
	char *argv[] = {(char *)t_self, "--helper", "pid", fdstr, NULL};
	pid_t pid = spawn(argv, environ);
	T_EXITED(t_wait(pid), 0);
	T_EQ(read(p[0], ids, sizeof(ids)), sizeof(ids));
	T_EQ(ids[0], pid);
	T_EQ(ids[1], getpid());
}

static void execve_errors(void)
{
	static char big[200000];
	char *argv[] = {"x", NULL};

	/* a failed execve returns to the caller, whole */
	T_ERR(execve("missing", argv, environ), ENOENT);
	T_EQ(global, 1);
	/* the rest in a child each (t_execve_errno): should one of them run
	 * the program after all, the case goes on and says so */
	T_EXEC_ERR("missing", argv, environ, ENOENT);
	T_EXEC_ERR("", argv, environ, ENOENT);
	T_EXEC_ERR("nodir/x", argv, environ, ENOENT);
	t_write_file("f", "#!", 2);
	T_EXEC_ERR("f/x", argv, environ, ENOTDIR);
	/* no execute bit: EACCES, whatever the content (even for root) */
	T_OK(chmod("f", 0644));
	T_EXEC_ERR("f", argv, environ, EACCES);
	T_OK(mkdir("d", 0755));
	T_EXEC_ERR("d", argv, environ, EACCES);
	/* executable but not a program */
	t_write_file("text", "just some text\n", 15);
	T_OK(chmod("text", 0755));
	T_EXEC_ERR("text", argv, environ, ENOEXEC);
	t_write_file("empty", "", 0);
	T_OK(chmod("empty", 0755));
	T_EXEC_ERR("empty", argv, environ, ENOEXEC);
	static const char bad_elf[64] = "\177ELF\1\1\1";
	t_write_file("elf", bad_elf, sizeof(bad_elf));
	T_OK(chmod("elf", 0755));
	T_EXEC_ERR("elf", argv, environ, ENOEXEC);
	/* bad pointers */
	T_EXEC_ERR(NULL, argv, environ, EFAULT);
	T_EXEC_ERR(t_self, KERNEL_ADDR, environ, EFAULT);
	char *bad_argv[] = {"x", KERNEL_ADDR, NULL};
	T_EXEC_ERR(t_self, bad_argv, environ, EFAULT);
	char *bad_envp[] = {KERNEL_ADDR, NULL};
	T_EXEC_ERR(t_self, argv, bad_envp, EFAULT);
	/* one argument longer than Linux's MAX_ARG_STRLEN (128 KiB) */
	memset(big, 'a', sizeof(big) - 1);
	char *big_argv[] = {"x", big, NULL};
	T_EXEC_ERR(t_self, big_argv, environ, E2BIG);
}

static void cow_isolation(void)
{
	int p[2], q[2], local = 10;
	int *heap = sbrk(4096);
	int *anon = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char c;

	T_TRUE(heap != (void *)-1 && anon != MAP_FAILED);
	*heap = 20;
	*anon = 30;
	T_OK(pipe(p));
	T_OK(pipe(q));
	pid_t pid = t_fork();
	if (pid == 0) {
		/* the child's writes stay in the child */
		global = 2, zeroed = 2, local = 2, *heap = 2, *anon = 2;
		T_EQ(global + zeroed + local + *heap + *anon, 10);
		T_EQ(write(q[1], "w", 1), 1);
		/* and the parent's later writes stay in the parent */
		T_EQ(read(p[0], &c, 1), 1);
		T_EQ(global + zeroed + local + *heap + *anon, 10);
		_exit(0);
	}
	T_EQ(read(q[0], &c, 1), 1);
	T_EQ(global, 1);
	T_EQ(zeroed, 0);
	T_EQ(local, 10);
	T_EQ(*heap, 20);
	T_EQ(*anon, 30);
	global = 3, zeroed = 3, local = 3, *heap = 3, *anon = 3;
	T_EQ(write(p[1], "p", 1), 1);
	T_EXITED(t_wait(pid), 0);
	T_EQ(global + zeroed + local + *heap + *anon, 15);
}

static void cow_many_pages(void)
{
	static unsigned char area[256 * 1024];
	int p[2];
	char c;

	for (int i = 0; i < (int)sizeof(area); i++)
		area[i] = (unsigned char)(i ^ (i >> 8));
	T_OK(pipe(p));
	pid_t pid = t_fork();
	if (pid == 0) {
		for (int i = 0; i < (int)sizeof(area); i++)
			area[i] = ~area[i];
		for (int i = 0; i < (int)sizeof(area); i++)
			if (area[i] != (unsigned char)~(i ^ (i >> 8)))
				T_FAIL("child: byte %d wrong", i);
		write(p[1], "x", 1);
		_exit(0);
	}
	T_EQ(read(p[0], &c, 1), 1);
	for (int i = 0; i < (int)sizeof(area); i++)
		if (area[i] != (unsigned char)(i ^ (i >> 8)))
			T_FAIL("parent: byte %d changed by the child", i);
	T_EXITED(t_wait(pid), 0);
}

static void orphan_reparented(void)
{
	pid_t orphan_ppid = 0;
	int p[2];

	T_OK(pipe(p));
	pid_t middle = t_fork();
	if (middle == 0) {
		pid_t me = getpid();
		if (t_fork() == 0) {
			long long start = t_now_ns();
			while (getppid() == me &&
			       t_now_ns() - start < 5000000000LL)
				t_sleep_ms(1);
			pid_t pp = getppid();
			write(p[1], &pp, sizeof(pp));
			_exit(0);
		}
		_exit(0); /* without waiting */
	}
	T_EXITED(t_wait(middle), 0);
	T_EQ(read(p[0], &orphan_ppid, sizeof(orphan_ppid)),
	     sizeof(orphan_ppid));
	T_TRUE(orphan_ppid != middle);
	/* on Linux a subreaper may adopt it; on this OS, init does */
	if (!t_on_linux())
		T_EQ(orphan_ppid, 1);
	T_ERR(waitpid(-1, NULL, WNOHANG), ECHILD); /* it is not ours */
}

static void many_children(void)
{
	int p[2], st;
	pid_t pids[20];

	for (int i = 0; i < 50; i++) {
		pid_t pid = t_fork();
		if (pid == 0)
			_exit(i);
		T_EQ(waitpid(pid, &st, 0), pid);
		T_EXITED(st, i);
	}
	T_OK(pipe(p));
	for (int i = 0; i < 20; i++) {
		pids[i] = t_fork();
		if (pids[i] == 0) {
			char c;
			close(p[1]);
			_exit(read(p[0], &c, 1) == 0 ? 0 : 1);
		}
	}
	T_OK(close(p[1])); /* EOF for all twenty */
	for (int i = 0; i < 20; i++)
		T_EXITED(t_wait(pids[i]), 0);
}

static void exit_closes_fds(void)
{
	char c;
	int p[2];

	T_OK(pipe(p));
	pid_t pid = t_fork();
	if (pid == 0) {
		t_sleep_ms(20);
		_exit(0); /* holds p[1] until here */
	}
	T_OK(close(p[1]));
	T_EQ(read(p[0], &c, 1), 0);
	T_EXITED(t_wait(pid), 0);
}

static void vfork_child(void)
{
	pid_t pid = vfork();

	if (pid == 0)
		_exit(5);
	T_TRUE(pid > 0);
	T_EXITED(t_wait(pid), 5);
}

static void brk_per_process(void)
{
	char *before = sbrk(0);
	pid_t pid = t_fork();

	if (pid == 0) {
		char *p = sbrk(65536);
		T_TRUE(p == before);
		p[65535] = 1;
		_exit(0);
	}
	T_EXITED(t_wait(pid), 0);
	T_TRUE(sbrk(0) == before);
}

/* x87 registers loaded, a yield to the other process, then stored:
 * another process's FPU use must not show through */
static void x87_across_yield(double a, double b, double *ra, double *rb)
{
	__asm__ volatile("fldl %2\n\t"
			 "fldl %3\n\t"
			 "movl %4, %%eax\n\t"
			 "int $0x80\n\t"
			 "fstpl %1\n\t"
			 "fstpl %0"
			 : "=m"(*ra), "=m"(*rb)
			 : "m"(a), "m"(b), "i"(SYS_sched_yield)
			 : "eax", "memory");
}

static int x87_rounds(double base)
{
	for (int i = 0; i < 300; i++) {
		double ra, rb, a = base + i, b = base * 2 + i;

		x87_across_yield(a, b, &ra, &rb);
		if (ra != a || rb != b)
			return 1;
	}
	return 0;
}

static void fpu_state_per_process(void)
{
	pid_t pid = t_fork();

	if (pid == 0)
		_exit(x87_rounds(1000.25));
	T_EQ(x87_rounds(-7.5), 0);
	T_EXITED(t_wait(pid), 0);
}

__attribute__((target("sse2"))) static int sse_rounds(unsigned int base)
{
	for (unsigned int i = 0; i < 300; i++) {
		unsigned int in[4] = {base + i, ~i, base, i}, out[4];

		__asm__ volatile("movdqu %1, %%xmm3\n\t"
				 "movl %2, %%eax\n\t"
				 "int $0x80\n\t"
				 "movdqu %%xmm3, %0"
				 : "=m"(out)
				 : "m"(in), "i"(SYS_sched_yield)
				 : "eax", "xmm3", "memory");
		if (memcmp(in, out, sizeof(in)))
			return 1;
	}
	return 0;
}

static void sse_state_per_process(void)
{
	pid_t pid = t_fork();

	if (pid == 0)
		_exit(sse_rounds(0x12340000));
	T_EQ(sse_rounds(0xabcd0000), 0);
	T_EXITED(t_wait(pid), 0);
}

static void sessions(void)
{
	pid_t pid = t_fork();

	if (pid == 0) {
		pid_t me = getpid();
		T_EQ(setsid(), me);
		T_EQ(getpgrp(), me);
		T_EQ(getpgid(0), me);
		T_EQ(getpgid(me), me);
		T_ERR(setsid(), EPERM); /* already a group leader */
		_exit(0);
	}
	T_EXITED(t_wait(pid), 0);
	/* a group leader cannot start a session */
	pid = t_fork();
	if (pid == 0) {
		T_OK(setpgid(0, 0));
		T_ERR(setsid(), EPERM);
		_exit(0);
	}
	T_EXITED(t_wait(pid), 0);
}

static void process_groups(void)
{
	int p[2], st;
	pid_t me = getpid();

	T_EQ(getpgid(0), getpgrp());
	T_ERR(getpgid(0x3fffffff), ESRCH);
	T_ERR(setpgid(0, -1), EINVAL);
	T_ERR(setpgid(0x3fffffff, 0), ESRCH);
	T_OK(setpgid(0, 0)); /* a group of its own */
	T_EQ(getpgrp(), me);
	pid_t a = blocked_child(p, 0);
	T_EQ(getpgid(a), me); /* children start in the parent's group */
	T_OK(setpgid(a, a));
	T_EQ(getpgid(a), a);
	T_OK(kill(-a, SIGUSR1)); /* to the group: kills a */
	T_EQ(waitpid(a, &st, 0), a);
	T_KILLED(st, SIGUSR1);
	close(p[1]);
}

static int helper(int argc, char **argv)
{
	if (argc >= 1 && !strcmp(argv[0], "args"))
		return helper_args(argc, argv);
	if (argc == 2 && !strcmp(argv[0], "pid"))
		return helper_pid(argv);
	return 127;
}

/* RLIMIT_NPROC through prlimit64 (glibc's setrlimit): read back as set,
 * cur above max is EINVAL, and (this OS only: Linux exempts root) fork
 * fails with EAGAIN once that many processes exist */
static void nproc_limit(void)
{
	unsigned long long one[2] = {1, 1}, bad[2] = {5, 4}, got[2];
	pid_t pid;

	T_ERR(syscall(SYS_prlimit64, 0, 6, bad, NULL), EINVAL);
	T_OK(syscall(SYS_prlimit64, 0, 6, one, NULL));
	T_OK(syscall(SYS_prlimit64, 0, 6, NULL, got));
	T_EQ(got[0], 1);
	T_EQ(got[1], 1);
	if (t_on_linux())
		return;
	T_ERR(fork(), EAGAIN);
	one[0] = one[1] = 512;
	T_OK(syscall(SYS_prlimit64, 0, 6, one, NULL)); /* root may raise it */
	pid = t_fork();
	if (pid == 0)
		_exit(0);
	T_EXITED(t_wait(pid), 0);
}

static const struct t_case cases[] = {
    T(fork_basics),
    T(exit_codes),
    T(killed_by_sigkill),
    T(killed_by_sigsegv),
    T(killed_by_own_signal),
    T(wnohang),
    T(echild),
    T(wait_bad_pid),
    T(grandchild_not_waitable),
    T(wait_twice),
    T(wait_any_order),
    T(wait_specific),
    T(wait_bad_args),
    T(pids_and_tids),
    T(execve_args),
    T(execve_keeps_pid),
    T(execve_errors),
    T(cow_isolation),
    T(cow_many_pages),
    T(orphan_reparented),
    T(many_children),
    T(exit_closes_fds),
    T(vfork_child),
    T(brk_per_process),
    T(fpu_state_per_process),
    T(sse_state_per_process),
    T(sessions),
    T(process_groups),
    T(nproc_limit),
};

T_MAIN(cases, helper)
