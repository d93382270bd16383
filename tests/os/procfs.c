/* tests/os/procfs.c - /proc as ps, free and df read it: /proc/self,
 * /proc/PID/stat (Linux's 52 fields), status, cmdline, exe, io (the
 * read and write counts read4 shows), the process directories in a
 * listing, and a zombie's state.
 */
#include <stdbool.h>
#include <sys/uio.h>

#include "t.h"

static char *read_text(const char *path, char *buf, size_t size, long *len)
{
	int fd = open(path, O_RDONLY);
	long n, got = 0;

	if (fd < 0)
		T_FAIL("open %s: %s", path, t_errname(errno));
	while ((n = read(fd, buf + got, size - 1 - got)) > 0)
		got += n;
	T_EQ(n, 0);
	close(fd);
	buf[got] = 0;
	if (len)
		*len = got;
	return buf;
}

static void self_link(void)
{
	char link[32], want[32];
	long n = readlink("/proc/self", link, sizeof(link) - 1);

	T_TRUE(n > 0);
	link[n] = 0;
	snprintf(want, sizeof(want), "%d", getpid());
	T_STREQ(link, want);
}

/* comm is the program file's name, cut to 15 characters */
static void want_comm(char *comm, size_t size)
{
	const char *base = strrchr(t_self, '/') ? strrchr(t_self, '/') + 1 : t_self;

	snprintf(comm, size, "%.15s", base);
}

static void stat_fields(void)
{
	char buf[1024], comm[32], want[64];
	int fields = 2; /* pid and (comm), then one space before each */

	read_text("/proc/self/stat", buf, sizeof(buf), NULL);
	want_comm(comm, sizeof(comm));
	snprintf(want, sizeof(want), "%d (%s) R %d %d %d ", getpid(), comm,
		 getppid(), getpgrp(), getsid(0));
	T_TRUE(!strncmp(buf, want, strlen(want)));
	for (char *s = strrchr(buf, ')'); *s; s++)
		fields += *s == ' ';
	T_EQ(fields, 52);
	T_EQ(buf[strlen(buf) - 1], '\n');
}

static void status_lines(void)
{
	char buf[2048], comm[32], line[64];

	read_text("/proc/self/status", buf, sizeof(buf), NULL);
	want_comm(comm, sizeof(comm));
	snprintf(line, sizeof(line), "Name:\t%s\n", comm);
	T_TRUE(!strncmp(buf, line, strlen(line)));
	snprintf(line, sizeof(line), "\nPid:\t%d\n", getpid());
	T_TRUE(strstr(buf, line) != NULL);
	snprintf(line, sizeof(line), "\nPPid:\t%d\n", getppid());
	T_TRUE(strstr(buf, line) != NULL);
	T_TRUE(strstr(buf, "\nState:\tR (running)\n") != NULL);
	T_TRUE(strstr(buf, "\nVmSize:") != NULL);
}

static void cmdline_of_child(void)
{
	char buf[256], path[64];
	long len;
	int p[2], st;
	char c;

	T_OK(pipe(p));
	T_OK(fcntl(p[1], F_SETFD, FD_CLOEXEC)); /* EOF once the child execs */
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		execve(t_self, (char *[]){ (char *)t_self, "--helper", "wait", "x y", NULL },
		       environ);
		_exit(127);
	}
	close(p[1]);
	T_EQ(read(p[0], &c, 1), 0);
	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	read_text(path, buf, sizeof(buf), &len);
	T_EQ(len, (long)strlen(t_self) + 1 + 9 + 5 + 4);
	T_STREQ(buf, t_self);
	T_TRUE(!memcmp(buf + strlen(t_self) + 1, "--helper\0wait\0x y\0", 18));
	kill(pid, SIGKILL);
	T_EQ(waitpid(pid, &st, 0), pid);
}

static void exe_link(void)
{
	char link[512], want[512];
	long n = readlink("/proc/self/exe", link, sizeof(link) - 1);

	T_TRUE(n > 0);
	link[n] = 0;
	T_TRUE(t_self[0] == '/'); /* both harnesses run it by its absolute path */
	snprintf(want, sizeof(want), "%s", t_self);
	T_STREQ(link, want);
}

struct io {
	long long rchar, wchar, syscr, syscw;
	long size; /* of the text: what reading it added to rchar */
};

static long long io_field(const char *text, const char *name)
{
	const char *line = strstr(text, name);

	if (!line)
		T_FAIL("no %s in /proc/self/io:\n%s", name, text);
	return strtoll(line + strlen(name), NULL, 10);
}

