/* tests/os/vfork.c - processes that share their parent's memory: vfork
 * (190) and clone (120) with CLONE_VM but not CLONE_THREAD, with and
 * without CLONE_VFORK, as glibc's posix_spawn and system() make them.
 *
 * A vfork child runs on the parent's memory and stack while the parent
 * sleeps until the child execs or exits: its writes show in the parent,
 * the parent resumes at the child's execve (not at the new program's
 * end) or _exit, a failed execve returns to the child (which reports
 * errno through the shared memory, as posix_spawn does), signals other
 * than fatal ones wait until the parent resumes, and a fatal one ends
 * the waiting parent while the child runs on.  A CLONE_VM child on a
 * stack of its own runs beside its parent on the same memory: writes
 * and new mappings show both ways, /proc shows the same VmSize, a fault
 * kills only the child, CLONE_CHILD_CLEARTID wakes the parent at its
 * exit, and a fork from it is copy-on-write for both sharers.
 * CLONE_VFORK without CLONE_VM: the parent waits, the child has a copy.  Last,
 * cycles of each (in this OS also checking that memory comes back).
 *
 * vfork is a raw system call here (t_vfork below, glibc's way: the
 * return address is kept in a register, as the child's calls would
 * overwrite it on the shared stack), since this libc's vfork() is a
 * fork; children use raw system calls only, as they share the libc's
 * state with the parent.
 */
#include <sys/mman.h>
#include <sys/syscall.h>

#include "raw_clone.h"
#include "t.h"

#define CLONE_VM 0x00000100
#define CLONE_VFORK 0x00004000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_CHILD_SETTID 0x01000000
#define FUTEX_WAIT 0
#define STACK_SIZE (64 * 1024)

/* --- raw system calls (-errno) */

static void sys_exit(int code)
{
	sys1(SYS_exit, code);
}

static void sys_sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, ms % 1000 * 1000000};

	while (sys2(SYS_nanosleep, &ts, &ts) == -EINTR)
		;
}

/* vfork(): returns twice on one stack, so the return address must not
 * stay on it while the child runs (glibc's vfork.S) */
long t_vfork(void) __attribute__((returns_twice));
__asm__(".text\n"
	".globl t_vfork\n"
	"t_vfork:\n"
	"	pop %ecx\n"
	"	mov $190, %eax\n"
	"	int $0x80\n"
	"	push %ecx\n"
	"	ret\n");

static char stacks[2][STACK_SIZE] __attribute__((aligned(16)));
static volatile int shared, shared2;
static volatile long child_saw;

/* clone(CLONE_VM | extra | SIGCHLD) running fn(arg) on stacks[n] */
static pid_t vm_child(int n, unsigned extra, int (*fn)(void *), void *arg)
{
	long pid = t_clone(CLONE_VM | extra | SIGCHLD, stacks[n] + STACK_SIZE,
			   NULL, NULL, NULL, fn, arg);

	if (pid < 0)
		T_FAIL("clone: %s", t_errname(-pid));
	return pid;
}

/* waits (a few seconds at most) until *word == value */
static int wait_for(volatile int *word, int value)
{
	for (int i = 0; i < 5000; i++) {
		if (*word == value)
			return 1;
		t_sleep_ms(1);
	}
	return *word == value;
}

/* --- vfork */

static void vfork_shares_memory(void)
{
	pid_t me = getpid();
	long pid;

	shared = 0;
	pid = t_vfork();
	if (pid == 0) {
		shared = 1;
		child_saw = sys0(SYS_getppid);
		sys_exit(sys0(SYS_getpid) != me ? 7 : 1);
	}
	T_TRUE(pid > 0);
	T_EQ(shared, 1); /* the child's write, in our memory */
	T_EQ(child_saw, me);
	T_EXITED(t_wait(pid), 7);
}

/* the parent sleeps until the child exits, however long it takes */
static void vfork_parent_waits_for_exit(void)
{
	long long t0 = t_now_ns();
	long pid;

	shared = 0;
	pid = t_vfork();
	if (pid == 0) {
		sys_sleep_ms(200);
		shared = 2;
		sys_exit(0);
	}
	T_EQ(shared, 2);
	T_TRUE(t_now_ns() - t0 >= 190 * 1000000LL);
	T_EXITED(t_wait(pid), 0);
}

/* execve in the child: the parent resumes then, while the new program
 * still runs (it sleeps and exits with 3) */
