/* tests/os/fds.c - file descriptors and open file descriptions: dup, dup2,
 * dup3, fcntl F_DUPFD/F_DUPFD_CLOEXEC/F_GETFD/F_SETFD/F_GETFL/F_SETFL,
 * close-on-exec across execve, offsets and flags shared by dup and fork,
 * closing twice, closing stdin/stdout, running out of descriptors.
 */
#include <sys/syscall.h>

#include "t.h"

static int open_file(const char *data)
{
	t_write_file("f", data, strlen(data));
	return T_OK(open("f", O_RDWR));
}

static unsigned long long ino_of(int fd)
{
	struct stat st;

	T_OK(fstat(fd, &st));
	return st.st_ino;
}

static void dup_basics(void)
{
	char buf[4];
	int fd = open_file("0123456789");
	int d = T_OK(dup(fd));

	T_EQ(d, fd + 1); /* the lowest free descriptor */
	T_EQ(ino_of(d), ino_of(fd));
	T_EQ(read(fd, buf, 3), 3);
	T_EQ(lseek(d, 0, SEEK_CUR), 3); /* one description, one offset */
	T_EQ(read(d, buf, 2), 2);
	T_MEMEQ(buf, "34", 2);
	T_EQ(lseek(fd, 0, SEEK_CUR), 5);
	/* status flags live in the description too */
	T_OK(fcntl(fd, F_SETFL, O_APPEND));
	T_TRUE(fcntl(d, F_GETFL) & O_APPEND);
	/* the close-on-exec flag belongs to the descriptor */
	T_OK(fcntl(fd, F_SETFD, FD_CLOEXEC));
	int d2 = T_OK(dup(fd));
	T_EQ(fcntl(d2, F_GETFD), 0);
	/* closing one leaves the other working */
	T_OK(close(fd));
	T_EQ(lseek(d, 0, SEEK_SET), 0);
	T_EQ(read(d, buf, 1), 1);
	T_ERR(dup(99), EBADF);
	T_ERR(dup(-1), EBADF);
}

static void dup2_calls(void)
{
	char buf[4];
	int fd = open_file("abc");
	t_write_file("g", "xyz", 3);
	int other = T_OK(open("g", O_RDONLY));

	T_EQ(dup2(fd, 10), 10);
	T_EQ(ino_of(10), ino_of(fd));
	T_EQ(read(10, buf, 1), 1);
	T_EQ(lseek(fd, 0, SEEK_CUR), 1);
	/* onto an open descriptor: that one is closed first */
	T_EQ(dup2(fd, other), other);
	T_EQ(ino_of(other), ino_of(fd));
	T_EQ(read(other, buf, 2), 2);
	T_MEMEQ(buf, "bc", 2);
	/* onto itself: nothing happens, but the fd must be open */
	T_OK(fcntl(fd, F_SETFD, FD_CLOEXEC));
	T_EQ(dup2(fd, fd), fd);
	T_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	T_ERR(dup2(99, 99), EBADF);
	T_ERR(dup2(99, 5), EBADF);
	T_ERR(dup2(fd, -1), EBADF);
	T_ERR(dup2(fd, 1 << 20), EBADF);
	/* the new descriptor does not inherit close-on-exec */
	T_EQ(dup2(fd, 12), 12);
	T_EQ(fcntl(12, F_GETFD), 0);
}

static void dup3_calls(void)
{
	int fd = open_file("abc");

	T_ERR(dup3(fd, fd, 0), EINVAL);
	T_EQ(dup3(fd, 10, O_CLOEXEC), 10);
	T_EQ(fcntl(10, F_GETFD), FD_CLOEXEC);
	T_EQ(dup3(fd, 11, 0), 11);
	T_EQ(fcntl(11, F_GETFD), 0);
	T_ERR(dup3(fd, 12, O_NONBLOCK), EINVAL);
	T_ERR(dup3(fd, 12, 0x40000000), EINVAL);
	T_ERR(dup3(99, 12, 0), EBADF);
	T_ERR(dup3(fd, -1, 0), EBADF);
}

static void fcntl_dupfd(void)
{
	int fd = open_file("abc");

	T_EQ(fcntl(fd, F_DUPFD, 10), 10);
	T_EQ(fcntl(fd, F_DUPFD, 10), 11);
	T_EQ(fcntl(fd, F_GETFD), 0);
	T_EQ(fcntl(fd, F_DUPFD_CLOEXEC, 10), 12);
	T_EQ(fcntl(12, F_GETFD), FD_CLOEXEC);
	T_EQ(fcntl(11, F_GETFD), 0);
	T_EQ(fcntl(fd, F_DUPFD, 0), fd + 1); /* the lowest free at or above */
	T_OK(close(10));
	T_EQ(fcntl(fd, F_DUPFD, 5), 5);
	T_EQ(fcntl(fd, F_DUPFD, 9), 9);
	T_EQ(fcntl(fd, F_DUPFD, 9), 10);
	T_ERR(fcntl(fd, F_DUPFD, -1), EINVAL);
	T_ERR(fcntl(fd, F_DUPFD, 1 << 20), EINVAL);
	T_ERR(fcntl(99, F_DUPFD, 0), EBADF);
	T_EQ(ino_of(12), ino_of(fd));
}

