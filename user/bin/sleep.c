/* user/bin/sleep.c - sleep NUMBER[smhd]...: pause for the sum of the
 * given times.
 *
 * A NUMBER is digits with an optional fraction ("0.25"); the suffix is
 * seconds (the default), minutes, hours or days.  The time is kept in
 * whole seconds plus nanoseconds, so no floating point is needed; digits
 * beyond nanoseconds are dropped.  A bad operand is "invalid time
 * interval", status 1, as in GNU's sleep; an unknown option is status 2. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NSEC 1000000000L
#define MAX_SECONDS 0x7fffffffL

static _Noreturn void usage(int opt)
{
	fprintf(stderr, "sleep: invalid option -- '%c'\n", opt);
	fputs("usage: sleep NUMBER[smhd]...\n", stderr);
	exit(2);
}

/* Parses S into *sec and *nsec, already multiplied by its suffix; returns 0,
 * or -1 if S is not a valid interval. */
static int parse_interval(const char *s, long long *sec, long *nsec)
{
	long long whole = 0;
	long frac = 0, scale = NSEC / 10;
	int digits = 0, mult = 1;

	for (; *s >= '0' && *s <= '9'; s++, digits++)
		if ((whole = whole * 10 + (*s - '0')) > MAX_SECONDS)
			whole = MAX_SECONDS;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++, digits++, scale /= 10)
			frac += (*s - '0') * scale;
	if (digits == 0)
		return -1;
	if (*s) {
		static const char suffixes[] = "smhd";
		static const int seconds[] = {1, 60, 3600, 86400};
		const char *hit = strchr(suffixes, *s);

		if (!hit || s[1])
			return -1;
		mult = seconds[hit - suffixes];
	}
	long long ns = (long long)frac * mult;

	*sec = whole * mult + ns / NSEC;
	*nsec = ns % NSEC;
	return 0;
}

int main(int argc, char **argv)
{
	long long total = 0;
	long total_ns = 0;
	int first = 1, bad = 0;

	if (argc > 1 && strcmp(argv[1], "--") == 0)
		first = 2;
	for (int i = first; i < argc; i++) {
		long long sec;
		long nsec;

		if (i == 1 && argv[i][0] == '-' && argv[i][1] != '\0')
			usage(argv[i][1]);
		if (parse_interval(argv[i], &sec, &nsec) != 0) {
			fprintf(stderr, "sleep: invalid time interval '%s'\n",
				argv[i]);
			bad = 1;
			continue;
		}
		total += sec + (total_ns + nsec) / NSEC;
		total_ns = (total_ns + nsec) % NSEC;
	}
	if (first == argc) {
		fputs("sleep: missing operand\n", stderr);
		return 1;
	}
	if (bad)
		return 1;
	struct timespec t = {
	    .tv_sec = total > MAX_SECONDS ? MAX_SECONDS : (time_t)total,
	    .tv_nsec = total > MAX_SECONDS ? 0 : total_ns,
	};
	while (nanosleep(&t, &t) != 0)
		if (errno != EINTR) {
			perror("sleep: cannot sleep");
			return 1;
		}
	return 0;
}
