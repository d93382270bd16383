/* kernel/sys_proc.c - process and memory system calls: fork, clone,
 * execve, exit, wait4, the ids, brk, mmap/munmap/mprotect, thread-local
 * storage.
 */
#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/mutex.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/segments.h"
#include "kernel/string.h"
#include "kernel/trap.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/ldt.h"
#include "kernel/uapi/mman.h"
#include "kernel/uapi/sched.h"
#include "kernel/vfs.h"
#include "kernel/vm.h"
#include "kernel/vm_file.h"

#define EXEC_MAX_ARGS 1024

long sys_fork(void)
{
	struct clone_args a = { .flags = SIGCHLD };

	return proc_fork(current->tf, &a);
}

/* The caller sleeps until the child execs or exits; meanwhile the child
 * runs on the caller's memory and stack (proc_fork). */
long sys_vfork(void)
{
	struct clone_args a = { .flags = CLONE_VM | CLONE_VFORK | SIGCHLD };

	return proc_fork(current->tf, &a);
}

/* The flags this kernel knows.  CLONE_DETACHED is ignored, as by
 * Linux; so are CLONE_PTRACE and CLONE_UNTRACED (nothing is traced),
 * CLONE_SYSVSEM (no System V semaphores) and CLONE_IO. */
#define CLONE_KNOWN                                                        \
	(CSIGNAL | CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |     \
	 CLONE_PTRACE | CLONE_VFORK | CLONE_PARENT | CLONE_THREAD |        \
	 CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID |              \
	 CLONE_CHILD_CLEARTID | CLONE_DETACHED | CLONE_UNTRACED |          \
	 CLONE_CHILD_SETTID | CLONE_IO)
/* What a thread must share, and what a new process cannot share
 * (CLONE_VM aside: vfork, posix_spawn). */
#define CLONE_SHARES (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND)

/* Linux's checks first (CLONE_THREAD needs CLONE_SIGHAND, which needs
 * CLONE_VM), then what this kernel does not do: a thread not sharing
 * everything, a process sharing anything but its memory (CLONE_FS,
 * CLONE_FILES, CLONE_SIGHAND), a thread with CLONE_VFORK, other flags
 * (CLONE_PIDFD, namespaces).  Those are -EINVAL too, logged once each. */
static long clone_flags_ok(uint32_t flags)
{
	static uint32_t logged;
	uint32_t odd = flags & ~CLONE_KNOWN;

	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	if (flags & CLONE_THREAD)
		odd |= (~flags & CLONE_SHARES) | (flags & CLONE_VFORK);
	else
		odd |= flags & CLONE_SHARES & ~CLONE_VM;
	if (odd & ~logged) {
		printk("clone: flags %#x not supported (-EINVAL)\n", odd & ~logged);
		logged |= odd;
	}
	return odd ? -EINVAL : 0;
}

/* Linux i386's order: flags, stack, parent_tid, tls, child_tid. */
long sys_clone(uint32_t flags, uint32_t stack, uint32_t parent_tid, uint32_t tls,
	       uint32_t child_tid)
{
	struct clone_args a = { flags, stack, parent_tid, tls, child_tid };
	long err = clone_flags_ok(flags);

	if (err)
		return err;
	if (flags & CLONE_THREAD)
		return thread_clone(current->tf, &a);
	return proc_fork(current->tf, &a);
}

long sys_exit(int code)
{
	thread_exit(W_EXITCODE(code));
}

long sys_exit_group(int code)
{
	group_exit(W_EXITCODE(code));
}

long sys_wait4(int pid, int *status, int options, void *rusage)
{
	(void)rusage;
	if (options & ~(1 | 2 | 0x40000000 | 0x80000000)) /* WNOHANG WUNTRACED __WALL __WCLONE */
		return -EINVAL;
	return proc_wait(pid, status, options);
}

long sys_waitpid(int pid, int *status, int options)
{
	return sys_wait4(pid, status, options, NULL);
}

long sys_getpid(void) { return current_proc()->pid; }
long sys_gettid(void) { return current->tid; }

long sys_getppid(void)
{
	struct process *p = current_proc()->parent;

	return p ? p->pid : 0;
}

long sys_getpgrp(void) { return current_proc()->pgid; }

long sys_getpgid(int pid)
{
	struct process *p = pid ? proc_find(pid) : current_proc();

	return p ? p->pgid : -ESRCH;
}

/* As Linux: pid is the caller or a child of it, in the caller's session
 * and not a session leader; joining a group other than its own needs
 * that group in the session.  (Linux's -EACCES for a child that has
 * already exec'd is not checked.) */
