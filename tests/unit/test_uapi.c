/* tests/unit/test_uapi.c - kernel/uapi/ against the host's Linux i386
 * definitions: every object-like macro the uapi headers define (errno
 * values, open flags, signals, ioctls, auxv types...) must have the
 * host's value, and the shared structures (struct stat64, linux_dirent64,
 * siginfo_t, sigcontext, termios...) the host's offsets and sizes.
 * uapi_names.h is generated from the headers in kernel/uapi by the
 * Makefile; the host's side is uapi_host.c and uapi_host_gnu.c,
 * compiled apart. */
#include "kernel/uapi/auxv.h"
#include "kernel/uapi/dirent.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/fcntl.h"
#include "kernel/uapi/futex.h"
#include "kernel/uapi/in.h"
#include "kernel/uapi/net.h"
#include "kernel/uapi/ldt.h"
#include "kernel/uapi/mman.h"
#include "kernel/uapi/poll.h"
#include "kernel/uapi/random.h"
#include "kernel/uapi/reboot.h"
#include "kernel/uapi/sched.h"
#include "kernel/uapi/signal.h"
#include "kernel/uapi/socket.h"
#include "kernel/uapi/stat.h"
#include "kernel/uapi/statfs.h"
#include "kernel/uapi/tcp.h"
#include "kernel/uapi/sysinfo.h"
#include "kernel/uapi/termios.h"
#include "kernel/uapi/time.h"
#include "kernel/uapi/uio.h"
#include "kernel/uapi/utsname.h"
#include "kernel/uapi/wait.h"

#include "tests/unit/uapi_test.h"
#include "tests/unit/unit.h"

static const struct uapi_value uapi_values[] = {
#include "uapi_names.h"
    {NULL, 0, 0},
};

/* Names of our own (not in the host's headers), and those that differ
 * on purpose, with the reason. */
static const char *const not_on_host[] = {
    "SIGRTMIN_KERNEL", /* glibc's SIGRTMIN is a function of reserved signals */
    "_NSIG",	       /* glibc's _NSIG is the kernel's plus one */
    "SA_RESTORER", /* glibc keeps it private (Linux's asm/signal.h: 0x04000000)
		    */
    /* the kernel's own restart codes (Linux's include/linux/errno.h):
     * never returned to a program */
    "ERESTARTSYS",
    "ERESTARTNOINTR",
    "ERESTARTNOHAND",
    "ERESTART_RESTARTBLOCK",
    "_NSIG_WORDS",
    "MMAP2_SHIFT",
    "UTSNAME_LENGTH",
    "W_CONTINUED",
    NULL,
};

#define M(type, field) offsetof(type, field), sizeof(((type *)0)->field)

