/* user/bin/sh/printf.c - the printf built-in (POSIX printf(1)).
 *
 *	printf format [argument...]
 *
 * The format's backslash escapes (\n \t \\ \0NNN ...) are interpreted,
 * and its conversions %s %b %c %d %i %u %o %x %X %% with flags, width
 * and precision (also as *) take the arguments in turn; the format is
 * used again while arguments remain.  %b is %s with the argument's own
 * escapes interpreted (\c there ends all output).  A number may be
 * written 'c for the code of c.  Each conversion is done by snprintf
 * with the same specification, so padding and precision are C's.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct printf_state {
	char **args;
	int nargs, next;
	int status;
	bool stop; /* \c in a %b argument: no more output */
	struct strbuf out;
};

static const char *next_arg(struct printf_state *st)
{
	return st->next < st->nargs ? st->args[st->next++] : NULL;
}

/* the escape at *P (just after a backslash) into B; false for \c */
static bool escape(const char **p, struct strbuf *b, bool in_b)
{
	static const char from[] = "abefnrtv\\\"'",
			  to[] = "\a\b\033\f\n\r\t\v\\\"'";
	const char *hit = **p ? strchr(from, **p) : NULL;
	int value = 0, digits = 0;

	if (hit) {
		sb_addc(b, to[hit - from]);
		(*p)++;
		return true;
	}
	if (**p == 'c' && in_b)
		return false;
	if (in_b && **p == '0') /* %b: \0NNN */
		(*p)++;
	while (digits < 3 && **p >= '0' && **p <= '7') {
		value = value * 8 + (*(*p)++ - '0');
		digits++;
	}
	if (digits)
		sb_addc(b, (char)value);
	else
		sb_addc(b, '\\');
	return true;
}

static long long number_arg(struct printf_state *st)
{
	const char *arg = next_arg(st), *p;
	long long n = 0;
	bool neg = false;

	if (!arg || !*arg)
		return 0;
	if (arg[0] == '\'' || arg[0] == '"')
		return (unsigned char)arg[1];
	for (p = arg; *p == ' ' || *p == '\t'; p++)
		;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		n = strtoull(p, (char **)&p, 16);
	} else if (p[0] == '0') {
		n = strtoull(p, (char **)&p, 8);
	} else if (*p >= '0' && *p <= '9') {
		n = strtoull(p, (char **)&p, 10);
	} else {
		p = arg;
	}
	if (*p || p == arg) {
		sh_error("printf: %s: invalid number", arg);
		st->status = 1;
	}
	return neg ? -n : n;
}

/* one conversion: SPEC is "%[flags][width][.prec]" so far, C the
 * conversion character */
static void convert(struct printf_state *st, struct strbuf *spec, char c)
{
	char *text = NULL;
	struct strbuf b = {0};
	int n;

	if (c == 'b') {
		const char *arg = next_arg(st), *p = arg ? arg : "";

		sb_adds(&b, "");
		while (*p && !st->stop) {
			if (*p == '\\' && p[1]) {
				p++;
				st->stop = !escape(&p, &b, true);
			} else {
				sb_addc(&b, *p++);
			}
		}
		c = 's';
		sb_addc(spec, 's');
		n = snprintf(NULL, 0, spec->s, b.s);
		text = xmalloc(n + 1);
		snprintf(text, n + 1, spec->s, b.s);
	} else if (c == 's' || c == 'c') {
		const char *arg = next_arg(st);

		sb_addc(spec, c);
		if (c == 'c') {
			int ch = arg ? (unsigned char)arg[0] : 0;

			n = snprintf(NULL, 0, spec->s, ch);
			text = xmalloc(n + 1);
			snprintf(text, n + 1, spec->s, ch);
		} else {
			arg = arg ? arg : "";
			n = snprintf(NULL, 0, spec->s, arg);
			text = xmalloc(n + 1);
			snprintf(text, n + 1, spec->s, arg);
		}
	} else {
		long long v = number_arg(st);

		sb_adds(spec, "ll");
		sb_addc(spec, c == 'i' ? 'd' : c);
		n = snprintf(NULL, 0, spec->s, v);
		text = xmalloc(n + 1);
		snprintf(text, n + 1, spec->s, v);
	}
	sb_addn(&st->out, text, n);
	free(text);
	sb_free(&b);
}

/* the conversion at *P (just after the '%'); false if it is invalid */
static bool conversion(struct printf_state *st, const char **p)
{
	struct strbuf spec = {0};
	bool ok = true;

	sb_addc(&spec, '%');
	while (**p && strchr("-+ #0", **p))
		sb_addc(&spec, *(*p)++);
	for (int part = 0; part < 2; part++) { /* width, then precision */
		if (part == 1) {
			if (**p != '.')
				break;
			sb_addc(&spec, *(*p)++);
		}
		if (**p == '*') {
			(*p)++;
			sb_addnum(&spec, number_arg(st));
		}
		while (**p >= '0' && **p <= '9')
			sb_addc(&spec, *(*p)++);
	}
	if (**p && strchr("sbcdiuoxX", **p)) {
		convert(st, &spec, *(*p)++);
	} else {
		sh_error("printf: %%%c: invalid conversion", **p ? **p : ' ');
		ok = false;
	}
	sb_free(&spec);
	return ok;
}

/* one pass over the format; false on an invalid format */
static bool format_once(struct printf_state *st, const char *format)
{
	for (const char *p = format; *p && !st->stop;) {
		if (*p == '\\') {
			p++;
			escape(&p, &st->out, false);
		} else if (*p == '%' && p[1] == '%') {
			sb_addc(&st->out, '%');
			p += 2;
		} else if (*p == '%') {
			p++;
			if (!conversion(st, &p))
				return false;
		} else {
			sb_addc(&st->out, *p++);
		}
	}
	return true;
}

int bi_printf(int argc, char **argv)
{
	struct printf_state st = {.args = argv + 2, .nargs = argc - 2};
	int first;

	if (argc < 2) {
		sh_error("printf: usage: printf format [argument...]");
		return 2;
	}
	do {
		first = st.next;
		if (!format_once(&st, argv[1])) {
			st.status = 1;
			break;
		}
	} while (st.next < st.nargs && st.next > first && !st.stop);
	if (st.out.len && write_all(1, st.out.s, st.out.len) < 0) {
		sh_error("printf: write error: %s", strerror(errno));
		st.status = 1;
	}
	sb_free(&st.out);
	return st.status;
}
