/* user/bin/touch.c - touch [-acmh] [-d DATE | -r FILE | -t STAMP] file...:
 * set files' access and modification times, creating missing files.
 *
 * The times are now, or -d's date (@SECONDS[.FRACTION], or YYYY-MM-DD with an
 * optional HH:MM[:SS] after a space or a T, in UTC), or -t's stamp
 * ([[CC]YY]MMDDhhmm[.ss], UTC; a two-digit year below 69 is 20YY), or
 * those of -r's file.  -a changes only the access time, -m only the
 * modification time, -c creates nothing, -h changes a symbolic link
 * itself.  A missing file is created empty (mode 0666 less the umask).
 *
 * Times are set with utimensat(2).  Where the kernel lacks it (ENOSYS),
 * touch can still create files (with the time of their creation), but
 * setting the times of an existing one fails with a message. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int no_create, no_deref;

static _Noreturn void usage(const char *fmt, int opt)
{
	fprintf(stderr, fmt, opt);
	fputs("usage: touch [-acmh] [-d DATE | -r FILE | -t STAMP] file...\n",
	      stderr);
	exit(2);
}

static _Noreturn void bad_date(const char *arg)
{
	fprintf(stderr, "touch: invalid date format '%s'\n", arg);
	exit(1);
}

/* Days since 1970-01-01 of a Gregorian date (Howard Hinnant's
 * days_from_civil). */
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

/* The time of a UTC date, or exits with "invalid date format". */
static time_t make_time(const char *arg, long long y, int mo, int d, int h,
			int mi, int s)
{
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 ||
	    mi > 59 || s > 60)
		bad_date(arg);
	long long t =
	    days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
	if (t != (time_t)t)
		bad_date(arg);
	return (time_t)t;
}

/* @SECONDS[.FRACTION] into *t; returns 0 or -1. */
static int parse_seconds(const char *s, struct timespec *t)
{
	long scale = 100000000;
	char *end;

	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (end == s || errno || v != (time_t)v)
		return -1;
	t->tv_sec = (time_t)v;
	t->tv_nsec = 0;
	if (*end == '.')
		for (end++; *end >= '0' && *end <= '9'; end++, scale /= 10)
			t->tv_nsec += (*end - '0') * scale;
	if (*end)
		return -1;
	if (v < 0 && t->tv_nsec) { /* -1.5 is 2 seconds back, then +0.5 */
		t->tv_sec--;
		t->tv_nsec = 1000000000L - t->tv_nsec;
	}
	return 0;
}

static struct timespec parse_date(const char *arg)
{
	const char *s = arg;
	int y, mo, d, h = 0, mi = 0, sec = 0;
	struct timespec t;

	if (*s == '@') {
		if (parse_seconds(s + 1, &t) != 0)
			bad_date(arg);
		return t;
	}
	if (digits(&s, 4, &y) || *s++ != '-' || digits(&s, 2, &mo) ||
	    *s++ != '-' || digits(&s, 2, &d))
		bad_date(arg);
	if (*s == ' ' || *s == 'T') {
		s++;
		if (digits(&s, 2, &h) || *s++ != ':' || digits(&s, 2, &mi) ||
		    (*s == ':' && (s++, digits(&s, 2, &sec))))
			bad_date(arg);
	}
	if (*s)
		bad_date(arg);
	return (struct timespec){make_time(arg, y, mo, d, h, mi, sec), 0};
}

