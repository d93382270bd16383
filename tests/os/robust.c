/* tests/os/robust.c - the robustness floor (Pintos userprog's, in this
 * ABI): buffers and strings running into unmapped memory, kernel
 * addresses as pointers, a system call with a bad stack pointer, jumping
 * to or reading/writing kernel memory, privileged instructions and
 * interrupt vectors, unknown system call numbers, writing to a running
 * executable (ETXTBSY), bad and twice-closed descriptors.  Whatever a
 * process does, the kernel answers with an error or kills that process.
 *
 * Where Linux's answer depends on the kind of file (a partial copy into a
 * regular file is a short count there, but EFAULT for a pipe), the case
 * says so.
 */
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "t.h"

#define PAGE 4096
#define KERNEL_ADDR ((void *)0xC0000000)
#define KERNEL_TEXT 0xC0100000UL /* where this OS's kernel code is */

/* a mapped page followed by an unmapped one; returns the boundary */
static char *edge(void)
{
	char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		T_FAIL("mmap: %s", t_errname(errno));
	T_OK(munmap(p + PAGE, PAGE));
	return p + PAGE;
}

/* --- buffers and strings crossing into unmapped memory */

static void write_buffer_crossing(void)
{
	char *end = edge(), buf[32];
	int p[2];

	memcpy(end - 10, "0123456789", 10);
	int fd = T_OK(open("f", O_RDWR | O_CREAT, 0644));
	long r = write(fd, end - 10, 20);
	/* Linux writes the mapped part of a regular file's buffer and
	 * returns the short count; EFAULT would do too */
	if (r != 10 && !(r == -1 && errno == EFAULT))
		T_FAIL("write: got %ld (%s), want 10 or EFAULT", r,
		       t_errname(errno));
	T_EQ(pread(fd, buf, sizeof(buf), 0), r == 10 ? 10 : 0);
	/* into a pipe: EFAULT, and nothing written */
	T_OK(pipe2(p, O_NONBLOCK));
	T_ERR(write(p[1], end - 10, 20), EFAULT);
	T_ERR(read(p[0], buf, sizeof(buf)), EAGAIN);
	T_ERR(write(p[1], end, 1), EFAULT);
}

static void read_buffer_crossing(void)
{
	char *end = edge(), buf[32];
	int p[2];

	t_write_file("f", "abcdefghijklmnopqrst", 20);
	int fd = T_OK(open("f", O_RDONLY));
	long r = read(fd, end - 10, 20);
	if (r != 10 && !(r == -1 && errno == EFAULT))
		T_FAIL("read: got %ld (%s), want 10 or EFAULT", r,
		       t_errname(errno));
	if (r == 10)
		T_MEMEQ(end - 10, "abcdefghij", 10);
	T_EQ(lseek(fd, 0, SEEK_CUR), r == 10 ? 10 : 0);
	/* from a pipe: EFAULT, and the data stays in the pipe */
	T_OK(pipe(p));
	T_EQ(write(p[1], "abcdefghijklmnopqrst", 20), 20);
	T_ERR(read(p[0], end - 10, 20), EFAULT);
	T_EQ(read(p[0], buf, sizeof(buf)), 20);
	T_MEMEQ(buf, "abcdefghijklmnopqrst", 20);
}

static void string_crossing(void)
{
	char *end = edge();

	/* a path whose NUL would be on the unmapped page */
	memset(end - 16, 'a', 16);
	T_ERR(open(end - 16, O_RDONLY), EFAULT);
	T_ERR(mkdir(end - 16, 0755), EFAULT);
	T_ERR(stat(end - 16, &(struct stat){0}), EFAULT);
	T_EXEC_ERR(end - 16, ((char *[]){"x", NULL}), environ, EFAULT);
	/* the same with its NUL as the page's last byte is a good string */
	end[-1] = 0;
	T_ERR(open(end - 16, O_RDONLY), ENOENT);
	int fd = T_OK(open(end - 16, O_WRONLY | O_CREAT, 0644));
	T_OK(close(fd));
	T_OK(access("aaaaaaaaaaaaaaa", F_OK));
	/* an empty string right at the edge */
	T_ERR(open(end - 1, O_RDONLY), ENOENT);
}

