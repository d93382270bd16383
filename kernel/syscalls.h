/* kernel/syscalls.h - the system calls the kernel implements: one line
 * each, Linux i386's number and the name (the handler is sys_NAME).
 *
 * This list is the single source of the numbers: kernel/syscall.c builds
 * the dispatch table from it, and tests/unit/test_syscall_table.c checks
 * every number against the host's <asm/unistd_32.h>.  Numbers not listed
 * return -ENOSYS.
 */
#ifndef KERNEL_SYSCALLS_H
#define KERNEL_SYSCALLS_H

#define SYSCALLS(X)                                                      \
	X(1, exit) X(2, fork) X(3, read) X(4, write) X(5, open)          \
	X(6, close) X(7, waitpid) X(8, creat) X(9, link) X(10, unlink)   \
	X(11, execve) X(12, chdir) X(13, time) X(14, mknod) X(15, chmod) X(19, lseek)              \
	X(20, getpid) X(24, getuid) X(29, pause) X(33, access) X(36, sync) X(37, kill)              \
	X(38, rename) X(39, mkdir) X(40, rmdir) X(41, dup) X(42, pipe)    \
	X(45, brk) X(47, getgid) X(49, geteuid) X(50, getegid) X(54, ioctl) X(55, fcntl) X(57, setpgid) X(60, umask)              \
	X(63, dup2) X(64, getppid) X(65, getpgrp) X(66, setsid)          \
	X(78, gettimeofday) X(83, symlink) X(85, readlink) X(88, reboot)  \
	X(90, mmap) X(91, munmap) X(92, truncate) X(93, ftruncate) X(94, fchmod) X(99, statfs) X(100, fstatfs) X(102, socketcall) X(103, syslog)       \
	X(114, wait4) X(116, sysinfo) X(118, fsync) X(119, sigreturn) X(120, clone) X(122, uname)        \
	X(125, mprotect) X(132, getpgid) X(133, fchdir) X(140, _llseek) X(141, getdents) X(142, _newselect)  \
	X(145, readv) X(146, writev) X(147, getsid) X(148, fdatasync) X(158, sched_yield) X(162, nanosleep) X(168, poll) X(173, rt_sigreturn) X(174, rt_sigaction) X(175, rt_sigprocmask) X(176, rt_sigpending) X(177, rt_sigtimedwait) X(179, rt_sigsuspend) \
	X(180, pread64)      \
	X(181, pwrite64) X(183, getcwd) X(186, sigaltstack) X(190, vfork) X(191, ugetrlimit) \
	X(192, mmap2) X(193, truncate64) X(194, ftruncate64)            \
	X(195, stat64) X(196, lstat64) X(197, fstat64) X(199, getuid32)  \
	X(200, getgid32) X(201, geteuid32) X(202, getegid32)             \
	X(220, getdents64) X(221, fcntl64) X(224, gettid) X(238, tkill) X(240, futex)  \
	X(243, set_thread_area) X(252, exit_group)                       \
	X(258, set_tid_address) X(265, clock_gettime)                    \
	X(266, clock_getres) X(267, clock_nanosleep) X(268, statfs64) X(269, fstatfs64) X(270, tgkill) X(295, openat)               \
	X(296, mkdirat) X(297, mknodat) X(300, fstatat64) X(301, unlinkat) X(306, fchmodat) X(307, faccessat) X(308, pselect6) X(309, ppoll) X(320, utimensat) \
	X(330, dup3) X(331, pipe2) X(337, recvmmsg) X(340, prlimit64) X(345, sendmmsg) \
	X(355, getrandom) X(359, socket) X(360, socketpair) X(361, bind)   \
	X(362, connect) X(363, listen) X(364, accept4) X(365, getsockopt) \
	X(366, setsockopt) X(367, getsockname) X(368, getpeername)       \
	X(369, sendto) X(370, sendmsg) X(371, recvfrom) X(372, recvmsg)  \
	X(373, shutdown)

#endif
