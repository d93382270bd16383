/* kernel/tty.c - the console terminal's line discipline (see tty.h).
 *
 * Input side, one byte at a time from the serial driver's bottom half:
 *	tty_input -> input mapping (ICRNL, INLCR, IGNCR)
 *		  -> signal characters (ISIG: ^C, ^\)
 *		  -> canonical editing into edit[] (ICANON), or straight into
 *		     the input ring (raw)
 *		  -> echo (ECHO...) through console_write
 * Read side, the process's request: sys_read -> vfs_read -> tty_read,
 * which sleeps on `readers` until a whole line (canonical) or enough
 * bytes (raw: VMIN/VTIME) are in the input ring.
 * Output side: console_write (serial and VGA).  The serial driver turns
 * "\n" into "\r\n" itself, so OPOST|ONLCR are in effect whatever termios
 * says.
 *
 * The kernel is not preempted, so the bottom half and a reader never
 * run at the same time: no lock is needed beyond the wait queue's.
 * Job control is partial: the foreground group gets ^C and ^\, and
 * TIOCSPGRP moves it; there is no SIGTTIN/SIGTTOU and no stopping (^Z
 * is swallowed), because processes cannot be stopped yet.
 */
#include "kernel/tty.h"

#include "kernel/console.h"
#include "kernel/kernel.h"
#include "kernel/poll.h"
#include "kernel/proc.h"
#include "kernel/ring.h"
#include "kernel/signal.h"
#include "kernel/string.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/fcntl.h"
#include "kernel/uapi/poll.h"
#include "kernel/uapi/termios.h"
#include "kernel/vfs.h"
#include "kernel/wait.h"

#define EDIT_MAX 255 /* longest canonical line, as Linux's 4095 but smaller */
#define INPUT_SIZE 4096 /* the input ring: a power of two */
#define LINES_MAX 64 /* completed lines waiting to be read */
#define DISABLED 0 /* a c_cc entry of 0 is _POSIX_VDISABLE */

struct tty {
	struct termios termios;
	struct winsize winsize;
	int sid, pgrp; /* the session it controls, its foreground group */
	char edit[EDIT_MAX]; /* canonical: the line being typed */
	size_t edit_len;
	struct ring input; /* what readers take */
	/* canonical: input.head just after each completed line, oldest
	 * first; a ^D on an empty line is a line of no bytes (EOF). */
	uint32_t line_end[LINES_MAX];
	unsigned lines;
	struct wait_queue readers;
};

static uint8_t input_buf[INPUT_SIZE];

/* Linux's defaults (tty_std_termios): cooked, echoing, signals on.  The
 * console belongs to init's session (pid 1, group 1) from the start. */
static struct tty tty = {
	.termios = {
		.c_iflag = ICRNL | IXON,
		.c_oflag = OPOST | ONLCR,
		.c_cflag = B38400 | CS8 | CREAD | HUPCL,
		.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL |
			   ECHOKE | IEXTEN,
		.c_cc = { [VINTR] = 3, [VQUIT] = 28, [VERASE] = 127,
			  [VKILL] = 21, [VEOF] = 4, [VTIME] = 0, [VMIN] = 1,
			  [VSTART] = 17, [VSTOP] = 19, [VSUSP] = 26,
			  [VREPRINT] = 18, [VDISCARD] = 15, [VWERASE] = 23,
			  [VLNEXT] = 22 },
	},
	.winsize = { .ws_row = 25, .ws_col = 80 }, /* the VGA text screen */
	.sid = 1,
	.pgrp = 1,
	.input = { input_buf, INPUT_SIZE - 1, 0, 0 },
	.readers = WAIT_QUEUE_INIT,
};

static bool lflag(tcflag_t f) { return tty.termios.c_lflag & f; }

static bool is_cc(uint8_t c, int which)
{
	return tty.termios.c_cc[which] != DISABLED && c == tty.termios.c_cc[which];
}

static void readers_wake(void)
{
	wake_up(&tty.readers);
	poll_notify();
}

/* --- echo */

/* A control character echoes as ^X with ECHOCTL (tab and newline as
 * themselves), everything else as itself. */
static void echo_char(uint8_t c)
{
	if (!lflag(ECHO))
		return;
	if (lflag(ECHOCTL) && (c < ' ' || c == 0x7f) && c != '\n' && c != '\t') {
		char ctl[2] = { '^', (char)(c ^ 0x40) };
		console_write(ctl, 2);
	} else {
		console_write((const char *)&c, 1);
	}
}