static void fcntl_fd_flags(void)
{
	int fd = open_file("abc");

	T_EQ(fcntl(fd, F_GETFD), 0);
	T_EQ(fcntl(fd, F_SETFD, FD_CLOEXEC), 0);
	T_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	T_EQ(fcntl(fd, F_SETFD, 0), 0);
	T_EQ(fcntl(fd, F_GETFD), 0);
	T_EQ(fcntl(fd, F_SETFD, 3), 0); /* only FD_CLOEXEC is kept */
	T_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	int c = T_OK(open("f", O_RDONLY | O_CLOEXEC));
	T_EQ(fcntl(c, F_GETFD), FD_CLOEXEC);
	T_TRUE(!(fcntl(c, F_GETFL) & O_CLOEXEC)); /* not a status flag */
	T_ERR(fcntl(99, F_GETFD), EBADF);
	T_ERR(fcntl(99, F_SETFD, 0), EBADF);
}

static void fcntl_status_flags(void)
{
	int fd = open_file("abc");
	int ro = T_OK(open("f", O_RDONLY));

	T_EQ(fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK), O_RDWR);
	T_OK(fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK));
	T_EQ(fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK),
	     O_RDWR | O_APPEND | O_NONBLOCK);
	T_OK(fcntl(fd, F_SETFL, 0));
	T_EQ(fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK), O_RDWR);
	/* the access mode and the open-time flags cannot be changed */
	T_OK(fcntl(ro, F_SETFL, O_RDWR | O_CREAT | O_TRUNC | O_EXCL));
	T_EQ(fcntl(ro, F_GETFL) & (O_ACCMODE | O_CREAT | O_TRUNC | O_EXCL),
	     O_RDONLY);
	T_ERR(write(ro, "x", 1), EBADF);
	struct stat st;
	T_OK(stat("f", &st));
	T_EQ(st.st_size, 3);
	/* O_APPEND set later takes effect on the next write */
	T_OK(fcntl(fd, F_SETFL, O_APPEND));
	T_EQ(write(fd, "d", 1), 1);
	T_EQ(lseek(fd, 0, SEEK_CUR), 4);
}

static void fcntl_bad(void)
{
	int fd = open_file("abc");

	T_ERR(fcntl(fd, 9999), EINVAL);
	T_ERR(fcntl(fd, -1), EINVAL);
	T_ERR(fcntl(99, F_GETFL), EBADF);
	T_ERR(fcntl(-1, F_GETFL), EBADF);
	/* fcntl (55) and fcntl64 (221) agree on the common commands */
	T_EQ(syscall(SYS_fcntl, fd, F_GETFD), 0);
	T_EQ(syscall(SYS_fcntl, fd, F_DUPFD, 20), 20);
}

/* --helper cloexec A B: A must be closed, B open on a file holding "abc" */
static int helper_cloexec(char **argv)
{
	char buf[4];
	int a = atoi(argv[1]), b = atoi(argv[2]);

	if (fcntl(a, F_GETFD) != -1 || errno != EBADF)
		return 1;
	if (fcntl(b, F_GETFD) != 0)
		return 2;
	if (lseek(b, 0, SEEK_CUR) != 1)
		return 3;
	if (read(b, buf, 4) != 2 || memcmp(buf, "bc", 2))
		return 4;
	if (fcntl(T_REPORT_FD, F_GETFD) != -1)
		return 5;
	return 42;
}

static void cloexec_across_execve(void)
{
	char sa[16], sb[16], buf[1];
	int a = open_file("abc");
	int b = T_OK(open("f", O_RDONLY));
	int c = T_OK(open("f", O_RDONLY | O_CLOEXEC));

	T_OK(fcntl(a, F_SETFD, FD_CLOEXEC));
	T_EQ(read(b, buf, 1), 1);
	snprintf(sa, sizeof(sa), "%d", a);
	snprintf(sb, sizeof(sb), "%d", b);
	char *argv[] = {(char *)t_self, "--helper", "cloexec", sa, sb, NULL};
	pid_t pid = t_fork();
	if (pid == 0) {
		execve(t_self, argv, environ);
		_exit(99);
	}
	T_EXITED(t_wait(pid), 42);
	/* and c (O_CLOEXEC) is closed in the new image the same way */
	snprintf(sa, sizeof(sa), "%d", c);
	T_EQ(lseek(b, 1, SEEK_SET), 1);
	pid = t_fork();
	if (pid == 0) {
		execve(t_self, argv, environ);
		_exit(99);
	}
	T_EXITED(t_wait(pid), 42);
	/* the parent's descriptors are unaffected */
	T_EQ(fcntl(a, F_GETFD), FD_CLOEXEC);
	T_EQ(fcntl(c, F_GETFD), FD_CLOEXEC);
}