static void struct_crossing(void)
{
	char *end = edge();
	struct timespec *ts = (struct timespec *)(end - 4);
	struct iovec *iov = (struct iovec *)(end - 4);

	t_write_file("f", "abc", 3);
	T_ERR(stat("f", (struct stat *)(end - 50)), EFAULT);
	T_ERR(clock_gettime(CLOCK_MONOTONIC, ts), EFAULT);
	T_ERR(uname((struct utsname *)(end - 100)), EFAULT);
	T_ERR(pipe((int *)(end - 4)), EFAULT);
	T_EQ(dup(0), 3); /* the failed pipe left no descriptors */
	int fd = T_OK(open("f", O_RDONLY));
	T_ERR(readv(fd, iov, 1), EFAULT);
	/* an argv whose NULL would be on the unmapped page */
	char **argv = (char **)(end - sizeof(char *));
	argv[0] = "x";
	T_EXEC_ERR(t_self, argv, environ, EFAULT);
	T_EQ(lseek(fd, 0, SEEK_CUR), 0);
}

static void kernel_pointers(void)
{
	static const unsigned long addrs[] = {0xC0000000, KERNEL_TEXT,
					      0xFFFFF000};
	struct stat st;
	int p[2];

	t_write_file("f", "abc", 3);
	int fd = T_OK(open("f", O_RDWR));
	T_OK(pipe(p));
	T_EQ(write(p[1], "xyz", 3), 3);
	for (int i = 0; i < T_COUNT(addrs); i++) {
		void *k = (void *)addrs[i];
		T_ERR(read(fd, k, 3), EFAULT);
		T_ERR(write(fd, k, 3), EFAULT);
		T_ERR(read(p[0], k, 3), EFAULT);
		T_ERR(write(p[1], k, 3), EFAULT);
		T_ERR(open(k, O_RDONLY), EFAULT);
		T_ERR(stat("f", k), EFAULT);
		T_ERR(fstat(fd, k), EFAULT);
		T_ERR(uname(k), EFAULT);
		T_ERR(clock_gettime(CLOCK_REALTIME, k), EFAULT);
		T_ERR(pipe(k), EFAULT);
		T_ERR(getcwd(k, 100) == NULL ? -1 : 0, EFAULT);
		T_ERR(waitpid(-1, k, WNOHANG), ECHILD);
	}
	T_EQ(pread(fd, &st, 3, 0), 3); /* the file is untouched */
	T_MEMEQ(&st, "abc", 3);
}

/* --- the stack pointer */

/* a system call with esp in the kernel's half: Linux's calls take their
 * arguments in registers, so the call works; the next push faults and,
 * with no stack for a handler either, the process dies by SIGSEGV */
static void syscall_with_bad_esp(void)
{
	__asm__ volatile("mov $0xC0001000, %%esp\n\t"
			 "mov %0, %%eax\n\t"
			 "int $0x80\n\t"
			 "push %%eax\n\t"
			 "hlt"
			 :
			 : "i"(SYS_getpid)
			 : "eax", "memory");
}

static void syscall_with_null_esp(void)
{
	__asm__ volatile("xor %%esp, %%esp\n\t"
			 "mov %0, %%eax\n\t"
			 "int $0x80\n\t"
			 "push %%eax\n\t"
			 "hlt"
			 :
			 : "i"(SYS_getpid)
			 : "eax", "memory");
}

static void on_usr1(int sig)
{
	(void)sig;
	_exit(3); /* must not run: there is no stack for it */
}

/* a signal to deliver while esp is bad: the frame cannot be written */
static void signal_with_bad_esp(void)
{
	struct sigaction sa = {.sa_handler = on_usr1};
	static unsigned long pid;

	sigaction(SIGSEGV, &sa, NULL); /* even with a SIGSEGV handler */
	sigaction(SIGUSR1, &sa, NULL);
	pid = getpid();
	__asm__ volatile("mov %0, %%ebx\n\t"
			 "mov $0xC0001000, %%esp\n\t"
			 "mov %1, %%ecx\n\t"
			 "mov %2, %%eax\n\t"
			 "int $0x80\n\t"
			 "mov %3, %%eax\n\t" /* not delivered? then exit 0 */
			 "xor %%ebx, %%ebx\n\t"
			 "int $0x80"
			 :
			 : "m"(pid), "i"(SIGUSR1), "i"(SYS_kill),
			   "i"(SYS_exit_group)
			 : "eax", "ebx", "ecx", "memory");
}

/* --- touching the kernel */

static void jump_to_kernel(void)
{
	((void (*)(void))KERNEL_TEXT)();
}

static void jump_to_null(void)
{
	((void (*)(void))0)();
}

static void read_kernel(void)
{
	t_peek(KERNEL_TEXT);
}

