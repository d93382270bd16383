/* tests/os/signals.c - signals: kill/tgkill, rt_sigaction handlers with
 * and without SA_SIGINFO (siginfo, ucontext), rt_sigprocmask blocking and
 * delivery on unblock, the handler's mask, SA_RESETHAND/SA_NODEFER/
 * SA_RESTART, EINTR, SIGCHLD, default actions, faults (SIGSEGV, SIGILL,
 * SIGFPE, SIGTRAP) and handlers that resume them, registers, flags and
 * FPU state restored by sigreturn/rt_sigreturn, fork and execve;
 * sigsuspend, pause, ppoll/pselect6 masks, sigaltstack; rt_sigpending and
 * rt_sigtimedwait.
 */
#include <poll.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "t.h"

static volatile sig_atomic_t got_sig, hits;
static siginfo_t got_info;
static sigset_t mask_in_handler;

static void on_signal(int sig)
{
	got_sig = sig;
	hits++;
	sigprocmask(SIG_BLOCK, NULL, &mask_in_handler);
}

static void on_info(int sig, siginfo_t *si, void *uc)
{
	got_sig = sig;
	hits++;
	got_info = *si;
	if (!uc)
		got_info.si_signo = -1;
}

static void handle(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa = {.sa_handler = fn, .sa_flags = flags};

	T_OK(sigaction(sig, &sa, NULL));
}

static void handle_info(int sig, void (*fn)(int, siginfo_t *, void *),
			int flags)
{
	struct sigaction sa = {.sa_sigaction = fn,
			       .sa_flags = SA_SIGINFO | flags};

	T_OK(sigaction(sig, &sa, NULL));
}

static sigset_t set_of(int sig)
{
	sigset_t s;

	sigemptyset(&s);
	if (sig)
		sigaddset(&s, sig);
	return s;
}

static sigset_t current_mask(void)
{
	sigset_t s;

	T_OK(sigprocmask(SIG_BLOCK, NULL, &s));
	return s;
}

/* waits (up to 5 s) until a handler has run */
static void wait_for_signal(void)
{
	long long start = t_now_ns();

	while (!got_sig && t_now_ns() - start < 5000000000LL)
		t_sleep_ms(1);
	if (!got_sig)
		T_FAIL("no signal after 5 s");
}

static void handler_runs(void)
{
	handle(SIGUSR1, on_signal, 0);
	T_OK(kill(getpid(), SIGUSR1));
	T_EQ(got_sig, SIGUSR1); /* delivered before kill returned */
	T_EQ(hits, 1);
	T_OK(raise(SIGUSR1));
	T_EQ(hits, 2);
	handle(SIGUSR2, on_signal, 0);
	T_OK(tgkill(getpid(), gettid(), SIGUSR2));
	T_EQ(got_sig, SIGUSR2);
}

static void siginfo_fields(void)
{
	handle_info(SIGUSR1, on_info, 0);
	T_OK(kill(getpid(), SIGUSR1));
	T_EQ(got_info.si_signo, SIGUSR1);
	T_EQ(got_info.si_code, SI_USER);
	T_EQ(got_info.si_pid, getpid());
	T_EQ(got_info.si_uid, getuid());
	T_OK(tgkill(getpid(), gettid(), SIGUSR1));
	T_EQ(got_info.si_code, SI_TKILL);
	T_EQ(got_info.si_pid, getpid());
}

static void sigaction_old(void)
{
	struct sigaction sa = {.sa_handler = on_signal, .sa_flags = SA_RESTART};
	struct sigaction old;

	sigaddset(&sa.sa_mask, SIGUSR2);
	T_OK(sigaction(SIGUSR1, NULL, &old));
	T_TRUE(old.sa_handler == SIG_DFL);
	T_OK(sigaction(SIGUSR1, &sa, NULL));
	T_OK(sigaction(SIGUSR1, NULL, &old));
	T_TRUE(old.sa_handler == on_signal);
	T_TRUE(old.sa_flags & SA_RESTART);
	T_EQ(sigismember(&old.sa_mask, SIGUSR2), 1);
	T_EQ(sigismember(&old.sa_mask, SIGTERM), 0);
	sa.sa_handler = SIG_IGN;
	T_OK(sigaction(SIGUSR1, &sa, &old));
	T_TRUE(old.sa_handler == on_signal);
	T_TRUE(signal(SIGUSR1, SIG_DFL) == SIG_IGN);
}

