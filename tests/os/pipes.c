/* tests/os/pipes.c - pipes: pipe/pipe2, EOF when the last writer closes,
 * EPIPE and SIGPIPE without readers, O_NONBLOCK and EAGAIN, atomic writes
 * up to PIPE_BUF, blocking reads and writes woken by the other side,
 * FIONREAD, and a parent/child ping-pong.
 */
#include <limits.h>
#include <sys/ioctl.h>

#include "t.h"

#define KERNEL_ADDR ((void *)0xC0000000)

static void pipe_basics(void)
{
	char buf[8];
	struct stat st;
	int p[2];

	T_OK(pipe(p));
	T_EQ(p[0], 3);
	T_EQ(p[1], 4);
	T_EQ(fcntl(p[0], F_GETFL) & O_ACCMODE, O_RDONLY);
	T_EQ(fcntl(p[1], F_GETFL) & O_ACCMODE, O_WRONLY);
	T_EQ(fcntl(p[0], F_GETFD), 0);
	T_EQ(write(p[1], "abc", 3), 3);
	T_EQ(read(p[0], buf, sizeof(buf)),
	     3); /* what is there, without waiting */
	T_MEMEQ(buf, "abc", 3);
	T_ERR(write(p[0], "x", 1), EBADF);
	T_ERR(read(p[1], buf, 1), EBADF);
	T_OK(fstat(p[0], &st));
	T_TRUE(S_ISFIFO(st.st_mode));
	T_OK(fstat(p[1], &st));
	T_TRUE(S_ISFIFO(st.st_mode));
	T_ERR(lseek(p[0], 0, SEEK_SET), ESPIPE);
	T_ERR(lseek(p[1], 0, SEEK_CUR), ESPIPE);
	T_EQ(read(p[0], buf, 0), 0);
	T_EQ(write(p[1], buf, 0), 0);
	T_ERR(pipe(NULL), EFAULT);
	T_ERR(pipe(KERNEL_ADDR), EFAULT);
	T_EQ(dup(0), 5); /* the failed calls left no descriptors behind */
}

static void pipe2_flags(void)
{
	int p[2];

	T_OK(pipe2(p, O_CLOEXEC));
	T_EQ(fcntl(p[0], F_GETFD), FD_CLOEXEC);
	T_EQ(fcntl(p[1], F_GETFD), FD_CLOEXEC);
	T_EQ(fcntl(p[0], F_GETFL) & O_NONBLOCK, 0);
	T_OK(pipe2(p, O_NONBLOCK));
	T_EQ(fcntl(p[0], F_GETFD), 0);
	T_EQ(fcntl(p[0], F_GETFL) & O_NONBLOCK, O_NONBLOCK);
	T_EQ(fcntl(p[1], F_GETFL) & O_NONBLOCK, O_NONBLOCK);
	T_OK(pipe2(p, 0));
	T_EQ(fcntl(p[1], F_GETFL) & O_NONBLOCK, 0);
	T_ERR(pipe2(p, O_TRUNC), EINVAL);
	T_ERR(pipe2(p, O_APPEND), EINVAL);
}

static void eof_when_writers_close(void)
{
	char buf[8];
	int p[2];

	T_OK(pipe(p));
	T_EQ(write(p[1], "xy", 2), 2);
	T_OK(close(p[1]));
	T_EQ(read(p[0], buf, 1), 1);
	T_EQ(read(p[0], buf, sizeof(buf)), 1); /* data first */
	T_EQ(read(p[0], buf, sizeof(buf)), 0);
	T_EQ(read(p[0], buf, sizeof(buf)), 0);
}

static void eof_across_fork(void)
{
	char buf[16];
	int p[2], got = 0, r;

	T_OK(pipe(p));
	pid_t pid = t_fork();
	if (pid == 0) {
		close(p[0]);
		for (int i = 0; i < 10; i++)
			write(p[1], "0123456789" + i, 1);
		_exit(0);
	}
	T_OK(close(p[1]));
	while ((r = read(p[0], buf + got, sizeof(buf) - got)) > 0)
		got += r;
	T_EQ(r, 0);
	T_EQ(got, 10);
	T_MEMEQ(buf, "0123456789", 10);
	T_EXITED(t_wait(pid), 0);
}