/* -t [[CC]YY]MMDDhhmm[.ss] */
static time_t parse_stamp(const char *arg)
{
	const char *dot = strchr(arg, '.'), *s = arg;
	size_t len = dot ? (size_t)(dot - arg) : strlen(arg);
	int cc = -1, yy = -1, mo, d, h, mi, sec = 0;
	long long year;

	if (len != 8 && len != 10 && len != 12)
		bad_date(arg);
	if ((len == 12 && digits(&s, 2, &cc)) ||
	    (len >= 10 && digits(&s, 2, &yy)) || digits(&s, 2, &mo) ||
	    digits(&s, 2, &d) || digits(&s, 2, &h) || digits(&s, 2, &mi))
		bad_date(arg);
	if (dot && (s++, digits(&s, 2, &sec) || *s))
		bad_date(arg);
	if (cc >= 0) {
		year = cc * 100 + yy;
	} else if (yy >= 0) {
		year = yy < 69 ? 2000 + yy : 1900 + yy;
	} else {
		time_t now = time(NULL);
		year = gmtime(&now)->tm_year + 1900;
	}
	return make_time(arg, year, mo, d, h, mi, sec);
}

/* Sets PATH's times; 0, or -1 with errno. */
static int set_times(const char *path, const struct timespec times[2])
{
	return utimensat(AT_FDCWD, path, times,
			 no_deref ? AT_SYMLINK_NOFOLLOW : 0);
}

static int fail_times(const char *path, int err)
{
	fprintf(stderr, "touch: setting times of '%s': %s\n", path,
		strerror(err));
	return 1;
}

static int exists(const char *path)
{
	struct stat st;

	return (no_deref ? lstat(path, &st) : stat(path, &st)) == 0;
}

static int touch(const char *path, const struct timespec times[2],
		 int explicit_times)
{
	int fd, err;

	if (set_times(path, times) == 0)
		return 0;
	err = errno;
	/* without utimensat a missing file can still be created */
	if (err == ENOSYS && !exists(path))
		err = ENOENT;
	if (err != ENOENT || no_deref)
		return err == ENOENT && no_create ? 0 : fail_times(path, err);
	if (no_create)
		return 0;
	fd = open(path, O_WRONLY | O_CREAT | O_NONBLOCK | O_NOCTTY, 0666);
	if (fd < 0) {
		fprintf(stderr, "touch: cannot touch '%s': %s\n", path,
			strerror(errno));
		return 1;
	}
	close(fd);
	/* a new file's times are already now */
	if (!explicit_times || set_times(path, times) == 0)
		return 0;
	return fail_times(path, errno);
}

int main(int argc, char **argv)
{
	struct timespec times[2] = {{0, UTIME_NOW}, {0, UTIME_NOW}};
	const char *ref = NULL;
	int only_a = 0, only_m = 0, explicit_times = 0, status = 0, c;

	opterr = 0;
	while ((c = getopt(argc, argv, ":acmhd:r:t:")) != -1) {
		switch (c) {
		case 'a':
			only_a = 1;
			break;
		case 'm':
			only_m = 1;
			break;
		case 'c':
			no_create = 1;
			break;
		case 'h':
			no_deref = 1;
			break;
		case 'd':
			times[0] = parse_date(optarg);
			times[1] = times[0];
			explicit_times = 1;
			break;
		case 't':
			times[0] = (struct timespec){parse_stamp(optarg), 0};
			times[1] = times[0];
			explicit_times = 1;
			break;
		case 'r':
			ref = optarg;
			break;
		case ':':
			usage("touch: option requires an argument -- '%c'\n",
			      optopt);
		default:
			usage("touch: invalid option -- '%c'\n", optopt);
		}
	}
	if (ref) {
		struct stat st;

		if (stat(ref, &st) != 0) {
			fprintf(stderr,
				"touch: failed to get attributes of "
				"'%s': %s\n",
				ref, strerror(errno));
			return 1;
		}
		times[0] = st.st_atim;
		times[1] = st.st_mtim;
		explicit_times = 1;
	}
	if (only_a && !only_m)
		times[1].tv_nsec = UTIME_OMIT;
	if (only_m && !only_a)
		times[0].tv_nsec = UTIME_OMIT;
	if (optind == argc) {
		fputs("touch: missing file operand\n", stderr);
		return 1;
	}
	for (int i = optind; i < argc; i++)
		status |= touch(argv[i], times, explicit_times);
	return status;
}