static void sigaction_errors(void)
{
	struct sigaction sa = {.sa_handler = on_signal}, old;
	struct k_sigaction k = {0};

	T_ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
	T_ERR(sigaction(SIGSTOP, &sa, NULL), EINVAL);
	sa.sa_handler = SIG_IGN;
	T_ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
	T_OK(sigaction(SIGKILL, NULL, &old)); /* asking is fine */
	T_TRUE(old.sa_handler == SIG_DFL);
	T_ERR(sigaction(0, &sa, NULL), EINVAL);
	T_ERR(sigaction(65, &sa, NULL), EINVAL);
	T_ERR(sigaction(-1, &sa, NULL), EINVAL);
	T_ERR(syscall(SYS_rt_sigaction, SIGUSR1, &k, NULL, 4),
	      EINVAL); /* sigsetsize */
	T_ERR(syscall(SYS_rt_sigaction, SIGUSR1, (void *)0xC0000000, NULL, 8),
	      EFAULT);
	T_ERR(syscall(SYS_rt_sigaction, SIGUSR1, NULL, (void *)0xC0000000, 8),
	      EFAULT);
	T_ERR(signal(SIGKILL, SIG_IGN) == SIG_ERR ? -1 : 0, EINVAL);
}

static void sigprocmask_blocks(void)
{
	sigset_t s = set_of(SIGUSR1), old;

	handle(SIGUSR1, on_signal, 0);
	T_OK(sigprocmask(SIG_BLOCK, &s, &old));
	T_EQ(sigismember(&old, SIGUSR1), 0);
	/* (kill twice: on Linux a raise() would pend on the thread, apart
	 * from the process's pending set, and be delivered separately) */
	T_OK(kill(getpid(), SIGUSR1));
	T_OK(kill(getpid(), SIGUSR1));
	T_EQ(hits, 0); /* pending */
	T_OK(sigprocmask(SIG_UNBLOCK, &s, &old));
	T_EQ(sigismember(&old, SIGUSR1), 1);
	T_EQ(hits, 1); /* delivered once, before sigprocmask returned */
	T_EQ(sigismember(&mask_in_handler, SIGUSR1), 1);
	/* SIG_SETMASK, and SIGKILL/SIGSTOP silently stay unblocked */
	sigfillset(&s);
	T_OK(sigprocmask(SIG_SETMASK, &s, NULL));
	s = current_mask();
	T_EQ(sigismember(&s, SIGKILL), 0);
	T_EQ(sigismember(&s, SIGSTOP), 0);
	T_EQ(sigismember(&s, SIGTERM), 1);
	T_EQ(sigismember(&s, 64), 1);
	s = set_of(0);
	T_OK(sigprocmask(SIG_SETMASK, &s, NULL));
	s = current_mask();
	T_EQ(sigismember(&s, SIGTERM), 0);
	T_ERR(sigprocmask(3, &s, NULL), EINVAL);
	T_ERR(syscall(SYS_rt_sigprocmask, SIG_BLOCK, &s, NULL, 4), EINVAL);
	T_ERR(sigprocmask(SIG_BLOCK, (void *)0xC0000000, NULL), EFAULT);
}

static void handler_mask(void)
{
	struct sigaction sa = {.sa_handler = on_signal};

	sigaddset(&sa.sa_mask, SIGUSR2);
	T_OK(sigaction(SIGUSR1, &sa, NULL));
	T_OK(raise(SIGUSR1));
	T_EQ(hits, 1);
	T_EQ(sigismember(&mask_in_handler, SIGUSR1), 1); /* the signal itself */
	T_EQ(sigismember(&mask_in_handler, SIGUSR2), 1); /* sa_mask */
	T_EQ(sigismember(&mask_in_handler, SIGTERM), 0);
	sigset_t now = current_mask();
	T_EQ(sigismember(&now, SIGUSR1), 0); /* restored */
	T_EQ(sigismember(&now, SIGUSR2), 0);
	handle(SIGUSR1, on_signal, SA_NODEFER);
	T_OK(raise(SIGUSR1));
	T_EQ(sigismember(&mask_in_handler, SIGUSR1), 0);
}

static void raise_usr1(void)
{
	raise(SIGUSR1);
}

static void resethand(void)
{
	handle(SIGUSR1, on_signal, SA_RESETHAND);
	T_OK(raise(SIGUSR1));
	T_EQ(hits, 1);
	struct sigaction old;
	T_OK(sigaction(SIGUSR1, NULL, &old));
	T_TRUE(old.sa_handler == SIG_DFL);
	T_KILLED(t_run(raise_usr1), SIGUSR1);
}

static void nested_handlers_usr2(int sig)
{
	(void)sig;
	hits = hits * 10 + 2;
}

static void nested_handlers_usr1(int sig)
{
	(void)sig;
	hits = hits * 10 + 1;
	raise(SIGUSR2); /* runs now, inside this handler */
	hits = hits * 10 + 3;
}

static void nested_handlers(void)
{
	handle(SIGUSR1, nested_handlers_usr1, 0);
	handle(SIGUSR2, nested_handlers_usr2, 0);
	T_OK(raise(SIGUSR1));
	T_EQ(hits, 123);
}

