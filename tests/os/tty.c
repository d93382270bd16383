/* tests/os/tty.c - the terminal on fd 0: termios, window size, the
 * foreground process group, non-blocking and raw reads, and the errors.
 *
 * The program needs fd 0 to be its controlling terminal with nothing
 * typed: in the OS the console (init's session), on the Linux host a
 * pseudo-terminal that tests/run.py opens for it.  Typing is tested by
 * the helpers, which tests/e2e/test_tty.py drives over the serial line
 * and over a host pseudo-terminal alike:
 *	--helper canon	prints each read as "got N [bytes]", "eof" at the end
 *	--helper sigint	puts a reading child in front; ^C must kill it alone
 *	--helper raw	one key without Enter, then a VTIME timeout
 */
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>

#include "t.h"

static struct termios saved;

static void sleep_forever(void)
{
	for (;;)
		nanosleep(&(struct timespec){ 1, 0 }, NULL);
}

static void get(struct termios *t)
{
	T_OK(tcgetattr(0, t));
}

static void is_a_tty(void)
{
	int p[2];
	struct termios t;
	int null = open("/dev/null", O_RDWR);

	T_EQ(isatty(0), 1);
	T_OK(pipe(p));
	T_ERR(ioctl(p[0], TCGETS, &t), ENOTTY);
	T_ERR(ioctl(null, TCGETS, &t), ENOTTY);
	T_ERR(ioctl(null, TIOCGPGRP, &t), ENOTTY);
	T_EQ(isatty(p[1]), 0);
	T_EQ(errno, ENOTTY);
}

/* Linux's tty_std_termios: what a fresh terminal says */
static void default_termios(void)
{
	struct termios t;

	get(&t);
	T_TRUE(t.c_lflag & ICANON);
	T_TRUE(t.c_lflag & ECHO);
	T_TRUE(t.c_lflag & ISIG);
	T_TRUE(t.c_iflag & ICRNL);
	T_EQ(t.c_oflag & (OPOST | ONLCR), OPOST | ONLCR);
	T_EQ(t.c_cc[VINTR], 3);
	T_EQ(t.c_cc[VQUIT], 034);
	T_EQ(t.c_cc[VERASE], 0177);
	T_EQ(t.c_cc[VKILL], 025);
	T_EQ(t.c_cc[VEOF], 4);
	T_EQ(t.c_cc[VMIN], 1);
	T_EQ(t.c_cc[VTIME], 0);
}

static void set_and_get_back(void)
{
	struct termios t, back;

	get(&saved);
	for (int action = TCSANOW; action <= TCSAFLUSH; action++) {
		t = saved;
		t.c_lflag &= ~(ECHO | ICANON);
		t.c_cc[VMIN] = 5 + action;
		T_OK(tcsetattr(0, action, &t));
		get(&back);
		T_EQ(back.c_lflag & (ECHO | ICANON), 0);
		T_EQ(back.c_cc[VMIN], 5 + action);
	}
	T_ERR(tcsetattr(0, 3, &saved), EINVAL);
	T_OK(tcsetattr(0, TCSANOW, &saved));
	get(&back);
	T_EQ(back.c_lflag, saved.c_lflag);
}

static volatile int winches;

static void on_winch(int sig)
{
	(void)sig;
	winches++;
}

/* a new size reaches the foreground group as SIGWINCH */
static void window_size(void)
{
	struct winsize ws, big, back;

	signal(SIGWINCH, on_winch);
	T_OK(ioctl(0, TIOCGWINSZ, &ws));
	T_TRUE(ws.ws_row > 0 && ws.ws_col > 0);
	big = ws;
	big.ws_row += 5;
	big.ws_col += 20;
	T_OK(ioctl(0, TIOCSWINSZ, &big));
	T_OK(ioctl(0, TIOCGWINSZ, &back));
	T_EQ(back.ws_row, ws.ws_row + 5);
	T_EQ(back.ws_col, ws.ws_col + 20);
	T_OK(ioctl(0, TIOCSWINSZ, &ws));
	T_EQ(winches, 2);
	T_OK(ioctl(0, TIOCSWINSZ, &ws)); /* no change, no signal */
	T_EQ(winches, 2);
}

static void foreground_group(void)
{
	T_EQ(tcgetpgrp(0), getpgrp());
	T_EQ(tcgetsid(0), getsid(0));
	T_EQ(getsid(0), getsid(getppid()));
	T_ERR(getsid(0x3fffffff), ESRCH);
}