/* --- canonical editing */

static void erase_one(void)
{
	if (!tty.edit_len)
		return;
	tty.edit_len--;
	if (lflag(ECHO) && lflag(ECHOE))
		console_write("\b \b", 3);
}

static void erase_word(void)
{
	while (tty.edit_len && tty.edit[tty.edit_len - 1] == ' ')
		erase_one();
	while (tty.edit_len && tty.edit[tty.edit_len - 1] != ' ')
		erase_one();
}

static void kill_line(void)
{
	if (lflag(ECHOKE) || !lflag(ECHOK)) {
		while (tty.edit_len)
			erase_one();
		return;
	}
	tty.edit_len = 0;
	if (lflag(ECHO))
		console_write("\n", 1);
}

/* Moves the edited line (plus its terminator, if any: none for ^D) into
 * the input ring for readers.  A line that does not fit is dropped whole
 * rather than cut, so a reader never sees half a line. */
static void complete_line(int terminator)
{
	size_t len = tty.edit_len + (terminator >= 0);

	if (ring_space(&tty.input) >= len && tty.lines < LINES_MAX) {
		ring_write(&tty.input, tty.edit, tty.edit_len);
		if (terminator >= 0)
			ring_put(&tty.input, (uint8_t)terminator);
		tty.line_end[tty.lines++] = tty.input.head;
		readers_wake();
	}
	tty.edit_len = 0;
}

static void canon_input(uint8_t c)
{
	if (is_cc(c, VERASE) || c == '\b') {
		erase_one(); /* ^H erases too, as terminals send either */
	} else if (is_cc(c, VKILL)) {
		kill_line();
	} else if (lflag(IEXTEN) && is_cc(c, VWERASE)) {
		erase_word();
	} else if (is_cc(c, VEOF)) {
		complete_line(-1);
	} else if (c == '\n' || is_cc(c, VEOL) || is_cc(c, VEOL2)) {
		if (lflag(ECHO) || (c == '\n' && lflag(ECHONL)))
			console_write("\n", 1);
		complete_line(c);
	} else if (tty.edit_len < EDIT_MAX) {
		tty.edit[tty.edit_len++] = (char)c;
		echo_char(c);
	}
}

static void raw_input(uint8_t c)
{
	if (ring_put(&tty.input, c))
		echo_char(c);
	readers_wake();
}

static void flush_input(void)
{
	tty.input.tail = tty.input.head;
	tty.lines = 0;
	tty.edit_len = 0;
}

/* ^C and ^\ signal the foreground group; ^Z is swallowed (no stopping). */
static bool signal_char(uint8_t c)
{
	int sig = is_cc(c, VINTR) ? SIGINT : is_cc(c, VQUIT) ? SIGQUIT : 0;

	if (!sig && !is_cc(c, VSUSP))
		return false;
	if (!lflag(NOFLSH))
		flush_input();
	echo_char(c);
	if (sig && tty.pgrp)
		signal_send_group(tty.pgrp, sig);
	readers_wake(); /* a reader in that group sees the signal */
	return true;
}

void tty_input(char ch)
{
	tcflag_t iflag = tty.termios.c_iflag;
	uint8_t c = (uint8_t)ch;

	if (iflag & ISTRIP)
		c &= 0x7f;
	if (c == '\r') {
		if (iflag & IGNCR)
			return;
		if (iflag & ICRNL)
			c = '\n';
	} else if (c == '\n' && (iflag & INLCR)) {
		c = '\r';
	}
	if (lflag(ISIG) && signal_char(c))
		return;
	if (lflag(ICANON))
		canon_input(c);
	else
		raw_input(c);
}

/* --- the read side */

/* Takes n bytes from the input ring into buf (a user or kernel
 * address), through a bounce buffer so a fault cannot leave the ring
 * half-read. */
static long take_bytes(void *buf, size_t n)
{
	char chunk[128];
	size_t done = 0;

	while (done < n) {
		size_t c = ring_read(&tty.input, chunk, MIN(n - done, sizeof(chunk)));
		if (!c)
			break;
		if (copy_out((char *)buf + done, chunk, c))
			return done ? (long)done : -EFAULT;
		done += c;
	}
	return (long)done;
}

