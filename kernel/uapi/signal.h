/* kernel/uapi/signal.h - signals of the Linux i386 ABI: numbers, the
 * rt_sigaction structure as the kernel reads it, siginfo, and the
 * sigcontext/ucontext a handler's frame holds.  Shared by the kernel and
 * the libc.
 *
 * How a handler is entered (arch/x86/kernel/signal_32.c): the kernel
 * pushes a frame below the interrupted esp (or on the alternate stack) and
 * starts the handler with esp pointing at the frame's first word, the
 * return address, which is sa_restorer when SA_RESTORER is set:
 *   without SA_SIGINFO  { pretcode, int sig, struct sigcontext sc,
 *                         fpstate, extramask[1], retcode[8] }
 *                       handler(sig); the restorer pops sig and calls
 *                       sigreturn (119), which reads sc.
 *   with SA_SIGINFO     { pretcode, int sig, siginfo_t *pinfo, void *puc,
 *                         siginfo_t info, struct ucontext uc, retcode[8] }
 *                       handler(sig, pinfo, puc); the restorer calls
 *                       rt_sigreturn (173), which reads uc.
 * Both restore every register and the signal mask from the frame, so a
 * handler may change the interrupted context by writing uc_mcontext.
 */
#ifndef UAPI_SIGNAL_H
#define UAPI_SIGNAL_H

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGIOT SIGABRT
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPOLL SIGIO
#define SIGPWR 30
#define SIGSYS 31
#define SIGRTMIN_KERNEL 32 /* the libc may reserve some real-time signals */
#define _NSIG 64 /* signals are 1.._NSIG */
#define _NSIG_WORDS 2

/* sa_flags */
#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO 0x00000004
#define SA_RESTORER 0x04000000
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000

/* rt_sigprocmask's how */
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* sa_handler values */
#define SIG_DFL ((void (*)(int))0)
#define SIG_IGN ((void (*)(int))1)
#define SIG_ERR ((void (*)(int))-1)

/* What rt_sigaction (174) reads and writes, with sigsetsize 8: 20 bytes.
 * Bit (sig - 1) of mask stands for signal sig. */
struct k_sigaction {
	void *handler; /* void (*)(int) or void (*)(int, siginfo_t *, void *) */
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask[_NSIG_WORDS];
};

/* sigaltstack (186) */
typedef struct {
	void *ss_sp;
	int ss_flags;
	unsigned long ss_size;
} stack_t;

#define SS_ONSTACK 1
#define SS_DISABLE 2
#define MINSIGSTKSZ 2048
#define SIGSTKSZ 8192

union sigval {
	int sival_int;
	void *sival_ptr;
};

/* 128 bytes; which union member is valid depends on the signal and si_code */
typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int _pad[29];
		struct { /* kill, tgkill: SI_USER, SI_TKILL */
			int _pid;
			unsigned int _uid;
		} _kill;
		struct { /* SIGCHLD */
			int _pid;
			unsigned int _uid;
			int _status; /* exit code or signal */
			long _utime;
			long _stime;
		} _sigchld;
		struct { /* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
			void *_addr;
		} _sigfault;
		struct { /* sigqueue */
			int _pid;
			unsigned int _uid;
			union sigval _sigval;
		} _rt;
	} _sifields;
} siginfo_t;

#define si_pid _sifields._kill._pid
#define si_uid _sifields._kill._uid
#define si_status _sifields._sigchld._status
#define si_utime _sifields._sigchld._utime
#define si_stime _sifields._sigchld._stime
#define si_addr _sifields._sigfault._addr
#define si_value _sifields._rt._sigval

/* si_code */
#define SI_USER 0 /* kill */
#define SI_KERNEL 0x80
#define SI_QUEUE (-1)
#define SI_TKILL (-6) /* tkill, tgkill */
#define ILL_ILLOPC 1
#define ILL_ILLOPN 2
#define ILL_PRVOPC 5
#define FPE_INTDIV 1
#define SEGV_MAPERR 1 /* no mapping at the address */
#define SEGV_ACCERR 2 /* the mapping does not allow the access */
#define BUS_ADRERR 2
#define TRAP_BRKPT 1
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5
#define CLD_CONTINUED 6

/* The registers of the interrupted context (arch/x86/include/uapi/asm/
 * sigcontext.h, struct sigcontext_32): 88 bytes.  The segment registers
 * are 16 bits, each followed by 16 bits of padding. */
struct sigcontext {
	unsigned short gs, __gsh;
	unsigned short fs, __fsh;
	unsigned short es, __esh;
	unsigned short ds, __dsh;
	unsigned long edi;
	unsigned long esi;
	unsigned long ebp;
	unsigned long esp;
	unsigned long ebx;
	unsigned long edx;
	unsigned long ecx;
	unsigned long eax;
	unsigned long trapno;
	unsigned long err;
	unsigned long eip;
	unsigned short cs, __csh;
	unsigned long eflags;
	unsigned long esp_at_signal;
	unsigned short ss, __ssh;
	unsigned long fpstate; /* user address of the saved FPU state, or 0 */
	unsigned long oldmask;
	unsigned long cr2; /* the faulting address of a page fault */
};

/* The third argument of an SA_SIGINFO handler (asm-generic ucontext) */
struct ucontext {
	unsigned long uc_flags;
	struct ucontext *uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	unsigned long uc_sigmask[_NSIG_WORDS];
};

#endif