/* what a shell does for a job: its own group, put in front, and back */
static void move_foreground(void)
{
	pid_t old = tcgetpgrp(0);

	signal(SIGTTOU, SIG_IGN); /* Linux stops a background tcsetpgrp */
	T_OK(setpgid(0, 0));
	T_EQ(getpgrp(), getpid());
	T_OK(tcsetpgrp(0, getpid()));
	T_EQ(tcgetpgrp(0), getpid());
	T_OK(tcsetpgrp(0, old));
	T_EQ(tcgetpgrp(0), old);
}

static void foreground_errors(void)
{
	pid_t old = tcgetpgrp(0), child;
	int p[2], st;
	char c;

	T_ERR(tcsetpgrp(0, -1), EINVAL);
	T_ERR(tcsetpgrp(0, 0x3fffffff), ESRCH);
	T_ERR(ioctl(0, TIOCSPGRP, (void *)1), EFAULT);
	T_ERR(ioctl(0, TIOCGPGRP, NULL), EFAULT);
	/* a group in another session cannot come to the front */
	T_OK(pipe(p));
	child = fork();
	if (!child) {
		int e = 0;
		if (setsid() < 0)
			_exit(1);
		if (tcgetpgrp(0) >= 0 || errno != ENOTTY)
			e = 2; /* not its terminal any more */
		write(p[1], "x", 1);
		sleep_forever();
		_exit(e);
	}
	T_EQ(read(p[0], &c, 1), 1);
	T_ERR(tcsetpgrp(0, child), EPERM);
	T_EQ(tcgetpgrp(0), old);
	kill(child, SIGKILL);
	T_EQ(waitpid(child, &st, 0), child);
	T_KILLED(st, SIGKILL);
}

static void setpgid_rules(void)
{
	pid_t child;
	int st, p[2];
	char c;

	T_ERR(setpgid(getppid(), 0), ESRCH); /* not a child of ours */
	T_ERR(setpgid(0, 0x3fffffff), EPERM); /* no such group here */
	child = fork();
	if (!child) {
		sleep_forever();
		_exit(0);
	}
	T_OK(setpgid(child, child));
	T_EQ(getpgid(child), child);
	T_OK(setpgid(child, getpgrp()));
	T_EQ(getpgid(child), getpgrp());
	kill(child, SIGKILL);
	waitpid(child, &st, 0);
	/* a child that made its own session is out of reach */
	T_OK(pipe(p));
	child = fork();
	if (!child) {
		if (setsid() != getpid())
			_exit(1);
		write(p[1], "x", 1);
		sleep_forever();
		_exit(0);
	}
	T_EQ(read(p[0], &c, 1), 1);
	T_ERR(setpgid(child, child), EPERM);
	T_ERR(setpgid(child, getpgrp()), EPERM);
	kill(child, SIGKILL);
	T_EQ(waitpid(child, &st, 0), child);
	T_KILLED(st, SIGKILL);
}

static void nothing_typed(void)
{
	int n = -1;
	struct pollfd pfd = { 0, POLLIN | POLLOUT, 0 };

	T_OK(ioctl(0, FIONREAD, &n));
	T_EQ(n, 0);
	T_EQ(poll(&pfd, 1, 0), 1);
	T_EQ(pfd.revents, POLLOUT);
	T_ERR(lseek(0, 0, SEEK_CUR), ESPIPE);
}

static void nonblocking_read(void)
{
	char c;
	int flags = fcntl(0, F_GETFL), on = 1, off = 0;

	T_OK(fcntl(0, F_SETFL, flags | O_NONBLOCK));
	T_ERR(read(0, &c, 1), EAGAIN);
	T_OK(fcntl(0, F_SETFL, flags));
	T_OK(ioctl(0, FIONBIO, &on));
	T_TRUE(fcntl(0, F_GETFL) & O_NONBLOCK);
	T_ERR(read(0, &c, 1), EAGAIN);
	T_OK(ioctl(0, FIONBIO, &off));
	T_EQ(fcntl(0, F_GETFL) & O_NONBLOCK, 0);
}

static long elapsed_ms(const struct timespec *a)
{
	struct timespec b;

	clock_gettime(CLOCK_MONOTONIC, &b);
	return (b.tv_sec - a->tv_sec) * 1000 + (b.tv_nsec - a->tv_nsec) / 1000000;
}