long sys_setpgid(int pid, int pgid)
{
	struct process *me = current_proc();
	struct process *p = pid ? proc_find(pid) : me;

	if (pgid < 0)
		return -EINVAL;
	if (!p || p->zombie || (p != me && p->parent != me))
		return -ESRCH;
	if (p->sid != me->sid || p->pid == p->sid)
		return -EPERM;
	if (!pgid)
		pgid = p->pid;
	if (pgid != p->pid && proc_group_session(pgid) != me->sid)
		return -EPERM;
	p->pgid = pgid;
	return 0;
}

long sys_getsid(int pid)
{
	struct process *p = pid ? proc_find(pid) : current_proc();

	return p ? p->sid : -ESRCH;
}

long sys_setsid(void)
{
	struct process *p = current_proc();

	if (p->pgid == p->pid)
		return -EPERM; /* already a group leader */
	p->sid = p->pgid = p->pid;
	return p->sid;
}

/* --- execve: argv and envp are copied into the kernel first, because
 * the old address space goes away. */

struct strvec {
	char **v;
	int n;
};

static void free_strvec(struct strvec *s)
{
	for (int i = 0; s->v && i < s->n; i++)
		kfree(s->v[i]);
	kfree(s->v);
}

static long copy_strvec(char *const *uv, struct strvec *s)
{
	size_t total = 0;

	s->n = 0;
	s->v = kzalloc((EXEC_MAX_ARGS + 1) * sizeof(char *));
	if (!s->v)
		return -ENOMEM;
	for (; uv; s->n++) {
		char *u, *k;
		long len;

		if (s->n == EXEC_MAX_ARGS)
			return -E2BIG;
		if (copy_from_user(&u, uv + s->n, sizeof(u)))
			return -EFAULT;
		if (!u)
			break;
		k = kmalloc(PAGE_SIZE);
		if (!k)
			return -ENOMEM;
		s->v[s->n] = k;
		len = copy_string_in(k, u, PAGE_SIZE);
		if (len < 0)
			return len == -ENAMETOOLONG ? -E2BIG : len;
		total += len + 1;
		if (total > 128 * 1024)
			return -E2BIG;
	}
	return 0;
}

long sys_execve(const char *upath, char *const *uargv, char *const *uenvp)
{
	struct strvec args = { 0 }, env = { 0 };
	char *path = kmalloc(PATH_MAX);
	long r = path ? copy_string_in(path, upath, PATH_MAX) : -ENOMEM;

	if (r >= 0)
		r = copy_strvec(uargv, &args);
	if (r >= 0)
		r = copy_strvec(uenvp, &env);
	if (r >= 0) /* takes fs_lock itself: it waits for the other threads */
		r = do_execve(path, args.v, env.v, current->tf);
	if (r >= 0) { /* the old program's signal stack is gone with it */
		current->altstack = (stack_t){ .ss_flags = SS_DISABLE };
		proc_set_cmdline(current_proc(), args.v);
	}
	free_strvec(&args);
	free_strvec(&env);
	kfree(path);
	return r;
}

/* --- memory */

long sys_brk(uint32_t want)
{
	struct mm *mm = current_proc()->mm;
	uint32_t old_end = ALIGN_UP(mm->brk, PAGE_SIZE), new_end;

	if (want < mm->brk_start || want >= USER_TOP - USER_STACK_SIZE)
		return mm->brk; /* Linux: the unchanged break */
	new_end = ALIGN_UP(want, PAGE_SIZE);
	if (new_end > old_end) {
		if (!mm_range_free(mm, old_end, new_end - old_end) ||
		    mm_map(mm, old_end, new_end - old_end, VM_READ | VM_WRITE))
			return mm->brk;
	} else if (new_end < old_end) {
		mm_unmap(mm, new_end, old_end - new_end);
	}
	mm->brk = want;
	return want;
}

static uint32_t prot_flags(uint32_t prot)
{
	return ((prot & PROT_READ) ? VM_READ : 0) | ((prot & PROT_WRITE) ? VM_WRITE : 0) |
	       ((prot & PROT_EXEC) ? VM_EXEC : 0);
}

/* Anonymous memory (demand zero) or a file's pages (vm_file.c), in
 * Linux's order of checks: the descriptor, length and address, the kind
 * of mapping, then what the file allows.  An address that is only a hint
 * need not be page aligned (Linux rounds it). */