static const struct uapi_layout uapi_layouts[] = {
    {"stat64", 0, sizeof(struct stat64)},
    {"stat64.st_dev", M(struct stat64, st_dev)},
    {"stat64.__st_ino", M(struct stat64, __st_ino)},
    {"stat64.st_mode", M(struct stat64, st_mode)},
    {"stat64.st_nlink", M(struct stat64, st_nlink)},
    {"stat64.st_uid", M(struct stat64, st_uid)},
    {"stat64.st_gid", M(struct stat64, st_gid)},
    {"stat64.st_rdev", M(struct stat64, st_rdev)},
    {"stat64.st_size", M(struct stat64, st_size)},
    {"stat64.st_blksize", M(struct stat64, st_blksize)},
    {"stat64.st_blocks", M(struct stat64, st_blocks)},
    {"stat64.st_atim", M(struct stat64, st_atim)},
    {"stat64.st_mtim", M(struct stat64, st_mtim)},
    {"stat64.st_ctim", M(struct stat64, st_ctim)},
    {"stat64.st_ino", M(struct stat64, st_ino)},
    {"dirent64.d_ino", M(struct linux_dirent64, d_ino)},
    {"dirent64.d_off", M(struct linux_dirent64, d_off)},
    {"dirent64.d_reclen", M(struct linux_dirent64, d_reclen)},
    {"dirent64.d_type", M(struct linux_dirent64, d_type)},
    {"dirent64.d_name", offsetof(struct linux_dirent64, d_name), 1},
    {"timespec", 0, sizeof(struct timespec)},
    {"timespec.tv_nsec", M(struct timespec, tv_nsec)},
    {"timeval", 0, sizeof(struct timeval)},
    {"timeval.tv_usec", M(struct timeval, tv_usec)},
    {"pollfd", 0, sizeof(struct pollfd)},
    {"pollfd.events", M(struct pollfd, events)},
    {"pollfd.revents", M(struct pollfd, revents)},
    {"statfs64", 0, sizeof(struct statfs64)},
    {"statfs64.f_bsize", M(struct statfs64, f_bsize)},
    {"statfs64.f_blocks", M(struct statfs64, f_blocks)},
    {"statfs64.f_bfree", M(struct statfs64, f_bfree)},
    {"statfs64.f_bavail", M(struct statfs64, f_bavail)},
    {"statfs64.f_files", M(struct statfs64, f_files)},
    {"statfs64.f_ffree", M(struct statfs64, f_ffree)},
    {"statfs64.f_fsid", M(struct statfs64, f_fsid)},
    {"statfs64.f_namelen", M(struct statfs64, f_namelen)},
    {"statfs64.f_frsize", M(struct statfs64, f_frsize)},
    {"statfs64.f_flags", M(struct statfs64, f_flags)},
    {"statfs32", 0, sizeof(struct statfs32)},
    {"statfs32.f_blocks", M(struct statfs32, f_blocks)},
    {"statfs32.f_ffree", M(struct statfs32, f_ffree)},
    {"statfs32.f_namelen", M(struct statfs32, f_namelen)},
    {"statfs32.f_flags", M(struct statfs32, f_flags)},
    {"utsname", 0, sizeof(struct utsname)},
    {"utsname.machine", M(struct utsname, machine)},
    {"utsname.domainname", M(struct utsname, domainname)},
    {"sysinfo", 0, sizeof(struct sysinfo)},
    {"sysinfo.loads", M(struct sysinfo, loads)},
    {"sysinfo.freeswap", M(struct sysinfo, freeswap)},
    {"sysinfo.procs", M(struct sysinfo, procs)},
    {"sysinfo.totalhigh", M(struct sysinfo, totalhigh)},
    {"sysinfo.mem_unit", M(struct sysinfo, mem_unit)},
    {"termios", 0, sizeof(struct termios)},
    {"termios.c_lflag", M(struct termios, c_lflag)},
    {"termios.c_line", M(struct termios, c_line)},
    {"termios.c_cc", M(struct termios, c_cc)},
    {"winsize", 0, sizeof(struct winsize)},
    {"winsize.ws_col", M(struct winsize, ws_col)},
    {"iovec", 0, sizeof(struct iovec)},
    {"iovec.iov_len", M(struct iovec, iov_len)},
    {"sockaddr", 0, sizeof(struct sockaddr)},
    {"sockaddr.sa_data", M(struct sockaddr, sa_data)},
    {"sockaddr_storage", 0, sizeof(struct sockaddr_storage)},
    {"sockaddr_in", 0, sizeof(struct sockaddr_in)},
    {"sockaddr_in.sin_port", M(struct sockaddr_in, sin_port)},
    {"sockaddr_in.sin_addr", M(struct sockaddr_in, sin_addr)},
    {"msghdr", 0, sizeof(struct msghdr)},
    {"msghdr.msg_namelen", M(struct msghdr, msg_namelen)},
    {"msghdr.msg_iov", M(struct msghdr, msg_iov)},
    {"msghdr.msg_iovlen", M(struct msghdr, msg_iovlen)},
    {"msghdr.msg_control", M(struct msghdr, msg_control)},
    {"msghdr.msg_controllen", M(struct msghdr, msg_controllen)},
    {"msghdr.msg_flags", M(struct msghdr, msg_flags)},
    {"cmsghdr", 0, sizeof(struct cmsghdr)},
    {"cmsghdr.cmsg_level", M(struct cmsghdr, cmsg_level)},
    {"cmsghdr.cmsg_type", M(struct cmsghdr, cmsg_type)},
    {"linger", 0, sizeof(struct linger)},
    {"stack_t", 0, sizeof(stack_t)},
    {"stack_t.ss_flags", M(stack_t, ss_flags)},
    {"stack_t.ss_size", M(stack_t, ss_size)},
    {"siginfo_t", 0, sizeof(siginfo_t)},
    {"siginfo_t.si_code", M(siginfo_t, si_code)},
    {"siginfo_t.si_pid", M(siginfo_t, si_pid)},
    {"siginfo_t.si_uid", M(siginfo_t, si_uid)},
    {"siginfo_t.si_status", M(siginfo_t, si_status)},
    {"siginfo_t.si_utime", M(siginfo_t, si_utime)},
    {"siginfo_t.si_addr", M(siginfo_t, si_addr)},
    {"sigcontext", 0, sizeof(struct sigcontext)},
    {"sigcontext.gs", M(struct sigcontext, gs)},
    {"sigcontext.ds", M(struct sigcontext, ds)},
    {"sigcontext.edi", M(struct sigcontext, edi)},
    {"sigcontext.esp", M(struct sigcontext, esp)},
    {"sigcontext.eax", M(struct sigcontext, eax)},
    {"sigcontext.trapno", M(struct sigcontext, trapno)},
    {"sigcontext.eip", M(struct sigcontext, eip)},
    {"sigcontext.cs", M(struct sigcontext, cs)},
    {"sigcontext.eflags", M(struct sigcontext, eflags)},
    {"sigcontext.esp_at_signal", M(struct sigcontext, esp_at_signal)},
    {"sigcontext.ss", M(struct sigcontext, ss)},
    {"sigcontext.fpstate", M(struct sigcontext, fpstate)},
    {"sigcontext.oldmask", M(struct sigcontext, oldmask)},
    {"sigcontext.cr2", M(struct sigcontext, cr2)},
    {"ucontext.uc_stack", M(struct ucontext, uc_stack)},
    {"ucontext.uc_mcontext", offsetof(struct ucontext, uc_mcontext), 0},
    {"ucontext.uc_sigmask", offsetof(struct ucontext, uc_sigmask), 0},
    {"user_desc", 0, sizeof(struct user_desc)},
    {"user_desc.base_addr", M(struct user_desc, base_addr)},
    {"user_desc.limit", M(struct user_desc, limit)},
    {NULL, 0, 0},
};