static void sigchld(void)
{
	handle_info(SIGCHLD, on_info, 0);
	pid_t pid = t_fork();
	if (pid == 0)
		_exit(7);
	wait_for_signal();
	T_EQ(got_sig, SIGCHLD);
	T_EQ(got_info.si_signo, SIGCHLD);
	T_EQ(got_info.si_code, CLD_EXITED);
	T_EQ(got_info.si_pid, pid);
	T_EQ(got_info.si_status, 7);
	T_EXITED(t_wait(pid), 7);
	/* killed: CLD_KILLED with the signal */
	got_sig = 0;
	pid = t_fork();
	if (pid == 0) {
		raise(SIGTERM);
		_exit(0);
	}
	wait_for_signal();
	T_EQ(got_info.si_code, CLD_KILLED);
	T_EQ(got_info.si_status, SIGTERM);
	T_KILLED(t_wait(pid), SIGTERM);
}

/* the child raises sig with the default action and reports if it lived */
static int default_action_survives(int sig)
{
	pid_t pid = t_fork();

	if (pid == 0) {
		raise(sig);
		_exit(0);
	}
	int st = t_wait(pid);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 1;
	if (!WIFSIGNALED(st) || WTERMSIG(st) != sig)
		T_FAIL("%s: %s", t_signame(sig), t_status_str(st));
	return 0;
}

static void call_abort(void)
{
	handle(SIGABRT, SIG_IGN, 0);
	abort();
}

static void default_actions(void)
{
	static const int terminate[] = {SIGHUP,	 SIGINT,  SIGUSR1, SIGUSR2,
					SIGPIPE, SIGALRM, SIGTERM, SIGQUIT,
					SIGABRT, SIGSEGV, SIGKILL, 40};
	static const int ignore[] = {SIGCHLD, SIGURG, SIGWINCH, SIGCONT};

	for (int i = 0; i < T_COUNT(terminate); i++)
		if (default_action_survives(terminate[i]))
			T_FAIL("%s did not kill", t_signame(terminate[i]));
	for (int i = 0; i < T_COUNT(ignore); i++)
		if (!default_action_survives(ignore[i]))
			T_FAIL("%s killed", t_signame(ignore[i]));
	T_KILLED(t_run(call_abort), SIGABRT);
}

static void ignored(void)
{
	handle(SIGUSR1, SIG_IGN, 0);
	T_OK(raise(SIGUSR1));
	T_OK(kill(getpid(), SIGUSR1));
	/* blocked, an ignored signal stays pending: the action may change
	 * before it is unblocked */
	sigset_t s = set_of(SIGUSR1);
	T_OK(sigprocmask(SIG_BLOCK, &s, NULL));
	T_OK(raise(SIGUSR1));
	handle(SIGUSR1, on_signal, 0);
	T_OK(sigprocmask(SIG_UNBLOCK, &s, NULL));
	T_EQ(hits, 1);
	/* and setting SIG_IGN discards a pending signal */
	T_OK(sigprocmask(SIG_BLOCK, &s, NULL));
	T_OK(raise(SIGUSR1));
	handle(SIGUSR1, SIG_IGN, 0);
	handle(SIGUSR1, on_signal, 0);
	T_OK(sigprocmask(SIG_UNBLOCK, &s, NULL));
	T_EQ(hits, 1);
}

static void kill_errors(void)
{
	T_OK(kill(getpid(), 0)); /* existence check */
	T_ERR(kill(0x3fffffff, 0), ESRCH);
	T_ERR(kill(0x3fffffff, SIGTERM), ESRCH);
	T_ERR(kill(getpid(), 65), EINVAL);
	T_ERR(kill(getpid(), -1), EINVAL);
	T_ERR(tgkill(getpid(), 0x3fffffff, SIGUSR1), ESRCH);
	T_ERR(tgkill(getpid(), 0, SIGUSR1), EINVAL);
	T_ERR(tgkill(getpid(), gettid(), 65), EINVAL);
}

static void kill_other_process(void)
{
	int p[2];
	char c;

	T_OK(pipe(p));
	handle_info(SIGUSR1, on_info, 0);
	pid_t pid = t_fork();
	if (pid == 0) {
		wait_for_signal();
		_exit(got_info.si_pid == getppid() ? 5 : 6);
	}
	T_OK(kill(pid, SIGUSR1));
	T_EXITED(t_wait(pid), 5);
	pid = t_fork();
	if (pid == 0) {
		read(p[0], &c, 1);
		_exit(0);
	}
	T_OK(kill(pid, SIGTERM));
	T_KILLED(t_wait(pid), SIGTERM);
}

/* --- faults */

static void on_fault(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	_exit(sig == SIGSEGV && si->si_signo == SIGSEGV
		  ? (int)(unsigned long)si->si_addr
		  : 1);
}

static void segv_handler_exits(void)
{
	handle_info(SIGSEGV, on_fault, 0);
	t_poke(0x42, 1);
}

static void fault_to_handler(void)
{
	T_EXITED(t_run(segv_handler_exits), 0x42);
}

static void on_fault_resume(int sig, siginfo_t *si, void *p)
{
	ucontext_t *uc = p;

	(void)sig;
	got_info = *si;
	if (uc->uc_mcontext.cr2 != 0x10 || uc->uc_mcontext.trapno != 14)
		_exit(3);
	uc->uc_mcontext.eip += 2; /* skip "mov (%ecx), %eax" */
	uc->uc_mcontext.eax = 77;
}

