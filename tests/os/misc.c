/* tests/os/misc.c - what a program finds at start and the identity calls:
 * the initial stack and auxiliary vector, uname, user and group ids,
 * getrandom, sysinfo, set_tid_address, set_thread_area (a TLS segment in
 * %fs), ioctl on non-ttys and, when fd 0 is one, on the console, reboot's
 * magic check, sched_yield, statfs/fstatfs, the kernel log (syslog).
 */
#include <asm/ldt.h>
#include <sched.h>
#include <sys/auxv.h>
#include <sys/ioctl.h>
#include <sys/klog.h>
#include <sys/random.h>
#include <sys/statfs.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <termios.h>

#include "t.h"

extern char _start[];

static int main_argc;
static char **main_argv, **main_envp;

static void initial_stack(void)
{
	T_TRUE(main_argc >= 1);
	T_TRUE(main_argv[main_argc] == NULL);
	T_TRUE(main_envp ==
	       main_argv + main_argc + 1); /* envp follows argv's NULL */
	T_TRUE(environ == main_envp);
	for (int i = 0; i < main_argc; i++)
		T_TRUE(main_argv[i] && main_argv[i][0]);
	/* execve leaves argc at a 16-byte aligned address, as Linux does */
	T_EQ((unsigned long)(main_argv - 1) % 16, 0);
	/* the strings are above the pointer arrays, below the top of user space
	 */
	T_TRUE((unsigned long)main_argv[0] > (unsigned long)main_envp);
	T_TRUE((unsigned long)main_argv[0] < t_user_end());
}

static void auxv(void)
{
	T_EQ(getauxval(AT_PAGESZ), 4096);
	T_EQX(getauxval(AT_ENTRY), (unsigned long)_start);
	T_EQ(getauxval(AT_PHENT), 32);
	T_TRUE(getauxval(AT_PHNUM) >= 2);
	/* AT_PHDR points at our program headers in memory: one of them is
	 * the executable PT_LOAD holding _start */
	const unsigned long *ph = (const unsigned long *)getauxval(AT_PHDR);
	int text = 0;
	T_TRUE(ph != NULL);
	for (unsigned long i = 0; i < getauxval(AT_PHNUM); i++, ph += 8) {
		/* p_type p_offset p_vaddr p_paddr p_filesz p_memsz p_flags
		 * p_align */
		if (ph[0] == 1 && ph[2] <= (unsigned long)_start &&
		    (unsigned long)_start < ph[2] + ph[5] && (ph[6] & 1))
			text++;
	}
	T_EQ(text, 1);
	T_EQ(getauxval(AT_UID), getuid());
	T_EQ(getauxval(AT_EUID), geteuid());
	T_EQ(getauxval(AT_GID), getgid());
	T_EQ(getauxval(AT_EGID), getegid());
	T_EQ(getauxval(AT_SECURE), 0);
	const unsigned char *r = (const unsigned char *)getauxval(AT_RANDOM);
	T_TRUE(r != NULL);
	int nonzero = 0;
	for (int i = 0; i < 16; i++)
		nonzero |= r[i];
	T_TRUE(nonzero);
	errno = 0;
	T_EQ(getauxval(12345), 0);
	T_EQ(errno, ENOENT);
}

static void uname_fields(void)
{
	struct utsname u;

	memset(&u, 0x7f, sizeof(u));
	T_OK(uname(&u));
	const char *fields[] = {u.sysname, u.nodename, u.release, u.version,
				u.machine};
	for (int i = 0; i < 5; i++) {
		size_t n = strnlen(fields[i], UTSNAME_LENGTH);
		T_TRUE(n > 0 && n < UTSNAME_LENGTH);
	}
	T_TRUE(strnlen(u.domainname, UTSNAME_LENGTH) < UTSNAME_LENGTH);
	if (strcmp(u.sysname, "Linux"))
		T_STREQ(u.machine,
			"i686"); /* this OS; Linux says what it runs on */
	T_ERR(uname(NULL), EFAULT);
	T_ERR(uname((void *)0xC0000000), EFAULT);
}

static void ids(void)
{
	uid_t uid = getuid();
	gid_t gid = getgid();

	T_EQ(geteuid(), uid);
	T_EQ(getegid(), gid);
	T_TRUE(uid < 0x10000000 && gid < 0x10000000);
	T_EQ(syscall(SYS_getuid32), uid);
	T_EQ(syscall(SYS_getgid32), gid);
	T_EQ(syscall(SYS_getuid), uid & 0xffff); /* the 16-bit calls */
	pid_t pid = t_fork();
	if (pid == 0)
		_exit(getuid() == uid && getgid() == gid ? 0 : 1);
	T_EXITED(t_wait(pid), 0);
}