/* VMIN=0: VTIME=0 returns at once, VTIME=2 after 0.2 s, both with 0 */
static void raw_timeouts(void)
{
	struct termios t;
	struct timespec start;
	char buf[4];

	get(&saved);
	t = saved;
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = 0;
	t.c_cc[VTIME] = 0;
	T_OK(tcsetattr(0, TCSANOW, &t));
	clock_gettime(CLOCK_MONOTONIC, &start);
	T_EQ(read(0, buf, sizeof(buf)), 0);
	T_TRUE(elapsed_ms(&start) < 100);
	t.c_cc[VTIME] = 2;
	T_OK(tcsetattr(0, TCSANOW, &t));
	clock_gettime(CLOCK_MONOTONIC, &start);
	T_EQ(read(0, buf, sizeof(buf)), 0);
	T_TRUE(elapsed_ms(&start) >= 150);
	T_OK(tcsetattr(0, TCSANOW, &saved));
}

static void bad_requests(void)
{
	struct termios t;

	T_ERR(ioctl(0, TCGETS, NULL), EFAULT);
	T_ERR(ioctl(0, TCSETS, (void *)0xC0000000), EFAULT);
	T_ERR(ioctl(0, TIOCGWINSZ, (void *)1), EFAULT);
	T_ERR(ioctl(0, 0x54FF, &t), ENOTTY);
	T_ERR(ioctl(99, TCGETS, &t), EBADF);
	T_ERR(tcflush(0, 7), EINVAL);
	T_OK(tcflush(0, TCIFLUSH));
	T_OK(tcdrain(0));
}

/* --- the helpers, for typing */

static int canon_helper(void)
{
	char buf[256];
	long n;

	dprintf(1, "ready\n");
	while ((n = read(0, buf, sizeof(buf))) > 0) {
		char shown[1024];
		size_t len = 0;
		for (long i = 0; i < n; i++)
			len += snprintf(shown + len, sizeof(shown) - len,
					buf[i] == '\n' ? "\\n"
					: buf[i] < ' ' ? "\\x%02x" : "%c",
					buf[i]);
		dprintf(1, "got %ld [%s]\n", n, shown);
	}
	dprintf(1, n == 0 ? "eof\n" : "error %d\n", errno);
	return n != 0;
}

/* A child in its own group, in front, blocked reading; ^C must end it
 * and not us (we are in the background then). */
static int sigint_helper(void)
{
	pid_t child, me = getpgrp();
	int st;
	char c;

	signal(SIGTTOU, SIG_IGN);
	child = fork();
	if (!child) {
		setpgid(0, 0);
		tcsetpgrp(0, getpid());
		dprintf(1, "child reading\n");
		read(0, &c, 1);
		dprintf(1, "child read returned\n");
		_exit(0);
	}
	setpgid(child, child);
	waitpid(child, &st, 0);
	tcsetpgrp(0, me);
	if (WIFSIGNALED(st))
		dprintf(1, "child killed by signal %d\n", WTERMSIG(st));
	else
		dprintf(1, "child exited %d\n", WEXITSTATUS(st));
	dprintf(1, "parent alive\n");
	return !(WIFSIGNALED(st) && WTERMSIG(st) == SIGINT);
}

static int raw_helper(void)
{
	struct termios t, old;
	char buf[8];
	long n;

	tcgetattr(0, &old);
	t = old;
	cfmakeraw(&t);
	tcsetattr(0, TCSAFLUSH, &t);
	dprintf(1, "raw ready\n");
	n = read(0, buf, sizeof(buf));
	dprintf(1, "got %ld [%.*s]\n", n, (int)(n > 0 ? n : 0), buf);
	t.c_cc[VMIN] = 0;
	t.c_cc[VTIME] = 3;
	tcsetattr(0, TCSANOW, &t);
	n = read(0, buf, sizeof(buf));
	dprintf(1, "timeout read %ld\n", n);
	tcsetattr(0, TCSANOW, &old);
	dprintf(1, "cooked again\n");
	return 0;
}

static int helper(int argc, char **argv)
{
	if (argc == 1 && !strcmp(argv[0], "canon"))
		return canon_helper();
	if (argc == 1 && !strcmp(argv[0], "sigint"))
		return sigint_helper();
	if (argc == 1 && !strcmp(argv[0], "raw"))
		return raw_helper();
	dprintf(2, "usage: tty --helper canon|sigint|raw\n");
	return 2;
}

static const struct t_case cases[] = {
	T(is_a_tty),
	T(default_termios),
	T(set_and_get_back),
	T(window_size),
	T(foreground_group),
	T(move_foreground),
	T(foreground_errors),
	T(setpgid_rules),
	T(nothing_typed),
	T(nonblocking_read),
	T(raw_timeouts),
	T(bad_requests),
};

T_MAIN(cases, helper)