/* a handler can change the interrupted context through its ucontext */
static void fault_resumed_by_handler(void)
{
	int v;

	handle_info(SIGSEGV, on_fault_resume, 0);
	__asm__ volatile("movl $0x10, %%ecx\n\t"
			 ".byte 0x8b, 0x01" /* mov (%ecx), %eax */
			 : "=a"(v)
			 :
			 : "ecx", "memory");
	T_EQ(v, 77);
	T_EQ(got_info.si_code, SEGV_MAPERR);
	T_EQ((unsigned long)got_info.si_addr, 0x10);
	/* a write to a read-only page: SEGV_ACCERR */
	char *page =
	    mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	handle_info(SIGSEGV, on_info, SA_RESETHAND);
	pid_t pid = t_fork();
	if (pid == 0) {
		page[5] = 1;
		_exit(0);
	}
	T_KILLED(
	    t_wait(pid),
	    SIGSEGV); /* the handler returns: the fault again, now default */
}

static void fault_while_blocked(void)
{
	sigset_t s = set_of(SIGSEGV);

	handle_info(SIGSEGV, on_fault, 0);
	sigprocmask(SIG_BLOCK, &s, NULL);
	t_poke(0x42, 1); /* blocked: the kernel kills rather than loop */
}

static void fault_in_handler(int sig)
{
	(void)sig;
	t_poke(0x44, 1);
}

static void fault_while_handling(void)
{
	handle(SIGSEGV, fault_in_handler, 0);
	t_poke(0x42, 1);
}

static void fault_while_ignored(void)
{
	handle(SIGSEGV, SIG_IGN, 0);
	t_poke(0x42, 1);
}

static void illegal_instruction(void)
{
	__asm__ volatile("ud2");
}

static void divide_by_zero(void)
{
	volatile int zero = 0, x = 1;

	x = x / zero;
}

static void breakpoint(void)
{
	__asm__ volatile("int3");
}

/* --- what sigreturn restores */

unsigned long t_regs_out[8]; /* eax ebx ecx edx esi edi ebp eflags */
unsigned long t_regs_pid;
volatile unsigned long t_regs_flag;

static void clobber_handler(int sig)
{
	volatile double d = sig;
	unsigned long flags;

	__asm__ volatile("pushf\n\tpop %0" : "=r"(flags));
	if (flags & 0x400) /* handlers start with DF clear */
		_exit(9);
	for (int i = 0; i < 100; i++)
		d = d * 1.5 + i;
	t_regs_flag = 1;
}

/* registers set, kill(self) through int 0x80, registers read back */
static void registers_after_sync_signal(void)
{
	handle(SIGUSR1, clobber_handler, 0);
	t_regs_pid = getpid();
	__asm__ volatile("push %%ebp\n\t"
			 "mov t_regs_pid, %%ebx\n\t"
			 "mov $10, %%ecx\n\t"
			 "mov $0x33333333, %%edx\n\t"
			 "mov $0x44444444, %%esi\n\t"
			 "mov $0x55555555, %%edi\n\t"
			 "mov $0x66666666, %%ebp\n\t"
			 "mov $37, %%eax\n\t"
			 "std\n\t"
			 "int $0x80\n\t"
			 "pushf\n\t"
			 "cld\n\t"
			 "popl t_regs_out+28\n\t"
			 "mov %%eax, t_regs_out\n\t"
			 "mov %%ebx, t_regs_out+4\n\t"
			 "mov %%ecx, t_regs_out+8\n\t"
			 "mov %%edx, t_regs_out+12\n\t"
			 "mov %%esi, t_regs_out+16\n\t"
			 "mov %%edi, t_regs_out+20\n\t"
			 "mov %%ebp, t_regs_out+24\n\t"
			 "pop %%ebp"
			 :
			 :
			 : "eax", "ebx", "ecx", "edx", "esi", "edi", "memory",
			   "cc");
	T_EQ(t_regs_flag, 1);
	T_EQX(t_regs_out[0], 0); /* kill's result */
	T_EQX(t_regs_out[1], t_regs_pid);
	T_EQX(t_regs_out[2], 10);
	T_EQX(t_regs_out[3], 0x33333333);
	T_EQX(t_regs_out[4], 0x44444444);
	T_EQX(t_regs_out[5], 0x55555555);
	T_EQX(t_regs_out[6], 0x66666666);
	T_EQX(t_regs_out[7] & 0x400, 0x400); /* DF as it was */
}