/* At most one line: the rest of it stays for the next read. */
static long take_line(void *buf, size_t n)
{
	size_t left = tty.line_end[0] - tty.input.tail;
	long got = take_bytes(buf, MIN(n, left));

	if (tty.input.tail == tty.line_end[0]) {
		tty.lines--;
		memmove(tty.line_end, tty.line_end + 1, tty.lines * sizeof(uint32_t));
	}
	return got;
}

static long canon_read(struct file *f, void *buf, size_t n)
{
	int err;

	if (!tty.lines && f && (f->flags & O_NONBLOCK))
		return -EAGAIN;
	err = wait_event_interruptible(&tty.readers, tty.lines || !lflag(ICANON));
	if (err)
		return err;
	return tty.lines ? take_line(buf, n) : -ERESTARTSYS; /* mode changed */
}

/* Raw mode returns by POSIX's VMIN/VTIME rules, with MIN cut to n:
 * MIN>0, TIME=0: once MIN bytes are there.   MIN=0, TIME=0: at once.
 * MIN=0, TIME>0: at the first byte, or after TIME tenths of a second.
 * MIN>0, TIME>0: at MIN bytes, or TIME after a byte came once one has. */
static long raw_read(struct file *f, void *buf, size_t n)
{
	size_t min = MIN(tty.termios.c_cc[VMIN], n);
	uint64_t time = tty.termios.c_cc[VTIME] * 100000000ull;

	while (ring_count(&tty.input) < MAX(min, 1u)) {
		uint32_t had = ring_count(&tty.input);
		uint64_t deadline = 0;
		int err;

		if (f && (f->flags & O_NONBLOCK))
			return had ? take_bytes(buf, MIN(n, had)) : -EAGAIN;
		if (!min && !time)
			break;
		if (time && (!min || had))
			deadline = time_ns() + time;
		err = wait_event_interruptible_deadline(
			&tty.readers, ring_count(&tty.input) > had, deadline);
		if (err == -ETIMEDOUT)
			break;
		if (err)
			return err;
	}
	return take_bytes(buf, MIN(n, ring_count(&tty.input)));
}

static long tty_read(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	(void)pos;
	if (!n)
		return 0;
	return lflag(ICANON) ? canon_read(f, buf, n) : raw_read(f, buf, n);
}

int tty_session(void) { return tty.sid; }
int tty_foreground(void) { return tty.pgrp; }

size_t tty_read_line(char *buf, size_t size)
{
	long got;

	do /* in a kernel thread no signal comes; a mode change retries */
		got = size > 1 ? tty_read(NULL, buf, size - 1, NULL) : 0;
	while (got < 0);
	if (got && buf[got - 1] == '\n')
		got--;
	if (size)
		buf[got] = '\0';
	return (size_t)got;
}

static long tty_write(struct file *f, const void *buf, size_t n, uint64_t *pos)
{
	char chunk[256];
	size_t done = 0;

	(void)f, (void)pos;
	while (done < n) {
		size_t c = MIN(n - done, sizeof(chunk));
		if (copy_in(chunk, (const char *)buf + done, c))
			return done ? (long)done : -EFAULT;
		console_write(chunk, c);
		done += c;
	}
	return (long)done;
}

static uint32_t bytes_readable(void)
{
	if (lflag(ICANON))
		return tty.lines ? tty.line_end[tty.lines - 1] - tty.input.tail : 0;
	return ring_count(&tty.input);
}

/* Readable as a read would see it: a line, or (raw) VMIN bytes when no
 * VTIME timer would end the read earlier, as Linux's n_tty. */
static unsigned tty_poll(struct file *f)
{
	uint8_t min = tty.termios.c_cc[VMIN], time = tty.termios.c_cc[VTIME];
	bool readable = lflag(ICANON) ? tty.lines != 0
				      : ring_count(&tty.input) >= (!time && min ? min : 1u);

	(void)f;
	return POLLOUT | POLLWRNORM | (readable ? POLLIN | POLLRDNORM : 0);
}

static int64_t tty_lseek(struct file *f, int64_t off, int whence)
{
	(void)f, (void)off, (void)whence;
	return -ESPIPE;
}

/* --- termios and job control ioctls */

