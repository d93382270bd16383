/* tests/os/clone.c - threads at the system-call level: clone (120) with
 * the flags pthreads use and fork-like, futex (240) WAIT/WAKE with
 * timeouts and errors, CLONE_CHILD_CLEARTID's wake at a thread's exit,
 * gettid/getpid, exit versus exit_group, signals to threads (tkill,
 * tgkill, per-thread masks), a fault or a fatal signal ending the whole
 * process, execve from a thread or from the first one while others
 * run, per-thread TLS (CLONE_SETTLS) and alternate signal stacks, wait
 * for a child another thread forked, the thread count in /proc, a
 * descriptor closed while another thread reads it, RLIMIT_NPROC counting
 * threads, random arguments, and 10,000 create/exit cycles (in this OS
 * also checking that kernel memory comes back).
 *
 * No pthreads: threads are made with a raw clone (t_clone below runs
 * fn(arg) on the new stack and ends the thread with exit(fn's value)),
 * and the threads' bodies use raw system calls only (sys() returns
 * -errno), as they share the libc's state with the main thread.
 */
#include <sys/mman.h>
#include <sys/syscall.h>

#include "raw_clone.h"
#include "t.h"

#define CLONE_VM 0x00000100
#define CLONE_FS 0x00000200
#define CLONE_FILES 0x00000400
#define CLONE_SIGHAND 0x00000800
#define CLONE_THREAD 0x00010000
#define CLONE_SYSVSEM 0x00040000
#define CLONE_SETTLS 0x00080000
#define CLONE_PARENT_SETTID 0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_CHILD_SETTID 0x01000000
#define THREAD_FLAGS                                                           \
	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |    \
	 CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_PRIVATE_FLAG 128
#define WALL 0x40000000
#define STACK_SIZE (64 * 1024)
#define MAX_THREADS 8

/* --- raw system calls (sys, t_clone: raw_clone.h) */

static long futex(volatile int *uaddr, int op, int val,
		  const struct timespec *ts)
{
	return sys(SYS_futex, (long)uaddr, op, val, (long)ts, 0);
}

static long gettid_(void)
{
	return sys0(SYS_gettid);
}

static void thread_exit(int code)
{
	sys1(SYS_exit, code);
}

/* A system call with six arguments (the sixth in ebp); -errno. */
long t_sys6(long nr, long a, long b, long c, long d, long e, long f);
__asm__(".text\n"
	".globl t_sys6\n"
	"t_sys6:\n"
	"	push %ebp\n"
	"	push %ebx\n"
	"	push %esi\n"
	"	push %edi\n"
	"	mov 20(%esp), %eax\n"
	"	mov 24(%esp), %ebx\n"
	"	mov 28(%esp), %ecx\n"
	"	mov 32(%esp), %edx\n"
	"	mov 36(%esp), %esi\n"
	"	mov 40(%esp), %edi\n"
	"	mov 44(%esp), %ebp\n"
	"	int $0x80\n"
	"	pop %edi\n"
	"	pop %esi\n"
	"	pop %ebx\n"
	"	pop %ebp\n"
	"	ret\n");

/* A thread's stack: static, so that nothing needs freeing. */
static char stacks[MAX_THREADS][STACK_SIZE] __attribute__((aligned(16)));

struct thread {
	volatile int ptid, ctid; /* set by the kernel */
	long tid;		 /* what clone returned */
};

/* Starts fn(arg) in thread number n of stacks[]. */
static void start(struct thread *t, int n, int (*fn)(void *), void *arg)
{
	t->ptid = 0;
	t->ctid = -1;
	t->tid = t_clone(THREAD_FLAGS, stacks[n] + STACK_SIZE, &t->ptid, NULL,
			 &t->ctid, fn, arg);
	if (t->tid < 0)
		T_FAIL("clone: %s", t_errname(-t->tid));
}

/* Waits for a thread's end as pthread_join does: until the kernel has
 * cleared ctid (CLONE_CHILD_CLEARTID) and woken us. */
static void join(struct thread *t)
{
	int v;

	while ((v = t->ctid) != 0) {
		long r = futex(&t->ctid, FUTEX_WAIT, v, NULL);
		if (r && r != -EAGAIN && r != -EINTR)
			T_FAIL("futex wait for ctid: %s", t_errname(-r));
	}
}

static void nap_ms(long ms)
{
	struct timespec ts = {ms / 1000, ms % 1000 * 1000000};

	sys2(SYS_nanosleep, &ts, NULL);
}

/* Sleeps on a word nobody wakes. */
static void block_forever(void)
{
	static volatile int never;

	for (;;)
		futex(&never, FUTEX_WAIT, 0, NULL);
}

static int sleeper(void *arg)
{
	(void)arg;
	block_forever();
	return 0;
}

/* --- the cases */

static volatile int shared_word;
static volatile long seen_tid, seen_pid;

static int record_ids(void *arg)
{
	seen_tid = gettid_();
	seen_pid = sys0(SYS_getpid);
	shared_word = (int)(long)arg;
	return 0;
}

