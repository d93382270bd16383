/* tests/os/poll.c - poll and select (_newselect) on pipes, files and
 * /dev/null: readable, writable, POLLHUP and POLLERR as Linux reports
 * them for pipes, POLLNVAL, timeouts, waking when the other side acts,
 * and the errors.
 */
#include <poll.h>
#include <sys/select.h>
#include <sys/time.h>

#include "t.h"

#define KERNEL_ADDR ((void *)0xC0000000)

static short poll_one(int fd, short events, int timeout)
{
	struct pollfd p = {fd, events, 0x7f7f};
	int n = poll(&p, 1, timeout);

	if (n < 0)
		T_FAIL("poll: %s", t_errname(errno));
	T_EQ(n, p.revents != 0);
	return p.revents;
}

static void poll_pipe_states(void)
{
	char buf[8];
	int p[2];

	T_OK(pipe(p));
	T_EQ(poll_one(p[0], POLLIN, 0), 0); /* empty */
	T_EQ(poll_one(p[1], POLLOUT, 0), POLLOUT);
	T_EQ(poll_one(p[1], POLLIN, 0), 0);
	T_EQ(write(p[1], "ab", 2), 2);
	T_EQ(poll_one(p[0], POLLIN | POLLOUT, 0), POLLIN);
	T_EQ(poll_one(p[0], POLLIN | POLLRDNORM, 0), POLLIN | POLLRDNORM);
	T_EQ(read(p[0], buf, 2), 2);
	T_EQ(poll_one(p[0], POLLIN, 0), 0);
	/* the writer gone: POLLHUP, reported even when not asked for */
	T_EQ(write(p[1], "c", 1), 1);
	T_OK(close(p[1]));
	T_EQ(poll_one(p[0], POLLIN, 0), POLLIN | POLLHUP);
	T_EQ(read(p[0], buf, 8), 1);
	T_EQ(poll_one(p[0], POLLIN, 0), POLLHUP); /* EOF: no POLLIN on Linux */
	T_EQ(poll_one(p[0], 0, 0), POLLHUP);
	/* the reader gone: POLLERR for the writer */
	T_OK(pipe(p));
	T_OK(close(p[0]));
	T_EQ(poll_one(p[1], POLLOUT, 0), POLLOUT | POLLERR);
	T_EQ(poll_one(p[1], 0, 0), POLLERR);
}

static void poll_full_pipe(void)
{
	static char block[4096];
	int p[2];

	T_OK(pipe2(p, O_NONBLOCK));
	while (write(p[1], block, sizeof(block)) > 0)
		;
	T_EQ(poll_one(p[1], POLLOUT, 0), 0);
	T_EQ(poll_one(p[1], POLLOUT, 30), 0);
	T_EQ(read(p[0], block, sizeof(block)), sizeof(block));
	T_EQ(poll_one(p[1], POLLOUT, 0), POLLOUT);
}

static void poll_many(void)
{
	int a[2], b[2], c[2];

	T_OK(pipe(a));
	T_OK(pipe(b));
	T_OK(pipe(c));
	T_EQ(write(b[1], "x", 1), 1);
	T_OK(close(c[1]));
	struct pollfd fds[] = {
	    {a[0], POLLIN, -1}, {b[0], POLLIN, -1}, {c[0], POLLIN, -1},
	    {-1, POLLIN, -1},	{99, POLLIN, -1},   {a[1], POLLOUT, -1},
	};
	T_EQ(poll(fds, 6, 0), 4);
	T_EQ(fds[0].revents, 0);
	T_EQ(fds[1].revents, POLLIN);
	T_EQ(fds[2].revents, POLLHUP);
	T_EQ(fds[3].revents, 0);	/* negative fd: ignored */
	T_EQ(fds[4].revents, POLLNVAL); /* not open */
	T_EQ(fds[5].revents, POLLOUT);
}

static void poll_files(void)
{
	t_write_file("f", "abc", 3);
	int fd = T_OK(open("f", O_RDWR));
	T_EQ(poll_one(fd, POLLIN | POLLOUT, 0), POLLIN | POLLOUT);
	int null = T_OK(open("/dev/null", O_RDWR));
	T_EQ(poll_one(null, POLLIN | POLLOUT, 0), POLLIN | POLLOUT);
	T_EQ(poll_one(null, POLLIN, -1), POLLIN); /* never blocks */
}

static void poll_timeout(void)
{
	int p[2];

	T_OK(pipe(p));
	long long start = t_now_ns();
	T_EQ(poll_one(p[0], POLLIN, 50), 0);
	long long took = t_now_ns() - start;
	T_TRUE(took >= 50000000);
	T_TRUE(took < 5000000000LL);
	/* no descriptors at all: a plain sleep */
	start = t_now_ns();
	T_EQ(poll(NULL, 0, 30), 0);
	T_TRUE(t_now_ns() - start >= 30000000);
}