static void getrandom_fills(void)
{
	unsigned char a[64], b[64];

	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	T_EQ(getrandom(a, sizeof(a), 0), 64);
	T_EQ(getrandom(b, sizeof(b), GRND_NONBLOCK), 64);
	T_TRUE(memcmp(a, b, sizeof(a)) != 0);
	int zeros = 0;
	for (int i = 0; i < 64; i++)
		zeros += !a[i];
	T_TRUE(zeros < 16);
	T_EQ(getrandom(a, 0, 0), 0);
	T_ERR(getrandom(a, sizeof(a), 0x1000), EINVAL);
	T_ERR(getrandom(NULL, 16, 0), EFAULT);
	T_ERR(getrandom((void *)0xC0000000, 16, 0), EFAULT);
}

static void sysinfo_fields(void)
{
	struct sysinfo si;

	memset(&si, 0xff, sizeof(si));
	T_OK(sysinfo(&si));
	T_TRUE(si.uptime >= 0 && si.uptime < 365L * 86400);
	T_TRUE(si.mem_unit >= 1);
	T_TRUE(si.totalram > 0);
	T_TRUE(si.freeram <= si.totalram);
	T_TRUE((unsigned long long)si.totalram * si.mem_unit >= 16 << 20);
	T_TRUE(si.procs >= 1);
	T_TRUE(si.freeswap <= si.totalswap);
	T_ERR(sysinfo(NULL), EFAULT);
}

static void tid_address(void)
{
	static int tid_word;

	T_EQ(set_tid_address(&tid_word), gettid());
	T_EQ(set_tid_address(NULL), getpid());
}

/* The segment is tried in %fs: %gs is the libc's own (the thread
 * pointer, errno's TLS block), taken at start-up from another slot. */
static void thread_area(void)
{
	static unsigned int tls_block[4] = {0x12345678, 0x9abcdef0, 0, 0};
	struct user_desc d = {
	    .entry_number = -1,
	    .base_addr = (unsigned long)tls_block,
	    .limit = 0xfffff,
	    .seg_32bit = 1,
	    .limit_in_pages = 1,
	    .useable = 1,
	};
	unsigned int v0, v1;

	T_OK(set_thread_area(&d));
	T_TRUE(d.entry_number >= 6 && d.entry_number < 32); /* Linux: 12-14 */
	unsigned short sel = d.entry_number << 3 | 3;
	__asm__ volatile("movw %w2, %%fs\n\t"
			 "movl %%fs:0, %0\n\t"
			 "movl %%fs:4, %1"
			 : "=r"(v0), "=r"(v1)
			 : "r"(sel)
			 : "memory");
	T_EQX(v0, 0x12345678);
	T_EQX(v1, 0x9abcdef0);
	/* the segment survives a system call and a context switch */
	sched_yield();
	t_sleep_ms(1);
	__asm__ volatile("movl %%fs:0, %0" : "=r"(v0));
	T_EQX(v0, 0x12345678);
	/* and a fork */
	pid_t pid = t_fork();
	if (pid == 0) {
		__asm__ volatile("movl %%fs:4, %0" : "=r"(v1));
		_exit(v1 == 0x9abcdef0 ? 0 : 1);
	}
	T_EXITED(t_wait(pid), 0);
	/* asking for the same entry again replaces it */
	tls_block[2] = 0x55;
	d.base_addr = (unsigned long)&tls_block[2];
	T_OK(set_thread_area(&d));
	__asm__ volatile("movw %w1, %%fs\n\t"
			 "movl %%fs:0, %0"
			 : "=r"(v0)
			 : "r"(sel));
	T_EQX(v0, 0x55);
	d.entry_number = 1; /* not a TLS slot */
	T_ERR(set_thread_area(&d), EINVAL);
	T_ERR(set_thread_area((void *)0xC0000000), EFAULT);
}

static void ioctl_not_tty(void)
{
	struct termios t;
	struct winsize ws;
	int p[2], n = -1;

	T_OK(pipe(p));
	T_ERR(ioctl(p[0], TCGETS, &t), ENOTTY);
	T_ERR(ioctl(p[0], TIOCGWINSZ, &ws), ENOTTY);
	T_ERR(tcgetattr(p[1], &t), ENOTTY);
	T_EQ(isatty(p[0]), 0);
	T_EQ(errno, ENOTTY);
	T_EQ(write(p[1], "abc", 3), 3);
	T_OK(ioctl(p[0], FIONREAD, &n));
	T_EQ(n, 3);
	t_write_file("f", "12345", 5);
	int fd = T_OK(open("f", O_RDONLY));
	T_ERR(ioctl(fd, TCGETS, &t), ENOTTY);
	T_OK(ioctl(fd, FIONREAD, &n));
	T_EQ(n, 5);
	int null = T_OK(open("/dev/null", O_RDWR));
	T_ERR(ioctl(null, TCGETS, &t), ENOTTY);
	T_ERR(ioctl(99, TCGETS, &t), EBADF);
	T_ERR(ioctl(p[0], 0x12345678, &t), ENOTTY); /* unknown request */
}