/* /proc/self/io, read with one read(2) */
static struct io read_io(void)
{
	char buf[512];
	struct io io;
	int fd = T_OK(open("/proc/self/io", O_RDONLY));

	io.size = T_OK(read(fd, buf, sizeof(buf) - 1));
	close(fd);
	buf[io.size] = 0;
	io.rchar = io_field(buf, "rchar: ");
	io.wchar = io_field(buf, "wchar: ");
	io.syscr = io_field(buf, "syscr: ");
	io.syscw = io_field(buf, "syscw: ");
	T_TRUE(strstr(buf, "read_bytes: ") && strstr(buf, "cancelled_write_bytes: "));
	return io;
}

/* each read and write system call counts once, with the bytes it moved;
 * calls that never reach a file do not count */
static void io_counts(void)
{
	char buf[16];
	int p[2];
	struct iovec iov[2] = { { buf, 3 }, { buf + 3, 4 } };
	struct io before, after;

	T_OK(pipe(p));
	before = read_io();
	T_EQ(write(p[1], "0123456789abc", 13), 13);
	T_EQ(write(p[1], "", 0), 0);
	T_EQ(read(p[0], buf, 4), 4);
	T_EQ(readv(p[0], iov, 2), 7);
	T_EQ(pread(p[0], buf, 1, 0), -1); /* a pipe: ESPIPE */
	T_ERR(read(-1, buf, 1), EBADF);
	T_ERR(write(-1, buf, 1), EBADF);
	after = read_io();
	/* the first read of /proc/self/io counts in the second; pread on a
	 * pipe, like a bad descriptor, never reaches the file */
	T_EQ(after.syscr - before.syscr, 1 + 2);
	T_EQ(after.rchar - before.rchar, before.size + 4 + 7);
	T_EQ(after.syscw - before.syscw, 2);
	T_EQ(after.wchar - before.wchar, 13);
	close(p[0]);
	close(p[1]);
}

static bool listed(const char *dir, const char *name)
{
	char buf[4096];
	long n;
	bool found = false;
	int fd = T_OK(open(dir, O_RDONLY | O_DIRECTORY));

	while ((n = getdents64(fd, buf, sizeof(buf))) > 0)
		for (long off = 0; off < n; off += ((struct dirent *)(buf + off))->d_reclen)
			found |= !strcmp(((struct dirent *)(buf + off))->d_name, name);
	T_EQ(n, 0);
	close(fd);
	return found;
}

static void listing(void)
{
	char me[16];

	snprintf(me, sizeof(me), "%d", getpid());
	T_TRUE(listed("/proc", "self"));
	T_TRUE(listed("/proc", me));
	T_TRUE(listed("/proc", "meminfo"));
	T_TRUE(listed("/proc/self", "stat"));
	T_TRUE(listed("/proc/self", "cmdline"));
	T_TRUE(listed("/proc/self", "status"));
	T_TRUE(listed("/proc/self", "exe"));
	T_TRUE(listed("/proc/self", "io"));
}

/* a zombie is Z until reaped; then its directory is gone */
static void zombie_and_gone(void)
{
	char path[64], buf[1024];
	int st;
	struct stat sb;
	pid_t pid = fork();

	if (pid == 0)
		_exit(3);
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	for (int i = 0; i < 200; i++) {
		read_text(path, buf, sizeof(buf), NULL);
		if (strchr(buf, ')')[2] == 'Z')
			break;
		t_sleep_ms(10);
	}
	T_EQ(strchr(buf, ')')[2], 'Z');
	T_EQ(waitpid(pid, &st, 0), pid);
	T_ERR(stat(path, &sb), ENOENT);
	snprintf(path, sizeof(path), "/proc/%d", pid);
	T_ERR(stat(path, &sb), ENOENT);
	T_ERR(stat("/proc/0", &sb), ENOENT);
	T_ERR(stat("/proc/self/nothing", &sb), ENOENT);
}

static int helper(int argc, char **argv)
{
	(void)argc, (void)argv;
	for (;;)
		t_sleep_ms(1000);
	return 0;
}

static const struct t_case cases[] = {
	T(self_link),
	T(stat_fields),
	T(status_lines),
	T(cmdline_of_child),
	T(exe_link),
	T(io_counts),
	T(listing),
	T(zombie_and_gone),
};

T_MAIN(cases, helper)
