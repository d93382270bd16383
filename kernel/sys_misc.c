/* kernel/sys_misc.c - time, identity and machine system calls: time,
 * gettimeofday, clock_gettime/getres, nanosleep and clock_nanosleep,
 * uname, the (all zero) user and group ids, sysinfo, getrandom, reboot. */
#include "kernel/heap.h"
#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/pmm.h"
#include "kernel/power.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/string.h"
#include "kernel/task.h"
#include "kernel/time.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/reboot.h"
#include "kernel/uapi/sysinfo.h"
#include "kernel/uapi/time.h"
#include "kernel/uapi/utsname.h"
#include "kernel/wait.h"
#include "kernel/x86.h"

#define OS_NAME "TeachOS"
#define OS_RELEASE "0.1"

static struct timespec realtime(void)
{
	uint64_t ns = time_ns();
	int64_t epoch = time_realtime();

	return (struct timespec){ (long)epoch, (long)(ns % 1000000000u) };
}

long sys_time(int32_t *out)
{
	int32_t t = (int32_t)time_realtime();

	if (out && copy_to_user(out, &t, sizeof(t)))
		return -EFAULT;
	return t;
}

long sys_gettimeofday(struct timeval *tv, struct timezone *tz)
{
	struct timespec now = realtime();
	struct timeval v = { now.tv_sec, now.tv_nsec / 1000 };
	struct timezone z = { 0, 0 };

	if (tv && copy_to_user(tv, &v, sizeof(v)))
		return -EFAULT;
	if (tz && copy_to_user(tz, &z, sizeof(z)))
		return -EFAULT;
	return 0;
}

long sys_clock_gettime(int clock, struct timespec *out)
{
	struct timespec ts;
	uint64_t ns = time_ns();

	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		ts = realtime();
		break;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
	case CLOCK_PROCESS_CPUTIME_ID: /* no CPU accounting yet: time since boot */
	case CLOCK_THREAD_CPUTIME_ID:
		ts = (struct timespec){ (long)(ns / 1000000000u), (long)(ns % 1000000000u) };
		break;
	default:
		return -EINVAL;
	}
	return copy_to_user(out, &ts, sizeof(ts));
}

long sys_clock_getres(int clock, struct timespec *out)
{
	struct timespec res = { 0, 1 }; /* the TSC clock: nanoseconds */

	if (clock < 0 || clock > CLOCK_BOOTTIME)
		return -EINVAL;
	return out ? copy_to_user(out, &res, sizeof(res)) : 0;
}

#define NS_PER_S 1000000000ull

static uint64_t timespec_ns(const struct timespec *ts)
{
	return (uint64_t)ts->tv_sec * NS_PER_S + (uint64_t)ts->tv_nsec;
}

/* Sleeps until time_ns() reaches end or a signal comes: 0, or -EINTR
 * with the time left in *urem (if not NULL). */
static long sleep_until(uint64_t end, struct timespec *urem)
{
	static struct wait_queue nobody = WAIT_QUEUE_INIT;
	struct timespec rem;
	uint64_t left;

	/* Nothing wakes this queue: only the deadline ends the sleep.  The
	 * timer checks deadlines every tick, so sleeps last whole ms. */
	while (time_ns() < end && !signal_pending())
		wait_event_timeout(&nobody, time_ns() >= end || signal_pending(),
				   (end - time_ns()) / 1000000u + 1);
	if (time_ns() >= end)
		return 0;
	left = end - time_ns(); /* a signal: report the time left */
	rem = (struct timespec){ (long)(left / NS_PER_S), (long)(left % NS_PER_S) };
	if (urem && copy_to_user(urem, &rem, sizeof(rem)))
		return -EFAULT;
	return -EINTR;
}

static long get_request(const struct timespec *ureq, struct timespec *req)
{
	if (copy_from_user(req, ureq, sizeof(*req)))
		return -EFAULT;
	if (req->tv_sec < 0 || req->tv_nsec < 0 || req->tv_nsec >= (long)NS_PER_S)
		return -EINVAL;
	return 0;
}

long sys_nanosleep(const struct timespec *ureq, struct timespec *urem)
{
	struct timespec req;
	long err = get_request(ureq, &req);

	return err ? err : sleep_until(time_ns() + timespec_ns(&req), urem);
}

/* glibc's nanosleep and sleep call this.  Clocks Linux cannot sleep on
 * (the coarse and raw ones, a thread's CPU time, the alarm clocks) are
 * -EOPNOTSUPP as there; so is the process's CPU time, which this kernel
 * does not keep; CLOCK_TAI is -EINVAL, as for clock_gettime here. */
long sys_clock_nanosleep(int clock, int flags, const struct timespec *ureq,
			 struct timespec *urem)
{
	struct timespec req, now;
	uint64_t when;
	long err;

