/* libc/stdio/scanf_core.c - the scanf family's format interpreter.
 *
 * Follows glibc's vfscanf step by step, so the same input and format
 * give the same assignments, the same return value and leave the input
 * at the same place:
 *
 *  - white space in the format skips any white space in the input (it is
 *    done lazily, before the next directive or at the end);
 *  - another ordinary character must come next (else: matching failure);
 *  - a conversion %[*][width][length]conv skips white space first, except
 *    %c %[ %n (unless the format had white space before them), and reads
 *    at most width bytes;
 *  - numbers are gathered as glibc gathers them (a sign; 0x or 0; digits;
 *    for floats a point, an exponent, inf, infinity, nan, hex floats) and
 *    converted by strtol/strtoul/strtoll/strtoull or strtof/strtod/strtold,
 *    so out-of-range values clamp as those do;
 *  - the result counts the assigned conversions (not %n, not '*'); it is
 *    EOF when the input ends (or fails) before the first assignment.
 *
 * One byte of push-back is all it needs, as in glibc.  %lc %ls %l[ store
 * wide characters, in the C locale (ASCII only; another byte is EILSEQ).
 * Not done: the 'm' allocation flag, positional %1$d.
 */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h> /* EOF */
#include <stdlib.h>
#include <string.h>

#include "libc/stdio/scanf_impl.h"

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T };

/* How a directive ends: go on, or stop with the result so far. */
enum outcome { GO_ON, INPUT_FAILURE, MATCHING_FAILURE };

struct scanner {
	struct scan_in *in;
	long long nread; /* bytes consumed, for %n */
	va_list ap;
	int done; /* conversions assigned */
};

struct conv {
	int suppress; /* '*': read, do not assign */
	int width;    /* at most this many bytes; -1: no limit */
	enum length length;
	char c; /* the conversion character */
};

/* A growing string for the characters of a number. */
struct charbuf {
	char *p;
	size_t len, cap;
	int failed; /* out of memory */
	char small[64];
};

static int next(struct scanner *s)
{
	int c = s->in->get(s->in);

	if (c != EOF)
		s->nread++;
	return c;
}

static void back(struct scanner *s, int c)
{
	if (c == EOF)
		return;
	s->in->unget(s->in, c);
	s->nread--;
}