static void write_no_reader(void)
{
	int p[2];

	T_OK(pipe(p));
	T_OK(close(p[0]));
	write(p[1], "x", 1);
	_exit(0); /* not reached: SIGPIPE */
}

static volatile sig_atomic_t got_sig;

static void on_signal(int sig)
{
	got_sig = sig;
}

static void epipe_and_sigpipe(void)
{
	int p[2];

	T_KILLED(t_run(write_no_reader), SIGPIPE);
	T_OK(pipe(p));
	T_OK(close(p[0]));
	signal(SIGPIPE, SIG_IGN);
	T_ERR(write(p[1], "x", 1), EPIPE);
	signal(SIGPIPE, on_signal);
	T_ERR(write(p[1], "x", 1), EPIPE);
	T_EQ(got_sig, SIGPIPE);
}

static void nonblocking_read(void)
{
	char buf[4];
	int p[2];

	T_OK(pipe2(p, O_NONBLOCK));
	T_ERR(read(p[0], buf, 4), EAGAIN);
	T_EQ(write(p[1], "a", 1), 1);
	T_EQ(read(p[0], buf, 4), 1);
	T_ERR(read(p[0], buf, 4), EAGAIN);
	T_OK(close(p[1]));
	T_EQ(read(p[0], buf, 4), 0); /* EOF beats EAGAIN */
	/* F_SETFL O_NONBLOCK on a blocking pipe */
	T_OK(pipe(p));
	T_OK(fcntl(p[0], F_SETFL, O_NONBLOCK));
	T_ERR(read(p[0], buf, 4), EAGAIN);
}

static void nonblocking_write(void)
{
	static char block[8192];
	int p[2], total = 0, r, n = 0;

	T_OK(pipe2(p, O_NONBLOCK));
	while ((r = write(p[1], block, 4096)) == 4096) {
		total += r;
		if (total > (1 << 24))
			T_FAIL("the pipe takes more than 16 MiB");
	}
	T_EQ(r, -1);
	T_EQ(errno, EAGAIN);
	T_TRUE(total >= PIPE_BUF);
	T_ERR(write(p[1], block, 1), EAGAIN);
	T_OK(ioctl(p[0], FIONREAD, &n));
	T_EQ(n, total);
	T_EQ(read(p[0], block, 4096), 4096);
	/* room for 4096 again: a larger write goes in part */
	T_EQ(write(p[1], block, 8192), 4096);
	T_ERR(write(p[1], block, 1), EAGAIN);
}

static void pipe_buf_atomic(void)
{
	static char buf[4 * 40 * 4096];
	int p[2], got = 0, r;
	pid_t pids[4];

	T_OK(pipe(p));
	for (int w = 0; w < 4; w++) {
		pids[w] = t_fork();
		if (pids[w] == 0) {
			static char rec[PIPE_BUF];
			close(p[0]);
			memset(rec, 'A' + w, sizeof(rec));
			for (int i = 0; i < 40; i++)
				if (write(p[1], rec, sizeof(rec)) !=
				    sizeof(rec))
					_exit(1);
			_exit(0);
		}
	}
	T_OK(close(p[1]));
	while ((r = read(p[0], buf + got, 1000)) > 0)
		got += r;
	T_EQ(got, sizeof(buf));
	int count[4] = {0};
	for (int rec = 0; rec < 4 * 40; rec++) {
		char c = buf[rec * 4096];
		for (int i = 1; i < 4096; i++)
			if (buf[rec * 4096 + i] != c)
				T_FAIL(
				    "record %d is mixed: '%c' at 0, '%c' at %d",
				    rec, c, buf[rec * 4096 + i], i);
		T_TRUE(c >= 'A' && c <= 'D');
		count[c - 'A']++;
	}
	for (int w = 0; w < 4; w++) {
		T_EQ(count[w], 40);
		T_EXITED(t_wait(pids[w]), 0);
	}
}

static void large_write(void)
{
	static unsigned char out[300000], in[300000];
	int p[2], got = 0, r;

	for (int i = 0; i < (int)sizeof(out); i++)
		out[i] = (unsigned char)(i % 251);
	T_OK(pipe(p));
	pid_t pid = t_fork();
	if (pid == 0) {
		close(p[0]);
		_exit(write(p[1], out, sizeof(out)) == sizeof(out) ? 0 : 1);
	}
	T_OK(close(p[1]));
	t_sleep_ms(10);
	while ((r = read(p[0], in + got, 3000)) > 0)
		got += r;
	T_EQ(got, sizeof(out));
	T_MEMEQ(in, out, sizeof(out));
	T_EXITED(t_wait(pid), 0);
}