static void write_kernel(void)
{
	t_poke(KERNEL_TEXT, 0);
}

static void read_kernel_base(void)
{
	t_peek(0xC0000000);
}

static void read_top_page(void)
{
	t_peek(0xFFFFF000);
}

/* privileged instructions and interrupt vectors not meant for ring 3:
 * a general protection fault, SIGSEGV */
static void op_cli(void)
{
	__asm__ volatile("cli");
}

static void op_hlt(void)
{
	__asm__ volatile("hlt");
}

/* QEMU's isa-debug-exit port: if this worked, the machine would stop */
static void op_outb(void)
{
	__asm__ volatile("outb %%al, $0xf4" : : "a"(0x31));
}

static void op_inb(void)
{
	__asm__ volatile("inb $0x60, %%al" : : : "eax");
}

static void op_lidt(void)
{
	static char idt[6];
	__asm__ volatile("lidt %0" : : "m"(idt));
}

static void op_mov_cr3(void)
{
	__asm__ volatile("mov %%cr3, %%eax" : : : "eax");
}

static void op_wrmsr(void)
{
	__asm__ volatile("wrmsr" : : "c"(0x10), "a"(0), "d"(0));
}

static void op_int_0x20(void)
{
	__asm__ volatile("int $0x20");
} /* the timer IRQ here */
static void op_int_0x2e(void)
{
	__asm__ volatile("int $0x2e");
} /* the disk IRQ here */
static void op_int_0x0e(void)
{
	__asm__ volatile("int $0x0e");
} /* page fault */
static void op_int_0x08(void)
{
	__asm__ volatile("int $0x08");
} /* double fault */
static void op_int_0xff(void)
{
	__asm__ volatile("int $0xff");
}

/* --- system call numbers */

static void unknown_syscalls(void)
{
	/* never assigned on i386, retired (sys_ni_syscall), or out of range */
	static const long numbers[] = {17,   31,	 32,  35,
				       44,   53,	 56,  58,
				       98,   137,	 188, 189,
				       222,  223,	 251, 285,
				       1000, 0x7fffffff, -1,  (long)0x80000000};

	for (int i = 0; i < T_COUNT(numbers); i++) {
		errno = 0;
		long r = syscall(numbers[i], -1, KERNEL_ADDR, -1, -1, -1, -1);
		if (r != -1 || errno != ENOSYS)
			T_FAIL("syscall %ld: got %ld (%s), want ENOSYS",
			       numbers[i], r, t_errname(errno));
	}
	T_TRUE(getpid() > 0); /* and the process is fine */
}

/* --- writing to a running executable */

/* --helper wait FD: block until FD (a pipe) reaches EOF */
static int helper_wait(char **argv)
{
	char c;

	read(atoi(argv[1]), &c, 1);
	return 0;
}

static void copy_file(const char *from, const char *to)
{
	static char buf[65536];
	int in = T_OK(open(from, O_RDONLY));
	int out = T_OK(open(to, O_WRONLY | O_CREAT | O_TRUNC, 0755));
	long n;

	while ((n = read(in, buf, sizeof(buf))) > 0)
		T_EQ(write(out, buf, n), n);
	T_EQ(n, 0);
	T_OK(close(in));
	T_OK(close(out));
}

static void etxtbsy(void)
{
	char fdstr[16];
	int p[2];

	/* this very program */
	T_ERR(open(t_self, O_WRONLY), ETXTBSY);
	T_ERR(open(t_self, O_RDWR), ETXTBSY);
	T_ERR(truncate(t_self, 0), ETXTBSY);
	int fd = T_OK(open(t_self, O_RDONLY)); /* reading is fine */
	T_OK(close(fd));
	/* a copy, while another process runs it, and after */
	copy_file(t_self, "prog");
	T_OK(pipe(p));
	snprintf(fdstr, sizeof(fdstr), "%d", p[0]);
	pid_t pid = t_fork();
	if (pid == 0) {
		close(p[1]);
		execve("prog",
		       (char *[]){"prog", "--helper", "wait", fdstr, NULL},
		       environ);
		_exit(99);
	}
	T_OK(close(p[0]));
	long long start = t_now_ns();
	while ((fd = open("prog", O_WRONLY)) >=
	       0) { /* until the child has exec'd */
		T_OK(close(fd));
		if (t_now_ns() - start > 5000000000LL)
			T_FAIL("prog still writable after 5 s");
		t_sleep_ms(1);
	}
	T_EQ(errno, ETXTBSY);
	T_ERR(open("prog", O_WRONLY | O_TRUNC), ETXTBSY);
	T_OK(close(p[1]));
	T_EXITED(t_wait(pid), 0);
	fd = T_OK(open("prog", O_WRONLY)); /* no longer running */
	/* and the other way round: no execve of a file open for writing */
	T_EXEC_ERR("prog", ((char *[]){"prog", NULL}), environ, ETXTBSY);
	T_OK(close(fd));
}

