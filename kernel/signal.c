/* kernel/signal.c - signals: sending, blocking, and running handlers.
 *
 * A signal sent to a process (kill) sets a bit in the process's pending
 * set; one sent to a thread (tkill, tgkill, a fault) in that thread's.
 * Handlers belong to the process, masks and alternate stacks to threads.
 * A process's signal goes to a thread that does not block it, woken if
 * it sleeps (its wait then ends with -EINTR); a fatal one (default
 * action, or SIGKILL) ends every thread at once (group_kill, thread.c).
 * Pending signals are looked at on every return to user mode
 * (signal_deliver): a blocked one waits; an ignored one is dropped; a
 * default action ends the process; a handler gets a frame pushed on the
 * user stack, Linux's rt_sigframe:
 *
 *   esp -> pretcode (sa_restorer, or the retcode below)
 *          sig, &info, &uc
 *          siginfo_t info
 *          struct ucontext uc   (the interrupted registers and mask)
 *          retcode: mov $173, %eax; int $0x80   (rt_sigreturn)
 *
 * and the handler starts with the interrupted context saved there;
 * rt_sigreturn puts it back.  (The FPU state is not saved in the frame
 * yet: a handler that uses floating point clobbers the interrupted one.)
 */
#include "kernel/signal.h"

#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/proc.h"
#include "kernel/segments.h"
#include "kernel/string.h"
#include "kernel/trap.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/time.h"
#include "kernel/vm.h"
#include "kernel/wait.h"
#include "kernel/x86.h"

#define SIGBIT(sig) (1ull << ((sig) - 1))
#define UNBLOCKABLE (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))
#define SYS_rt_sigreturn 173

/* With SA_SIGINFO: handler(sig, &info, &uc), back through rt_sigreturn. */
struct rt_sigframe {
	uint32_t pretcode;
	int sig;
	uint32_t pinfo, puc;
	siginfo_t info;
	struct ucontext uc;
	uint8_t retcode[8];
};

/* Without: handler(sig), back through sigreturn (119), which finds the
 * context right after sig.  fpstate is Linux's unused 624-byte slot. */
struct sigframe {
	uint32_t pretcode;
	int sig;
	struct sigcontext sc;
	uint8_t fpstate_unused[624];
	uint32_t extramask[1];
	uint8_t retcode[8];
};

#define SYS_sigreturn 119

