/* unistd.h - the POSIX system interface: files, processes, ids. */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <bits/alltypes.h>
#include <kernel/uapi/fcntl.h> /* SEEK_*, R_OK..., AT_* */

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

extern char **environ;

/* getopt: see <getopt.h> */
extern char *optarg;
extern int optind, opterr, optopt;
int getopt(int argc, char *const argv[], const char *optstring);

ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
ssize_t pread(int fd, void *buf, size_t n, off_t offset);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t offset);
off_t lseek(int fd, off_t offset, int whence);
int close(int fd);
int dup(int fd);
int dup2(int fd, int newfd);
int dup3(int fd, int newfd, int flags);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);

int access(const char *path, int mode);
int faccessat(int dirfd, const char *path, int mode, int flags);
int chdir(const char *path);
int fchdir(int fd);
char *getcwd(char *buf, size_t size);
int link(const char *old, const char *new);
int symlink(const char *target, const char *linkpath);
ssize_t readlink(const char *restrict path, char *restrict buf, size_t size);
int unlink(const char *path);
int unlinkat(int dirfd, const char *path, int flags);
int rmdir(const char *path);
int truncate(const char *path, off_t length);
int ftruncate(int fd, off_t length);
int fsync(int fd);
int fdatasync(int fd);
void sync(void);
int isatty(int fd);

pid_t fork(void);
pid_t vfork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
/* the exec family (libc/process/exec.c): v takes an argv, l a list
 * ending in NULL, e an environment, p searches PATH */
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execvpe(const char *file, char *const argv[], char *const envp[]);
int execl(const char *path, const char *arg0, ...);
int execlp(const char *file, const char *arg0, ...);
int execle(const char *path, const char *arg0, ...);
_Noreturn void _exit(int status);
pid_t getpid(void);
pid_t getppid(void);
pid_t gettid(void);
int setpgid(pid_t pid, pid_t pgid);
pid_t getpgid(pid_t pid);
pid_t getpgrp(void);
pid_t setsid(void);
pid_t getsid(pid_t pid);
int pause(void);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);

unsigned sleep(unsigned seconds);
int usleep(useconds_t usec);

int gethostname(char *name, size_t len);
char *getlogin(void);
int getlogin_r(char *buf, size_t size);
char *ttyname(int fd);
int ttyname_r(int fd, char *buf, size_t size);

/* sysconf names (glibc's numbers) */
#define _SC_ARG_MAX 0
#define _SC_CHILD_MAX 1
#define _SC_CLK_TCK 2
#define _SC_NGROUPS_MAX 3
#define _SC_OPEN_MAX 4
#define _SC_JOB_CONTROL 7
#define _SC_SAVED_IDS 8
#define _SC_VERSION 29
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_LINE_MAX 43
#define _SC_IOV_MAX 60
#define _SC_LOGIN_NAME_MAX 71
#define _SC_TTY_NAME_MAX 72
#define _SC_NPROCESSORS_CONF 83
#define _SC_NPROCESSORS_ONLN 84
#define _SC_PHYS_PAGES 85
#define _SC_AVPHYS_PAGES 86
#define _SC_SYMLOOP_MAX 173
#define _SC_HOST_NAME_MAX 180

long sysconf(int name);
int getpagesize(void);

int brk(void *end);
void *sbrk(long increment);

/* A raw system call: syscall(SYS_xxx, args...) from <sys/syscall.h>;
 * -1 and errno on failure. */
long syscall(long number, ...);

/* Linux-specific */
struct user_desc; /* <asm/ldt.h> */
int set_thread_area(struct user_desc *desc);
pid_t set_tid_address(int *tidptr);

#endif
