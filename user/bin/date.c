/* user/bin/date.c - date [-uR] [-d DATE | -r FILE] [+FORMAT]: print a
 * date, in UTC (the only time zone this system has).
 *
 * The default format is GNU's in the C locale, "%a %b %e %H:%M:%S UTC
 * %Y" ("Sat Nov 21 12:34:56 UTC 2026"); +FORMAT is anything strftime
 * takes; -R is RFC 5322 ("Sat, 21 Nov 2026 12:34:56 +0000").  The date is
 * now, or -d's (@SECONDS since the epoch, or YYYY-MM-DD with an optional
 * HH:MM or HH:MM:SS after a space or a T), or -r's file's modification
 * time.  -u is accepted and changes nothing.  Setting the clock is not
 * supported. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_FORMAT "%a %b %e %H:%M:%S UTC %Y"
#define RFC5322_FORMAT "%a, %d %b %Y %H:%M:%S +0000"

static _Noreturn void usage(const char *fmt, int opt)
{
	fprintf(stderr, fmt, opt);
	fputs("usage: date [-uR] [-d DATE | -r FILE] [+FORMAT]\n", stderr);
	exit(2);
}

/* Days since 1970-01-01 of a date in the proleptic Gregorian calendar
 * (Howard Hinnant's days_from_civil). */
static long long days_from_civil(long long y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static int days_in_month(long long y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return days[m - 1] + (m == 2 && leap);
}

/* Reads exactly N digits at *s into *v; returns 0 or -1. */
static int digits(const char **s, int n, int *v)
{
	for (*v = 0; n > 0; n--, (*s)++) {
		if (**s < '0' || **s > '9')
			return -1;
		*v = *v * 10 + (**s - '0');
	}
	return 0;
}

static int parse_seconds(const char *s, time_t *t)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end || errno || v != (time_t)v)
		return -1;
	*t = (time_t)v;
	return 0;
}

/* Parses -d's argument into *t; returns 0 or -1. */
static int parse_date(const char *s, time_t *t)
{
	int y, mo, d, h = 0, mi = 0, sec = 0;

	if (*s == '@')
		return parse_seconds(s + 1, t);
	if (digits(&s, 4, &y) || *s++ != '-' || digits(&s, 2, &mo) ||
	    *s++ != '-' || digits(&s, 2, &d))
		return -1;
	if (*s == ' ' || *s == 'T') {
		s++;
		if (digits(&s, 2, &h) || *s++ != ':' || digits(&s, 2, &mi))
			return -1;
		if (*s == ':' && (s++, digits(&s, 2, &sec)))
			return -1;
	}
	if (*s || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) ||
	    h > 23 || mi > 59 || sec > 60)
		return -1;
	long long v =
	    days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
	if (v != (time_t)v)
		return -1;
	*t = (time_t)v;
	return 0;
}

static int print_date(time_t t, const char *format)
{
	struct tm *tm = gmtime(&t);
	size_t size = 256 + 4 * strlen(format);
	char *buf = malloc(size);

	if (!tm || !buf) {
		fputs("date: cannot represent the date\n", stderr);
		return 1;
	}
	/* strftime returns 0 both for "no room" and for an empty result
	 * ("+%p" in some locales); an empty format is the only empty result
	 * here, so 0 otherwise means the buffer was too small. */
	size_t n = strftime(buf, size, format, tm);
	if (n == 0 && *format) {
		fputs("date: the format is too long\n", stderr);
		free(buf);
		return 1;
	}
	fwrite(buf, 1, n, stdout);
	putchar('\n');
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	const char *format = DEFAULT_FORMAT, *date = NULL, *file = NULL;
	time_t t;
	int c;

	opterr = 0;
	while ((c = getopt(argc, argv, ":uRd:r:")) != -1) {
		switch (c) {
		case 'u':
			break;
		case 'R':
			format = RFC5322_FORMAT;
			break;
		case 'd':
			date = optarg;
			break;
		case 'r':
			file = optarg;
			break;
		case ':':
			usage("date: option requires an argument -- '%c'\n",
			      optopt);
		default:
			usage("date: invalid option -- '%c'\n", optopt);
		}
	}
	if (date && file) {
		fputs("date: the options to specify dates for printing are "
		      "mutually exclusive\n",
		      stderr);
		return 1;
	}
	if (optind < argc && argv[optind][0] == '+')
		format = argv[optind++] + 1;
	if (optind < argc && (date || file)) {
		fprintf(
		    stderr,
		    "date: the argument '%s' lacks a leading '+';\n"
		    "when using an option to specify date(s), any non-option\n"
		    "argument must be a format string beginning with '+'\n",
		    argv[optind]);
		return 1;
	}
	if (optind < argc) {
		fprintf(stderr,
			"date: invalid date '%s' (setting the clock "
			"is not supported)\n",
			argv[optind]);
		return 1;
	}
	if (date && parse_date(date, &t) != 0) {
		fprintf(stderr, "date: invalid date '%s'\n", date);
		return 1;
	}
	if (file) {
		struct stat st;

		if (stat(file, &st) != 0) {
			fprintf(stderr, "date: %s: %s\n", file,
				strerror(errno));
			return 1;
		}
		t = st.st_mtime;
	}
	if (!date && !file)
		t = time(NULL);
	if (print_date(t, format) != 0)
		return 1;
	if (fflush(stdout) != 0) {
		perror("date: write error");
		return 1;
	}
	return 0;
}