long sys_mmap2(uint32_t addr, uint32_t len, uint32_t prot, uint32_t flags,
	       int fd, uint32_t pgoff)
{
	struct mm *mm = current_proc()->mm;
	uint32_t type = flags & MAP_TYPE, vm_flags = prot_flags(prot);
	struct file *f = NULL;
	long err;

	if (!(flags & MAP_ANONYMOUS) && !(f = fd_get(current_proc()->fds, fd)))
		return -EBADF;
	if (!len || ((flags & MAP_FIXED) && addr % PAGE_SIZE))
		return -EINVAL;
	if (type != MAP_PRIVATE && type != MAP_SHARED)
		return -EINVAL;
	if (len > USER_TOP)
		return -ENOMEM;
	len = ALIGN_UP(len, PAGE_SIZE);
	if (f && (err = vm_file_check(f, prot, flags, len, pgoff)))
		return err;
	if (f && vm_file_anonymous(f))
		f = NULL; /* /dev/zero */
	if (!(flags & MAP_FIXED)) {
		uint32_t hint = addr;
		addr = mm_find_free(mm, len, hint);
		if (!addr)
			return -ENOMEM;
	}
	if (f)
		err = vm_file_map(mm, addr, len,
				  vm_flags | (type == MAP_SHARED ? VM_SHARED : 0),
				  f, pgoff);
	else
		err = mm_map(mm, addr, len, vm_flags);
	return err ? err : (long)addr;
}

struct mmap_args {
	uint32_t addr, len, prot, flags, fd, offset;
};

long sys_mmap(const struct mmap_args *uargs)
{
	struct mmap_args a;

	if (copy_from_user(&a, uargs, sizeof(a)))
		return -EFAULT;
	if (a.offset % PAGE_SIZE)
		return -EINVAL;
	return sys_mmap2(a.addr, a.len, a.prot, a.flags, (int)a.fd,
			 a.offset / PAGE_SIZE);
}

long sys_munmap(uint32_t addr, uint32_t len)
{
	return mm_unmap(current_proc()->mm, addr, len);
}

long sys_mprotect(uint32_t addr, uint32_t len, uint32_t prot)
{
	if (addr % PAGE_SIZE || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	if (!len)
		return 0;
	return mm_protect(current_proc()->mm, addr, len, prot_flags(prot));
}

/* --- threads' bookkeeping */

/* The word the thread's exit clears (and wakes a futex on). */
long sys_set_tid_address(uint32_t tidptr)
{
	current->clear_child_tid = tidptr;
	return current->tid;
}

long sys_set_thread_area(struct user_desc *uinfo)
{
	int err = tls_set(current, uinfo, true);

	if (!err)
		tls_activate();
	return err;
}

struct rlimit32 {
	uint32_t cur, max;
};

#define RLIMIT_STACK 3
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIM_INFINITY 0xFFFFFFFFu

static struct rlimit32 limit_of(unsigned res)
{
	struct process *p = current_proc();

	if (res == RLIMIT_NPROC)
		return (struct rlimit32){ p->nproc.cur, p->nproc.max };
	if (res == RLIMIT_STACK)
		return (struct rlimit32){ USER_STACK_SIZE, USER_STACK_SIZE };
	if (res == RLIMIT_NOFILE)
		return (struct rlimit32){ FD_MAX, FD_MAX };
	return (struct rlimit32){ RLIM_INFINITY, RLIM_INFINITY };
}

long sys_ugetrlimit(unsigned res, struct rlimit32 *out)
{
	struct rlimit32 l = limit_of(res);

	if (res >= 16)
		return -EINVAL;
	return copy_to_user(out, &l, sizeof(l));
}

/* prlimit64's new limit: only RLIMIT_NPROC can change (up to PROC_MAX,
 * the table's size); the others are fixed. */
static long set_limit(unsigned res, const void *new_limit)
{
	uint64_t v[2];
	struct process *p = current_proc();

	if (copy_from_user(v, new_limit, sizeof(v)))
		return -EFAULT;
	if (v[0] > v[1])
		return -EINVAL;
	if (res != RLIMIT_NPROC)
		return -EPERM;
	p->nproc.cur = (uint32_t)MIN(v[0], (uint64_t)PROC_MAX);
	p->nproc.max = (uint32_t)MIN(v[1], (uint64_t)PROC_MAX);
	return 0;
}

long sys_prlimit64(int pid, unsigned res, const void *new_limit, uint64_t *old)
{
	struct rlimit32 l = limit_of(res);
	uint64_t v[2] = { l.cur == RLIM_INFINITY ? ~0ull : l.cur,
			  l.max == RLIM_INFINITY ? ~0ull : l.max };

	if (pid && pid != current_proc()->pid)
		return -ESRCH;
	if (res >= 16)
		return -EINVAL;
	if (old && copy_to_user(old, v, sizeof(v)))
		return -EFAULT;
	return new_limit ? set_limit(res, new_limit) : 0;
}
