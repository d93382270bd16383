/* libc/time/strftime.c - strftime in the C locale, as glibc 2.36 writes
 * it (tests/unit/test_libc_time.c compares the two).
 *
 * A conversion is '%', flags, a width, an E or O modifier (which change
 * nothing in the C locale, and are only allowed where C allows them),
 * and a letter.  Flags: '_' pads numbers with spaces, '0' with zeros,
 * '-' does not pad them, '^' makes letters upper case, '#' swaps the
 * case of names (%a %A %b %B %h upper, %p %Z lower).
 *
 * A number is padded to its usual digits (2 for %d, 3 for %j, none for
 * %Y ...) with zeros, or spaces for %e %k %l, unless '-'; then any
 * field is padded to the width, with zeros for numbers (unless '_' or
 * '-', or for %e %k %l) and with spaces for text (unless '0'; %s counts
 * as text here).  The
 * composite conversions (%c %D %F %r %R %T %x %X) are formatted, then
 * padded as text.  An unknown conversion is copied as it stands (and
 * padded and cased as text).
 * Returns the length, or 0 if it did not fit in max bytes with the
 * terminator (the contents are then unspecified).
 */
#include <ctype.h>
#include <string.h>
#include <time.h>

#include "libc/internal/fmt.h"

static const char *const day_names[] = {"Sunday",   "Monday", "Tuesday",
					"Wednesday", "Thursday", "Friday",
					"Saturday"};