static void vfork_parent_resumes_at_exec(void)
{
	char ms[] = "1000";
	char *argv[] = {(char *)t_self, "--helper", "sleep", ms, NULL};
	long long t0 = t_now_ns();
	long pid;
	int st;

	shared = 0;
	pid = t_vfork();
	if (pid == 0) {
		shared = 3;
		sys3(SYS_execve, t_self, argv, environ);
		sys_exit(127);
	}
	T_EQ(shared, 3);
	T_EQ(waitpid(pid, &st, WNOHANG), 0); /* still running */
	T_TRUE(t_now_ns() - t0 < 900 * 1000000LL);
	T_EXITED(t_wait(pid), 3);
	T_TRUE(t_now_ns() - t0 >= 900 * 1000000LL);
}

static void vfork_exec_true(void)
{
	char *argv[] = {"true", NULL};
	long pid;

	shared = 0;
	pid = t_vfork();
	if (pid == 0) {
		long e = sys3(SYS_execve, "/bin/true", argv, environ);
		shared = (int)-e;
		sys_exit(127);
	}
	T_EQ(shared, 0);
	T_EXITED(t_wait(pid), 0);
}

/* posix_spawn's way: a failed execve's errno comes back through the
 * shared memory, and the child exits */
static void vfork_exec_fails(void)
{
	char *argv[] = {"missing", NULL};
	long pid;

	shared = 0;
	pid = t_vfork();
	if (pid == 0) {
		long e = sys3(SYS_execve, "/no/such/program", argv, environ);
		shared = (int)-e;
		sys_exit(127);
	}
	T_EQ(shared, ENOENT);
	T_EXITED(t_wait(pid), 127);
}

static void vfork_child_killed(void)
{
	long pid = t_vfork();

	if (pid == 0) {
		sys2(SYS_kill, sys0(SYS_getpid), SIGKILL);
		sys_exit(1);
	}
	T_KILLED(t_wait(pid), SIGKILL);
}

static volatile int usr1_seen, usr1_saw_shared;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_seen++;
	usr1_saw_shared = shared;
}

/* a signal with a handler does not end the wait: it runs when the
 * parent resumes, after the child's exit */
static void vfork_wait_ignores_signals(void)
{
	struct sigaction sa = {.sa_handler = on_usr1};
	long pid;

	T_OK(sigaction(SIGUSR1, &sa, NULL));
	shared = 0;
	pid = t_vfork();
	if (pid == 0) {
		sys2(SYS_kill, sys0(SYS_getppid), SIGUSR1);
		sys_sleep_ms(100);
		shared = 4;
		sys_exit(0);
	}
	T_EQ(usr1_seen, 1);
	T_EQ(usr1_saw_shared, 4);
	T_EXITED(t_wait(pid), 0);
}

/* A fatal signal ends a parent waiting in vfork; the child runs on (on
 * memory now its own) and writes to the pipe. */
static void vfork_parent_killed(void)
{
	int p[2];
	char c = 0;
	long long t0;
	pid_t parent;

	T_OK(pipe(p));
	parent = t_fork();
	if (parent == 0) {
		long pid = t_vfork();
		if (pid == 0) {
			sys_sleep_ms(600);
			sys3(SYS_write, p[1], "x", 1);
			sys_exit(0);
		}
		_exit(9); /* not before the child's exit: killed first */
	}
	close(p[1]);
	t_sleep_ms(100);
	t0 = t_now_ns();
	T_OK(kill(parent, SIGKILL));
	T_KILLED(t_wait(parent), SIGKILL);
	T_TRUE(t_now_ns() - t0 < 400 * 1000000LL);
	T_EQ(read(p[0], &c, 1), 1); /* the child (now init's) ran on */
	T_EQ(c, 'x');
	T_OK(close(p[0]));
}

/* --- clone with CLONE_VM, the child on a stack of its own */

static int child_hands_back(void *arg)
{
	(void)arg;
	if (!wait_for(&shared, 1)) /* the parent's write */
		return 1;
	shared2 = 1; /* ours, for the parent */
	return 0;
}

/* it runs beside the parent (no CLONE_VFORK), writes show both ways */
static void clone_vm_shares_both_ways(void)
{
	pid_t pid;

	shared = shared2 = 0;
	pid = vm_child(0, 0, child_hands_back, NULL);
	T_EQ(shared2, 0);
	shared = 1;
	T_TRUE(wait_for(&shared2, 1));
	T_EXITED(t_wait(pid), 0);
}

/* a mapping the child makes is the parent's too, and the other way */
static volatile long child_map;

