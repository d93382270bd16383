/* tests/unit/uapi_host.c - the host's side of test_uapi: the value of
 * every name kernel/uapi/ defines, and the layout of the structures it
 * defines, as the host's glibc and Linux headers give them (built -m32:
 * Linux i386).  Kept apart from the kernel/uapi headers, whose names
 * clash with these. */
#define _DEFAULT_SOURCE
#define _LARGEFILE64_SOURCE /* without _GNU_SOURCE: SIGSTKSZ stays a constant  \
			     */
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <linux/net.h>
#include <linux/reboot.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <sys/auxv.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/ucontext.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <asm/ldt.h>
#include <asm/termbits.h>

#include "uapi_test.h"

const struct uapi_value host_values[] = {
#include "uapi_names.h"
    {NULL, 0, 0},
};

#define M(type, field) offsetof(type, field), sizeof(((type *)0)->field)

const struct uapi_layout host_layouts[] = {
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
    {"dirent64.d_ino", M(struct dirent64, d_ino)},
    {"dirent64.d_off", M(struct dirent64, d_off)},
    {"dirent64.d_reclen", M(struct dirent64, d_reclen)},
    {"dirent64.d_type", M(struct dirent64, d_type)},
    {"dirent64.d_name", offsetof(struct dirent64, d_name), 1},
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
    {"statfs32", 0, sizeof(struct statfs)},
    {"statfs32.f_blocks", M(struct statfs, f_blocks)},
    {"statfs32.f_ffree", M(struct statfs, f_ffree)},
    {"statfs32.f_namelen", M(struct statfs, f_namelen)},
    {"statfs32.f_flags", M(struct statfs, f_flags)},
    {"utsname", 0, sizeof(struct utsname)},
    {"utsname.machine", M(struct utsname, machine)},
    {"utsname.domainname",
     M(struct utsname, __domainname)}, /* without _GNU_SOURCE */
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
    {"ucontext.uc_stack", M(ucontext_t, uc_stack)},
    {"ucontext.uc_mcontext", offsetof(ucontext_t, uc_mcontext), 0},
    {"ucontext.uc_sigmask", offsetof(ucontext_t, uc_sigmask), 0},
    {"user_desc", 0, sizeof(struct user_desc)},
    {"user_desc.base_addr", M(struct user_desc, base_addr)},
    {"user_desc.limit", M(struct user_desc, limit)},
    {NULL, 0, 0},
};