/* --- descriptors */

static void bad_fds(void)
{
	static const int fds[] = {-1, 99, 1 << 20, 0x7fffffff};
	char buf[64];
	struct stat st;

	for (int i = 0; i < T_COUNT(fds); i++) {
		int fd = fds[i];
		T_ERR(read(fd, buf, 1), EBADF);
		T_ERR(write(fd, buf, 1), EBADF);
		T_ERR(close(fd), EBADF);
		T_ERR(fstat(fd, &st), EBADF);
		T_ERR(lseek(fd, 0, SEEK_SET), EBADF);
		T_ERR(dup(fd), EBADF);
		T_ERR(dup2(fd, 10), EBADF);
		T_ERR(fcntl(fd, F_GETFD), EBADF);
		T_ERR(getdents64(fd, buf, sizeof(buf)), EBADF);
		T_ERR(fsync(fd), EBADF);
		T_ERR(ftruncate(fd, 0), EBADF);
		T_ERR(fchdir(fd), EBADF);
		T_ERR(pread(fd, buf, 1, 0), EBADF);
		T_ERR(readv(fd, &(struct iovec){buf, 1}, 1), EBADF);
		T_ERR(syscall(SYS_ioctl, fd, 0x5401, buf), EBADF);
	}
}

static void closed_fds(void)
{
	char buf[4];

	t_write_file("f", "abc", 3);
	int fd = T_OK(open("f", O_RDONLY));
	T_OK(close(fd));
	T_ERR(close(fd), EBADF);
	T_ERR(read(fd, buf, 1), EBADF);
	T_ERR(fstat(fd, &(struct stat){0}), EBADF);
	/* stdin and stdout closed: the process carries on */
	T_OK(close(0));
	T_OK(close(1));
	T_ERR(read(0, buf, 1), EBADF);
	T_ERR(write(1, "x", 1), EBADF);
	T_ERR(close(0), EBADF);
	T_EQ(open("f", O_RDONLY), 0);
	T_EQ(read(0, buf, 3), 3);
}

/* --- running out of stack */

static volatile int stop_never = 1;

static int recurse(int n)
{
	volatile char frame[1024];

	frame[0] = (char)n;
	return stop_never ? recurse(n + 1) + frame[0] : 0;
}

static void stack_overflow(void)
{
	recurse(0);
}

static int helper(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[0], "wait"))
		return helper_wait(argv);
	return 127;
}

static const struct t_case cases[] = {
    T(write_buffer_crossing),
    T(read_buffer_crossing),
    T(string_crossing),
    T(struct_crossing),
    T(kernel_pointers),
    T_SIG(syscall_with_bad_esp, SIGSEGV),
    T_SIG(syscall_with_null_esp, SIGSEGV),
    T_SIG(signal_with_bad_esp, SIGSEGV),
    T_SIG(jump_to_kernel, SIGSEGV),
    T_SIG(jump_to_null, SIGSEGV),
    T_SIG(read_kernel, SIGSEGV),
    T_SIG(write_kernel, SIGSEGV),
    T_SIG(read_kernel_base, SIGSEGV),
    T_SIG(read_top_page, SIGSEGV),
    T_SIG(op_cli, SIGSEGV),
    T_SIG(op_hlt, SIGSEGV),
    T_SIG(op_outb, SIGSEGV),
    T_SIG(op_inb, SIGSEGV),
    T_SIG(op_lidt, SIGSEGV),
    T_SIG(op_mov_cr3, SIGSEGV),
    T_SIG(op_wrmsr, SIGSEGV),
    T_SIG(op_int_0x20, SIGSEGV),
    T_SIG(op_int_0x2e, SIGSEGV),
    T_SIG(op_int_0x0e, SIGSEGV),
    T_SIG(op_int_0x08, SIGSEGV),
    T_SIG(op_int_0xff, SIGSEGV),
    T(unknown_syscalls),
    T(etxtbsy),
    T(bad_fds),
    T(closed_fds),
    T_SIG(stack_overflow, SIGSEGV),
};

T_MAIN(cases, helper)