static void thread_shares_memory(void)
{
	struct thread t;

	shared_word = 0;
	start(&t, 0, record_ids, (void *)1234);
	join(&t);
	T_EQ(shared_word, 1234);
	T_EQ(seen_pid, getpid());
	T_EQ(seen_tid, t.tid);
	T_EQ(t.ptid, t.tid); /* CLONE_PARENT_SETTID */
	T_TRUE(t.tid > 0 && t.tid != getpid());
	T_EQ(sys0(SYS_gettid), getpid()); /* the first thread's id is the pid */
	T_EQ(t.ctid, 0);		  /* CLONE_CHILD_CLEARTID */
}

static int slow_exit(void *arg)
{
	nap_ms((long)arg);
	return 0;
}

/* The joiner is asleep in FUTEX_WAIT when the thread ends: the kernel's
 * clear-and-wake must end that wait. */
static void cleartid_wakes_joiner(void)
{
	struct thread t;
	long long t0 = t_now_ns();

	start(&t, 0, slow_exit, (void *)100);
	T_EQ(futex(&t.ctid, FUTEX_WAIT, (int)t.ctid, NULL), 0);
	T_EQ(t.ctid, 0);
	T_TRUE(t_now_ns() - t0 >= 90 * 1000000LL);
}

static void futex_mismatch(void)
{
	static volatile int word = 5;

	T_EQ(futex(&word, FUTEX_WAIT, 6, NULL), -EAGAIN);
	T_EQ(futex(&word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 4, NULL), -EAGAIN);
	T_EQ(futex(&word, FUTEX_WAKE, 1, NULL), 0); /* nobody waits */
	T_EQ(futex(&word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 10, NULL), 0);
}

static void futex_timeout(void)
{
	static volatile int word;
	struct timespec ts = {0, 50 * 1000000};
	long long t0 = t_now_ns();

	T_EQ(futex(&word, FUTEX_WAIT, 0, &ts), -ETIMEDOUT);
	long long took = t_now_ns() - t0;
	T_TRUE(took >= 49 * 1000000LL);
	T_TRUE(took < 2000 * 1000000LL);
	ts.tv_nsec = 0; /* already over: still a timeout, not EAGAIN */
	T_EQ(futex(&word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 0, &ts), -ETIMEDOUT);
	ts.tv_nsec = 1000000000; /* not a time */
	T_EQ(futex(&word, FUTEX_WAIT, 0, &ts), -EINVAL);
	ts.tv_sec = -1;
	ts.tv_nsec = 0;
	T_EQ(futex(&word, FUTEX_WAIT, 0, &ts), -EINVAL);
	T_EQ(futex(&word, FUTEX_WAIT, 0, (struct timespec *)16), -EFAULT);
}

static volatile int gate, asleep;

static int wait_at_gate(void *arg)
{
	(void)arg;
	__sync_fetch_and_add(&asleep, 1);
	while (gate == 0)
		futex(&gate, FUTEX_WAIT, 0, NULL);
	return 0;
}