static void fork_shares_offset(void)
{
	char buf[8];
	int fd = open_file("");

	pid_t pid = t_fork();
	if (pid == 0) {
		T_EQ(write(fd, "abc", 3), 3);
		T_OK(fcntl(fd, F_SETFL, O_APPEND));
		T_OK(fcntl(fd, F_SETFD, FD_CLOEXEC));
		_exit(0);
	}
	T_EXITED(t_wait(pid), 0);
	T_EQ(lseek(fd, 0, SEEK_CUR), 3);
	T_TRUE(fcntl(fd, F_GETFL) & O_APPEND); /* shared description */
	T_EQ(fcntl(fd, F_GETFD), 0);	       /* but not the descriptor flag */
	T_EQ(write(fd, "de", 2), 2);
	T_EQ(pread(fd, buf, 8, 0), 5);
	T_MEMEQ(buf, "abcde", 5);
	/* the child's own close does not close the parent's */
	pid = t_fork();
	if (pid == 0) {
		T_OK(close(fd));
		_exit(0);
	}
	T_EXITED(t_wait(pid), 0);
	T_EQ(lseek(fd, 0, SEEK_SET), 0);
	T_EQ(read(fd, buf, 2), 2);
}

static void open_twice_separate(void)
{
	char buf[4];
	int a = open_file("0123456789");
	int b = T_OK(open("f", O_RDONLY));

	T_EQ(read(a, buf, 4), 4);
	T_EQ(lseek(b, 0, SEEK_CUR), 0);
	T_EQ(read(b, buf, 2), 2);
	T_MEMEQ(buf, "01", 2);
	T_EQ(lseek(a, 0, SEEK_CUR), 4);
	T_OK(fcntl(a, F_SETFL, O_APPEND));
	T_TRUE(!(fcntl(b, F_GETFL) & O_APPEND));
}

static void close_twice(void)
{
	int fd = open_file("abc");

	T_OK(close(fd));
	T_ERR(close(fd), EBADF);
	T_ERR(read(fd, &fd, 1), EBADF);
	T_ERR(close(-1), EBADF);
	T_ERR(close(1 << 20), EBADF);
	T_EQ(open("f", O_RDONLY), fd); /* the number is free again */
}

static void close_stdio(void)
{
	char buf[4];
	int fd = open_file("abc");

	T_OK(close(0));
	T_ERR(read(0, buf, 1), EBADF);
	T_EQ(open("f", O_RDONLY), 0);
	T_EQ(read(0, buf, 3), 3);
	T_OK(close(1));
	T_ERR(write(1, "x", 1), EBADF);
	T_EQ(dup(fd), 1);
	T_EQ(write(1, "d", 1), 1);
	T_OK(close(2));
	T_ERR(write(2, "x", 1), EBADF);
	T_EQ(pread(fd, buf, 4, 0), 3); /* fd 1 shares fd's offset, 0 */
	T_MEMEQ(buf, "dbc", 3);
}

static void run_out_of_fds(void)
{
	int fd = open_file("abc"), last = -1, n = 0, d;

	while ((d = dup(fd)) >= 0) {
		last = d;
		if (++n > 100000)
			T_FAIL("no limit after %d dups", n);
	}
	T_EQ(errno, EMFILE);
	T_TRUE(n >= 60);
	T_ERR(open("f", O_RDONLY), EMFILE);
	T_ERR(fcntl(fd, F_DUPFD, 0), EMFILE);
	int p[2];
	T_ERR(pipe(p), EMFILE);
	T_OK(close(17));
	T_EQ(dup(fd), 17);
	T_OK(close(last));
	T_EQ(open("f", O_RDONLY), last);
	T_ERR(dup(fd), EMFILE);
}

static void pipe_eof_needs_every_writer(void)
{
	char buf[4];
	int p[2];

	T_OK(pipe(p));
	int w2 = T_OK(dup(p[1]));
	T_OK(fcntl(p[0], F_SETFL, O_NONBLOCK));
	T_OK(close(p[1]));
	T_ERR(read(p[0], buf, 1), EAGAIN); /* a writer is left */
	T_EQ(write(w2, "x", 1), 1);
	T_OK(close(w2));
	T_EQ(read(p[0], buf, 4), 1);
	T_EQ(read(p[0], buf, 4), 0); /* now EOF */
}

static int helper(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[0], "cloexec"))
		return helper_cloexec(argv);
	return 127;
}

static const struct t_case cases[] = {
    T(dup_basics),	   T(dup2_calls),
    T(dup3_calls),	   T(fcntl_dupfd),
    T(fcntl_fd_flags),	   T(fcntl_status_flags),
    T(fcntl_bad),	   T(cloexec_across_execve),
    T(fork_shares_offset), T(open_twice_separate),
    T(close_twice),	   T(close_stdio),
    T(run_out_of_fds),	   T(pipe_eof_needs_every_writer),
};

T_MAIN(cases, helper)
