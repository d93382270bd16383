/* tests/unit/test_libc_time.c - our calendar functions (libc/time/
 * gmtime.c, asctime.c, strftime.c, compiled here under other names)
 * against the host glibc's with TZ=UTC: gmtime and localtime of random
 * times, timegm and mktime of random out-of-range fields, asctime and
 * ctime, and strftime with every conversion, flag and a few widths on
 * random dates. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tests/unit/unit.h"

#define gmtime our_gmtime
#define gmtime_r our_gmtime_r
#define localtime our_localtime
#define localtime_r our_localtime_r
#define timegm our_timegm
#define mktime our_mktime
#define difftime our_difftime
#define tzname our_tzname
#define timezone our_timezone
#define daylight our_daylight
#define tzset our_tzset
#define asctime our_asctime
#define asctime_r our_asctime_r
#define ctime our_ctime
#define ctime_r our_ctime_r
#define strftime our_strftime
#include "libc/time/gmtime.c"
#include "libc/time/asctime.c"
#include "libc/time/strftime.c"
#undef gmtime
#undef gmtime_r
#undef localtime
#undef localtime_r
#undef timegm
#undef mktime
#undef difftime
#undef tzname
#undef timezone
#undef daylight
#undef tzset
#undef asctime
#undef asctime_r
#undef ctime
#undef ctime_r
#undef strftime

static unsigned long long rng_state = 0x9e3779b97f4a7c15ULL;

static unsigned rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state >> 16);
}

static time_t random_time(void)
{
	return (time_t)(rng() ^ (rng() << 16)); /* the whole 32-bit range */
}

static int same_tm(const struct tm *a, const struct tm *b)
{
	return a->tm_sec == b->tm_sec && a->tm_min == b->tm_min &&
	       a->tm_hour == b->tm_hour && a->tm_mday == b->tm_mday &&
	       a->tm_mon == b->tm_mon && a->tm_year == b->tm_year &&
	       a->tm_wday == b->tm_wday && a->tm_yday == b->tm_yday &&
	       a->tm_isdst == b->tm_isdst && a->tm_gmtoff == b->tm_gmtoff &&
	       !strcmp(a->tm_zone, b->tm_zone);
}

static void utc(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
}

TEST(gmtime_localtime_match_glibc)
{
	struct tm a, b;
	int shown = 0;

	utc();
	for (int i = 0; i < 200000; i++) {
		time_t t = i < 1000 ? (time_t)(i * 86399L - 500 * 86399L)
				    : random_time();

		our_gmtime_r(&t, &a);
		gmtime_r(&t, &b);
		if (!same_tm(&a, &b) && shown++ < 5)
			UNIT_FAIL("gmtime(%ld): %d-%d-%d %d:%d:%d wday %d yday %d, "
				  "want %d-%d-%d %d:%d:%d wday %d yday %d",
				  (long)t, a.tm_year, a.tm_mon, a.tm_mday,
				  a.tm_hour, a.tm_min, a.tm_sec, a.tm_wday,
				  a.tm_yday, b.tm_year, b.tm_mon, b.tm_mday,
				  b.tm_hour, b.tm_min, b.tm_sec, b.tm_wday,
				  b.tm_yday);
		our_localtime_r(&t, &a);
		localtime_r(&t, &b);
		if (!same_tm(&a, &b) && shown++ < 5)
			UNIT_FAIL("localtime(%ld) differs (zone %s, want %s)",
				  (long)t, a.tm_zone, b.tm_zone);
	}
}

/* random fields, many out of their ranges, normalized by both */
TEST(mktime_timegm_match_glibc)
{
	int shown = 0;

	utc();
	for (int i = 0; i < 200000; i++) {
		struct tm a = {0}, b;
		time_t ta, tb;
		int ea, eb;

		a.tm_year = 30 + rng() % 120 - (i % 10 == 0 ? 100 : 0);
		a.tm_mon = (int)(rng() % 40) - 14;
		a.tm_mday = (int)(rng() % 80) - 20;
		a.tm_hour = (int)(rng() % 60) - 15;
		a.tm_min = (int)(rng() % 200) - 50;
		a.tm_sec = (int)(rng() % 10000) - 3000;
		a.tm_wday = 99;
		a.tm_yday = -7;
		b = a;
		errno = 0;
		ta = i % 2 ? our_mktime(&a) : our_timegm(&a);
		ea = errno;
		errno = 0;
		tb = i % 2 ? mktime(&b) : timegm(&b);
		eb = errno;
		if ((ta != tb || (tb != -1 && !same_tm(&a, &b)) ||
		     (tb == -1 && ea != eb)) &&
		    shown++ < 5)
			UNIT_FAIL("%s: got %ld (errno %d), want %ld (errno %d)",
				  i % 2 ? "mktime" : "timegm", (long)ta, ea,
				  (long)tb, eb);
	}
}

