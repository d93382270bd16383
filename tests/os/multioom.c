/* tests/os/multioom.c - running out of processes and memory, again and
 * again (Pintos userprog's multi-oom, in this ABI).
 *
 * A round is a chain of processes, each one the program itself run by
 * fork + execve with its depth in argv ("--helper level N KB").  Every
 * level takes some of everything (KB of anonymous memory and some heap,
 * filled, a pipe with data in it, open files, dups), sends one child to
 * its death by a bad memory access after it took the same, and starts the
 * next level, until fork, execve or an allocation fails with a resource
 * error (EAGAIN, ENOMEM, EMFILE...).  The deepest level reached comes
 * back up as the exit status of each level in turn.
 *
 * A case runs rounds and wants the same depth every time: a kernel that
 * loses a process slot, a page or a file to any of these deaths has less
 * for the next round.  Where /proc/meminfo exists (this OS) the kernel's
 * memory must also be exactly what it was before the rounds.
 *
 * processes_run_out: 64 KiB a level.  On this OS the case first lowers
 * its RLIMIT_NPROC to NPROC_LIMIT, which then ends the chain long before
 * DEPTH_CAP (the process table itself holds 512, and this OS enforces
 * the limit for root too); on Linux, which exempts root, nothing runs
 * out that early, so the cap ends it.
 * memory_runs_out (this OS only): megabytes a level, so that memory ends
 * the chain, at a different step for each size (filling a level, fork,
 * execve, a crashing child).  Memory is filled by read() from /dev/zero,
 * so that running out is an error (EFAULT) rather than the kill a touch
 * from user mode gets; Linux's answer to memory running out is its OOM
 * killer, not an error, so the case is skipped there.
 *
 * A level that sees something other than a resource error reports it
 * through the case's report pipe (fd T_REPORT_FD, which the case leaves
 * open across execve for that) and exits with LEVEL_FAILED.
 */
#define T_TIMEOUT_MS 240000 /* ~1,000 fork+execve under TCG */

#include <sys/mman.h>
#include <sys/syscall.h>

#include "t.h"

#define ROUNDS 10
#define DEPTH_CAP 100 /* beyond NPROC_LIMIT: this OS must run out first */
#define NPROC_LIMIT 64
#define RLIMIT_NPROC 6
#define DEPTH_MIN 30  /* Pintos's floor for "forked enough" */
#define LEVEL_FAILED 255
#define LEVEL_FILES 6 /* opens of each kind per level */
#define LEVEL_KB 64
#define LEVEL_BRK (16 * 1024)
#define KERNEL_ADDR 0xC0000000UL
#define KERNEL_TEXT 0xC0100000UL /* where this OS's kernel code is */

extern char **environ;

static int level_n;  /* this level, for reports */
static int level_kb; /* memory each level takes */