static int is_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_xdigit(int c)
{
	return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

static void cb_init(struct charbuf *b)
{
	b->p = b->small;
	b->len = 0;
	b->cap = sizeof(b->small);
	b->failed = 0;
	b->small[0] = '\0';
}

static void cb_add(struct charbuf *b, int c)
{
	if (b->failed)
		return;
	if (b->len + 2 > b->cap) {
		char *p = b->p == b->small ? malloc(b->cap * 2)
					   : realloc(b->p, b->cap * 2);

		if (!p) {
			b->failed = 1;
			return;
		}
		if (b->p == b->small)
			memcpy(p, b->small, b->len);
		b->p = p;
		b->cap *= 2;
	}
	b->p[b->len++] = c;
	b->p[b->len] = '\0';
}

static void cb_free(struct charbuf *b)
{
	if (b->p != b->small)
		free(b->p);
}

/* Takes one byte of the field's width (-1: no limit). */
static void use_width(struct conv *cv)
{
	if (cv->width > 0)
		cv->width--;
}

/* --- %d %i %u %o %x %X %p */

static void store_signed(struct scanner *s, const struct conv *cv, char *text,
			 int base)
{
	if (cv->length == LEN_LL || cv->length == LEN_J) {
		*va_arg(s->ap, long long *) = strtoll(text, NULL, base);
		return;
	}
	long v = strtol(text, NULL, base);

	switch (cv->length) {
	case LEN_HH:
		*va_arg(s->ap, signed char *) = v;
		break;
	case LEN_H:
		*va_arg(s->ap, short *) = v;
		break;
	case LEN_L:
		*va_arg(s->ap, long *) = v;
		break;
	default:
		*va_arg(s->ap, int *) = v;
		break;
	}
}

static void store_unsigned(struct scanner *s, const struct conv *cv, char *text,
			   int base)
{
	if (cv->c == 'p') {
		*va_arg(s->ap, void **) = (void *)strtoul(text, NULL, base);
		return;
	}
	if (cv->length == LEN_LL || cv->length == LEN_J) {
		*va_arg(s->ap, unsigned long long *) =
		    strtoull(text, NULL, base);
		return;
	}
	unsigned long v = strtoul(text, NULL, base);

	switch (cv->length) {
	case LEN_HH:
		*va_arg(s->ap, unsigned char *) = v;
		break;
	case LEN_H:
		*va_arg(s->ap, unsigned short *) = v;
		break;
	case LEN_L:
		*va_arg(s->ap, unsigned long *) = v;
		break;
	default:
		*va_arg(s->ap, unsigned *) = v;
		break;
	}
}

/* "(nil)", which %p accepts as a null pointer (glibc) */
static int read_nil(struct scanner *s)
{
	return lower(next(s)) == 'n' && lower(next(s)) == 'i' &&
	       lower(next(s)) == 'l' && next(s) == ')';
}

static enum outcome scan_integer(struct scanner *s, struct conv *cv, int base)
{
	struct charbuf b;
	int c = next(s);

	if (c == EOF)
		return INPUT_FAILURE;
	cb_init(&b);
	if (c == '-' || c == '+') {
		cb_add(&b, c);
		use_width(cv);
		c = next(s);
	}
	if (cv->width != 0 && c == '0') {
		use_width(cv);
		cb_add(&b, c);
		c = next(s);
		if (cv->width != 0 && lower(c) == 'x') {
			if (base == 0)
				base = 16;
			if (base == 16) {
				use_width(cv);
				c = next(
				    s); /* the x is not kept: "0" and digits */
			}
		} else if (base == 0) {
			base = 8;
		}
	}
	if (base == 0)
		base = 10;
	while (c != EOF && cv->width != 0) {
		if (base == 16 ? !is_xdigit(c)
			       : !is_digit(c) || c - '0' >= base)
			break;
		cb_add(&b, c);
		use_width(cv);
		c = next(s);
	}
	if (b.len == 0 || (b.len == 1 && (b.p[0] == '+' || b.p[0] == '-'))) {
		if (b.len == 0 && cv->c == 'p' &&
		    (cv->width < 0 || cv->width >= 5) && c == '(' &&
		    read_nil(s)) {
			cb_add(&b, '0');
		} else {
			back(s, c);
			cb_free(&b);
			return MATCHING_FAILURE;
		}
	} else {
		back(s, c);
	}
	if (b.failed) {
		errno = ENOMEM;
		return INPUT_FAILURE;
	}
	if (!cv->suppress) {
		if (cv->c == 'd' || cv->c == 'i')
			store_signed(s, cv, b.p, base);
		else
			store_unsigned(s, cv, b.p, base);
		s->done++;
	}
	cb_free(&b);
	return GO_ON;
}

/* --- %e %f %g %a */

/* Reads the letters of word (after its first, already in b), as glibc:
 * each must come, within the width, or it is a matching failure. */
static int read_word(struct scanner *s, struct conv *cv, struct charbuf *b,
		     const char *word)
{
	for (; *word; word++) {
		int c;

		if (cv->width == 0 || (c = next(s)) == EOF || lower(c) != *word)
			return 0;
		use_width(cv);
		cb_add(b, c);
	}
	return 1;
}

/* inf, infinity, nan (first letter c, already read and counted). */
static enum outcome gather_special(struct scanner *s, struct conv *cv,
				   struct charbuf *b, int c)
{
	cb_add(b, c);
	if (lower(c) == 'n')
		return read_word(s, cv, b, "an") ? GO_ON : MATCHING_FAILURE;
	if (!read_word(s, cv, b, "nf"))
		return MATCHING_FAILURE;
	if (cv->width == 0 || (c = next(s)) == EOF)
		return GO_ON;
	if (lower(c) != 'i') {
		back(s, c);
		return GO_ON;
	}
	use_width(cv);
	cb_add(b, c);
	return read_word(s, cv, b, "nity") ? GO_ON : MATCHING_FAILURE;
}

/* Digits, a point, an exponent (c is the first byte, counted; b holds
 * the sign, if there was one). */
static enum outcome gather_number(struct scanner *s, struct conv *cv,
				  struct charbuf *b, int c)
{
	int got_digit = 0, got_dot = 0, got_e = 0, hex = 0;
	size_t sign = b->len;
	char exp_char = 'e';

	if (cv->width != 0 && c == '0') {
		cb_add(b, c);
		c = next(s);
		use_width(cv);
		if (cv->width != 0 && lower(c) == 'x') {
			cb_add(b, c);
			hex = 1;
			exp_char = 'p';
			c = next(s);
			use_width(cv);
		} else {
			got_digit = 1;
		}
	}
	for (;;) {
		if (is_digit(c) || (!got_e && hex && is_xdigit(c))) {
			cb_add(b, c);
			got_digit = 1;
		} else if (got_e && b->p[b->len - 1] == exp_char &&
			   (c == '-' || c == '+')) {
			cb_add(b, c);
		} else if (got_digit && !got_e && lower(c) == exp_char) {
			cb_add(b, exp_char);
			got_e = got_dot = 1;
		} else if (!got_dot && c == '.') {
			cb_add(b, c);
			got_dot = 1;
		} else {
			back(s, c);
			break;
		}
		if (cv->width == 0 || (c = next(s)) == EOF)
			break;
		use_width(cv);
	}
	if (b->len == sign || (hex && b->len == sign + 2))
		return MATCHING_FAILURE; /* no digits: "", "-", "0x", "-0x" */
	return GO_ON;
}

static enum outcome scan_float(struct scanner *s, struct conv *cv)
{
	struct charbuf b;
	enum outcome r;
	char *end;
	int c = next(s);

	use_width(cv);
	if (c == EOF)
		return INPUT_FAILURE;
	cb_init(&b);
	if (c == '-' || c == '+') {
		cb_add(&b, c);
		if (cv->width == 0 || (c = next(s)) == EOF) {
			cb_free(&b);
			return MATCHING_FAILURE;
		}
		use_width(cv);
	}
	if (lower(c) == 'n' || lower(c) == 'i')
		r = gather_special(s, cv, &b, c);
	else
		r = gather_number(s, cv, &b, c);
	if (r == GO_ON && b.failed) {
		errno = ENOMEM;
		r = INPUT_FAILURE;
	}
	if (r != GO_ON) {
		cb_free(&b);
		return r;
	}
	if (cv->length == LEN_LL) {
		long double v = strtold(b.p, &end);

		if (!cv->suppress && end != b.p)
			*va_arg(s->ap, long double *) = v;
	} else if (cv->length == LEN_L) {
		double v = strtod(b.p, &end);

		if (!cv->suppress && end != b.p)
			*va_arg(s->ap, double *) = v;
	} else {
		float v = strtof(b.p, &end);

		if (!cv->suppress && end != b.p)
			*va_arg(s->ap, float *) = v;
	}
	r = end == b.p ? MATCHING_FAILURE : GO_ON;
	if (r == GO_ON && !cv->suppress)
		s->done++;
	cb_free(&b);
	return r;
}

/* --- %c %s %[ */

/* Where %c %s %[ store: bytes, or wide characters (%lc %ls %l[), or
 * nowhere ('*').  A wide character must be one of the C locale (ASCII):
 * for %lc and %ls another byte is EILSEQ, even when they assign nothing;
 * %l[ leaves that character's slot as it was and goes on (both glibc's
 * ways). */
struct text_dest {
	char *p;
	wchar_t *w;
	int strict; /* %lc %ls: a byte that is no character ends the scan */
};

static struct text_dest take_dest(struct scanner *s, const struct conv *cv,
				  int strict)
{
	struct text_dest t = {NULL, NULL, 0};

	t.strict = strict && cv->length == LEN_L;
	if (cv->suppress)
		return t;
	if (cv->length == LEN_L)
		t.w = va_arg(s->ap, wchar_t *);
	else
		t.p = va_arg(s->ap, char *);
	return t;
}

/* Stores byte c: 0, or -1 (EILSEQ). */
static int store(struct text_dest *t, int c)
{
	if (t->strict && c >= 0x80) {
		errno = EILSEQ;
		return -1;
	}
	if (t->w && c >= 0x80)
		t->w++;
	else if (t->w)
		*t->w++ = c;
	else if (t->p)
		*t->p++ = c;
	return 0;
}

/* Ends a %s or %[ string; counts the assignment. */
static void finish(struct scanner *s, struct text_dest *t)
{
	if (t->w)
		*t->w = L'\0';
	else if (t->p)
		*t->p = '\0';
	if (t->w || t->p)
		s->done++;
}

static enum outcome scan_chars(struct scanner *s, struct conv *cv)
{
	struct text_dest t = take_dest(s, cv, 1);
	int width = cv->width < 0 ? 1 : cv->width;
	int c = next(s);

	if (c == EOF)
		return INPUT_FAILURE;
	do {
		if (store(&t, c) < 0)
			return MATCHING_FAILURE;
	} while (--width > 0 && (c = next(s)) != EOF);
	if (t.w || t.p)
		s->done++;
	return GO_ON;
}

static enum outcome scan_string(struct scanner *s, struct conv *cv)
{
	struct text_dest t = take_dest(s, cv, 1);
	int width = cv->width;
	int c = next(s);

	if (c == EOF)
		return INPUT_FAILURE;
	do {
		if (is_space(c)) {
			back(s, c);
			break;
		}
		if (store(&t, c) < 0)
			return MATCHING_FAILURE;
	} while ((width <= 0 || --width > 0) && (c = next(s)) != EOF);
	finish(s, &t);
	return GO_ON;
}

/* Reads the set of %[ at *fmt (just past the '['); NULL if it does not
 * end with ']'.  A ']' or '-' first is an ordinary member; a-z is a
 * range when it goes upwards. */
static const char *read_set(const char *fmt, unsigned char set[256],
			    int *negated)
{
	const unsigned char *f = (const unsigned char *)fmt;
	unsigned c;

	memset(set, 0, 256);
	*negated = *f == '^';
	if (*negated)
		f++;
	if (*f == ']' || *f == '-')
		set[*f++] = 1;
	while ((c = *f++) != '\0' && c != ']') {
		if (c == '-' && *f != '\0' && *f != ']' && f[-2] <= *f) {
			for (c = f[-2]; c < *f; c++)
				set[c] = 1;
		} else {
			set[c] = 1;
		}
	}
	return c == ']' ? (const char *)f : NULL;
}

static enum outcome scan_set(struct scanner *s, struct conv *cv,
			     const char **fmt)
{
	unsigned char set[256];
	int negated, width = cv->width < 0 ? INT_MAX : cv->width, c;
	const char *after = read_set(*fmt, set, &negated);
	struct text_dest t;
	long long start = s->nread;

	if (!after)
		return MATCHING_FAILURE;
	*fmt = after;
	t = take_dest(s, cv, 0);
	c = next(s);
	if (c == EOF)
		return INPUT_FAILURE;
	do {
		if (set[(unsigned char)c] == negated) {
			back(s, c);
			break;
		}
		if (store(&t, c) < 0)
			return MATCHING_FAILURE;
	} while (--width > 0 && (c = next(s)) != EOF);
	if (s->nread == start)
		return MATCHING_FAILURE;
	finish(s, &t);
	return GO_ON;
}

/* --- the directives */

static void store_count(struct scanner *s, const struct conv *cv)
{
	long long n = s->nread;

	switch (cv->length) {
	case LEN_HH:
		*va_arg(s->ap, signed char *) = n;
		break;
	case LEN_H:
		*va_arg(s->ap, short *) = n;
		break;
	case LEN_L:
		*va_arg(s->ap, long *) = n;
		break;
	case LEN_LL:
	case LEN_J:
		*va_arg(s->ap, long long *) = n;
		break;
	default:
		*va_arg(s->ap, int *) = n;
		break;
	}
}

static enum length read_length(const char **p)
{
	switch (*(*p)++) {
	case 'h':
		if (**p != 'h')
			return LEN_H;
		(*p)++;
		return LEN_HH;
	case 'l':
		if (**p != 'l')
			return LEN_L;
		(*p)++;
		return LEN_LL;
	case 'L':
	case 'q':
		return LEN_LL;
	case 'j':
		return LEN_J;
	case 'z':
	case 'Z':
		return LEN_Z;
	case 't':
		return LEN_T;
	default:
		(*p)--;
		return LEN_NONE;
	}
}

/* Parses a conversion after its '%'. */
static void parse_conv(const char **fmt, struct conv *cv)
{
	const char *f = *fmt;
	long width = 0;

	cv->suppress = *f == '*';
	if (cv->suppress)
		f++;
	while (is_digit(*f)) {
		if (width < INT_MAX / 10)
			width = width * 10 + (*f - '0');
		f++;
	}
	cv->width = width ? (int)width : -1;
	cv->length = read_length(&f);
	cv->c = *f;
	if (*f)
		f++;
	*fmt = f;
}

static enum outcome convert(struct scanner *s, struct conv *cv,
			    const char **fmt)
{
	int c;

	switch (cv->c) {
	case '%':
		c = next(s);
		if (c == EOF)
			return INPUT_FAILURE;
		if (c != '%') {
			back(s, c);
			return MATCHING_FAILURE;
		}
		return GO_ON;
	case 'n':
		if (!cv->suppress)
			store_count(s, cv);
		return GO_ON;
	case 'c':
		return scan_chars(s, cv);
	case 's':
		return scan_string(s, cv);
	case '[':
		return scan_set(s, cv, fmt);
	case 'd':
	case 'u':
		return scan_integer(s, cv, 10);
	case 'i':
		return scan_integer(s, cv, 0);
	case 'o':
		return scan_integer(s, cv, 8);
	case 'x':
	case 'X':
	case 'p':
		return scan_integer(s, cv, 16);
	case 'e':
	case 'E':
	case 'f':
	case 'F':
	case 'g':
	case 'G':
	case 'a':
	case 'A':
		return scan_float(s, cv);
	default:
		return MATCHING_FAILURE;
	}
}

static void skip_space(struct scanner *s)
{
	int c;

	do
		c = next(s);
	while (is_space(c));
	back(s, c);
}

/* An ordinary character of the format: it must come next (after white
 * space, if the format had some before it). */
static enum outcome match_literal(struct scanner *s, int fc, int skip)
{
	int c = next(s);

	if (c == EOF)
		return INPUT_FAILURE;
	while (skip && is_space(c))
		if ((c = next(s)) == EOF)
			return INPUT_FAILURE;
	if (c != fc) {
		back(s, c);
		return MATCHING_FAILURE;
	}
	return GO_ON;
}

int __scanf_core(struct scan_in *in, const char *fmt, va_list ap)
{
	struct scanner s = {.in = in};
	enum outcome r = GO_ON;
	int skip = 0; /* white space in the format, not yet applied */

	va_copy(s.ap, ap);
	while (*fmt && r == GO_ON) {
		unsigned char fc = *fmt++;
		struct conv cv;

		if (fc != '%') {
			if (is_space(fc)) {
				skip = 1;
				continue;
			}
			r = match_literal(&s, fc, skip);
			skip = 0;
			continue;
		}
		parse_conv(&fmt, &cv);
		if (skip || (cv.c != '[' && cv.c != 'c' && cv.c != 'n'))
			skip_space(&s);
		skip = 0;
		r = convert(&s, &cv, &fmt);
	}
	if (r == GO_ON && skip)
		skip_space(&s);
	va_end(s.ap);
	if (r == INPUT_FAILURE && s.done == 0)
		return EOF;
	return s.done;
}
