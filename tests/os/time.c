/* tests/os/time.c - clocks and sleeping: nanosleep lasts at least what
 * was asked, CLOCK_MONOTONIC never goes back and advances, CLOCK_REALTIME
 * is a plausible date, gettimeofday/time/clock_gettime agree, resolution,
 * clock_nanosleep relative and absolute, and the errors.  Only lower bounds on durations (and very loose upper
 * ones): a busy host may always be slower.
 */
#include <sys/syscall.h>
#include <sys/time.h>

#include "t.h"

#define KERNEL_ADDR ((void *)0xC0000000)
#define Y2020 1577836800L /* 2020-01-01T00:00:00Z */

static long long ns_of(clockid_t clock)
{
	struct timespec ts;

	T_OK(clock_gettime(clock, &ts));
	T_TRUE(ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void nanosleep_duration(void)
{
	static const long ms[] = {1, 10, 50, 120};

	for (int i = 0; i < T_COUNT(ms); i++) {
		struct timespec req = {0, ms[i] * 1000000}, rem = {7, 7};
		long long start = ns_of(CLOCK_MONOTONIC);

		T_OK(nanosleep(&req, &rem));
		long long took = ns_of(CLOCK_MONOTONIC) - start;
		if (took < ms[i] * 1000000)
			T_FAIL("nanosleep(%ld ms) took %lld ns", ms[i], took);
		T_TRUE(took < ms[i] * 1000000 + 3000000000LL);
	}
	struct timespec req = {1, 0};
	long long start = ns_of(CLOCK_MONOTONIC);
	T_OK(nanosleep(&req, NULL));
	T_TRUE(ns_of(CLOCK_MONOTONIC) - start >= 1000000000);
	req = (struct timespec){0, 0};
	T_OK(nanosleep(&req, NULL));
}

static void nanosleep_errors(void)
{
	struct timespec req = {0, 1000000000};

	T_ERR(nanosleep(&req, NULL), EINVAL);
	req = (struct timespec){0, -1};
	T_ERR(nanosleep(&req, NULL), EINVAL);
	req = (struct timespec){-1, 0};
	T_ERR(nanosleep(&req, NULL), EINVAL);
	T_ERR(nanosleep(NULL, NULL), EFAULT);
	T_ERR(nanosleep(KERNEL_ADDR, NULL), EFAULT);
}

static void monotonic(void)
{
	long long prev = ns_of(CLOCK_MONOTONIC), first = prev;

	T_TRUE(prev > 0);
	for (int i = 0; i < 10000; i++) {
		long long now = ns_of(CLOCK_MONOTONIC);
		if (now < prev)
			T_FAIL("CLOCK_MONOTONIC went back: %lld after %lld",
			       now, prev);
		prev = now;
	}
	t_sleep_ms(20);
	T_TRUE(ns_of(CLOCK_MONOTONIC) - first >= 20000000);
	/* it measures time since boot: less than a year of uptime */
	T_TRUE(first < 365LL * 86400 * 1000000000LL);
}

static void realtime(void)
{
	struct timespec ts;

	T_OK(clock_gettime(CLOCK_REALTIME, &ts));
	T_TRUE(ts.tv_sec > Y2020);
	long long a = ns_of(CLOCK_REALTIME);
	t_sleep_ms(20);
	long long b = ns_of(CLOCK_REALTIME);
	T_TRUE(b - a >= 15000000); /* the wall clock moves too */
	T_TRUE(b - a < 10000000000LL);
}

static void clocks_agree(void)
{
	struct timeval tv;
	struct timespec ts;
	long t1, t2;

	t1 = time(NULL);
	T_OK(gettimeofday(&tv, NULL));
	T_OK(clock_gettime(CLOCK_REALTIME, &ts));
	t2 = time(NULL);
	T_TRUE(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	T_TRUE(t1 > Y2020);
	T_TRUE(tv.tv_sec >= t1 && tv.tv_sec <= t1 + 1);
	T_TRUE(ts.tv_sec >= tv.tv_sec && ts.tv_sec <= tv.tv_sec + 1);
	T_TRUE(t2 >= ts.tv_sec && t2 <= ts.tv_sec + 1);
	/* time() stores through its argument as well */
	long stored = 0;
	long r = time(&stored);
	T_EQ(stored, r);
	long raw = syscall(SYS_time, NULL);
	T_TRUE(raw >= r && raw <= r + 1);
}

static void clock_resolution(void)
{
	struct timespec res;

	T_OK(clock_getres(CLOCK_MONOTONIC, &res));
	T_EQ(res.tv_sec, 0);
	T_TRUE(res.tv_nsec > 0 && res.tv_nsec <= 10000000);
	T_OK(clock_getres(CLOCK_REALTIME, &res));
	T_TRUE(res.tv_sec == 0 && res.tv_nsec > 0);
	T_OK(clock_getres(CLOCK_MONOTONIC, NULL));
}

static void clock_errors(void)
{
	struct timespec ts;

	T_ERR(clock_gettime(12345, &ts), EINVAL);
	T_ERR(clock_gettime(-1, &ts), EINVAL);
	T_ERR(clock_getres(12345, &ts), EINVAL);
	T_ERR(clock_gettime(CLOCK_MONOTONIC, NULL), EFAULT);
	T_ERR(clock_gettime(CLOCK_REALTIME, KERNEL_ADDR), EFAULT);
	T_ERR(gettimeofday(KERNEL_ADDR, NULL), EFAULT);
	T_ERR(time(KERNEL_ADDR), EFAULT);
}

/* clock_nanosleep (glibc's nanosleep and sleep use it), raw: the libc
 * has no wrapper */
static long clock_nanosleep_raw(clockid_t clock, int flags, const struct timespec *req,
				struct timespec *rem)
{
	return syscall(SYS_clock_nanosleep, clock, flags, req, rem);
}

static void clock_nanosleep_relative_and_absolute(void)
{
	struct timespec req = {0, 20000000}, when, rem = {7, 7};
	long long start = ns_of(CLOCK_MONOTONIC);

	T_OK(clock_nanosleep_raw(CLOCK_MONOTONIC, 0, &req, &rem));
	T_TRUE(ns_of(CLOCK_MONOTONIC) - start >= 20000000);
	T_OK(clock_nanosleep_raw(CLOCK_REALTIME, 0, &req, NULL));
	T_OK(clock_gettime(CLOCK_MONOTONIC, &when));
	when.tv_nsec += 30000000;
	if (when.tv_nsec >= 1000000000) {
		when.tv_sec++;
		when.tv_nsec -= 1000000000;
	}
	T_OK(clock_nanosleep_raw(CLOCK_MONOTONIC, TIMER_ABSTIME, &when, NULL));
	T_TRUE(ns_of(CLOCK_MONOTONIC) >= when.tv_sec * 1000000000LL + when.tv_nsec);
	/* a time already past: at once */
	start = ns_of(CLOCK_MONOTONIC);
	when = (struct timespec){1, 0};
	T_OK(clock_nanosleep_raw(CLOCK_REALTIME, TIMER_ABSTIME, &when, NULL));
	T_OK(clock_nanosleep_raw(CLOCK_MONOTONIC, TIMER_ABSTIME, &when, NULL));
	T_TRUE(ns_of(CLOCK_MONOTONIC) - start < 1000000000LL);
}

static void clock_nanosleep_errors(void)
{
	struct timespec req = {0, 1000000}, bad = {0, 1000000000}, negative = {-1, 0};

	T_ERR(clock_nanosleep_raw(CLOCK_THREAD_CPUTIME_ID, 0, &req, NULL), EOPNOTSUPP);
	T_ERR(clock_nanosleep_raw(CLOCK_MONOTONIC_COARSE, 0, &req, NULL), EOPNOTSUPP);
	T_ERR(clock_nanosleep_raw(99, 0, &req, NULL), EINVAL);
	T_ERR(clock_nanosleep_raw(CLOCK_MONOTONIC, 0, &bad, NULL), EINVAL);
	T_ERR(clock_nanosleep_raw(CLOCK_MONOTONIC, 0, &negative, NULL), EINVAL);
	T_ERR(clock_nanosleep_raw(CLOCK_MONOTONIC, 0, KERNEL_ADDR, NULL), EFAULT);
}

static const struct t_case cases[] = {
    T(nanosleep_duration), T(nanosleep_errors), T(monotonic),	 T(realtime),
    T(clocks_agree),	   T(clock_resolution), T(clock_errors),
    T(clock_nanosleep_relative_and_absolute), T(clock_nanosleep_errors),
};

T_MAIN(cases, NULL)