static _Noreturn __attribute__((format(printf, 1, 2))) void
level_fail(const char *fmt, ...)
{
	char buf[300];
	va_list ap;
	int n = snprintf(buf, sizeof(buf), "level %d: ", level_n);

	va_start(ap, fmt);
	n += vsnprintf(buf + n, sizeof(buf) - n - 1, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	write(T_REPORT_FD, buf, n);
	_exit(LEVEL_FAILED);
}

/* Is e how a kernel says "no more of that" (rather than a bug)? */
static int resource_error(int e)
{
	return e == EAGAIN || e == ENOMEM || e == EMFILE || e == ENFILE;
}

/* A failed allocation: -1 if a resource ran out, else a report. */
static int ran_out(const char *what)
{
	if (!resource_error(errno))
		level_fail("%s: %s", what, t_errname(errno));
	return -1;
}

/* Fills [p, p + len) from /dev/zero: the kernel takes the pages, and
 * says EFAULT (as Linux does) when there are none left.  0 or -1. */
static int fill(int zero, char *p, size_t len)
{
	while (len) {
		long n = read(zero, p, len);

		if (n <= 0) {
			if (n == 0 || errno != EFAULT)
				level_fail("read /dev/zero: %s",
					   n ? t_errname(errno) : "EOF");
			return -1;
		}
		p += n;
		len -= n;
	}
	return 0;
}

/* Takes memory, a pipe and files, all close-on-exec (the next level
 * takes its own).  Returns 0, or -1 if a resource ran out. */
static int consume(void)
{
	size_t len = (size_t)level_kb * 1024;
	int p[2], zero = open("/dev/zero", O_RDONLY | O_CLOEXEC);

	if (zero < 0)
		return ran_out("open /dev/zero");
	char *m = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		return ran_out("mmap");
	char *b = sbrk(LEVEL_BRK);
	if (b == (void *)-1)
		return ran_out("sbrk");
	if (fill(zero, m, len) < 0 || fill(zero, b, LEVEL_BRK) < 0)
		return -1;
	if (pipe2(p, O_CLOEXEC) < 0)
		return ran_out("pipe2");
	write(p[1], "x", 1); /* a pipe with data in it */
	for (int i = 0; i < LEVEL_FILES; i++) {
		if (open(t_self, O_RDONLY | O_CLOEXEC) < 0)
			return ran_out("open self");
		if (open("/dev/null", O_WRONLY | O_CLOEXEC) < 0)
			return ran_out("open /dev/null");
		if (fcntl(p[0], F_DUPFD_CLOEXEC, 0) < 0)
			return ran_out("dup");
	}
	return 0;
}

/* fork + execve(self --helper WHAT n KB): the child's pid, or 0 if fork
 * failed for want of resources.  A child whose execve fails that way
 * exits with status n - 1: the depth its parent reached. */
static pid_t spawn(const char *what, int n)
{
	char num[16], kb[16];
	char *argv[] = {(char *)t_self, "--helper", (char *)what, num, kb,
			NULL};

	snprintf(num, sizeof(num), "%d", n);
	snprintf(kb, sizeof(kb), "%d", level_kb);
	pid_t pid = fork();
	if (pid < 0 && !resource_error(errno))
		level_fail("fork: %s", t_errname(errno));
	if (pid < 0)
		return 0;
	if (pid == 0) {
		execve(t_self, argv, environ);
		if (!resource_error(errno))
			level_fail("execve: %s", t_errname(errno));
		_exit(n - 1);
	}
	return pid;
}

static int wait_for(pid_t pid)
{
	int st;

	if (waitpid(pid, &st, 0) != pid)
		level_fail("waitpid %d: %s", pid, t_errname(errno));
	return st;
}

/* --helper crash N KB: takes resources like a level, then dies by one of
 * four bad accesses (all SIGSEGV, on Linux as here). */
static int helper_crash(int n)
{
	consume();
	switch (n % 4) {
	case 0:
		t_poke(0, 42); /* a null pointer */
		break;
	case 1:
		t_peek(KERNEL_ADDR); /* kernel memory */
		break;
	case 2:
		((void (*)(void))KERNEL_TEXT)(); /* a jump into the kernel */
		break;
	default:
		t_poke((unsigned long)&helper_crash, 0); /* our own code */
		break;
	}
	return 0; /* the parent reports a crash that did not happen */
}

/* A child that takes resources and crashes must give them all back:
 * reaped, it must be as if it never ran. */
static void crash_one(int n)
{
	pid_t pid = spawn("crash", n);

	if (!pid)
		return; /* out of processes: the next spawn fails too */
	int st = wait_for(pid);
	if (WIFEXITED(st) && WEXITSTATUS(st) == n - 1)
		return; /* its execve ran out of memory */
	if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGSEGV)
		level_fail("crashing child: %s, want killed by SIGSEGV",
			   t_status_str(st));
}

/* --helper level N KB: returns (as exit status) the depth reached below. */
static int helper_level(int n)
{
	level_n = n;
	if (n < 1 || n > DEPTH_CAP || level_kb <= 0)
		level_fail("bad arguments");
	if (consume() < 0 || n == DEPTH_CAP)
		return n;
	crash_one(n + 1);
	pid_t pid = spawn("level", n + 1);
	if (!pid)
		return n;
	int st = wait_for(pid);
	if (!WIFEXITED(st))
		level_fail("level %d: %s", n + 1, t_status_str(st));
	if (WEXITSTATUS(st) == LEVEL_FAILED)
		_exit(LEVEL_FAILED); /* reported below */
	if (WEXITSTATUS(st) < n)
		level_fail("level %d returned depth %d", n + 1,
			   WEXITSTATUS(st));
	return WEXITSTATUS(st);
}

static int helper(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[0], "level")) {
		level_kb = atoi(argv[2]);
		return helper_level(atoi(argv[1]));
	}
	if (argc == 3 && !strcmp(argv[0], "crash")) {
		level_kb = atoi(argv[2]);
		return helper_crash(atoi(argv[1]));
	}
	if (argc == 1 && !strcmp(argv[0], "exit7"))
		return 7;
	return 127;
}

/* --- the cases */

/* One round with kb a level: the depth the chain reached. */
static int one_round(int kb)
{
	char num[16];
	char *argv[] = {(char *)t_self, "--helper", "level", "1", num, NULL};

	snprintf(num, sizeof(num), "%d", kb);
	pid_t pid = t_fork();
	if (pid == 0) {
		execve(t_self, argv, environ);
		_exit(LEVEL_FAILED);
	}
	int st = t_wait(pid);
	if (!WIFEXITED(st) || WEXITSTATUS(st) == LEVEL_FAILED)
		T_FAIL("level 1: %s", t_status_str(st));
	return WEXITSTATUS(st);
}