/* The state letter of thread tid in /proc/self/task/TID/stat. */
static char thread_state(long tid)
{
	char path[64], buf[256], *p;
	int fd, n;

	snprintf(path, sizeof(path), "/proc/self/task/%ld/stat", tid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return '?';
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	p = strrchr(buf, ')');
	return p && p[1] ? p[2] : '?';
}

/* Until every thread of ts sleeps (at most 5 s). */
static void until_asleep(struct thread *ts, int n)
{
	for (int tries = 0; tries < 500; tries++) {
		int sleeping = 0;
		for (int i = 0; i < n; i++)
			sleeping += thread_state(ts[i].tid) == 'S';
		if (sleeping == n)
			return;
		t_sleep_ms(10);
	}
	T_FAIL("the threads did not all go to sleep");
}

static void futex_wake_counts(void)
{
	struct thread ts[3];

	gate = asleep = 0;
	for (int i = 0; i < 3; i++)
		start(&ts[i], i, wait_at_gate, NULL);
	until_asleep(ts, 3);
	gate = 1;
	T_EQ(futex(&gate, FUTEX_WAKE, 0, NULL), 1); /* 0 wakes one, as 1 */
	T_EQ(futex(&gate, FUTEX_WAKE, 1, NULL), 1);
	T_EQ(futex(&gate, FUTEX_WAKE, 10, NULL), 1);
	for (int i = 0; i < 3; i++)
		join(&ts[i]);
	T_EQ(futex(&gate, FUTEX_WAKE, 10, NULL), 0);
	T_EQ(asleep, 3);
}

static void futex_bad_address(void)
{
	static volatile int word;

	T_EQ(futex(NULL, FUTEX_WAIT, 0, NULL), -EFAULT);
	T_EQ(
	    futex((volatile int *)16, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 0, NULL),
	    -EFAULT);
	T_EQ(futex((volatile int *)0xC0000000, FUTEX_WAIT, 0, NULL), -EFAULT);
	T_EQ(futex((volatile int *)((char *)&word + 1), FUTEX_WAIT, 0, NULL),
	     -EINVAL);
	T_EQ(futex((volatile int *)((char *)&word + 2), FUTEX_WAKE, 1, NULL),
	     -EINVAL);
	T_EQ(futex((volatile int *)16, FUTEX_WAKE, 1, NULL), -EFAULT);
	T_EQ(futex(&word, 77, 0, NULL), -ENOSYS);
	/* FUTEX_CLOCK_REALTIME goes only with FUTEX_WAIT_BITSET */
	T_EQ(futex(&word, FUTEX_WAIT | 256, 1, NULL), -ENOSYS);
}

#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_CLOCK_REALTIME 256

static long futex_bits(volatile int *uaddr, int op, int val,
		       const struct timespec *ts, unsigned bits)
{
	return t_sys6(SYS_futex, (long)uaddr, op, val, (long)ts, 0, bits);
}

static volatile int bits_word;
static volatile long bits_result = 1;

static int wait_bit_1(void *arg)
{
	(void)arg;
	__sync_fetch_and_add(&asleep, 1);
	bits_result = futex_bits(&bits_word, FUTEX_WAIT_BITSET, 0, NULL, 1);
	return 0;
}

/* FUTEX_WAIT_BITSET's absolute timeouts (CLOCK_MONOTONIC, and
 * CLOCK_REALTIME with FUTEX_CLOCK_REALTIME), and FUTEX_WAKE_BITSET
 * waking only the sleepers whose bits it names. */
static void futex_bitset(void)
{
	struct timespec ts;
	struct thread t;
	long long t0 = t_now_ns();

	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_nsec += 50000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	T_EQ(futex_bits(&bits_word, FUTEX_WAIT_BITSET, 0, &ts, ~0u),
	     -ETIMEDOUT);
	T_TRUE(t_now_ns() - t0 >= 45 * 1000000LL);
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec -= 1; /* already past */
	T_EQ(futex_bits(&bits_word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 0,
			&ts, ~0u),
	     -ETIMEDOUT);
	T_EQ(futex_bits(&bits_word, FUTEX_WAIT_BITSET, 0, NULL, 0), -EINVAL);
	T_EQ(futex_bits(&bits_word, FUTEX_WAKE_BITSET, 1, NULL, 0), -EINVAL);
	asleep = 0;
	start(&t, 0, wait_bit_1, NULL);
	until_asleep(&t, 1);
	T_EQ(futex_bits(&bits_word, FUTEX_WAKE_BITSET, 1, NULL, 2), 0);
	T_EQ(futex_bits(&bits_word, FUTEX_WAKE_BITSET, 1, NULL, 3), 1);
	join(&t);
	T_EQ(bits_result, 0);
}

/* The thread's exit (1) ends only itself. */
static void exit_ends_one_thread(void)
{
	int st;
	pid_t pid = t_fork();

	if (pid == 0) {
		struct thread t;
		start(&t, 0, slow_exit, (void *)0);
		join(&t);
		_exit(5);
	}
	st = t_wait(pid);
	T_EXITED(st, 5);
}

static int do_exit_group(void *arg)
{
	nap_ms(20);
	sys1(SYS_exit_group, (long)arg);
	return 99;
}

/* exit_group in a thread ends the sleeping main thread too. */
static void exit_group_ends_all(void)
{
	int st;
	pid_t pid = t_fork();

	if (pid == 0) {
		struct thread t;
		start(&t, 0, do_exit_group, (void *)7);
		block_forever();
	}
	st = t_wait(pid);
	T_EXITED(st, 7);
}

static int pipe_fds[2], go_fds[2];

static int outlive_leader(void *arg)
{
	char c = 'x';

	(void)arg;
	nap_ms(50);
	sys3(SYS_write, pipe_fds[1], &c, 1);
	sys3(SYS_read, go_fds[0], &c, 1); /* until the parent has looked */
	thread_exit(9);
	return 0;
}

/* The first thread's exit leaves the process running: wait sees it end
 * only with its last thread, and with that thread's status. */
static void leader_exits_first(void)
{
	char c;
	int st;

	T_OK(pipe(pipe_fds));
	T_OK(pipe(go_fds));
	pid_t pid = t_fork();
	if (pid == 0) {
		struct thread t;
		start(&t, 0, outlive_leader, NULL);
		thread_exit(4);
	}
	T_EQ(read(pipe_fds[0], &c, 1), 1);
	T_EQ(waitpid(pid, &st, WNOHANG), 0); /* a thread is left */
	T_EQ(write(go_fds[1], "g", 1), 1);
	st = t_wait(pid);
	T_EXITED(st, 9);
}

static int fault(void *arg)
{
	nap_ms((long)arg);
	t_poke(0, 1);
	return 0;
}

/* A fault in a thread without a handler ends every thread; the parent
 * sees SIGSEGV. */
static void fault_kills_group(void)
{
	int st;
	pid_t pid = t_fork();

	if (pid == 0) {
		struct thread t;
		start(&t, 0, fault, (void *)20);
		block_forever();
	}
	st = t_wait(pid);
	T_KILLED(st, SIGSEGV);
}

/* The same from the main thread, while another one sleeps. */
static void main_fault_kills_group(void)
{
	int st;
	pid_t pid = t_fork();

	if (pid == 0) {
		struct thread t;
		start(&t, 0, sleeper, NULL);
		nap_ms(20);
		t_poke(0, 1);
		_exit(0);
	}
	st = t_wait(pid);
	T_KILLED(st, SIGSEGV);
}

static int spin_forever(void *arg)
{
	(void)arg;
	for (;;)
		__asm__ volatile("" ::: "memory");
	return 0;
}

/* kill() of a thread's id, SIGTERM with no handler: the process ends. */
static void kill_by_thread_id(void)
{
	int st, p[2];

	T_OK(pipe(p));
	pid_t pid = t_fork();
	if (pid == 0) {
		struct thread t[2];
		start(&t[0], 0, spin_forever, NULL);
		start(&t[1], 1, sleeper, NULL);
		write(p[1], (const void *)&t[1].tid, sizeof(t[1].tid));
		block_forever();
	}
	long tid;
	T_EQ(read(p[0], &tid, sizeof(tid)), sizeof(tid));
	T_OK(kill(tid, SIGTERM));
	st = t_wait(pid);
	T_KILLED(st, SIGTERM);
}

/* A fork-like clone, as static glibc's fork() makes it. */
static void fork_like_clone(void)
{
	static volatile int child_tid;
	int st;

	child_tid = 0;
	long pid = t_clone(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD,
			   NULL, NULL, NULL, &child_tid, NULL, NULL);
	if (pid == 0) {
		/* the child's own copy got its id, and it is a process */
		_exit(child_tid == getpid() && getppid() > 0 ? 3 : 1);
	}
	T_TRUE(pid > 0);
	T_EQ(child_tid, 0); /* only the child's memory was written */
	T_EQ(waitpid(pid, &st, 0), pid);
	T_EXITED(st, 3);
}

/* A child whose exit signal is not SIGCHLD is waited for only with
 * __WCLONE or __WALL. */
static void clone_exit_signal(void)
{
	int st;
	long pid = t_clone(0, NULL, NULL, NULL, NULL, NULL, NULL);

	if (pid == 0)
		_exit(6);
	T_TRUE(pid > 0);
	t_sleep_ms(50);
	T_ERR(waitpid(pid, &st, 0), ECHILD);
	T_EQ(waitpid(pid, &st, WALL), pid);
	T_EXITED(st, 6);
}

/* CLONE_PARENT: the new process is its creator's sibling. */
static void clone_parent(void)
{
	int p[2], st;
	long sib = 0;

	T_OK(pipe(p));
	pid_t pid = t_fork();
	if (pid == 0) {
		long c = t_clone(0x00008000 /* CLONE_PARENT */ | SIGCHLD, NULL,
				 NULL, NULL, NULL, NULL, NULL);
		if (c == 0) {
			t_sleep_ms(20);
			_exit(8);
		}
		write(p[1], &c, sizeof(c));
		_exit(0);
	}
	T_EQ(read(p[0], &sib, sizeof(sib)), sizeof(sib));
	T_TRUE(sib > 0);
	T_EXITED(t_wait(pid), 0);
	T_EQ(waitpid(sib, &st, 0), sib); /* ours now */
	T_EXITED(st, 8);
}

static void bad_flags(void)
{
	char *stack = stacks[0] + STACK_SIZE;

	/* CLONE_THREAD needs CLONE_SIGHAND, which needs CLONE_VM */
	T_EQ(t_clone(CLONE_VM | CLONE_THREAD, stack, NULL, NULL, NULL, NULL,
		     NULL),
	     -EINVAL);
	T_EQ(t_clone(CLONE_SIGHAND | SIGCHLD, NULL, NULL, NULL, NULL, NULL,
		     NULL),
	     -EINVAL);
	T_EQ(t_clone(CLONE_THREAD | CLONE_SIGHAND | SIGCHLD, NULL, NULL, NULL,
		     NULL, NULL, NULL),
	     -EINVAL);
	/* a bad CLONE_SETTLS descriptor */
	T_EQ(t_clone(THREAD_FLAGS | CLONE_SETTLS, stack, NULL, (void *)16, NULL,
		     NULL, NULL),
	     -EFAULT);
}

static volatile long handler_tid;
static volatile int handled;

static void note_tid(int sig)
{
	(void)sig;
	handler_tid = gettid_();
	handled++;
}

static int sleep_then_exit(void *arg)
{
	(void)arg;
	while (!handled)
		nap_ms(5);
	return 0;
}

/* tgkill/tkill reach the thread named; tgkill checks the process. */
static void tgkill_targets_thread(void)
{
	struct thread t;

	handled = 0;
	handler_tid = 0;
	signal(SIGUSR1, note_tid);
	start(&t, 0, sleep_then_exit, NULL);
	T_EQ(sys3(SYS_tgkill, getpid(), t.tid, SIGUSR1), 0);
	join(&t);
	T_EQ(handler_tid, t.tid);
	T_EQ(sys3(SYS_tgkill, getpid() + 100000, getpid(), SIGUSR1), -ESRCH);
	T_EQ(sys3(SYS_tgkill, 0, getpid(), SIGUSR1), -EINVAL);
	T_EQ(sys2(SYS_tkill, -1, SIGUSR1), -EINVAL);
	T_EQ(sys2(SYS_tkill, getpid(), 0), 0);
	handled = 0;
	T_EQ(sys2(SYS_tkill, getpid(), SIGUSR1), 0);
	T_EQ(handled, 1);
	T_EQ(handler_tid, getpid());
}

static int block_usr1_and_wait(void *arg)
{
	unsigned long long set = 1ULL << (SIGUSR1 - 1);

	(void)arg;
	sys(SYS_rt_sigprocmask, SIG_BLOCK, (long)&set, 0, 8, 0);
	__sync_fetch_and_add(&asleep, 1);
	while (gate == 0)
		futex(&gate, FUTEX_WAIT, 0, NULL);
	return 0;
}

/* Masks are per thread: a process signal goes to the thread that does
 * not block it. */
static void masks_are_per_thread(void)
{
	struct thread t;
	sigset_t set;

	gate = asleep = 0;
	handled = 0;
	signal(SIGUSR1, note_tid);
	start(&t, 0, block_usr1_and_wait, NULL);
	while (!asleep)
		t_sleep_ms(1);
	/* our own mask is untouched by the thread's */
	T_OK(sigprocmask(SIG_BLOCK, NULL, &set));
	T_TRUE(!sigismember(&set, SIGUSR1));
	/* block it here too; the thread unblocks nothing: it stays pending */
	sigaddset(&set, SIGUSR1);
	T_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	T_OK(kill(getpid(), SIGUSR1));
	t_sleep_ms(20);
	T_EQ(handled, 0);
	T_OK(sigprocmask(SIG_UNBLOCK, &set, NULL)); /* delivered here */
	T_EQ(handled, 1);
	T_EQ(handler_tid, getpid());
	gate = 1;
	futex(&gate, FUTEX_WAKE, 10, NULL);
	join(&t);
}

static volatile int wake_word;
static volatile long wait_result;

static int handle_in_wait(void *arg)
{
	(void)arg;
	__sync_fetch_and_add(&asleep, 1);
	wait_result = futex(&wake_word, FUTEX_WAIT, 0, NULL);
	return 0;
}

/* A process signal blocked by the main thread goes to one that does not
 * block it, and ends that thread's wait. */
static void process_signal_to_other_thread(void)
{
	struct sigaction sa = {.sa_handler = note_tid};
	struct thread t;
	sigset_t set;

	handled = asleep = 0;
	handler_tid = 0;
	T_OK(sigaction(SIGUSR1, &sa, NULL));
	start(&t, 0, handle_in_wait, NULL); /* with our mask: before */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	T_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	until_asleep(&t, 1);
	T_OK(kill(getpid(), SIGUSR1));
	join(&t);
	T_EQ(handled, 1);
	T_EQ(handler_tid, t.tid);
	T_EQ(wait_result, -EINTR);
}

static volatile int timed_out_word;
static volatile long futex_result;

static void nothing(int sig)
{
	(void)sig;
}

static int signal_main(void *arg)
{
	nap_ms(50);
	sys3(SYS_tgkill, sys0(SYS_getpid), (long)arg, SIGUSR1);
	return 0;
}

/* A handler ends a futex wait with EINTR (no SA_RESTART). */
static void futex_eintr(void)
{
	struct sigaction sa = {.sa_handler = nothing};
	struct timespec ts = {5, 0};
	struct thread t;

	T_OK(sigaction(SIGUSR1, &sa, NULL));
	start(&t, 0, signal_main, (void *)(long)getpid());
	T_EQ(futex(&timed_out_word, FUTEX_WAIT, 0, &ts), -EINTR);
	join(&t);
	start(&t, 0, signal_main, (void *)(long)getpid());
	T_EQ(futex(&timed_out_word, FUTEX_WAIT, 0, NULL), -EINTR);
	join(&t);
}

static int do_exec(void *arg)
{
	static char *argv[] = {NULL, "--helper", "exec", NULL};

	(void)arg;
	argv[0] = (char *)t_self;
	nap_ms(20);
	sys3(SYS_execve, argv[0], argv, environ);
	return 100;
}

/* execve in a thread: the other threads end, and the program runs with
 * the process's pid as its only thread's id. */
static void execve_from_thread(void)
{
	int st;
	pid_t pid = t_fork();

	if (pid == 0) {
		struct thread t[2];
		start(&t[0], 0, do_exec, NULL);
		start(&t[1], 1, sleeper, NULL);
		block_forever();
	}
	st = t_wait(pid);
	T_EXITED(st, 42);
}

static int exec_self(void *arg)
{
	static char *argv[] = {NULL, "--helper", "exec", NULL};

	(void)arg;
	argv[0] = (char *)t_self;
	sys3(SYS_execve, argv[0], argv, environ);
	return 100;
}

/* execve in the first thread while others run and sleep. */
static void execve_from_main(void)
{
	int st;
	pid_t pid = t_fork();

	if (pid == 0) {
		struct thread t[2];
		start(&t[0], 0, spin_forever, NULL);
		start(&t[1], 1, sleeper, NULL);
		nap_ms(20);
		exec_self(NULL);
		_exit(1);
	}
	st = t_wait(pid);
	T_EXITED(st, 42);
}

/* Two threads call execve at once: one program runs, alone. */
static void two_execves(void)
{
	int st;
	pid_t pid = t_fork();

	if (pid == 0) {
		struct thread t[2];
		start(&t[0], 0, exec_self, NULL);
		start(&t[1], 1, exec_self, NULL);
		block_forever();
	}
	st = t_wait(pid);
	T_EXITED(st, 42);
}

static volatile long forked_pid;

static int fork_a_child(void *arg)
{
	(void)arg;
	forked_pid = sys0(SYS_fork);
	if (forked_pid == 0)
		sys1(SYS_exit_group, 12);
	return 0;
}

/* Children belong to the process: one thread waits for another's. */
static void wait_for_sibling_child(void)
{
	struct thread t;
	int st;

	start(&t, 0, fork_a_child, NULL);
	join(&t);
	T_TRUE(forked_pid > 0);
	T_EQ(waitpid(forked_pid, &st, 0), forked_pid);
	T_EXITED(st, 12);
}

static volatile int alt_flags;

static int check_altstack(void *arg)
{
	stack_t old;

	(void)arg;
	sys2(SYS_sigaltstack, NULL, &old);
	alt_flags = old.ss_flags;
	return 0;
}

/* Each thread has its own alternate signal stack; a new thread starts
 * without one. */
static void altstack_per_thread(void)
{
	static char alt[16384];
	stack_t ss = {.ss_sp = alt, .ss_size = sizeof(alt)}, old;
	struct thread t;

	T_OK(sigaltstack(&ss, NULL));
	alt_flags = -1;
	start(&t, 0, check_altstack, NULL);
	join(&t);
	T_EQ(alt_flags, SS_DISABLE);
	T_OK(sigaltstack(NULL, &old));
	T_TRUE(old.ss_sp == alt && old.ss_flags == 0);
}

/* The "Threads:" line of /proc/self/status, and stat's field 20. */
static int threads_in_proc(int from_stat)
{
	char buf[2048], *p;
	int fd = T_OK(open(from_stat ? "/proc/self/stat" : "/proc/self/status",
			   O_RDONLY));
	int n = T_OK(read(fd, buf, sizeof(buf) - 1));

	close(fd);
	buf[n] = 0;
	if (!from_stat) {
		p = strstr(buf, "\nThreads:");
		return p ? atoi(p + 9) : -1;
	}
	p = strrchr(buf, ')'); /* then fields 3 (state) on */
	for (int field = 2; p && field < 20; field++)
		p = strchr(p + 1, ' ');
	return p ? atoi(p + 1) : -1;
}

static void proc_thread_count(void)
{
	struct thread ts[2];

	gate = asleep = 0;
	T_EQ(threads_in_proc(0), 1);
	for (int i = 0; i < 2; i++)
		start(&ts[i], i, wait_at_gate, NULL);
	T_EQ(threads_in_proc(0), 3);
	T_EQ(threads_in_proc(1), 3);
	until_asleep(ts, 2);
	T_EQ(thread_state(getpid()), 'R');
	gate = 1;
	futex(&gate, FUTEX_WAKE, 10, NULL);
	for (int i = 0; i < 2; i++)
		join(&ts[i]);
	for (int tries = 0; threads_in_proc(0) != 1 && tries < 100; tries++)
		t_sleep_ms(10);
	T_EQ(threads_in_proc(0), 1);
	T_EQ(thread_state(ts[0].tid), '?'); /* gone */
}

/* struct user_desc, for CLONE_SETTLS */
struct desc {
	unsigned entry, base, limit;
	unsigned seg_32bit : 1, contents : 2, read_exec_only : 1,
	    limit_in_pages : 1, seg_not_present : 1, useable : 1;
};

static int tls_word[2] = {111, 222};
static volatile int tls_seen;

static int read_fs0(void *arg)
{
	int v;

	(void)arg;
	__asm__ volatile("mov %%fs:0, %0" : "=r"(v));
	tls_seen = v;
	return 0;
}

/* Each thread has its own TLS descriptor: the same selector reads
 * different memory in the parent and in a CLONE_SETTLS child. */
static void tls_per_thread(void)
{
	struct desc d = {-1, (unsigned)&tls_word[0], 0xfffff, 1, 0, 0, 1, 0, 1};
	struct thread t;
	int v;

	T_EQ(sys1(SYS_set_thread_area, &d), 0);
	T_TRUE(d.entry >= 6 && d.entry <= 14);
	unsigned short sel = d.entry << 3 | 3;
	__asm__ volatile("mov %0, %%fs" : : "r"(sel));
	d.base = (unsigned)&tls_word[1];
	t.ctid = -1;
	t.tid = t_clone(THREAD_FLAGS | CLONE_SETTLS, stacks[0] + STACK_SIZE,
			&t.ptid, &d, &t.ctid, read_fs0, NULL);
	T_TRUE(t.tid > 0);
	join(&t);
	__asm__ volatile("mov %%fs:0, %0" : "=r"(v));
	__asm__ volatile("mov %0, %%fs" : : "r"(0));
	T_EQ(v, 111);
	T_EQ(tls_seen, 222);
}

static int count_up(void *arg)
{
	__sync_fetch_and_add((volatile int *)arg, 1);
	return 0;
}

/* 10,000 threads made and ended one after another; in this OS the
 * kernel's memory is back to where it was after them. */
static void create_exit_cycles(void)
{
	static volatile int count;
	struct thread t;
	long heap0 = 0, free0 = 0, stacks0 = 0;

	for (int i = 0; i < 10010; i++) {
		if (i == 10 && !t_on_linux()) { /* after the first ones */
			heap0 = t_meminfo_kb("KernelHeapUsed");
			free0 = t_meminfo_kb("MemFree");
			stacks0 = t_meminfo_kb("KernelStack");
		}
		start(&t, 0, count_up, (void *)&count);
		join(&t);
	}
	T_EQ(count, 10010);
	if (t_on_linux())
		return;
	t_sleep_ms(10); /* the last thread's task is freed by the next switch */
	T_EQ(t_meminfo_kb("KernelStack"), stacks0);
	/* a few kB of slack for the network's buffers; one byte a thread
	 * not given back would be 10 kB */
	long heap = t_meminfo_kb("KernelHeapUsed"), free = t_meminfo_kb("MemFree");
	if (heap > heap0 + 8 || free < free0 - 8)
		T_FAIL(
		    "KernelHeapUsed %ld kB (was %ld), MemFree %ld kB (was %ld)",
		    heap, heap0, free, free0);
}

/* Several at once, each blocking: the others go on. */
static int read_pipe(void *arg)
{
	char c;

	(void)arg;
	return sys3(SYS_read, pipe_fds[0], &c, 1) == 1 ? 0 : 1;
}

static void blocking_thread_blocks_only_itself(void)
{
	struct thread ts[4];

	T_OK(pipe(pipe_fds));
	for (int i = 0; i < 4; i++)
		start(&ts[i], i, read_pipe, NULL);
	until_asleep(ts, 4); /* all blocked in read, and we still run */
	T_EQ(write(pipe_fds[1], "abcd", 4), 4);
	for (int i = 0; i < 4; i++)
		join(&ts[i]);
}

static volatile long read_result;

static int read_one(void *arg)
{
	char c = 0;

	read_result = sys3(SYS_read, (long)arg, &c, 1);
	if (read_result == 1)
		read_result = c;
	return 0;
}

/* A descriptor closed by one thread while another waits in read on it:
 * the read goes on (the open file lives until it returns), as Linux. */
static void close_while_reading(void)
{
	struct thread t;
	int p[2];

	T_OK(pipe(p));
	start(&t, 0, read_one, (void *)(long)p[0]);
	until_asleep(&t, 1);
	T_OK(close(p[0]));
	t_sleep_ms(10);
	T_EQ(write(p[1], "z", 1), 1);
	join(&t);
	T_EQ(read_result, 'z');
	T_OK(close(p[1]));
}

static int exit_at_once(void *arg)
{
	(void)arg;
	return 0;
}

/* RLIMIT_NPROC counts threads (not on Linux, which exempts root). */
static void threads_count_against_nproc(void)
{
	struct thread ts[MAX_THREADS];
	unsigned long long lim[2] = {0, 0};
	int made = 0;
	long r = 0;

	if (t_on_linux())
		return;
	gate = asleep = 0;
	/* room for the processes there are (the harness, init...) and three
	 * more threads */
	for (int pid = 1; pid < 32768; pid++)
		lim[0] += kill(pid, 0) == 0;
	lim[0] += 3;
	lim[1] = lim[0];
	T_EQ(sys(SYS_prlimit64, 0, 6 /* RLIMIT_NPROC */, (long)lim, 0, 0), 0);
	while (made < MAX_THREADS) {
		ts[made].ctid = -1;
		r = t_clone(THREAD_FLAGS, stacks[made] + STACK_SIZE,
			    &ts[made].ptid, NULL, &ts[made].ctid, wait_at_gate,
			    NULL);
		if (r < 0)
			break;
		ts[made++].tid = r;
	}
	T_EQ(r, -EAGAIN);
	T_EQ(made, 3);
	gate = 1;
	futex(&gate, FUTEX_WAKE, 10, NULL);
	for (int i = 0; i < made; i++)
		join(&ts[i]);
	t_sleep_ms(10);
	start(&ts[0], 0, exit_at_once, NULL); /* room again */
	join(&ts[0]);
}

static unsigned rnd_state = 12345;

static unsigned rnd(void)
{
	rnd_state = rnd_state * 1103515245 + 12345;
	return rnd_state >> 8;
}

/* Addresses a call may get: good ones, NULL, the kernel's, unaligned,
 * unmapped. */
static long any_addr(void)
{
	static int word;
	static struct timespec ts = {0, 1000};
	const long pool[] = {(long)&word,     0,  0xC0000000, 0xC0100000,
			     (long)&word + 1, 16, 0xBFFFFFFC, (long)&ts,
			     (long)stacks[7], -1};

	return pool[rnd() % (sizeof(pool) / sizeof(pool[0]))];
}

/* Timeouts that end a wait at once: short, invalid or unreadable. */
static long any_timeout(void)
{
	static struct timespec ts = {0, 1000}, bad = {0, 1000000000};
	const long pool[] = {(long)&ts, (long)&bad, 16, 0xC0000000, -1};

	return pool[rnd() % (sizeof(pool) / sizeof(pool[0]))];
}

/* Random arguments to clone, futex, set_tid_address, tkill and tgkill:
 * errors, never a kernel crash; afterwards threads still work. */
static void random_arguments(void)
{
	static const unsigned extra[] = {
	    CLONE_SETTLS,	CLONE_PARENT_SETTID,
	    CLONE_CHILD_SETTID, CLONE_CHILD_CLEARTID,
	    0x00001000,		0x00002000,
	    0x00004000,		0x00008000,
	    0x00020000,		0x00400000,
	    0x00800000,		0x02000000,
	    0x80000000,		0xff};
	int st;
	pid_t pid = t_fork();

	if (pid == 0) {
		signal(SIGUSR1, SIG_IGN);
		for (int i = 0; i < 4000; i++) {
			switch (rnd() % 4) {
			case 0:
				sys(SYS_futex, any_addr(),
				    rnd() % 12 | (rnd() % 4) << 7, rnd() % 3,
				    any_timeout(), any_addr());
				break;
			case 1: {
				unsigned fl = CLONE_VM | CLONE_FS |
					      CLONE_FILES | CLONE_SIGHAND |
					      CLONE_THREAD;
				for (int k = rnd() % 3; k > 0; k--)
					fl |= extra[rnd() % T_COUNT(extra)];
				t_clone(fl, stacks[rnd() % 6] + STACK_SIZE,
					(volatile int *)any_addr(),
					(void *)any_addr(),
					(volatile int *)any_addr(),
					exit_at_once, NULL);
				break;
			}
			case 2:
				sys1(SYS_set_tid_address, any_addr());
				break;
			default:
				sys3(SYS_tgkill,
				     rnd() % 2 ? getpid() : (long)rnd() % 70000,
				     rnd() % 70000, rnd() % 2 ? SIGUSR1 : 0);
			}
		}
		_exit(0);
	}
	st = t_wait(pid);
	/* a thread may have been given a broken TLS descriptor */
	T_TRUE((WIFEXITED(st) && WEXITSTATUS(st) == 0) ||
	       (WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV));
	thread_shares_memory();
}

static int helper(int argc, char **argv)
{
	if (argc >= 1 && !strcmp(argv[0], "exec")) {
		/* alone, with the pid as the thread's id */
		return sys0(SYS_gettid) == getpid() && threads_in_proc(0) == 1
			   ? 42
			   : 1;
	}
	return 127;
}

static const struct t_case cases[] = {
    T(thread_shares_memory),
    T(cleartid_wakes_joiner),
    T(futex_mismatch),
    T(futex_timeout),
    T(futex_wake_counts),
    T(futex_bad_address),
    T(futex_bitset),
    T(exit_ends_one_thread),
    T(exit_group_ends_all),
    T(leader_exits_first),
    T(fault_kills_group),
    T(main_fault_kills_group),
    T(kill_by_thread_id),
    T(fork_like_clone),
    T(clone_exit_signal),
    T(clone_parent),
    T(bad_flags),
    T(tgkill_targets_thread),
    T(masks_are_per_thread),
    T(futex_eintr),
    T(process_signal_to_other_thread),
    T(execve_from_thread),
    T(execve_from_main),
    T(two_execves),
    T(wait_for_sibling_child),
    T(altstack_per_thread),
    T(proc_thread_count),
    T(tls_per_thread),
    T(create_exit_cycles),
    T(blocking_thread_blocks_only_itself),
    T(close_while_reading),
    T(threads_count_against_nproc),
    T(random_arguments),
};

T_MAIN(cases, helper)