	if (clock >= CLOCK_PROCESS_CPUTIME_ID && clock <= 9 && clock != CLOCK_BOOTTIME)
		return -EOPNOTSUPP;
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC && clock != CLOCK_BOOTTIME)
		return -EINVAL;
	if ((err = get_request(ureq, &req)))
		return err;
	if (!(flags & TIMER_ABSTIME))
		return sleep_until(time_ns() + timespec_ns(&req), urem);
	/* an absolute time on the clock: as a time_ns() (no time left to
	 * report, as Linux) */
	when = timespec_ns(&req);
	if (clock == CLOCK_REALTIME) {
		now = realtime();
		when = when > timespec_ns(&now) ? time_ns() + (when - timespec_ns(&now)) : 0;
	}
	return sleep_until(when, NULL);
}

long sys_uname(struct utsname *out)
{
	struct utsname u;

	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, OS_NAME, sizeof(u.sysname));
	strlcpy(u.nodename, "teachos", sizeof(u.nodename));
	strlcpy(u.release, OS_RELEASE, sizeof(u.release));
	strlcpy(u.version, "#1 " __DATE__, sizeof(u.version));
	strlcpy(u.machine, "i686", sizeof(u.machine));
	strlcpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(out, &u, sizeof(u));
}

long sys_getuid(void) { return 0; }
long sys_getgid(void) { return 0; }
long sys_geteuid(void) { return 0; }
long sys_getegid(void) { return 0; }
long sys_getuid32(void) { return 0; }
long sys_getgid32(void) { return 0; }
long sys_geteuid32(void) { return 0; }
long sys_getegid32(void) { return 0; }

/* syslog(2)'s actions (Linux's SYSLOG_ACTION_*), as dmesg uses them. */
enum { SL_CLOSE, SL_OPEN, SL_READ, SL_READ_ALL, SL_READ_CLEAR, SL_CLEAR,
       SL_CONSOLE_OFF, SL_CONSOLE_ON, SL_CONSOLE_LEVEL, SL_SIZE_UNREAD,
       SL_SIZE_BUFFER };

static long syslog_read(char *ubuf, int len, bool clear)
{
	char *text;
	size_t n;

	if (!ubuf || len < 0)
		return -EINVAL;
	text = kmalloc(printk_log_capacity());
	if (!text)
		return -ENOMEM;
	n = printk_log_copy(text, MIN((size_t)len, printk_log_capacity()));
	if (copy_to_user(ubuf, text, n))
		n = (size_t)-EFAULT;
	else if (clear)
		printk_log_clear();
	kfree(text);
	return (long)n;
}

/* The kernel log for dmesg.  SL_READ (a blocking, draining read, as
 * /proc/kmsg) is not offered: -EINVAL. */
long sys_syslog(int type, char *ubuf, int len)
{
	switch (type) {
	case SL_CLOSE:
	case SL_OPEN:
		return 0;
	case SL_READ_ALL:
	case SL_READ_CLEAR:
		return syslog_read(ubuf, len, type == SL_READ_CLEAR);
	case SL_CLEAR:
		printk_log_clear();
		return 0;
	case SL_CONSOLE_OFF:
		printk_set_console_level(LOG_ERR);
		return 0;
	case SL_CONSOLE_ON:
		printk_set_console_level(LOG_INFO);
		return 0;
	case SL_CONSOLE_LEVEL:
		if (len < 1 || len > 8)
			return -EINVAL;
		printk_set_console_level(len < LOG_ERR ? LOG_ERR : (enum log_level)len);
		return 0;
	case SL_SIZE_UNREAD:
		return (long)printk_log_unread();
	case SL_SIZE_BUFFER:
		return (long)printk_log_capacity();
	default:
		return -EINVAL;
	}
}

long sys_sysinfo(struct sysinfo *out)
{
	struct sysinfo si;
	int procs = 0;

	for (int pid = 1; pid < 100000 && procs < PROC_MAX; pid++)
		procs += proc_find(pid) != NULL;
	memset(&si, 0, sizeof(si));
	si.uptime = (long)(time_ns() / 1000000000u);
	si.totalram = pmm_total_frames();
	si.freeram = pmm_free_frames();
	si.procs = (unsigned short)procs;
	si.mem_unit = PAGE_SIZE;
	return copy_to_user(out, &si, sizeof(si));
}

long sys_getrandom(void *buf, size_t n, unsigned flags)
{
	static uint64_t state;
	uint8_t chunk[64];
	size_t done = 0;

	if (flags & ~7u)
		return -EINVAL;
	state ^= rdtsc();
	while (done < n) {
		size_t c = MIN(n - done, sizeof(chunk));
		for (size_t i = 0; i < c; i++) { /* xorshift: not for secrets */
			state ^= state << 13, state ^= state >> 7, state ^= state << 17;
			chunk[i] = (uint8_t)(state >> 32);
		}
		if (copy_to_user((uint8_t *)buf + done, chunk, c))
			return done ? (long)done : -EFAULT;
		done += c;
	}
	return (long)done;
}

long sys_reboot(uint32_t magic1, uint32_t magic2, uint32_t cmd)
{
	if (magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_POWER_OFF:
	case LINUX_REBOOT_CMD_HALT:
		power_off(0);
	case LINUX_REBOOT_CMD_RESTART:
		power_off(0); /* -no-reboot: a restart ends QEMU as well */
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_sched_yield(void)
{
	yield();
	return 0;
}
