/* tests/os/libc_time.c - <time.h>: the clocks, broken-down time in UTC
 * (the only zone), mktime's normalization, asctime/ctime, and strftime
 * compared with strings glibc printed for the same times (TZ=UTC).
 * tests/unit/test_libc_time.c compares with glibc on many more. */
#include <limits.h>

#include "t.h"

static const char *const formats[] = {
    "%a %A %b %B %h", "%c", "%C %y %Y %G %g", "%d %e %j %m",
    "%D %F %T %R %r", "%H %I %k %l %M %S %p %P", "%u %w %U %W %V",
    "%s %z %Z", "%x %X %n%t%%",
    "%_3d|%-d|%05Y|%^a|%#b|%10B|%-10B",
};

/* made by glibc's strftime on localtime_r with TZ=UTC */
static const struct {
	long t;
	const char *want[10];
} expected[] = {
	{0L, {"Thu Thursday Jan January Jan",
	  "Thu Jan  1 00:00:00 1970",
	  "19 70 1970 1970 70",
	  "01  1 001 01",
	  "01/01/70 1970-01-01 00:00:00 00:00 12:00:00 AM",
	  "00 12  0 12 00 00 AM am",
	  "4 4 00 00 01",
	  "0 +0000 UTC",
	  "01/01/70 00:00:00 \n\t%",
	  "  1|1|01970|THU|JAN|   January|   January"}},
	{1700000000L, {"Tue Tuesday Nov November Nov",
	  "Tue Nov 14 22:13:20 2023",
	  "20 23 2023 2023 23",
	  "14 14 318 11",
	  "11/14/23 2023-11-14 22:13:20 22:13 10:13:20 PM",
	  "22 10 22 10 13 20 PM pm",
	  "2 2 46 46 46",
	  "1700000000 +0000 UTC",
	  "11/14/23 22:13:20 \n\t%",
	  " 14|14|02023|TUE|NOV|  November|  November"}},
	{951782400L, {"Tue Tuesday Feb February Feb",
	  "Tue Feb 29 00:00:00 2000",
	  "20 00 2000 2000 00",
	  "29 29 060 02",
	  "02/29/00 2000-02-29 00:00:00 00:00 12:00:00 AM",
	  "00 12  0 12 00 00 AM am",
	  "2 2 09 09 09",
	  "951782400 +0000 UTC",
	  "02/29/00 00:00:00 \n\t%",
	  " 29|29|02000|TUE|FEB|  February|  February"}},
	{-1L, {"Wed Wednesday Dec December Dec",
	  "Wed Dec 31 23:59:59 1969",
	  "19 69 1969 1970 70",
	  "31 31 365 12",
	  "12/31/69 1969-12-31 23:59:59 23:59 11:59:59 PM",
	  "23 11 23 11 59 59 PM pm",
	  "3 3 52 52 01",
	  "-1 +0000 UTC",
	  "12/31/69 23:59:59 \n\t%",
	  " 31|31|01969|WED|DEC|  December|  December"}},
	{2147483647L, {"Tue Tuesday Jan January Jan",
	  "Tue Jan 19 03:14:07 2038",
	  "20 38 2038 2038 38",
	  "19 19 019 01",
	  "01/19/38 2038-01-19 03:14:07 03:14 03:14:07 AM",
	  "03 03  3  3 14 07 AM am",
	  "2 2 03 03 03",
	  "2147483647 +0000 UTC",
	  "01/19/38 03:14:07 \n\t%",
	  " 19|19|02038|TUE|JAN|   January|   January"}},
	{-2147483648L, {"Fri Friday Dec December Dec",
	  "Fri Dec 13 20:45:52 1901",
	  "19 01 1901 1901 01",
	  "13 13 347 12",
	  "12/13/01 1901-12-13 20:45:52 20:45 08:45:52 PM",
	  "20 08 20  8 45 52 PM pm",
	  "5 5 49 49 50",
	  "-2147483648 +0000 UTC",
	  "12/13/01 20:45:52 \n\t%",
	  " 13|13|01901|FRI|DEC|  December|  December"}},
	{1104537600L, {"Sat Saturday Jan January Jan",
	  "Sat Jan  1 00:00:00 2005",
	  "20 05 2005 2004 04",
	  "01  1 001 01",
	  "01/01/05 2005-01-01 00:00:00 00:00 12:00:00 AM",
	  "00 12  0 12 00 00 AM am",
	  "6 6 00 00 53",
	  "1104537600 +0000 UTC",
	  "01/01/05 00:00:00 \n\t%",
	  "  1|1|02005|SAT|JAN|   January|   January"}},
	{1230768000L, {"Thu Thursday Jan January Jan",
	  "Thu Jan  1 00:00:00 2009",
	  "20 09 2009 2009 09",
	  "01  1 001 01",
	  "01/01/09 2009-01-01 00:00:00 00:00 12:00:00 AM",
	  "00 12  0 12 00 00 AM am",
	  "4 4 00 00 01",
	  "1230768000 +0000 UTC",
	  "01/01/09 00:00:00 \n\t%",
	  "  1|1|02009|THU|JAN|   January|   January"}},
};