/* registers live in a spin loop when another process's signal arrives */
static void registers_after_async_signal(void)
{
	handle(SIGUSR1, clobber_handler, 0);
	pid_t parent = getpid();
	pid_t pid = t_fork();
	if (pid == 0) {
		t_sleep_ms(20);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	__asm__ volatile("push %%ebp\n\t"
			 "mov $0x11111111, %%eax\n\t"
			 "mov $0x22222222, %%ebx\n\t"
			 "mov $0x77777777, %%ecx\n\t"
			 "mov $0x33333333, %%edx\n\t"
			 "mov $0x44444444, %%esi\n\t"
			 "mov $0x55555555, %%edi\n\t"
			 "mov $0x66666666, %%ebp\n\t"
			 "1: cmpl $0, t_regs_flag\n\t"
			 "je 1b\n\t"
			 "mov %%eax, t_regs_out\n\t"
			 "mov %%ebx, t_regs_out+4\n\t"
			 "mov %%ecx, t_regs_out+8\n\t"
			 "mov %%edx, t_regs_out+12\n\t"
			 "mov %%esi, t_regs_out+16\n\t"
			 "mov %%edi, t_regs_out+20\n\t"
			 "mov %%ebp, t_regs_out+24\n\t"
			 "pop %%ebp"
			 :
			 :
			 : "eax", "ebx", "ecx", "edx", "esi", "edi", "memory",
			   "cc");
	T_EQX(t_regs_out[0], 0x11111111);
	T_EQX(t_regs_out[1], 0x22222222);
	T_EQX(t_regs_out[2], 0x77777777);
	T_EQX(t_regs_out[3], 0x33333333);
	T_EQX(t_regs_out[4], 0x44444444);
	T_EQX(t_regs_out[5], 0x55555555);
	T_EQX(t_regs_out[6], 0x66666666);
	T_EXITED(t_wait(pid), 0);
}

/* x87 registers stay as they were across a handler that uses the FPU */
static void fpu_across_handler(void)
{
	double a = 1.0 / 3.0, b = -12345.678, ra, rb;

	handle(SIGUSR1, clobber_handler, 0);
	t_regs_pid = getpid();
	__asm__ volatile("fldl %2\n\t"
			 "fldl %3\n\t"
			 "mov t_regs_pid, %%ebx\n\t"
			 "mov $10, %%ecx\n\t"
			 "mov $37, %%eax\n\t"
			 "int $0x80\n\t"
			 "fstpl %1\n\t"
			 "fstpl %0"
			 : "=m"(ra), "=m"(rb)
			 : "m"(a), "m"(b)
			 : "eax", "ebx", "ecx", "memory");
	T_EQ(t_regs_flag, 1);
	T_TRUE(ra == a);
	T_TRUE(rb == b);
}

/* --- interrupted calls */

static void eintr_read(void)
{
	char c;
	int p[2];

	T_OK(pipe(p));
	handle(SIGUSR1, on_signal, 0);
	pid_t parent = getpid();
	pid_t pid = t_fork();
	if (pid == 0) {
		t_sleep_ms(30);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	T_ERR(read(p[0], &c, 1), EINTR);
	T_EQ(got_sig, SIGUSR1);
	T_EXITED(t_wait(pid), 0);
}

static void restart_read(void)
{
	char c = 0;
	int p[2];

	T_OK(pipe(p));
	handle(SIGUSR1, on_signal, SA_RESTART);
	pid_t parent = getpid();
	pid_t pid = t_fork();
	if (pid == 0) {
		t_sleep_ms(30);
		kill(parent, SIGUSR1);
		t_sleep_ms(30);
		write(p[1], "r", 1);
		_exit(0);
	}
	T_EQ(read(p[0], &c, 1), 1);
	T_EQ(c, 'r');
	T_EQ(got_sig, SIGUSR1);
	T_EXITED(t_wait(pid), 0);
}

static void eintr_nanosleep(void)
{
	struct timespec req = {5, 0}, rem = {0, 0};

	handle(SIGUSR1, on_signal, SA_RESTART); /* nanosleep never restarts */
	pid_t parent = getpid();
	pid_t pid = t_fork();
	if (pid == 0) {
		t_sleep_ms(30);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	T_ERR(nanosleep(&req, &rem), EINTR);
	T_TRUE(rem.tv_sec >= 3 && rem.tv_sec <= 4);
	T_TRUE(rem.tv_nsec >= 0 && rem.tv_nsec < 1000000000);
	T_EXITED(t_wait(pid), 0);
}

/* --- across fork and execve */

/* a child sends SIGUSR1 to us after ms milliseconds; returns its pid */
static pid_t usr1_later(int ms)
{
	pid_t parent = getpid(), pid = t_fork();

	if (pid == 0) {
		t_sleep_ms(ms);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	return pid;
}

/* sigsuspend waits under its mask and puts the old one back after the
 * handler; the handler itself runs under the temporary mask */
static void sigsuspend_waits(void)
{
	sigset_t usr1 = set_of(SIGUSR1), none = set_of(0), now;

	handle(SIGUSR1, on_signal, SA_RESTART);
	T_OK(sigprocmask(SIG_BLOCK, &usr1, NULL));
	pid_t pid = usr1_later(30);
	T_ERR(sigsuspend(&none), EINTR); /* even with SA_RESTART */
	T_EQ(hits, 1);
	T_TRUE(sigismember(&mask_in_handler, SIGUSR1)); /* sa_mask + sig */
	now = current_mask();
	T_TRUE(sigismember(&now, SIGUSR1));
	T_EXITED(t_wait(pid), 0);
}

/* --- rt_sigpending and rt_sigtimedwait (raw: the libc has no wrappers) */

static long sigtimedwait_raw(const sigset_t *set, siginfo_t *info,
			     const struct timespec *ts)
{
	return syscall(SYS_rt_sigtimedwait, set, info, ts, 8);
}

static void sigpending_lists_blocked(void)
{
	sigset_t usr1 = set_of(SIGUSR1), pending;

	handle(SIGUSR1, on_signal, 0);
	T_OK(sigprocmask(SIG_BLOCK, &usr1, NULL));
	T_OK(syscall(SYS_rt_sigpending, &pending, 8));
	T_TRUE(!sigismember(&pending, SIGUSR1));
	T_OK(raise(SIGUSR1));
	T_OK(syscall(SYS_rt_sigpending, &pending, 8));
	T_TRUE(sigismember(&pending, SIGUSR1));
	T_ERR(syscall(SYS_rt_sigpending, &pending, 16), EINVAL);
	T_ERR(syscall(SYS_rt_sigpending, (void *)0xC0000000, 8), EFAULT);
	T_OK(sigprocmask(SIG_UNBLOCK, &usr1, NULL)); /* delivered now */
	T_EQ(hits, 1);
}

static void sigtimedwait_takes_pending(void)
{
	sigset_t usr1 = set_of(SIGUSR1), pending;
	struct timespec zero = {0, 0};
	siginfo_t info;

	handle(SIGUSR1, on_signal, 0);
	T_OK(sigprocmask(SIG_BLOCK, &usr1, NULL));
	T_OK(raise(SIGUSR1));
	T_EQ(sigtimedwait_raw(&usr1, &info, &zero), SIGUSR1);
	T_EQ(info.si_signo, SIGUSR1);
	T_EQ(info.si_pid, getpid());
	T_EQ(hits, 0); /* taken, not handled */
	T_OK(syscall(SYS_rt_sigpending, &pending, 8));
	T_TRUE(!sigismember(&pending, SIGUSR1));
	T_ERR(sigtimedwait_raw(&usr1, &info, &zero), EAGAIN); /* only looks */
}

static void sigtimedwait_waits(void)
{
	sigset_t usr1 = set_of(SIGUSR1);
	struct timespec ms50 = {0, 50000000};
	siginfo_t info;
	long long t0 = t_now_ns();

	handle(SIGUSR1, on_signal, 0);
	T_OK(sigprocmask(SIG_BLOCK, &usr1, NULL));
	T_ERR(sigtimedwait_raw(&usr1, &info, &ms50), EAGAIN);
	T_TRUE(t_now_ns() - t0 >= 50000000);
	pid_t pid = usr1_later(30);
	T_EQ(sigtimedwait_raw(&usr1, &info, NULL), SIGUSR1); /* no timeout */
	T_EQ(info.si_pid, pid);
	T_EQ(info.si_code, SI_USER);
	T_EQ(hits, 0);
	T_EXITED(t_wait(pid), 0);
}

static void sigtimedwait_interrupted(void)
{
	sigset_t usr2 = set_of(SIGUSR2);

	handle(SIGUSR1, on_signal, SA_RESTART);
	pid_t pid = usr1_later(30); /* not in the set: its handler runs */
	T_ERR(sigtimedwait_raw(&usr2, NULL, NULL), EINTR); /* never restarted */
	T_EQ(hits, 1);
	T_EXITED(t_wait(pid), 0);
}

static void sigtimedwait_errors(void)
{
	sigset_t usr1 = set_of(SIGUSR1);
	struct timespec bad = {0, 1000000000}, negative = {-1, 0};

	T_ERR(syscall(SYS_rt_sigtimedwait, &usr1, NULL, NULL, 4), EINVAL);
	T_ERR(sigtimedwait_raw(&usr1, NULL, &bad), EINVAL);
	T_ERR(sigtimedwait_raw(&usr1, NULL, &negative), EINVAL);
	T_ERR(sigtimedwait_raw((void *)0xC0000000, NULL, NULL), EFAULT);
}

static void sigsuspend_pending(void)
{
	sigset_t usr1 = set_of(SIGUSR1), usr2 = set_of(SIGUSR2), now;

	handle(SIGUSR1, on_signal, 0);
	T_OK(sigprocmask(SIG_BLOCK, &usr1, NULL));
	T_OK(raise(SIGUSR1));
	T_EQ(hits, 0);
	T_ERR(sigsuspend(&usr2), EINTR); /* pending and now unblocked: at once */
	T_EQ(hits, 1);
	T_TRUE(sigismember(&mask_in_handler, SIGUSR2));
	now = current_mask();
	T_TRUE(sigismember(&now, SIGUSR1));
	T_TRUE(!sigismember(&now, SIGUSR2));
}

static void pause_returns_eintr(void)
{
	handle(SIGUSR1, on_signal, SA_RESTART);
	pid_t pid = usr1_later(30);
	T_ERR(pause(), EINTR);
	T_EQ(got_sig, SIGUSR1);
	T_EXITED(t_wait(pid), 0);
}

/* ppoll and pselect6 let a blocked, pending signal in while they wait */
static void ppoll_mask(void)
{
	int p[2];
	struct pollfd pfd;
	sigset_t usr1 = set_of(SIGUSR1), none = set_of(0), now;
	struct timespec ts = { 5, 0 };

	T_OK(pipe(p));
	pfd = (struct pollfd){ p[0], POLLIN, 0 };
	handle(SIGUSR1, on_signal, 0);
	T_OK(sigprocmask(SIG_BLOCK, &usr1, NULL));
	T_OK(raise(SIGUSR1));
	ts.tv_sec = 0;
	T_EQ(ppoll(&pfd, 1, &ts, &usr1), 0); /* still blocked: times out */
	T_EQ(hits, 0);
	ts.tv_sec = 5;
	T_ERR(ppoll(&pfd, 1, &ts, &none), EINTR);
	T_EQ(hits, 1);
	now = current_mask();
	T_TRUE(sigismember(&now, SIGUSR1));
	T_ERR(syscall(SYS_ppoll, &pfd, 1, &ts, &none, 4), EINVAL); /* size */
}

static void pselect_mask(void)
{
	int p[2];
	uint32_t readable;
	sigset_t usr1 = set_of(SIGUSR1), none = set_of(0), now;
	struct timespec ts = { 5, 0 };
	struct { const sigset_t *set; size_t size; } arg = { &none, 8 };

	T_OK(pipe(p));
	handle(SIGUSR1, on_signal, 0);
	T_OK(sigprocmask(SIG_BLOCK, &usr1, NULL));
	T_OK(raise(SIGUSR1));
	readable = 1u << p[0];
	T_ERR(syscall(SYS_pselect6, p[0] + 1, &readable, NULL, NULL, &ts, &arg), EINTR);
	T_EQ(hits, 1);
	now = current_mask();
	T_TRUE(sigismember(&now, SIGUSR1));
	arg.set = (const sigset_t *)1;
	T_ERR(syscall(SYS_pselect6, p[0] + 1, &readable, NULL, NULL, &ts, &arg), EFAULT);
}

static char alt_stack[16384];
static volatile uintptr_t handler_sp;
static volatile int altstack_flags, altstack_change;

static void on_alt(int sig)
{
	stack_t now, other = { alt_stack, 0, MINSIGSTKSZ };
	char here;

	got_sig = sig;
	handler_sp = (uintptr_t)&here;
	sigaltstack(NULL, &now);
	altstack_flags = now.ss_flags;
	altstack_change = sigaltstack(&other, NULL) < 0 ? errno : 0;
}

static void altstack_handler(void)
{
	stack_t ss = { alt_stack, 0, sizeof(alt_stack) }, old;
	struct sigaction sa = { .sa_handler = on_alt, .sa_flags = SA_ONSTACK };

	T_OK(sigaltstack(NULL, &old));
	T_EQ(old.ss_flags, SS_DISABLE);
	T_OK(sigaltstack(&ss, &old));
	T_OK(sigaction(SIGUSR1, &sa, NULL));
	T_OK(raise(SIGUSR1));
	T_EQ(got_sig, SIGUSR1);
	T_TRUE(handler_sp > (uintptr_t)alt_stack &&
	       handler_sp < (uintptr_t)alt_stack + sizeof(alt_stack));
	T_EQ(altstack_flags, SS_ONSTACK);
	T_EQ(altstack_change, EPERM);
	T_OK(sigaltstack(NULL, &old));
	T_EQ(old.ss_flags, 0);
	T_EQ((uintptr_t)old.ss_sp, (uintptr_t)alt_stack);
	T_EQ(old.ss_size, sizeof(alt_stack));
	/* without SA_ONSTACK the handler stays on the ordinary stack */
	sa.sa_flags = 0;
	T_OK(sigaction(SIGUSR1, &sa, NULL));
	T_OK(raise(SIGUSR1));
	T_TRUE(handler_sp < (uintptr_t)alt_stack ||
	       handler_sp > (uintptr_t)alt_stack + sizeof(alt_stack));
}

static void altstack_errors(void)
{
	stack_t small = { alt_stack, 0, MINSIGSTKSZ - 1 };
	stack_t odd = { alt_stack, 0x10, sizeof(alt_stack) };
	stack_t off = { NULL, SS_DISABLE, 0 }, old;

	T_ERR(sigaltstack(&small, NULL), ENOMEM);
	T_ERR(sigaltstack(&odd, NULL), EINVAL);
	T_ERR(sigaltstack((stack_t *)1, NULL), EFAULT);
	T_ERR(sigaltstack(NULL, (stack_t *)0xC0000000), EFAULT);
	T_OK(sigaltstack(&off, NULL));
	T_OK(sigaltstack(NULL, &old));
	T_EQ(old.ss_flags, SS_DISABLE);
}

static void on_overflow(int sig)
{
	_exit(sig == SIGSEGV ? 42 : 1);
}

static int recurse(volatile char *above, unsigned depth)
{
	volatile char pad[1024];

	if (depth > 1u << 30) /* never: a 1 KiB frame each, the stack ends first */
		return 0;
	pad[0] = above ? above[0] + 1 : 0;
	return recurse(pad, depth + 1) + pad[1];
}

/* a stack overflow's SIGSEGV can only be handled on another stack */
static void overflow_to_altstack(void)
{
	pid_t pid = t_fork();

	if (pid == 0) {
		stack_t ss = { alt_stack, 0, sizeof(alt_stack) };
		struct sigaction sa = { .sa_handler = on_overflow,
					.sa_flags = SA_ONSTACK };
		sigaltstack(&ss, NULL);
		sigaction(SIGSEGV, &sa, NULL);
		_exit(recurse(NULL, 0));
	}
	T_EXITED(t_wait(pid), 42);
}

static void fork_inherits(void)
{
	sigset_t s = set_of(SIGUSR1);

	handle(SIGUSR1, on_signal, 0);
	T_OK(sigprocmask(SIG_BLOCK, &s, NULL));
	T_OK(raise(SIGUSR1)); /* pending in the parent only */
	pid_t pid = t_fork();
	if (pid == 0) {
		sigset_t m = current_mask();
		if (!sigismember(&m, SIGUSR1))
			_exit(1);
		sigprocmask(SIG_UNBLOCK, &s, NULL);
		if (hits != 0)
			_exit(2); /* the pending signal was inherited */
		raise(SIGUSR1);
		_exit(hits == 1 ? 0 : 3); /* the handler was */
	}
	T_EXITED(t_wait(pid), 0);
	T_OK(sigprocmask(SIG_UNBLOCK, &s, NULL));
	T_EQ(hits, 1);
}

/* --helper sigstate: handlers reset, ignored stays ignored, mask kept */
static int helper_sigstate(void)
{
	struct sigaction sa;
	sigset_t m;

	sigaction(SIGUSR1, NULL, &sa);
	if (sa.sa_handler != SIG_DFL)
		return 1;
	sigaction(SIGUSR2, NULL, &sa);
	if (sa.sa_handler != SIG_IGN)
		return 2;
	sigprocmask(SIG_BLOCK, NULL, &m);
	if (!sigismember(&m, SIGTERM) || sigismember(&m, SIGUSR1))
		return 3;
	raise(SIGUSR2);
	return 42;
}

static void execve_resets(void)
{
	char *argv[] = {(char *)t_self, "--helper", "sigstate", NULL};
	sigset_t s = set_of(SIGTERM);

	handle(SIGUSR1, on_signal, 0);
	handle(SIGUSR2, SIG_IGN, 0);
	T_OK(sigprocmask(SIG_BLOCK, &s, NULL));
	pid_t pid = t_fork();
	if (pid == 0) {
		execve(t_self, argv, environ);
		_exit(99);
	}
	T_EXITED(t_wait(pid), 42);
}

static int helper(int argc, char **argv)
{
	if (argc == 1 && !strcmp(argv[0], "sigstate"))
		return helper_sigstate();
	return 127;
}

static const struct t_case cases[] = {
    T(handler_runs),
    T(siginfo_fields),
    T(sigaction_old),
    T(sigaction_errors),
    T(sigprocmask_blocks),
    T(handler_mask),
    T(resethand),
    T(nested_handlers),
    T(sigchld),
    T(default_actions),
    T(ignored),
    T(kill_errors),
    T(kill_other_process),
    T(fault_to_handler),
    T(fault_resumed_by_handler),
    T_SIG(fault_while_blocked, SIGSEGV),
    T_SIG(fault_while_handling, SIGSEGV),
    T_SIG(fault_while_ignored, SIGSEGV),
    T_SIG(illegal_instruction, SIGILL),
    T_SIG(divide_by_zero, SIGFPE),
    T_SIG(breakpoint, SIGTRAP),
    T(registers_after_sync_signal),
    T(registers_after_async_signal),
    T(fpu_across_handler),
    T(eintr_read),
    T(restart_read),
    T(eintr_nanosleep),
    T(fork_inherits),
    T(execve_resets),
    T(sigsuspend_waits),
    T(sigsuspend_pending),
    T(sigpending_lists_blocked),
    T(sigtimedwait_takes_pending),
    T(sigtimedwait_waits),
    T(sigtimedwait_interrupted),
    T(sigtimedwait_errors),
    T(pause_returns_eintr),
    T(ppoll_mask),
    T(pselect_mask),
    T(altstack_handler),
    T(altstack_errors),
    T(overflow_to_altstack),
};

T_MAIN(cases, helper)