static const char *const month_names[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

struct out {
	char *s;
	size_t max, len; /* len may pass max: then it did not fit */
};

static void emit(struct out *o, char c)
{
	if (o->len < o->max)
		o->s[o->len] = c;
	o->len++;
}

static void emit_fill(struct out *o, char c, int n)
{
	while (n-- > 0)
		emit(o, c);
}

/* one conversion's flags and width */
struct spec {
	char pad; /* 0, '_', '0' or '-' */
	int upper, swap;
	int width; /* -1: none */
};

enum { CASE_KEEP, CASE_UPPER, CASE_LOWER };

static void emit_text(struct out *o, const struct spec *sp, const char *text,
		      int swap_case)
{
	int len = strlen(text), mode = CASE_KEEP;

	if (sp->upper)
		mode = CASE_UPPER;
	if (sp->swap && swap_case != CASE_KEEP)
		mode = swap_case;
	emit_fill(o, sp->pad == '0' ? '0' : ' ', sp->width - len);
	for (int i = 0; i < len; i++)
		emit(o, mode == CASE_UPPER   ? toupper((unsigned char)text[i])
			: mode == CASE_LOWER ? tolower((unsigned char)text[i])
					     : text[i]);
}

/* value with its usual digits; space_pad for %e %k %l */
static void emit_number(struct out *o, const struct spec *sp, long long value,
			int digits, int space_pad)
{
	char buf[24];
	unsigned long long u = value < 0 ? -(unsigned long long)value
				       : (unsigned long long)value;
	int n = 0, width = sp->width;
	char fill = sp->pad == '_' || sp->pad == '-' || (space_pad && sp->pad != '0')
			? ' '
			: '0';

	do
		buf[n++] = '0' + u % 10;
	while ((u /= 10));
	if (sp->pad != '-')
		while (n < digits)
			buf[n++] = fill == '0' ? '0' : ' ';
	if (value < 0) {
		if (fill == ' ' || sp->pad == '-') {
			emit_fill(o, ' ', width - n - 1);
			emit(o, '-');
		} else {
			emit(o, '-');
			emit_fill(o, '0', width - n - 1);
		}
	} else {
		emit_fill(o, fill, width - n);
	}
	while (n)
		emit(o, buf[--n]);
}

static int is_leap(long long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* ISO 8601 weeks in a year whose January 1st falls on weekday jan1
 * (0 = Sunday): 53 if it starts on a Thursday, or on a Wednesday in a
 * leap year */
static int iso_weeks(long long year, int jan1)
{
	return jan1 == 4 || (jan1 == 3 && is_leap(year)) ? 53 : 52;
}

/* the ISO 8601 week (1..53) and its year */
static int iso_week(const struct tm *tm, long long *iso_year)
{
	long long year = tm->tm_year + 1900LL;
	int iso_wday = tm->tm_wday ? tm->tm_wday : 7; /* Monday 1 .. Sunday 7 */
	int week = (tm->tm_yday + 1 - iso_wday + 10) / 7;
	int jan1 = ((tm->tm_wday - tm->tm_yday) % 7 + 7) % 7;

	*iso_year = year;
	if (week < 1) { /* the last week of the year before */
		int prev_jan1 = ((jan1 - (is_leap(year - 1) ? 366 : 365)) % 7 + 7) % 7;

		*iso_year = year - 1;
		return iso_weeks(year - 1, prev_jan1);
	}
	if (week > iso_weeks(year, jan1)) {
		*iso_year = year + 1;
		return 1;
	}
	return week;
}

static long seconds_since_epoch(const struct tm *tm)
{
	struct tm copy = *tm;

	return timegm(&copy);
}

static void expand(struct out *o, const char *fmt, const struct tm *tm);

/* a composite conversion: sub formatted, then padded as text */
static void emit_composite(struct out *o, const struct spec *sp,
			   const char *sub, const struct tm *tm)
{
	char buf[256];
	struct out inner = {buf, sizeof(buf) - 1, 0};

	expand(&inner, sub, tm);
	buf[inner.len < sizeof(buf) ? inner.len : sizeof(buf) - 1] = 0;
	emit_text(o, sp, buf, CASE_KEEP);
}

static const char *name_of(const char *const *names, int i, int count)
{
	return i >= 0 && i < count ? names[i] : "?";
}

/* the abbreviated name: the first three letters */
static const char *abbrev(const char *name, char *buf)
{
	size_t n = strnlen(name, 3);

	memcpy(buf, name, n);
	buf[n] = 0;
	return buf;
}

/* Does the modifier (0, 'E' or 'O') go with conversion c? */
static int modifier_ok(char mod, char c)
{
	if (mod == 'E')
		return strchr("cCxXyY", c) != NULL;
	if (mod == 'O')
		return strchr("deHImMSuUVwWy", c) != NULL;
	return 1;
}

/* conversion c; 0 if it is not one */
static int convert(struct out *o, const struct spec *sp, char c,
		   const struct tm *tm)
{
	long long year = tm->tm_year + 1900LL, iso_year;
	int hour12 = tm->tm_hour % 12 ? tm->tm_hour % 12 : 12;
	char buf[4];

	switch (c) {
	case 'a':
		emit_text(o, sp, abbrev(name_of(day_names, tm->tm_wday, 7), buf),
			  CASE_UPPER);
		break;
	case 'A':
		emit_text(o, sp, name_of(day_names, tm->tm_wday, 7), CASE_UPPER);
		break;
	case 'b':
	case 'h':
		emit_text(o, sp,
			  abbrev(name_of(month_names, tm->tm_mon, 12), buf),
			  CASE_UPPER);
		break;
	case 'B':
		emit_text(o, sp, name_of(month_names, tm->tm_mon, 12),
			  CASE_UPPER);
		break;
	case 'p':
		emit_text(o, sp, tm->tm_hour >= 12 ? "PM" : "AM", CASE_LOWER);
		break;
	case 'P': { /* lower case, whatever the flags say (as glibc) */
		struct spec lower = *sp;

		lower.upper = 0;
		emit_text(o, &lower, tm->tm_hour >= 12 ? "pm" : "am", CASE_KEEP);
		break;
	}
	case 'Z':
		emit_text(o, sp, tm->tm_zone ? tm->tm_zone : "", CASE_LOWER);
		break;
	case 'n':
		emit_text(o, sp, "\n", CASE_KEEP);
		break;
	case 't':
		emit_text(o, sp, "\t", CASE_KEEP);
		break;
	case '%':
		emit_text(o, sp, "%", CASE_KEEP);
		break;
	case 'c':
		emit_composite(o, sp, "%a %b %e %H:%M:%S %Y", tm);
		break;
	case 'D':
	case 'x':
		emit_composite(o, sp, "%m/%d/%y", tm);
		break;
	case 'F':
		emit_composite(o, sp, "%Y-%m-%d", tm);
		break;
	case 'r':
		emit_composite(o, sp, "%I:%M:%S %p", tm);
		break;
	case 'R':
		emit_composite(o, sp, "%H:%M", tm);
		break;
	case 'T':
	case 'X':
		emit_composite(o, sp, "%H:%M:%S", tm);
		break;
	case 'C':
		emit_number(o, sp, year / 100 - (year % 100 < 0), 1, 0);
		break;
	case 'd':
		emit_number(o, sp, tm->tm_mday, 2, 0);
		break;
	case 'e':
		emit_number(o, sp, tm->tm_mday, 2, 1);
		break;
	case 'g':
		iso_week(tm, &iso_year);
		emit_number(o, sp, (iso_year % 100 + 100) % 100, 2, 0);
		break;
	case 'G':
		iso_week(tm, &iso_year);
		emit_number(o, sp, iso_year, 1, 0);
		break;
	case 'H':
		emit_number(o, sp, tm->tm_hour, 2, 0);
		break;
	case 'I':
		emit_number(o, sp, hour12, 2, 0);
		break;
	case 'j':
		emit_number(o, sp, tm->tm_yday + 1, 3, 0);
		break;
	case 'k':
		emit_number(o, sp, tm->tm_hour, 2, 1);
		break;
	case 'l':
		emit_number(o, sp, hour12, 2, 1);
		break;
	case 'm':
		emit_number(o, sp, tm->tm_mon + 1, 2, 0);
		break;
	case 'M':
		emit_number(o, sp, tm->tm_min, 2, 0);
		break;
	case 's': { /* padded as text, '-' and all (as glibc) */
		char num[16];

		__fmt_int(num, seconds_since_epoch(tm));
		emit_text(o, sp, num, CASE_KEEP);
		break;
	}
	case 'S':
		emit_number(o, sp, tm->tm_sec, 2, 0);
		break;
	case 'u':
		emit_number(o, sp, tm->tm_wday ? tm->tm_wday : 7, 1, 0);
		break;
	case 'U':
		emit_number(o, sp, (tm->tm_yday + 7 - tm->tm_wday) / 7, 2, 0);
		break;
	case 'V':
		emit_number(o, sp, iso_week(tm, &iso_year), 2, 0);
		break;
	case 'w':
		emit_number(o, sp, tm->tm_wday, 1, 0);
		break;
	case 'W':
		emit_number(o, sp, (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7,
			    2, 0);
		break;
	case 'y':
		emit_number(o, sp, (year % 100 + 100) % 100, 2, 0);
		break;
	case 'Y':
		emit_number(o, sp, year, 1, 0);
		break;
	case 'z': {
		long off = tm->tm_gmtoff, a = off < 0 ? -off : off;

		emit(o, off < 0 ? '-' : '+');
		emit_number(o, sp, a / 3600 * 100 + a / 60 % 60, 4, 0);
		break;
	}
	default:
		return 0;
	}
	return 1;
}

/* the flags, width and modifier after a '%'; returns the conversion
 * letter's address */
static const char *parse_spec(const char *f, struct spec *sp, char *mod)
{
	*sp = (struct spec){.pad = 0, .width = -1};
	for (;; f++) {
		if (*f == '_' || *f == '-' || *f == '0')
			sp->pad = *f;
		else if (*f == '^')
			sp->upper = 1;
		else if (*f == '#')
			sp->swap = 1;
		else
			break;
	}
	if (isdigit((unsigned char)*f)) {
		sp->width = 0;
		while (isdigit((unsigned char)*f))
			sp->width = sp->width * 10 + (*f++ - '0');
	}
	*mod = *f == 'E' || *f == 'O' ? *f++ : 0;
	return f;
}

static void expand(struct out *o, const char *fmt, const struct tm *tm)
{
	for (const char *f = fmt; *f; f++) {
		struct spec sp;
		const char *start = f;
		char mod;

		if (*f != '%') {
			emit(o, *f);
			continue;
		}
		f = parse_spec(f + 1, &sp, &mod);
		if (*f && modifier_ok(mod, *f) && convert(o, &sp, *f, tm))
			continue;
		/* not a conversion: copied as it is, but padded and cased
		 * by its flags, as glibc does */
		char literal[64];
		size_t n;

		if (!*f)
			f--;
		n = f + 1 - start < (long)sizeof(literal) ? (size_t)(f + 1 - start)
							  : sizeof(literal) - 1;
		memcpy(literal, start, n);
		literal[n] = 0;
		emit_text(o, &sp, literal, CASE_KEEP);
	}
}

size_t strftime(char *restrict s, size_t max, const char *restrict fmt,
		const struct tm *restrict tm)
{
	struct out o = {s, max, 0};

	expand(&o, fmt, tm);
	if (o.len >= max)
		return 0;
	s[o.len] = 0;
	return o.len;
}