struct mem {
	long heap, free;
};

/* This process's resident pages in kB (field 24 of /proc/self/stat):
 * they come out of MemFree too, and the rounds may fault in a page of
 * our own (a deeper stack, a libc buffer) without any leak. */
static long own_rss_kb(void)
{
	char buf[1024];
	int fd = open("/proc/self/stat", O_RDONLY);
	long n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	char *s = n > 0 ? strrchr((buf[n] = 0, buf), ')') : NULL;

	if (fd >= 0)
		close(fd);
	for (int field = 2; s && field < 24; field++)
		s = strchr(s + 1, ' ');
	if (!s)
		T_FAIL("cannot read rss from /proc/self/stat");
	return atol(s + 1) * 4;
}

/* This OS's kernel memory; {-1, -1} on Linux (whose meminfo moves with
 * everything else the host runs) or without /proc/meminfo. */
static struct mem kernel_memory(void)
{
	if (t_on_linux())
		return (struct mem){-1, -1};
	return (struct mem){t_meminfo_kb("KernelHeapUsed"), t_meminfo_kb("MemFree") + own_rss_kb()};
}

/* Runs rounds of kb a level; each must reach the same depth, which is
 * returned.  MemFree counts this process's own pages too, so its
 * resident size is added back (kernel_memory), and between the two
 * readings nothing but the rounds happens. */
static int same_depth(int rounds, int kb)
{
	int depth[ROUNDS];
	struct mem before, after;

	T_OK(fcntl(T_REPORT_FD, F_SETFD, 0)); /* the levels report here */
	kernel_memory(); /* faults in what reading it takes */
	before = kernel_memory();
	for (int i = 0; i < rounds; i++)
		depth[i] = one_round(kb);
	after = kernel_memory();
	for (int i = 1; i < rounds; i++)
		if (depth[i] != depth[0])
			T_FAIL("%d KiB a level: round %d reached depth %d, "
			       "round 1 %d", kb, i + 1, depth[i], depth[0]);
	dprintf(1, "# %d KiB a level: depth %d in each of %d rounds\n", kb,
		depth[0], rounds);
	if (before.heap < 0)
		return depth[0]; /* Linux, or no /proc/meminfo */
	dprintf(1, "# kernel heap used %ld kB, free %ld kB; after the rounds "
		"%ld kB, %ld kB\n", before.heap, before.free, after.heap,
		after.free);
	if (after.heap != before.heap || after.free != before.free)
		T_FAIL("kernel memory: heap used %ld kB, free %ld kB before; "
		       "%ld kB, %ld kB after %d rounds of %d KiB a level",
		       before.heap, before.free, after.heap, after.free,
		       rounds, kb);
	return depth[0];
}

static void processes_run_out(void)
{
	unsigned long long limit[2] = {NPROC_LIMIT, NPROC_LIMIT};
	int depth;

	if (!t_on_linux())
		T_OK(syscall(SYS_prlimit64, 0, RLIMIT_NPROC, limit, NULL));
	depth = same_depth(ROUNDS, LEVEL_KB);

	if (depth < DEPTH_MIN)
		T_FAIL("depth %d, want at least %d", depth, DEPTH_MIN);
	if (!t_on_linux() && depth >= DEPTH_CAP)
		T_FAIL("depth %d: never ran out of anything", depth);
}

/* Sizes that, with 128 MiB, end the chain at different steps: filling
 * a level, an execve, a crashing child. */
static void memory_runs_out(void)
{
	static const int kb[] = {2048 + 28, 2048 + 204, 3072 + 52};

	if (t_on_linux())
		return; /* the OOM killer's business there */
	for (int i = 0; i < T_COUNT(kb); i++)
		if (same_depth(3, kb[i]) >= DEPTH_CAP)
			T_FAIL("%d KiB a level: memory never ran out", kb[i]);
}

/* After all that, processes and files still work. */
static void still_usable(void)
{
	char *argv[] = {(char *)t_self, "--helper", "exit7", NULL};
	char buf[8];

	pid_t pid = t_fork();
	if (pid == 0)
		_exit(3);
	T_EXITED(t_wait(pid), 3);
	pid = t_fork();
	if (pid == 0) {
		execve(t_self, argv, environ);
		_exit(1);
	}
	T_EXITED(t_wait(pid), 7);
	t_write_file("after", "still here", 10);
	int fd = T_OK(open("after", O_RDONLY));
	T_EQ(read(fd, buf, sizeof(buf)), 8);
	T_MEMEQ(buf, "still he", 8);
	T_OK(close(fd));
}

static const struct t_case cases[] = {
    T(processes_run_out),
    T(memory_runs_out),
    T(still_usable),
};

T_MAIN(cases, helper)
