/* user/bin/seq.c - seq [-w] [-s SEP] [FIRST [INCREMENT]] LAST: print the
 * numbers from FIRST (default 1) to LAST in steps of INCREMENT (default 1),
 * one a line, or separated by SEP.
 *
 * Numbers are decimals ("-1.25"), kept exactly as integers scaled by a
 * power of ten (no floating point), so 0.1 steps never drift.  As in GNU's
 * seq, the output has as many decimals as FIRST or INCREMENT has, and -w
 * pads with zeros to the width worked out from how FIRST and LAST were
 * written.  An operand that starts with '-' and a digit or '.' is a
 * negative number, not an option, and ends the options.  Exponents and
 * -f FORMAT are not supported. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DECIMALS 9

struct number {
	long long digits; /* the value times 10^decimals */
	int decimals;	  /* digits after the point as written */
	int width;	  /* characters as written, GNU's way */
};

static _Noreturn void usage(const char *fmt, int opt)
{
	fprintf(stderr, fmt, opt);
	fputs("usage: seq [-w] [-s SEP] [FIRST [INCREMENT]] LAST\n", stderr);
	exit(2);
}

static _Noreturn void bad_operand(const char *why, const char *arg)
{
	fprintf(stderr, "seq: %s: '%s'\n", why, arg);
	exit(1);
}

/* Parses [+-]digits[.digits] into *n; returns 0, -1 if S is not a
 * number, -2 if it has too many digits. */
static int parse_number(const char *s, struct number *n)
{
	const char *p = s, *point;
	int negative = 0, any = 0;

	n->digits = 0;
	n->decimals = 0;
	if (*p == '+' || *p == '-')
		negative = *p++ == '-';
	for (; *p >= '0' && *p <= '9'; p++, any = 1)
		if (n->digits > (LLONG_MAX - 9) / 10)
			return -2;
		else
			n->digits = n->digits * 10 + (*p - '0');
	point = *p == '.' ? p++ : NULL;
	for (; point && *p >= '0' && *p <= '9'; p++, any = 1) {
		if (++n->decimals > MAX_DECIMALS ||
		    n->digits > (LLONG_MAX - 9) / 10)
			return -2;
		n->digits = n->digits * 10 + (*p - '0');
	}
	if (!any || *p)
		return -1;
	if (negative)
		n->digits = -n->digits;
	n->width = strlen(s);
	if (point && n->decimals == 0)
		n->width--; /* "1." prints as "1" */
	else if (point && (point == s || point[-1] < '0' || point[-1] > '9'))
		n->width++; /* ".5" prints as "0.5" */
	return 0;
}

static long long power_of_ten(int n)
{
	long long p = 1;

	while (n-- > 0)
		p *= 10;
	return p;
}

/* N's value with SCALE decimals; exits if it does not fit. */
static long long scaled(const struct number *n, int scale, const char *arg)
{
	long long f = power_of_ten(scale - n->decimals);

	if (n->digits > LLONG_MAX / f || n->digits < LLONG_MIN / f)
		bad_operand("number out of range", arg);
	return n->digits * f;
}

/* Prints V (with SCALE decimals) with DECIMALS decimals, zero-padded to
 * WIDTH after the sign.  V has no more than DECIMALS significant
 * decimals, so dropping the rest loses nothing. */
static void print_number(long long v, int scale, int decimals, int width)
{
	unsigned long long mag =
	    v < 0 ? -(unsigned long long)v : (unsigned long long)v;
	char text[64];
	int len;

	mag /= power_of_ten(scale - decimals);
	unsigned long long unit = power_of_ten(decimals);
	len = snprintf(text, sizeof text, "%llu", mag / unit);
	if (decimals)
		snprintf(text + len, sizeof text - len, ".%0*llu", decimals,
			 mag % unit);
	len = strlen(text) + (v < 0);
	if (v < 0)
		putchar('-');
	for (; len < width; len++)
		putchar('0');
	fputs(text, stdout);
}

/* GNU's -w width: FIRST's and LAST's written widths, adjusted to the
 * output's number of decimals. */
static int equal_width(const struct number *first, const struct number *last,
		       int decimals)
{
	int fw = first->width + decimals - first->decimals;
	int lw = last->width + decimals - last->decimals;

	if (last->decimals && decimals == 0)
		lw--;
	if (last->decimals == 0 && decimals)
		lw++;
	if (first->decimals == 0 && decimals)
		fw++;
	return fw > lw ? fw : lw;
}

static int looks_negative(const char *arg)
{
	return arg[0] == '-' &&
	       ((arg[1] >= '0' && arg[1] <= '9') || arg[1] == '.');
}

/* Reads the options; returns the index of the first operand. */
static int options(int argc, char **argv, const char **sep, int *wide)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (looks_negative(argv[i]))
			break;
		if (strcmp(argv[i], "--") == 0)
			return i + 1;
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'w') {
				*wide = 1;
			} else if (*o == 's') {
				if (o[1])
					*sep = o + 1;
				else if (++i < argc)
					*sep = argv[i];
				else
					usage(
					    "seq: option requires an argument "
					    "-- '%c'\n",
					    's');
				break;
			} else {
				usage("seq: invalid option -- '%c'\n", *o);
			}
		}
	}
	return i;
}

int main(int argc, char **argv)
{
	struct number n[3] = {{1, 0, 1}, {1, 0, 1}, {0, 0, 0}};
	const char *sep = "\n", *args[3] = {"1", "1", NULL};
	int wide = 0, i = options(argc, argv, &sep, &wide);
	int count = argc - i;

	if (count < 1 || count > 3) {
		fprintf(stderr,
			count < 1 ? "seq: missing operand\n"
				  : "seq: extra operand '%s'\n",
			argv[i + 3]);
		return 1;
	}
	/* one operand is LAST; two are FIRST LAST; three the lot */
	for (int k = 0; k < count; k++) {
		int slot = count == 1 ? 2 : count == 2 && k == 1 ? 2 : k;

		args[slot] = argv[i + k];
		int bad = parse_number(args[slot], &n[slot]);
		if (bad)
			bad_operand(bad == -1
					? "invalid floating point argument"
					: "number out of range",
				    args[slot]);
	}
	int decimals =
	    n[0].decimals > n[1].decimals ? n[0].decimals : n[1].decimals;
	int scale = decimals > n[2].decimals ? decimals : n[2].decimals;
	long long first = scaled(&n[0], scale, args[0]);
	long long step = scaled(&n[1], scale, args[1]);
	long long last = scaled(&n[2], scale, args[2]);
	int width = wide ? equal_width(&n[0], &n[2], decimals) : 0;

	if (step == 0)
		bad_operand("invalid Zero increment value", args[1]);
	for (long long v = first; step > 0 ? v <= last : v >= last;) {
		if (v != first)
			fputs(sep, stdout);
		print_number(v, scale, decimals, width);
		if (step > 0 ? v > LLONG_MAX - step : v < LLONG_MIN - step)
			break;
		v += step;
	}
	if ((step > 0 && first <= last) || (step < 0 && first >= last))
		putchar('\n');
	if (fflush(stdout) != 0) {
		perror("seq: write error");
		return 1;
	}
	return 0;
}