static int listed(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (!strcmp(*list, name))
			return 1;
	return 0;
}

/* appends "what" to the list of problems in buf */
static void note(char *buf, size_t size, int *n, const char *what)
{
	size_t len = strlen(buf);

	if (len + 4 < size)
		snprintf(buf + len, size - len, "%s%s", (*n)++ ? "; " : "",
			 what);
}

TEST(values_match_the_host)
{
	char bad[400] = "", what[128];
	int n = 0;

	for (const struct uapi_value *u = uapi_values; u->name; u++) {
		const struct uapi_value *h = host_values + (u - uapi_values);

		if (!h->defined)
			h = host_gnu_values + (u - uapi_values);

		if (listed(not_on_host, u->name))
			continue;
		if (!h->defined)
			snprintf(what, sizeof(what), "%s not on the host",
				 u->name);
		else if (h->value != u->value)
			snprintf(what, sizeof(what),
				 "%s is 0x%lx, the host's 0x%lx", u->name,
				 u->value, h->value);
		else
			continue;
		note(bad, sizeof(bad), &n, what);
	}
	if (n)
		UNIT_FAIL("%d differ: %s", n, bad);
}

TEST(every_value_checked)
{
	int n = 0;

	for (const struct uapi_value *u = uapi_values; u->name; u++, n++)
		EXPECT(u->defined);
	EXPECT(n > 300);
}

TEST(layouts_match_the_host)
{
	const struct uapi_layout *h = host_layouts;

	for (const struct uapi_layout *u = uapi_layouts; u->name; u++, h++) {
		if (!h->name || strcmp(h->name, u->name)) {
			UNIT_FAIL("the tables differ at %s", u->name);
			return;
		}
		if (h->offset != u->offset || h->size != u->size)
			UNIT_FAIL("%s: offset %zu size %zu, the host says "
				  "offset %zu size %zu",
				  u->name, u->offset, u->size, h->offset,
				  h->size);
	}
	EXPECT(h->name == NULL);
}

UNIT_MAIN(CASE(values_match_the_host), CASE(every_value_checked),
	  CASE(layouts_match_the_host))