static int child_maps(void *arg)
{
	/* (the libc's: it only touches errno, on a failure) */
	long m = (long)mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (m == (long)MAP_FAILED)
		return 1;
	*(volatile int *)m = 42;
	*(volatile int *)arg = 43; /* the parent's mapping */
	child_map = m;
	return 0;
}

static void clone_vm_shares_mappings(void)
{
	volatile int *mine = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	pid_t pid;

	T_TRUE(mine != MAP_FAILED);
	child_map = 0;
	pid = vm_child(0, 0, child_maps, (void *)mine);
	T_EXITED(t_wait(pid), 0);
	T_TRUE(child_map != 0);
	T_EQ(*(volatile int *)child_map, 42);
	T_EQ(*mine, 43);
	T_OK(munmap((void *)child_map, 4096));
}

static int wait_for_shared(void *arg)
{
	(void)arg;
	return wait_for(&shared, 1) ? 0 : 1;
}

/* "VmSize:" of /proc/PID/status (pid 0: self), in kB, or -1 */
static long vm_size(pid_t pid)
{
	char path[64], buf[1024], *p;
	int fd, n;

	if (pid)
		snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	else
		snprintf(path, sizeof(path), "/proc/self/status");
	if ((fd = open(path, O_RDONLY)) < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	p = strstr(buf, "VmSize:");
	return p ? atol(p + 7) : -1;
}

/* one address space, one size */
static void clone_vm_proc_status(void)
{
	pid_t pid;
	long mine, its;

	shared = 0;
	pid = vm_child(0, 0, wait_for_shared, NULL);
	its = vm_size(pid);
	mine = vm_size(0);
	shared = 1;
	T_EXITED(t_wait(pid), 0);
	T_TRUE(mine > 0);
	T_EQ(its, mine);
}

static int child_faults(void *arg)
{
	(void)arg;
	shared = 5;
	t_poke(0, 1);
	return 0;
}

/* a fault kills the child alone; the memory stays the parent's */
static void clone_vm_fault_kills_child(void)
{
	pid_t pid;

	shared = 0;
	pid = vm_child(0, 0, child_faults, NULL);
	T_KILLED(t_wait(pid), SIGSEGV);
	T_EQ(shared, 5);
	shared = 6;
	T_EQ(shared, 6);
}

/* CLONE_VM | CLONE_VFORK on a stack of its own: posix_spawn's clone */
static int child_sleeps_and_writes(void *arg)
{
	sys_sleep_ms(100);
	shared = (int)(long)arg;
	return 8;
}

static void clone_vfork_with_stack(void)
{
	pid_t pid;

	shared = 0;
	pid = vm_child(0, CLONE_VFORK, child_sleeps_and_writes, (void *)9);
	T_EQ(shared, 9);
	T_EXITED(t_wait(pid), 8);
}

/* CLONE_VFORK alone: the parent waits, but the child has a copy */
static void clone_vfork_without_vm(void)
{
	long long t0 = t_now_ns();
	long pid;

	shared = 0;
	pid = t_clone(CLONE_VFORK | SIGCHLD, stacks[0] + STACK_SIZE, NULL, NULL,
		      NULL, child_sleeps_and_writes, (void *)10);
	T_TRUE(pid > 0);
	T_TRUE(t_now_ns() - t0 >= 90 * 1000000LL);
	T_EQ(shared, 0);
	T_EXITED(t_wait(pid), 8);
}

/* CLONE_CHILD_CLEARTID: with the memory shared, the child's exit
 * clears the word and wakes a futex waiter (as a thread's does) */
static volatile int ctid;

static int child_exits_later(void *arg)
{
	(void)arg;
	sys_sleep_ms(100);
	return 0;
}

static void clone_vm_cleartid(void)
{
	long pid;
	int v;

	ctid = -1;
	pid = t_clone(CLONE_VM | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID |
			  SIGCHLD,
		      stacks[0] + STACK_SIZE, NULL, NULL, &ctid,
		      child_exits_later, NULL);
	T_TRUE(pid > 0);
	while ((v = ctid) != 0) {
		long r = sys(SYS_futex, (long)&ctid, FUTEX_WAIT, v, 0, 0);
		if (r != 0 && r != -EAGAIN && r != -EINTR)
			T_FAIL("futex: %s", t_errname(-r));
	}
	T_EXITED(t_wait(pid), 0);
}

/* The child forks: its grandchild gets a copy; the two sharers still
 * share, and each one's writes (now copy-on-write faults) show in the
 * other. */
static int child_forks(void *arg)
{
	long g, st = 0;

	(void)arg;
	shared = 1;
	g = sys0(SYS_fork);
	if (g == 0) {
		int ok = shared == 1;
		shared = 100; /* its own copy */
		sys_sleep_ms(50);
		sys_exit(ok && shared == 100 ? 0 : 1);
	}
	if (g < 0)
		return 2;
	shared2 = 1; /* a write after the fork: copied, still shared */
	if (!wait_for(&shared, 2)) /* the parent's, after the fork */
		return 3;
	if (sys(SYS_wait4, g, (long)&st, 0, 0, 0) != g || st != 0)
		return 4;
	return shared == 2 ? 0 : 5;
}

static void clone_vm_child_forks(void)
{
	pid_t pid;

	shared = shared2 = 0;
	pid = vm_child(0, 0, child_forks, NULL);
	T_TRUE(wait_for(&shared2, 1));
	T_EQ(shared, 1); /* not the grandchild's 100 */
	shared = 2;
	T_EXITED(t_wait(pid), 0);
	T_EQ(shared, 2);
}

/* --- cycles */

static int just_exit(void *arg)
{
	return (int)(long)arg;
}

/* a vfork child that exits with code, or (code < 0) runs /bin/true */
static __attribute__((noinline)) long vfork_child(int code_)
{
	char *argv[] = {"true", NULL};
	volatile int code = code_;
	long pid = t_vfork();

	if (pid == 0) {
		if (code < 0)
			sys3(SYS_execve, "/bin/true", argv, environ);
		sys_exit(code < 0 ? 127 : code);
	}
	return pid;
}

/* n vforks that exit, then n CLONE_VM children, then n / 20 vforks
 * that exec, each child's status checked */
static void run_cycles(int n)
{
	for (int i = 0; i < n * 2 + n / 20; i++) {
		long pid;
		int st = -1, want = i < n * 2 ? i & 0x7f : 0;

		if (i < n)
			pid = vfork_child(want);
		else if (i < n * 2)
			pid = vm_child(0, 0, just_exit, (void *)(long)want);
		else
			pid = vfork_child(-1);
		T_TRUE(pid > 0);
		T_EQ(waitpid(pid, &st, 0), pid);
		T_EXITED(st, want);
	}
}

/* 1000 of each kind (50 that exec) in a child of ours: in this OS the
 * kernel's memory and the free memory come back once it has gone (its
 * address space too, freed by the last of the processes sharing it) */
static void cycles(void)
{
	long heap0 = 0, free0 = 0, stacks0 = 0;
	pid_t pid;

	run_cycles(20); /* the first ones may grow the kernel's caches */
	if (!t_on_linux()) { /* (whose meminfo moves with the whole host) */
		heap0 = t_meminfo_kb("KernelHeapUsed");
		free0 = t_meminfo_kb("MemFree");
		stacks0 = t_meminfo_kb("KernelStack");
	}
	pid = t_fork();
	if (pid == 0) {
		run_cycles(1000);
		_exit(0);
	}
	T_EXITED(t_wait(pid), 0);
	if (t_on_linux())
		return;
	t_sleep_ms(10); /* the last child's task is freed by the next switch */
	T_EQ(t_meminfo_kb("KernelStack"), stacks0);
	long heap = t_meminfo_kb("KernelHeapUsed"), free = t_meminfo_kb("MemFree");
	if (heap > heap0 + 8 || free < free0 - 8)
		T_FAIL(
		    "KernelHeapUsed %ld kB (was %ld), MemFree %ld kB (was %ld)",
		    heap, heap0, free, free0);
}

static int helper(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[0], "sleep")) {
		t_sleep_ms(atol(argv[1]));
		return 3;
	}
	return 127;
}

static const struct t_case cases[] = {
    T(vfork_shares_memory),
    T(vfork_parent_waits_for_exit),
    T(vfork_parent_resumes_at_exec),
    T(vfork_exec_true),
    T(vfork_exec_fails),
    T(vfork_child_killed),
    T(vfork_wait_ignores_signals),
    T(vfork_parent_killed),
    T(clone_vm_shares_both_ways),
    T(clone_vm_shares_mappings),
    T(clone_vm_proc_status),
    T(clone_vm_fault_kills_child),
    T(clone_vfork_with_stack),
    T(clone_vfork_without_vm),
    T(clone_vm_cleartid),
    T(clone_vm_child_forks),
    T(cycles),
};

T_MAIN(cases, helper)