static void strftime_matches_glibc(void)
{
	char buf[200];

	for (int i = 0; i < T_COUNT(expected); i++) {
		time_t t = expected[i].t;
		struct tm tm;

		T_TRUE(localtime_r(&t, &tm) != NULL);
		for (int j = 0; j < T_COUNT(formats); j++) {
			T_TRUE(strftime(buf, sizeof(buf), formats[j], &tm) > 0);
			if (strcmp(buf, expected[i].want[j]))
				T_FAIL("%ld \"%s\": got \"%s\", want \"%s\"",
				       expected[i].t, formats[j], buf,
				       expected[i].want[j]);
		}
	}
}

static void strftime_buffer_too_small(void)
{
	char buf[10];
	time_t t = 0;
	struct tm tm;

	gmtime_r(&t, &tm);
	T_EQ(strftime(buf, 10, "%Y-%m-%d", &tm), 0);
	T_EQ(strftime(buf, 11 - 1, "%Y-%m-%", &tm), 9);
	T_STREQ(buf, "1970-01-%");
	T_EQ(strftime(buf, 1, "", &tm), 0);
}

static void gmtime_fields(void)
{
	time_t t = 951825600; /* 2000-02-29 12:00:00, a Tuesday */
	struct tm *tm = gmtime(&t);

	T_EQ(tm->tm_year, 100);
	T_EQ(tm->tm_mon, 1);
	T_EQ(tm->tm_mday, 29);
	T_EQ(tm->tm_hour, 12);
	T_EQ(tm->tm_wday, 2);
	T_EQ(tm->tm_yday, 59);
	T_EQ(tm->tm_isdst, 0);
	T_EQ(tm->tm_gmtoff, 0);
	T_STREQ(tm->tm_zone, "GMT");
	t = -1;
	tm = gmtime(&t);
	T_EQ(tm->tm_year, 69);
	T_EQ(tm->tm_mday, 31);
	T_EQ(tm->tm_sec, 59);
	T_EQ(tm->tm_wday, 3);
}

static void localtime_is_utc(void)
{
	time_t t = 1700000000;
	struct tm a, b;

	T_TRUE(localtime_r(&t, &a) && gmtime_r(&t, &b));
	T_EQ(a.tm_hour, b.tm_hour);
	T_EQ(a.tm_mday, b.tm_mday);
	T_STREQ(a.tm_zone, "UTC");
	tzset();
	T_STREQ(tzname[0], "UTC");
	T_EQ(timezone, 0);
	T_EQ(daylight, 0);
}

static void mktime_normalizes(void)
{
	struct tm tm = {.tm_year = 123, .tm_mon = 12, .tm_mday = 32,
			.tm_hour = 25, .tm_min = -1, .tm_sec = 61};

	/* 2023-13-32 25:-1:61 is 2024-02-02 01:00:01 */
	T_EQ(mktime(&tm), 1706835601L);
	T_EQ(tm.tm_year, 124);
	T_EQ(tm.tm_mon, 1);
	T_EQ(tm.tm_mday, 2);
	T_EQ(tm.tm_hour, 1);
	T_EQ(tm.tm_min, 0);
	T_EQ(tm.tm_sec, 1);
	T_EQ(tm.tm_wday, 5);
	T_EQ(tm.tm_yday, 32);
	struct tm back = {.tm_year = 70, .tm_mday = 1};
	T_EQ(timegm(&back), 0);
	struct tm far = {.tm_year = 200, .tm_mday = 1}; /* 2100: no 32-bit */
	T_ERR(mktime(&far), EOVERFLOW);
}

static void asctime_ctime(void)
{
	time_t t = 1700000000, neg = -2147483647L - 1;
	char buf[26];
	struct tm tm;

	T_STREQ(ctime(&t), "Tue Nov 14 22:13:20 2023\n");
	T_STREQ(ctime_r(&neg, buf), "Fri Dec 13 20:45:52 1901\n");
	gmtime_r(&t, &tm);
	T_STREQ(asctime(&tm), "Tue Nov 14 22:13:20 2023\n");
	tm.tm_year = 10000 - 1900; /* too long for 26 bytes */
	errno = 0;
	T_TRUE(asctime_r(&tm, buf) == NULL);
	T_EQ(errno, EOVERFLOW);
}

static void clocks_move(void)
{
	time_t t1 = time(NULL), t2;
	clock_t c1 = clock();
	struct timespec ts;

	T_TRUE(t1 > 1600000000); /* after 2020 */
	T_EQ(time(&t2), t2);
	T_TRUE(t2 >= t1);
	T_TRUE(c1 >= 0);
	t_sleep_ms(30);
	T_TRUE(clock() >= c1);
	T_OK(clock_gettime(CLOCK_REALTIME, &ts));
	T_TRUE(ts.tv_sec >= t1 && ts.tv_nsec < 1000000000);
	T_TRUE(difftime(10, 4) == 6.0);
	T_TRUE(difftime(LONG_MIN, LONG_MAX) == -4294967295.0);
}

static const struct t_case cases[] = {
    T(strftime_matches_glibc),
    T(strftime_buffer_too_small),
    T(gmtime_fields),
    T(localtime_is_utc),
    T(mktime_normalizes),
    T(asctime_ctime),
    T(clocks_move),
};

T_MAIN(cases, NULL)