static void blocking_read_wakes(void)
{
	char buf[8];
	int p[2];

	T_OK(pipe(p));
	pid_t pid = t_fork();
	if (pid == 0) {
		t_sleep_ms(30);
		write(p[1], "late", 4);
		_exit(0);
	}
	long long start = t_now_ns();
	T_EQ(read(p[0], buf, sizeof(buf)), 4);
	T_TRUE(t_now_ns() - start >= 20000000);
	T_MEMEQ(buf, "late", 4);
	T_EXITED(t_wait(pid), 0);
}

static void blocking_write_wakes(void)
{
	static char block[4096];
	int p[2], total = 0;

	T_OK(pipe2(p, O_NONBLOCK));
	while (write(p[1], block, sizeof(block)) > 0)
		total += sizeof(block);
	T_OK(fcntl(p[1], F_SETFL, 0));
	pid_t pid = t_fork();
	if (pid == 0) {
		t_sleep_ms(30);
		fcntl(p[0], F_SETFL, 0);
		int got = 0, r;
		close(p[1]);
		while ((r = read(p[0], block, sizeof(block))) > 0)
			got += r;
		_exit(got == total + 10000 ? 0 : 1);
	}
	T_OK(close(p[0]));
	long long start = t_now_ns();
	static char more[10000];
	T_EQ(write(p[1], more, sizeof(more)),
	     sizeof(more)); /* blocks, then completes */
	T_TRUE(t_now_ns() - start >= 20000000);
	T_OK(close(p[1]));
	T_EXITED(t_wait(pid), 0);
}

static void reader_leaves_blocked_writer(void)
{
	static char block[4096];
	int p[2];

	signal(SIGPIPE, SIG_IGN);
	T_OK(pipe2(p, O_NONBLOCK));
	while (write(p[1], block, sizeof(block)) > 0)
		;
	T_OK(fcntl(p[1], F_SETFL, 0));
	pid_t pid = t_fork();
	if (pid == 0) {
		t_sleep_ms(30);
		_exit(0); /* holds the read end until now */
	}
	T_OK(close(p[0]));
	T_ERR(write(p[1], block, sizeof(block)), EPIPE);
	T_EXITED(t_wait(pid), 0);
}

static void ping_pong(void)
{
	int down[2], up[2];
	unsigned char c = 0;

	T_OK(pipe(down));
	T_OK(pipe(up));
	pid_t pid = t_fork();
	if (pid == 0) {
		unsigned char x;
		close(down[1]);
		close(up[0]);
		while (read(down[0], &x, 1) == 1) {
			x++;
			if (write(up[1], &x, 1) != 1)
				_exit(1);
		}
		_exit(0);
	}
	T_OK(close(down[0]));
	T_OK(close(up[1]));
	for (int i = 0; i < 1000; i++) {
		unsigned char back;
		T_EQ(write(down[1], &c, 1), 1);
		T_EQ(read(up[0], &back, 1), 1);
		T_EQ(back, (unsigned char)(c + 1));
		c = back + 1;
	}
	T_OK(close(down[1]));
	T_EXITED(t_wait(pid), 0);
}

static void many_pipes(void)
{
	int p[100][2];
	char c;

	for (int i = 0; i < 100; i++) {
		T_OK(pipe(p[i]));
		T_EQ(write(p[i][1], &(char){(char)i}, 1), 1);
	}
	for (int i = 99; i >= 0; i--) {
		T_EQ(read(p[i][0], &c, 1), 1);
		T_EQ(c, (char)i);
		T_OK(close(p[i][0]));
		T_OK(close(p[i][1]));
	}
}

static const struct t_case cases[] = {
    T(pipe_basics),
    T(pipe2_flags),
    T(eof_when_writers_close),
    T(eof_across_fork),
    T(epipe_and_sigpipe),
    T(nonblocking_read),
    T(nonblocking_write),
    T(pipe_buf_atomic),
    T(large_write),
    T(blocking_read_wakes),
    T(blocking_write_wakes),
    T(reader_leaves_blocked_writer),
    T(ping_pong),
    T(many_pipes),
};

T_MAIN(cases, NULL)