static void poll_wakes(void)
{
	int p[2];

	T_OK(pipe(p));
	pid_t pid = t_fork();
	if (pid == 0) {
		t_sleep_ms(30);
		write(p[1], "x", 1);
		t_sleep_ms(30);
		_exit(0);
	}
	T_OK(close(p[1]));
	long long start = t_now_ns();
	T_EQ(poll_one(p[0], POLLIN, 5000), POLLIN);
	long long took = t_now_ns() - start;
	T_TRUE(took >= 20000000 && took < 4000000000LL);
	char c;
	T_EQ(read(p[0], &c, 1), 1);
	/* and the hang-up wakes it too */
	T_EQ(poll_one(p[0], POLLIN, -1), POLLHUP);
	T_EXITED(t_wait(pid), 0);
}

static void poll_errors(void)
{
	struct pollfd p = {0, POLLIN, 0};

	T_ERR(poll(NULL, 1, 0), EFAULT);
	T_ERR(poll(KERNEL_ADDR, 1, 0), EFAULT);
	T_ERR(poll(&p, 0x7fffffff, 0), EINVAL);
}

static void select_pipes(void)
{
	int a[2], b[2];
	fd_set r, w;
	struct timeval tv = {0, 0};

	T_OK(pipe(a));
	T_OK(pipe(b));
	T_EQ(write(b[1], "x", 1), 1);
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(a[0], &r);
	FD_SET(b[0], &r);
	FD_SET(a[1], &w);
	int nfds = (b[1] > a[1] ? b[1] : a[1]) + 1;
	T_EQ(select(nfds, &r, &w, NULL, &tv), 2);
	T_TRUE(!FD_ISSET(a[0], &r)); /* not ready: cleared */
	T_TRUE(FD_ISSET(b[0], &r));
	T_TRUE(FD_ISSET(a[1], &w));
	/* EOF counts as readable */
	T_OK(close(a[1]));
	FD_ZERO(&r);
	FD_SET(a[0], &r);
	tv = (struct timeval){0, 0};
	T_EQ(select(a[0] + 1, &r, NULL, NULL, &tv), 1);
	T_TRUE(FD_ISSET(a[0], &r));
	/* a descriptor counts once per set it is ready in */
	FD_ZERO(&r);
	FD_ZERO(&w);
	int null = T_OK(open("/dev/null", O_RDWR));
	FD_SET(null, &r);
	FD_SET(null, &w);
	tv = (struct timeval){0, 0};
	T_EQ(select(null + 1, &r, &w, NULL, &tv), 2);
}

static void select_timeout(void)
{
	int p[2];
	fd_set r;
	struct timeval tv = {0, 50000};

	T_OK(pipe(p));
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	long long start = t_now_ns();
	T_EQ(select(p[0] + 1, &r, NULL, NULL, &tv), 0);
	T_TRUE(t_now_ns() - start >= 50000000);
	T_TRUE(!FD_ISSET(p[0], &r));
	/* Linux writes back the time left: none */
	T_EQ(tv.tv_sec, 0);
	T_EQ(tv.tv_usec, 0);
	/* no sets: a sleep */
	tv = (struct timeval){0, 30000};
	start = t_now_ns();
	T_EQ(select(0, NULL, NULL, NULL, &tv), 0);
	T_TRUE(t_now_ns() - start >= 30000000);
}

static void select_wakes(void)
{
	int p[2];
	fd_set r;

	T_OK(pipe(p));
	pid_t pid = t_fork();
	if (pid == 0) {
		t_sleep_ms(30);
		write(p[1], "x", 1);
		_exit(0);
	}
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	T_EQ(select(p[0] + 1, &r, NULL, NULL, NULL), 1);
	T_TRUE(FD_ISSET(p[0], &r));
	T_EXITED(t_wait(pid), 0);
}

static void select_errors(void)
{
	fd_set r;
	struct timeval tv = {0, 0};
	int p[2];

	T_OK(pipe(p));
	T_OK(close(p[1]));
	FD_ZERO(&r);
	FD_SET(p[1], &r); /* closed */
	T_ERR(select(p[1] + 1, &r, NULL, NULL, &tv), EBADF);
	T_ERR(select(-1, NULL, NULL, NULL, &tv), EINVAL);
	tv = (struct timeval){0, -1};
	T_ERR(select(0, NULL, NULL, NULL, &tv), EINVAL);
	tv = (struct timeval){0, 0};
	T_ERR(select(1, KERNEL_ADDR, NULL, NULL, &tv), EFAULT);
}

static const struct t_case cases[] = {
    T(poll_pipe_states), T(poll_full_pipe), T(poll_many),     T(poll_files),
    T(poll_timeout),	 T(poll_wakes),	    T(poll_errors),   T(select_pipes),
    T(select_timeout),	 T(select_wakes),   T(select_errors),
};

T_MAIN(cases, NULL)