/* A new termios, switching modes as Linux does: what was typed before
 * ICANON went off becomes raw input; raw input waiting when ICANON comes
 * on becomes one line. */
static void set_termios(const struct termios *t)
{
	bool was_canon = lflag(ICANON);

	tty.termios = *t;
	if (was_canon && !lflag(ICANON)) {
		ring_write(&tty.input, tty.edit, tty.edit_len);
		tty.edit_len = 0;
		tty.lines = 0;
	} else if (!was_canon && lflag(ICANON) && ring_count(&tty.input)) {
		tty.lines = 1;
		tty.line_end[0] = tty.input.head;
	}
	readers_wake(); /* sleepers re-check under the new rules */
}

/* TIOCSPGRP: the new foreground group must be in the caller's session. */
static int set_foreground(struct process *me, const int *upgrp)
{
	int pgrp, sid;

	if (copy_from_user(&pgrp, upgrp, sizeof(pgrp)))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	sid = proc_group_session(pgrp);
	if (sid < 0)
		return sid;
	if (sid != me->sid)
		return -EPERM;
	tty.pgrp = pgrp;
	return 0;
}

/* TIOCSCTTY: a session leader takes the terminal; from a live session
 * only if arg is 1 (root's right to steal it, and everyone is root). */
static int take_controlling(struct process *me, unsigned long arg)
{
	if (me->pid != me->sid)
		return -EPERM;
	if (tty.sid == me->sid)
		return 0;
	if (tty.sid && proc_session_alive(tty.sid) && arg != 1)
		return -EPERM;
	tty.sid = me->sid;
	tty.pgrp = me->pgid;
	return 0;
}

static int job_ioctl(unsigned cmd, unsigned long arg)
{
	struct process *me = current_proc();
	bool controlling = me && me->sid == tty.sid;
	int v;

	if (cmd == TIOCSCTTY)
		return me ? take_controlling(me, arg) : -EPERM;
	if (!controlling)
		return -ENOTTY; /* not the caller's terminal */
	switch (cmd) {
	case TIOCGPGRP:
	case TIOCGSID:
		v = cmd == TIOCGPGRP ? tty.pgrp : tty.sid;
		return copy_to_user((void *)arg, &v, sizeof(v)) ? -EFAULT : 0;
	case TIOCSPGRP:
		return set_foreground(me, (const int *)arg);
	default: /* TIOCNOTTY: the session leader gives it up */
		if (me->pid == me->sid)
			tty.sid = tty.pgrp = 0;
		return 0;
	}
}

static int tty_ioctl(struct file *f, unsigned cmd, unsigned long arg)
{
	struct termios t;
	struct winsize ws;
	uint32_t n;

	(void)f;
	switch (cmd) {
	case TCGETS:
		return copy_to_user((void *)arg, &tty.termios, sizeof(t)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW: /* output is written synchronously: always drained */
	case TCSETSF:
		if (copy_from_user(&t, (const void *)arg, sizeof(t)))
			return -EFAULT;
		if (cmd == TCSETSF)
			flush_input();
		set_termios(&t);
		return 0;
	case TIOCGWINSZ:
		return copy_to_user((void *)arg, &tty.winsize, sizeof(ws)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		if (copy_from_user(&ws, (const void *)arg, sizeof(ws)))
			return -EFAULT;
		if (memcmp(&ws, &tty.winsize, sizeof(ws)) && tty.pgrp)
			signal_send_group(tty.pgrp, SIGWINCH);
		tty.winsize = ws;
		return 0;
	case FIONREAD:
		n = bytes_readable();
		return copy_to_user((void *)arg, &n, sizeof(n)) ? -EFAULT : 0;
	case TCFLSH:
		if (arg > TCIOFLUSH)
			return -EINVAL;
		if (arg != TCOFLUSH)
			flush_input();
		return 0;
	case TCSBRK: /* tcdrain and tcsendbreak: output never waits */
	case TCXONC:
		return 0;
	case TIOCGPGRP:
	case TIOCSPGRP:
	case TIOCSCTTY:
	case TIOCNOTTY:
	case TIOCGSID:
		return job_ioctl(cmd, arg);
	default:
		return -ENOTTY;
	}
}

const struct file_operations tty_fops = {
	.read = tty_read,
	.write = tty_write,
	.lseek = tty_lseek,
	.poll = tty_poll,
	.ioctl = tty_ioctl,
};