/* Signals whose default action is to do nothing. */
static bool default_ignored(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

static bool ignored(struct process *p, int sig)
{
	void *h = p->sigactions[sig - 1].handler;

	if (sig == SIGKILL || sig == SIGSTOP)
		return false;
	return h == (void *)SIG_IGN || (h == (void *)SIG_DFL && default_ignored(sig));
}

/* Its default action ends the process. */
static bool fatal(struct process *p, int sig)
{
	return sig == SIGKILL || (p->sigactions[sig - 1].handler == (void *)SIG_DFL &&
				  !default_ignored(sig));
}

/* A signal pending and not blocked for t: a fatal one ends the process
 * now (Linux's complete_signal); else t stops sleeping to act on it. */
static void complete(struct task *t, int sig)
{
	if (fatal(t->proc, sig))
		group_kill(t->proc, W_SIGNALED(sig));
	else if (t->state == TASK_SLEEPING && t != current)
		task_interrupt(t);
}

/* The thread of p to take a process signal: the caller if it is one and
 * does not block sig, else the oldest that does not; NULL if all do. */
static struct task *target(struct process *p, int sig)
{
	if (current->proc == p && !(current->sig_blocked & SIGBIT(sig)))
		return current;
	for (struct task *t = p->threads; t; t = t->group_next)
		if (!(t->sig_blocked & SIGBIT(sig)))
			return t;
	return NULL;
}

int signal_send_info(struct process *p, int sig, const siginfo_t *info)
{
	struct task *t;

	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (p->zombie || !p->threads)
		return 0; /* ending: nobody left to act on it */
	/* Ignored and not blocked: dropped now.  Blocked, it stays pending,
	 * as the action may change before it is unblocked.  (The mask that
	 * counts is the oldest thread's, as Linux looks at the leader's.) */
	if (ignored(p, sig) && !(p->threads->sig_blocked & SIGBIT(sig)))
		return 0;
	if (info)
		p->sig_info[sig - 1] = *info;
	else
		p->sig_info[sig - 1] = (siginfo_t){ .si_signo = sig, .si_code = SI_KERNEL };
	p->sig_pending |= SIGBIT(sig);
	if ((t = target(p, sig)))
		complete(t, sig);
	return 0;
}

/* The same for thread t alone (t is a live thread). */
static int send_thread(struct task *t, int sig, const siginfo_t *info)
{
	struct process *p = t->proc;

	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (ignored(p, sig) && !(t->sig_blocked & SIGBIT(sig)))
		return 0;
	if (!t->sig_info) /* without memory, a handler sees SI_KERNEL */
		t->sig_info = kzalloc(_NSIG * sizeof(siginfo_t));
	if (t->sig_info)
		t->sig_info[sig - 1] = *info;
	t->sig_pending |= SIGBIT(sig);
	if (!(t->sig_blocked & SIGBIT(sig)))
		complete(t, sig);
	return 0;
}

int signal_send_thread(struct task *t, int sig)
{
	siginfo_t info = { .si_signo = sig, .si_code = SI_KERNEL };

	return send_thread(t, sig, &info);
}

int signal_send(struct process *p, int sig)
{
	return signal_send_info(p, sig, NULL);
}

bool signal_pending(void)
{
	struct process *p = current_proc();

	return p && (thread_must_exit() ||
		     ((current->sig_pending | p->sig_pending) & ~current->sig_blocked));
}

/* The lowest pending signal of the current thread among those allowed,
 * taken off the pending set, with its info: the thread's own first, then
 * the process's (Linux's order). */
static int dequeue_from(struct process *p, uint64_t allowed, siginfo_t *info)
{
	struct task *t = current;
	uint64_t mine = t->sig_pending & allowed;
	uint64_t ours = p->sig_pending & allowed;

	for (int sig = 1; sig <= _NSIG; sig++) {
		if (mine & SIGBIT(sig)) {
			t->sig_pending &= ~SIGBIT(sig);
			if (t->sig_info)
				*info = t->sig_info[sig - 1];
			else
				*info = (siginfo_t){ .si_signo = sig, .si_code = SI_KERNEL };
			return sig;
		}
	}
	for (int sig = 1; sig <= _NSIG; sig++) {
		if (ours & SIGBIT(sig)) {
			p->sig_pending &= ~SIGBIT(sig);
			*info = p->sig_info[sig - 1];
			return sig;
		}
	}
	return 0;
}

/* The lowest pending signal the current thread does not block. */
static int dequeue(struct process *p, siginfo_t *info)
{
	return dequeue_from(p, ~current->sig_blocked, info);
}

static void save_context(struct sigcontext *sc, const struct trap_frame *tf,
			 uint64_t mask)
{
	memset(sc, 0, sizeof(*sc));
	sc->gs = tf->gs, sc->fs = tf->fs, sc->es = tf->es, sc->ds = tf->ds;
	sc->edi = tf->edi, sc->esi = tf->esi, sc->ebp = tf->ebp;
	sc->esp = tf->user_esp, sc->ebx = tf->ebx, sc->edx = tf->edx;
	sc->ecx = tf->ecx, sc->eax = tf->eax, sc->trapno = tf->trapno;
	sc->err = tf->err, sc->eip = tf->eip, sc->cs = tf->cs;
	sc->eflags = tf->eflags, sc->esp_at_signal = tf->user_esp;
	sc->ss = tf->user_ss, sc->oldmask = (uint32_t)mask;
	sc->cr2 = read_cr2();
}

static void enter_handler(struct trap_frame *tf, const struct k_sigaction *sa,
			  uint32_t sp, int sig)
{
	tf->user_esp = sp;
	tf->eip = (uint32_t)sa->handler;
	tf->eax = (uint32_t)sig; /* regparm callers find the signal in eax too */
	tf->cs = USER_CS;
	tf->ds = tf->es = tf->user_ss = USER_DS;
	tf->eflags &= ~0x400u; /* DF clear, as the ABI wants at a call */
}

/* The mask the handler's frame keeps for sigreturn: the one from before
 * a sigsuspend/ppoll/pselect6 if one of those was interrupted. */
static uint64_t frame_mask(const struct task *t)
{
	return t->restore_mask ? t->saved_mask : t->sig_blocked;
}

static bool on_altstack(const struct task *t, uint32_t sp)
{
	uint32_t base = (uint32_t)t->altstack.ss_sp;

	return t->altstack.ss_size && sp > base && sp - base <= t->altstack.ss_size;
}

/* Where a frame of size bytes goes: below the interrupted esp, or at the
 * top of the alternate stack for an SA_ONSTACK handler not already on
 * it; aligned so that the handler starts as after a call (esp+4 on a
 * 16-byte boundary). */
static uint32_t frame_sp(const struct task *t, const struct k_sigaction *sa,
			 const struct trap_frame *tf, size_t size)
{
	uint32_t sp = tf->user_esp;

	if ((sa->flags & SA_ONSTACK) && t->altstack.ss_size &&
	    !(t->altstack.ss_flags & SS_DISABLE) && !on_altstack(t, sp))
		sp = (uint32_t)t->altstack.ss_sp + t->altstack.ss_size;
	return ALIGN_DOWN(sp - size, 16) - 4;
}

/* Pushes the frame and points tf at the handler; false if the user
 * stack cannot take it. */
static bool setup_rt_frame(struct process *p, int sig, const siginfo_t *info,
			   struct trap_frame *tf)
{
	const struct k_sigaction *sa = &p->sigactions[sig - 1];
	struct task *t = current;
	uint32_t sp = frame_sp(t, sa, tf, sizeof(struct rt_sigframe));
	static const uint8_t retcode[8] = { 0xB8, SYS_rt_sigreturn, 0, 0, 0, /* mov eax */
					    0xCD, 0x80, 0x90 };	/* int 0x80; nop */
	struct rt_sigframe f;

	memset(&f, 0, sizeof(f));
	f.sig = sig;
	f.pinfo = sp + offsetof(struct rt_sigframe, info);
	f.puc = sp + offsetof(struct rt_sigframe, uc);
	f.info = *info;
	uint64_t mask = frame_mask(t);
	save_context(&f.uc.uc_mcontext, tf, mask);
	memcpy(f.uc.uc_sigmask, &mask, sizeof(f.uc.uc_sigmask));
	f.uc.uc_stack = t->altstack;
	if (on_altstack(t, tf->user_esp))
		f.uc.uc_stack.ss_flags = SS_ONSTACK;
	memcpy(f.retcode, retcode, sizeof(retcode));
	f.pretcode = (sa->flags & SA_RESTORER) ? (uint32_t)sa->restorer
					       : sp + offsetof(struct rt_sigframe, retcode);
	if (copy_to_user((void *)sp, &f, sizeof(f)))
		return false;
	enter_handler(tf, sa, sp, sig);
	tf->edx = f.pinfo;
	tf->ecx = f.puc;
	return true;
}

static bool setup_frame(struct process *p, int sig, struct trap_frame *tf)
{
	const struct k_sigaction *sa = &p->sigactions[sig - 1];
	uint32_t sp = frame_sp(current, sa, tf, sizeof(struct sigframe));
	static const uint8_t retcode[8] = { 0x58, /* pop eax */
					    0xB8, SYS_sigreturn, 0, 0, 0, 0xCD, 0x80 };
	struct sigframe *f = kzalloc(sizeof(*f));
	bool ok;

	if (!f)
		return false;
	f->sig = sig;
	save_context(&f->sc, tf, frame_mask(current));
	f->extramask[0] = (uint32_t)(frame_mask(current) >> 32);
	memcpy(f->retcode, retcode, sizeof(retcode));
	f->pretcode = (sa->flags & SA_RESTORER) ? (uint32_t)sa->restorer
						: sp + offsetof(struct sigframe, retcode);
	ok = !copy_to_user((void *)sp, f, sizeof(*f));
	kfree(f);
	if (ok)
		enter_handler(tf, sa, sp, sig);
	return ok;
}

/* A system call that a signal interrupted (-ERESTARTSYS) runs again
 * when no handler runs, or the handler asked for SA_RESTART; otherwise
 * it fails with -EINTR.  -ERESTARTNOHAND (sigsuspend, pause) fails with
 * -EINTR whenever a handler ran.  Restarting: back over the "int $0x80"
 * with the call's number in eax again. */
static void restart_syscall(struct trap_frame *tf, const struct k_sigaction *sa)
{
	int32_t ret = (int32_t)tf->eax;

	if (tf->trapno != T_SYSCALL || (ret != -ERESTARTSYS && ret != -ERESTARTNOHAND))
		return;
	if (sa && (ret == -ERESTARTNOHAND || !(sa->flags & SA_RESTART))) {
		tf->eax = (uint32_t)-EINTR;
		return;
	}
	tf->eax = current->syscall_nr;
	tf->eip -= 2;
}

void signal_deliver(struct trap_frame *tf)
{
	struct process *p = current_proc();
	struct task *t = current;
	siginfo_t info;
	int sig;

	if (!p)
		return;
	if (thread_must_exit())
		thread_exit(0); /* the process is ending (its status is set) */
	while ((sig = dequeue(p, &info))) {
		struct k_sigaction *sa = &p->sigactions[sig - 1];

		if (sa->handler == (void *)SIG_IGN && sig != SIGKILL)
			continue;
		if (sa->handler == (void *)SIG_DFL || sig == SIGKILL) {
			if (default_ignored(sig))
				continue;
			group_exit(W_SIGNALED(sig)); /* default: terminate */
		}
		restart_syscall(tf, sa);
		if (!((sa->flags & SA_SIGINFO) ? setup_rt_frame(p, sig, &info, tf)
						: setup_frame(p, sig, tf)))
			group_exit(W_SIGNALED(SIGSEGV)); /* no room for the frame */
		t->restore_mask = false; /* the frame has the old mask now */
		t->sig_blocked |= ((uint64_t)sa->mask[1] << 32 | sa->mask[0]);
		if (!(sa->flags & SA_NODEFER))
			t->sig_blocked |= SIGBIT(sig);
		t->sig_blocked &= ~UNBLOCKABLE;
		if (sa->flags & SA_RESETHAND)
			sa->handler = (void *)SIG_DFL;
		return; /* one handler per return to user mode */
	}
	restart_syscall(tf, NULL); /* no handler ran: just go again */
	if (t->restore_mask) {
		t->sig_blocked = t->saved_mask;
		t->restore_mask = false;
	}
}

void signal_fault(int sig, int code, uint32_t addr)
{
	struct process *p = current_proc();
	void *h = p->sigactions[sig - 1].handler;
	siginfo_t info = { .si_signo = sig, .si_code = code };

	/* A fault that is blocked or ignored cannot be survived: the same
	 * instruction would fault again.  Linux kills the process then. */
	if ((current->sig_blocked & SIGBIT(sig)) || h == (void *)SIG_IGN ||
	    h == (void *)SIG_DFL)
		group_exit(W_SIGNALED(sig));
	info.si_addr = (void *)addr;
	send_thread(current, sig, &info);
}

/* --- the system calls */

long sys_rt_sigaction(int sig, const struct k_sigaction *act,
		      struct k_sigaction *old, size_t setsize)
{
	struct process *p = current_proc();
	struct k_sigaction k;

	if (setsize != sizeof(k.mask) || sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (old && copy_to_user(old, &p->sigactions[sig - 1], sizeof(k)))
		return -EFAULT;
	if (!act)
		return 0;
	if (sig == SIGKILL || sig == SIGSTOP)
		return -EINVAL;
	if (copy_from_user(&k, act, sizeof(k)))
		return -EFAULT;
	p->sigactions[sig - 1] = k;
	if (ignored(p, sig)) { /* what is pending goes, in every thread */
		p->sig_pending &= ~SIGBIT(sig);
		for (struct task *t = p->threads; t; t = t->group_next)
			t->sig_pending &= ~SIGBIT(sig);
	}
	return 0;
}

long sys_rt_sigprocmask(int how, const uint64_t *set, uint64_t *old, size_t setsize)
{
	struct task *t = current; /* masks are per thread */
	uint64_t s;

	if (setsize != sizeof(s))
		return -EINVAL;
	if (old && copy_to_user(old, &t->sig_blocked, sizeof(s)))
		return -EFAULT;
	if (!set)
		return 0;
	if (copy_from_user(&s, set, sizeof(s)))
		return -EFAULT;
	switch (how) {
	case SIG_BLOCK: t->sig_blocked |= s; break;
	case SIG_UNBLOCK: t->sig_blocked &= ~s; break;
	case SIG_SETMASK: t->sig_blocked = s; break;
	default: return -EINVAL;
	}
	t->sig_blocked &= ~UNBLOCKABLE;
	return 0;
}

int signal_wait_mask(const uint64_t *umask, size_t setsize)
{
	struct task *t = current;
	uint64_t m;

	if (setsize != sizeof(m))
		return -EINVAL;
	if (copy_from_user(&m, umask, sizeof(m)))
		return -EFAULT;
	t->saved_mask = t->sig_blocked;
	t->restore_mask = true;
	t->sig_blocked = m & ~UNBLOCKABLE;
	return 0;
}

/* Sleeps until a signal is to be acted on.  Nothing wakes the queue:
 * signal_send_info interrupts the sleep. */
static long wait_for_signal(void)
{
	static struct wait_queue nobody = WAIT_QUEUE_INIT;

	wait_event_interruptible(&nobody, false);
	return -ERESTARTNOHAND;
}

/* The signals pending for the thread (its own and the process's) that
 * it blocks: what it would otherwise have acted on. */
long sys_rt_sigpending(uint64_t *uset, size_t setsize)
{
	struct task *t = current;
	uint64_t set = (t->sig_pending | t->proc->sig_pending) & t->sig_blocked;

	if (setsize > sizeof(set))
		return -EINVAL;
	return copy_to_user(uset, &set, setsize) ? -EFAULT : 0;
}

/* The time_ns() a relative timeout ends at; 0 for none (NULL). */
static long timeout_deadline(const struct timespec *uts, uint64_t *deadline)
{
	struct timespec ts;

	*deadline = 0;
	if (!uts)
		return 0;
	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
		return -EINVAL;
	*deadline = time_ns() + (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
	return 0;
}

/* sigtimedwait/sigwaitinfo/sigwait: takes a signal of the set off the
 * pending ones (usually blocked, so that no handler takes it first),
 * waiting for one until the timeout (-EAGAIN then; a zero timeout only
 * looks).  While it waits the set is unblocked, so that sending one ends
 * the sleep; another signal's handler ends it with -EINTR, as Linux. */
long sys_rt_sigtimedwait(const uint64_t *uset, siginfo_t *uinfo,
			 const struct timespec *uts, size_t setsize)
{
	static struct wait_queue nobody = WAIT_QUEUE_INIT;
	struct task *t = current;
	uint64_t set, deadline, blocked;
	siginfo_t info;
	long err;
	int sig;

	if (setsize != sizeof(set))
		return -EINVAL;
	if (copy_from_user(&set, uset, sizeof(set)))
		return -EFAULT;
	set &= ~UNBLOCKABLE;
	if ((err = timeout_deadline(uts, &deadline)))
		return err;
	sig = dequeue_from(t->proc, set, &info);
	if (!sig && uts && deadline <= time_ns())
		return -EAGAIN;
	if (!sig) {
		blocked = t->sig_blocked;
		t->sig_blocked &= ~set;
		err = wait_event_interruptible_deadline(&nobody, false, deadline);
		t->sig_blocked = blocked;
		sig = dequeue_from(t->proc, set, &info);
	}
	if (!sig)
		return err == -ETIMEDOUT ? -EAGAIN : -EINTR;
	if (uinfo && copy_to_user(uinfo, &info, sizeof(info)))
		return -EFAULT;
	return sig;
}

long sys_pause(void)
{
	return wait_for_signal();
}

long sys_rt_sigsuspend(const uint64_t *umask, size_t setsize)
{
	long err = signal_wait_mask(umask, setsize);

	return err ? err : wait_for_signal();
}

/* An alternate stack for SA_ONSTACK handlers (a stack overflow's SIGSEGV
 * handler needs one).  It cannot change while a handler runs on it. */
long sys_sigaltstack(const stack_t *uss, stack_t *uold)
{
	struct task *t = current; /* each thread has its own */
	bool on = on_altstack(t, current->tf->user_esp);
	stack_t old = t->altstack, ss;

	if (!old.ss_size)
		old.ss_flags = SS_DISABLE;
	else if (on)
		old.ss_flags = SS_ONSTACK;
	if (uss) {
		if (copy_from_user(&ss, uss, sizeof(ss)))
			return -EFAULT;
		if (on)
			return -EPERM;
		if (ss.ss_flags != 0 && ss.ss_flags != SS_DISABLE && ss.ss_flags != SS_ONSTACK)
			return -EINVAL;
		if (ss.ss_flags == SS_DISABLE)
			ss = (stack_t){ .ss_flags = SS_DISABLE };
		else if (ss.ss_size < MINSIGSTKSZ)
			return -ENOMEM;
		else
			ss.ss_flags = 0;
	}
	if (uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	if (uss)
		t->altstack = ss;
	return 0;
}

/* Puts back the registers a handler's frame saved (only user segments
 * and the flags a program may change). */
static void restore_context(struct trap_frame *tf, const struct sigcontext *sc)
{
	tf->edi = sc->edi, tf->esi = sc->esi, tf->ebp = sc->ebp;
	tf->ebx = sc->ebx, tf->edx = sc->edx, tf->ecx = sc->ecx;
	tf->eip = sc->eip, tf->user_esp = sc->esp;
	tf->gs = sc->gs, tf->fs = sc->fs;
	tf->eflags = (tf->eflags & ~0x00040DD5u) | (sc->eflags & 0x00040DD5u);
	tf->cs = USER_CS;
	tf->ds = tf->es = tf->user_ss = USER_DS;
}

static long finish_sigreturn(const struct sigcontext *sc, uint64_t mask)
{
	restore_context(current->tf, sc);
	current->sig_blocked = mask & ~UNBLOCKABLE;
	return (long)sc->eax; /* the syscall's return value is the old eax */
}

long sys_rt_sigreturn(void)
{
	struct rt_sigframe f;
	uint64_t mask;
	/* the handler's ret popped pretcode: the frame starts 4 below */
	uint32_t frame = current->tf->user_esp - 4;

	if (copy_from_user(&f, (void *)frame, sizeof(f)))
		group_exit(W_SIGNALED(SIGSEGV));
	memcpy(&mask, f.uc.uc_sigmask, sizeof(mask));
	return finish_sigreturn(&f.uc.uc_mcontext, mask);
}

long sys_sigreturn(void)
{
	/* ret popped pretcode, the restorer popped sig: 8 below */
	uint32_t frame = current->tf->user_esp - 8;
	struct sigframe *f = kmalloc(sizeof(*f));
	long r;

	if (!f || copy_from_user(f, (void *)frame, sizeof(*f))) {
		kfree(f);
		group_exit(W_SIGNALED(SIGSEGV));
	}
	r = finish_sigreturn(&f->sc, (uint64_t)f->extramask[0] << 32 | f->sc.oldmask);
	kfree(f);
	return r;
}

static int send_from_user(struct process *p, int sig, int code)
{
	siginfo_t info = { .si_signo = sig, .si_code = code };

	info.si_pid = current_proc()->pid;
	return signal_send_info(p, sig, &info);
}

int signal_send_group(int pgid, int sig)
{
	int sent = 0;

	for (int i = 0; i < PROC_MAX; i++) {
		struct process *p = proc_at(i);
		if (p && !p->zombie && p->pgid == pgid) {
			signal_send(p, sig);
			sent++;
		}
	}
	return sent;
}

/* The process kill(pid) means: pid may also be the id of one of its
 * threads (Linux signals that thread's process then). */
static struct process *kill_target(int pid)
{
	struct process *p = proc_find(pid);
	struct task *t;

	if (!p && (t = proc_find_thread(pid)))
		p = t->proc;
	return p && !p->zombie ? p : NULL;
}

/* kill's targets: pid > 0 that process, 0 our group, -1 everyone but
 * init and us, < -1 the group -pid. */
long sys_kill(int pid, int sig)
{
	int sent = 0, err = 0;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid > 0) {
		struct process *p = kill_target(pid);
		if (!p)
			return -ESRCH;
		return sig ? send_from_user(p, sig, SI_USER) : 0;
	}
	for (int i = 0; i < PROC_MAX; i++) {
		struct process *p = proc_at(i);
		bool hit = p && !p->zombie &&
			   (pid == -1 ? (p->pid != 1 && p != current_proc())
				      : p->pgid == (pid ? -pid : current_proc()->pgid));
		if (hit) {
			sent++;
			if (sig)
				err = send_from_user(p, sig, SI_USER);
		}
	}
	return sent ? err : -ESRCH;
}

/* tkill and tgkill (tgid > 0: the thread must be in that process), in
 * Linux's order of checks. */
static long thread_kill(int tgid, int tid, int sig)
{
	struct task *t = proc_find_thread(tid);
	siginfo_t info = { .si_signo = sig, .si_code = SI_TKILL };

	if (!t || (tgid > 0 && t->proc->pid != tgid))
		return -ESRCH;
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	info.si_pid = current_proc()->pid;
	return sig ? send_thread(t, sig, &info) : 0;
}

long sys_tkill(int tid, int sig)
{
	if (tid <= 0)
		return -EINVAL;
	return thread_kill(0, tid, sig);
}

long sys_tgkill(int tgid, int tid, int sig)
{
	if (tgid <= 0 || tid <= 0)
		return -EINVAL;
	return thread_kill(tgid, tid, sig);
}