/* on this OS init's fd 0 is the console; on the host it usually is not a tty */
static void console_tty(void)
{
	struct termios t, t2;
	struct winsize ws;
	pid_t pgrp;

	if (tcgetattr(0, &t) < 0) {
		T_EQ(errno, ENOTTY);
		return;
	}
	T_EQ(isatty(0), 1);
	T_OK(ioctl(0, TIOCGWINSZ, &ws));
	/* only for a controlling terminal, which init's console may not be */
	if (ioctl(0, TIOCGPGRP, &pgrp) == 0)
		T_TRUE(pgrp > 0);
	else
		T_EQ(errno, ENOTTY);
	/* a round trip through TCSETS changes nothing */
	T_OK(tcsetattr(0, TCSANOW, &t));
	T_OK(tcgetattr(0, &t2));
	T_EQ(t2.c_lflag, t.c_lflag);
	T_EQ(t2.c_iflag, t.c_iflag);
	T_MEMEQ(t2.c_cc, t.c_cc, NCCS);
}

static void reboot_needs_magic(void)
{
	/* never the right magic: that would reboot */
	T_ERR(syscall(SYS_reboot, 0x12345678, LINUX_REBOOT_MAGIC2, RB_POWER_OFF,
		      0),
	      EINVAL);
	T_ERR(syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, 0x12345678, RB_POWER_OFF,
		      0),
	      EINVAL);
}

static void yield(void)
{
	for (int i = 0; i < 100; i++)
		T_OK(sched_yield());
}

#define PROC_SUPER_MAGIC 0x9fa0
#define PIPEFS_MAGIC 0x50495045

static void statfs_calls(void)
{
	struct statfs root, proc, pipefs;
	int p[2];

	T_OK(statfs("/", &root));
	T_TRUE(root.f_bsize > 0 && root.f_blocks > 0);
	T_TRUE(root.f_bfree <= root.f_blocks && root.f_bavail <= root.f_bfree);
	T_TRUE(root.f_files > 0 && root.f_ffree <= root.f_files);
	T_EQ(root.f_namelen, 255);
	T_OK(statfs("/proc", &proc));
	T_EQX(proc.f_type, PROC_SUPER_MAGIC);
	T_OK(pipe(p));
	T_OK(fstatfs(p[0], &pipefs));
	T_EQX(pipefs.f_type, PIPEFS_MAGIC);
	T_ERR(statfs("/nonexistent", &root), ENOENT);
	T_ERR(statfs("/", NULL), EFAULT);
	T_ERR(fstatfs(99, &root), EBADF);
	T_ERR(syscall(SYS_statfs64, "/", 80, &root), EINVAL); /* wrong size */
}

/* a megabyte written and synced is a megabyte less free */
static void statfs_counts_blocks(void)
{
	struct statfs before, after;
	static char chunk[65536];
	int fd = T_OK(open("big", O_CREAT | O_WRONLY, 0644));

	T_OK(fstatfs(fd, &before));
	for (int i = 0; i < 16; i++)
		T_EQ(write(fd, chunk, sizeof(chunk)), (long)sizeof(chunk));
	T_OK(fsync(fd));
	T_OK(fstatfs(fd, &after));
	T_TRUE((before.f_bfree - after.f_bfree) * before.f_bsize >= 512 * 1024);
	T_OK(close(fd));
}

static void kernel_log(void)
{
	char buf[256];
	int size = klogctl(10 /* SIZE_BUFFER */, NULL, 0);

	if (size < 0 && errno == EPERM && geteuid() != 0)
		return; /* a host that keeps its log from users */
	T_TRUE(size > 0);
	int n = T_OK(klogctl(3 /* READ_ALL */, buf, sizeof(buf)));
	T_TRUE(n > 0 && n <= (int)sizeof(buf));
	T_ERR(klogctl(3, (char *)1, 4096), EFAULT);
	T_ERR(klogctl(99, buf, 16), EINVAL);
}

static const struct t_case cases[] = {
    T(initial_stack),	   T(auxv),
    T(uname_fields),	   T(ids),
    T(getrandom_fills),	   T(sysinfo_fields),
    T(tid_address),	   T(thread_area),
    T(ioctl_not_tty),	   T(console_tty),
    T(reboot_needs_magic), T(yield),
    T(statfs_calls),	   T(statfs_counts_blocks),
    T(kernel_log),
};

int main(int argc, char **argv, char **envp)
{
	main_argc = argc;
	main_argv = argv;
	main_envp = envp;
	return t_main(argc, argv, cases, T_COUNT(cases), NULL);
}