TEST(asctime_ctime_match_glibc)
{
	char a[64], b[64];

	utc();
	for (int i = 0; i < 20000; i++) {
		time_t t = random_time();
		struct tm tm;

		gmtime_r(&t, &tm);
		EXPECT_STREQ(our_asctime_r(&tm, a), asctime_r(&tm, b));
		EXPECT_STREQ(our_ctime_r(&t, a), ctime_r(&t, b));
		EXPECT_STREQ(our_asctime(&tm), asctime(&tm));
	}
}

TEST(strftime_matches_glibc)
{
	static const char letters[] = "aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYZ%";
	static const char *flags[] = {"", "_", "-", "0", "^", "#", "^#", "-^"};
	static const char *widths[] = {"", "1", "3", "12"};
	char fmt[32], a[256], b[256];
	int shown = 0;

	utc();
	for (int i = 0; i < 3000; i++) {
		time_t t = i % 3 ? random_time() : (time_t)(rng() % 1000000000) + 1000000000;
		struct tm tm;

		if (i % 2)
			localtime_r(&t, &tm);
		else
			gmtime_r(&t, &tm);
		for (const char *c = letters; *c; c++) {
			for (int f = 0; f < 8; f++) {
				int w = rng() % 4;

				snprintf(fmt, sizeof(fmt), "<%%%s%s%c>", flags[f],
					 widths[w], *c);
				size_t na = our_strftime(a, sizeof(a), fmt, &tm);
				size_t nb = strftime(b, sizeof(b), fmt, &tm);

				if ((na != nb || strcmp(a, b)) && shown++ < 8)
					UNIT_FAIL("strftime(\"%s\"): got \"%s\" (%zu), "
						  "want \"%s\" (%zu)",
						  fmt, a, na, b, nb);
			}
		}
	}
}

TEST(strftime_odd_formats_match_glibc)
{
	static const char *formats[] = {
	    "%Ey %EY %EC %Ec %Ex %EX %Od %Oe %OH %OI %Om %OM %OS %Ou %OU %OV %Ow "
	    "%OW %Oy",
	    "%Ea", "%Oa", "%EH", "%OY", "%q", "%5q", "%", "abc%", "%E", "%O",
	    "%z", "%-z", "%Z %#Z %^Z", "plain text", "", "%%%%", "%c|%x|%X",
	    "%D %F %r %R %T", "%+Y", "%_5e|%-5e|%05e", "%10%",
	};
	char a[256], b[256];
	time_t t = 1700000000;
	struct tm tm;

	utc();
	localtime_r(&t, &tm);
	for (size_t i = 0; i < sizeof(formats) / sizeof(*formats); i++) {
		size_t na = our_strftime(a, sizeof(a), formats[i], &tm);
		size_t nb = strftime(b, sizeof(b), formats[i], &tm);

		if (na != nb || strcmp(a, b))
			UNIT_FAIL("strftime(\"%s\"): got \"%s\" (%zu), want \"%s\" "
				  "(%zu)",
				  formats[i], a, na, b, nb);
	}
}

/* too small a buffer gives 0, as glibc */
TEST(strftime_too_small)
{
	char buf[16];
	time_t t = 0;
	struct tm tm;

	our_gmtime_r(&t, &tm);
	EXPECT_EQ(our_strftime(buf, 8, "%Y-%m-%d", &tm), 0);
	EXPECT_EQ(our_strftime(buf, 11, "%Y-%m-%d", &tm), 10);
	EXPECT_STREQ(buf, "1970-01-01");
	EXPECT_EQ(our_strftime(buf, 1, "", &tm), 0);
}

UNIT_MAIN(CASE(gmtime_localtime_match_glibc), CASE(mktime_timegm_match_glibc),
	  CASE(asctime_ctime_match_glibc), CASE(strftime_matches_glibc),
	  CASE(strftime_odd_formats_match_glibc), CASE(strftime_too_small))
