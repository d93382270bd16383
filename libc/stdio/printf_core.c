/* libc/stdio/printf_core.c - the printf family's format interpreter.
 *
 * __printf_core() walks the format: literal text goes to the sink as it
 * stands; each conversion specification
 *
 *	%[n$][flags][width|*|*m$][.precision|.*|.*m$][length]conversion
 *
 * is parsed into a struct conv, its arguments are fetched and it is
 * formatted here (integers, c s p n m %) or in printf_float.c (e f g a).
 *
 * Arguments come from the va_list in order, or, when the first
 * conversion names a position (%2$s), all of them are fetched first, in
 * order, with the types the format gives each position (C requires every
 * position up to the highest to be used, so the types are all known).
 *
 * Where C leaves a choice, glibc's is made: "(null)" for a null %s (when
 * the precision allows six characters), "(nil)" for a null %p, '+' and
 * ' ' apply to %p, ll and L and q are one length (so %Lf and %llf are
 * long double and %Ld is %lld), an unknown conversion is printed back
 * (without its length modifier), a format that ends inside a conversion
 * is EINVAL, and output past INT_MAX characters is EOVERFLOW.
 */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "libc/stdio/printf_impl.h"

/* The most argument positions a format may use (%128$d). */
#define FMT_MAX_ARGS 128

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T };

struct conv {
	struct fmt_spec sp;
	enum length length;
	int pos;       /* the argument's position (n$), 0: the next one */
	int width_arg; /* '*': -1 the next argument, n for *n$; 0: none */
	int prec_arg;  /* the same for the precision */
	const char *start, *end; /* the '%' and just past the conversion */
};

/* What va_arg must fetch for an argument. */
enum arg_type {
	ARG_NONE,
	ARG_INT,
	ARG_LONG,
	ARG_LLONG,
	ARG_INTMAX,
	ARG_SIZE,
	ARG_PTRDIFF,
	ARG_DOUBLE,
	ARG_LDOUBLE,
	ARG_PTR,
};

union fmt_arg {
	uintmax_t i; /* integers, sign-extended */
	double d;
	long double ld;
	void *p;
};

struct args {
	va_list ap;
	union fmt_arg *slots; /* positional: every argument, or NULL */
	int next;	      /* positional: the next unnumbered argument */
};

/* --- the sink */

static void fail(struct fmt_state *st, int err)
{
	if (!st->failed)
		errno = err;
	st->failed = 1;
}

void __fmt_emit(struct fmt_state *st, const char *s, size_t n)
{
	if (st->failed || n == 0)
		return;
	if (n > INT_MAX - st->count) {
		fail(st, EOVERFLOW);
		return;
	}
	st->count += n;
	if (st->out->write(st->out, s, n) < 0)
		st->failed = 1; /* the sink has set errno */
}

void __fmt_repeat(struct fmt_state *st, char c, long long n)
{
	char chunk[64];

	if (n <= 0)
		return;
	if (n > INT_MAX - (long long)st->count) {
		fail(st, EOVERFLOW);
		return;
	}
	memset(chunk, c, n < (long long)sizeof(chunk) ? n : sizeof(chunk));
	for (; n > 0 && !st->failed; n -= sizeof(chunk))
		__fmt_emit(st, chunk,
			   n < (long long)sizeof(chunk) ? n : sizeof(chunk));
}

void __fmt_pad_before(struct fmt_state *st, const struct fmt_spec *sp,
		      long long len)
{
	if (!(sp->flags & (FMT_LEFT | FMT_ZERO)))
		__fmt_repeat(st, ' ', sp->width - len);
}

void __fmt_pad_zeros(struct fmt_state *st, const struct fmt_spec *sp,
		     long long len)
{
	if ((sp->flags & (FMT_LEFT | FMT_ZERO)) == FMT_ZERO)
		__fmt_repeat(st, '0', sp->width - len);
}

void __fmt_pad_after(struct fmt_state *st, const struct fmt_spec *sp,
		     long long len)
{
	if (sp->flags & FMT_LEFT)
		__fmt_repeat(st, ' ', sp->width - len);
}

/* --- parsing a conversion specification */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads a decimal number; INT_MAX + 1 (as a long long) if it overflows. */
static long long read_number(const char **p)
{
	long long v = 0;

	for (; is_digit(**p); (*p)++)
		if (v <= INT_MAX)
			v = v * 10 + (**p - '0');
	return v;
}

/* An argument's position after '%' or '*' ("12$"), or 0 if none. */
static int read_position(const char **p)
{
	const char *q = *p;
	long long n;

	if (*q < '1' || *q > '9')
		return 0;
	n = read_number(&q);
	if (*q != '$')
		return 0;
	*p = q + 1;
	return n > INT_MAX ? INT_MAX : (int)n;
}

static unsigned flag_of(char c)
{
	switch (c) {
	case '-':
		return FMT_LEFT;
	case '+':
		return FMT_PLUS;
	case ' ':
		return FMT_SPACE;
	case '#':
		return FMT_ALT;
	case '0':
		return FMT_ZERO;
	case '\'':
		return FMT_GROUP;
	default:
		return 0;
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

/* Parses the specification at s ('%').  Returns 0, or -1 with the errno
 * to report in *err: the format ends inside it (EINVAL), or a width or
 * precision does not fit an int (EOVERFLOW). */
static int parse_conv(const char *s, struct conv *c, int *err)
{
	const char *p = s + 1;
	long long n;

	*c = (struct conv){.sp = {.prec = -1}, .start = s};
	c->pos = read_position(&p);
	for (; flag_of(*p); p++)
		c->sp.flags |= flag_of(*p);
	if (*p == '*') {
		p++;
		c->width_arg = read_position(&p);
		if (!c->width_arg)
			c->width_arg = -1;
	} else if ((n = read_number(&p)) > INT_MAX) {
		*err = EOVERFLOW;
		return -1;
	} else {
		c->sp.width = n;
	}
	if (*p == '.') {
		p++;
		if (*p == '*') {
			p++;
			c->prec_arg = read_position(&p);
			if (!c->prec_arg)
				c->prec_arg = -1;
		} else if ((n = read_number(&p)) > INT_MAX) {
			*err = EOVERFLOW;
			return -1;
		} else {
			c->sp.prec = n;
		}
	}
	c->length = read_length(&p);
	if (!*p) {
		*err = EINVAL;
		return -1;
	}
	c->sp.conv = *p++;
	c->end = p;
	return 0;
}

/* --- fetching arguments */

static enum arg_type int_type(enum length length)
{
	static const enum arg_type types[] = {
	    [LEN_NONE] = ARG_INT, [LEN_HH] = ARG_INT,	 [LEN_H] = ARG_INT,
	    [LEN_L] = ARG_LONG,	  [LEN_LL] = ARG_LLONG,	 [LEN_J] = ARG_INTMAX,
	    [LEN_Z] = ARG_SIZE,	  [LEN_T] = ARG_PTRDIFF,
	};
	return types[length];
}

/* The type of the argument a conversion consumes (ARG_NONE: none). */
static enum arg_type arg_type_of(const struct conv *c)
{
	switch (c->sp.conv) {
	case 'd':
	case 'i':
	case 'u':
	case 'o':
	case 'x':
	case 'X':
		return int_type(c->length);
	case 'c':
	case 'C':
		return ARG_INT;
	case 's':
	case 'S':
	case 'p':
	case 'n':
		return ARG_PTR;
	case 'e':
	case 'E':
	case 'f':
	case 'F':
	case 'g':
	case 'G':
	case 'a':
	case 'A':
		return c->length == LEN_LL ? ARG_LDOUBLE : ARG_DOUBLE;
	default:
		return ARG_NONE;
	}
}

static union fmt_arg fetch(va_list *ap, enum arg_type type)
{
	union fmt_arg a = {0};

	switch (type) {
	case ARG_NONE:
	case ARG_INT:
		a.i = (intmax_t)va_arg(*ap, int);
		break;
	case ARG_LONG:
		a.i = (intmax_t)va_arg(*ap, long);
		break;
	case ARG_LLONG:
		a.i = (intmax_t)va_arg(*ap, long long);
		break;
	case ARG_INTMAX:
		a.i = va_arg(*ap, intmax_t);
		break;
	case ARG_SIZE:
		a.i = va_arg(*ap, size_t);
		break;
	case ARG_PTRDIFF:
		a.i = (intmax_t)va_arg(*ap, ptrdiff_t);
		break;
	case ARG_DOUBLE:
		a.d = va_arg(*ap, double);
		break;
	case ARG_LDOUBLE:
		a.ld = va_arg(*ap, long double);
		break;
	case ARG_PTR:
		a.p = va_arg(*ap, void *);
		break;
	}
	return a;
}

/* The argument at pos (0: the next one) of the given type. */
static union fmt_arg get_arg(struct args *a, int pos, enum arg_type type)
{
	if (!a->slots)
		return fetch(&a->ap, type);
	if (pos <= 0)
		pos = a->next++;
	if (pos > FMT_MAX_ARGS)
		return (union fmt_arg){0};
	return a->slots[pos - 1];
}

static void note_type(enum arg_type *types, int *max, int pos,
		      enum arg_type type)
{
	if (pos < 1 || pos > FMT_MAX_ARGS)
		return;
	types[pos - 1] = type;
	if (pos > *max)
		*max = pos;
}

/* Positional mode: reads every argument the format names, in order,
 * into slots.  Returns 0, or -1 if a position is out of range. */
static int load_positional(const char *fmt, struct args *a,
			   union fmt_arg *slots)
{
	enum arg_type types[FMT_MAX_ARGS] = {ARG_NONE};
	int max = 0, next = 1, err;
	struct conv c;

	for (const char *p = strchr(fmt, '%'); p; p = strchr(p, '%')) {
		if (parse_conv(p, &c, &err) < 0)
			break; /* the main loop reports it when it gets there */
		if (c.pos > FMT_MAX_ARGS || c.width_arg > FMT_MAX_ARGS ||
		    c.prec_arg > FMT_MAX_ARGS)
			return -1;
		if (c.width_arg)
			note_type(types, &max,
				  c.width_arg > 0 ? c.width_arg : next++,
				  ARG_INT);
		if (c.prec_arg)
			note_type(types, &max,
				  c.prec_arg > 0 ? c.prec_arg : next++,
				  ARG_INT);
		if (arg_type_of(&c) != ARG_NONE)
			note_type(types, &max, c.pos ? c.pos : next++,
				  arg_type_of(&c));
		p = c.end;
	}
	for (int i = 0; i < max; i++)
		slots[i] = fetch(&a->ap, types[i]);
	a->slots = slots;
	a->next = 1;
	return 0;
}

/* Does the format's first conversion name its argument's position? */
static int uses_positions(const char *fmt)
{
	const char *p = strchr(fmt, '%');

	while (p && p[1] == '%')
		p = strchr(p + 2, '%');
	return p && read_position(&(const char *){p + 1}) > 0;
}

/* --- formatting */

/* A string of len bytes, padded with spaces to the width. */
static void format_text(struct fmt_state *st, const struct fmt_spec *sp,
			const char *s, size_t len)
{
	struct fmt_spec spaces = *sp;

	spaces.flags &= ~FMT_ZERO;
	__fmt_pad_before(st, &spaces, len);
	__fmt_emit(st, s, len);
	__fmt_pad_after(st, &spaces, len);
}

/* Writes v (>= 0) in decimal to buf; returns the number of digits. */
static int decimal(char *buf, unsigned v)
{
	char tmp[12];
	int n = 0, k = 0;

	do {
		tmp[k++] = '0' + v % 10;
		v /= 10;
	} while (v);
	while (k)
		buf[n++] = tmp[--k];
	return n;
}

/* strlen, but reading no further than max bytes (max < 0: no limit) */
static size_t bounded_length(const char *s, int max)
{
	size_t n = 0;

	while ((max < 0 || n < (size_t)max) && s[n])
		n++;
	return n;
}

static void format_string(struct fmt_state *st, const struct fmt_spec *sp,
			  const char *s)
{
	if (!s) {
		/* glibc: "(null)" if the precision leaves room for it */
		s = sp->prec < 0 || sp->prec >= 6 ? "(null)" : "";
	}
	format_text(st, sp, s, bounded_length(s, sp->prec));
}

/* d i u o x X, and %p as "%#x" that still takes '+' and ' '.  value is
 * the magnitude; sign_allowed: '+' and ' ' apply. */
static void format_integer(struct fmt_state *st, struct fmt_spec sp,
			   uintmax_t value, int negative, int sign_allowed)
{
	const char *xdigits =
	    sp.conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	unsigned base = sp.conv == 'o' ? 8 : (sp.conv | 0x20) == 'x' ? 16 : 10;
	char digits[24], prefix[4];
	int ndigits = 0, nprefix = 0;
	long long zeros, len;

	for (uintmax_t v = value; v; v /= base)
		digits[sizeof(digits) - ++ndigits] = xdigits[v % base];
	if (value == 0 && sp.prec != 0)
		digits[sizeof(digits) - ++ndigits] = '0';
	if (negative)
		prefix[nprefix++] = '-';
	else if (sign_allowed && (sp.flags & FMT_PLUS))
		prefix[nprefix++] = '+';
	else if (sign_allowed && (sp.flags & FMT_SPACE))
		prefix[nprefix++] = ' ';
	if ((sp.flags & FMT_ALT) && base == 16 && value) {
		prefix[nprefix++] = '0';
		prefix[nprefix++] = sp.conv == 'X' ? 'X' : 'x';
	}
	zeros = sp.prec > ndigits ? sp.prec - ndigits : 0;
	/* '#' with o: the first digit is a 0 */
	if ((sp.flags & FMT_ALT) && base == 8 && !zeros &&
	    !(value == 0 && ndigits))
		zeros = 1;
	if (sp.prec >= 0)
		sp.flags &= ~FMT_ZERO; /* a precision overrides '0' */
	len = nprefix + zeros + ndigits;
	__fmt_pad_before(st, &sp, len);
	__fmt_emit(st, prefix, nprefix);
	__fmt_pad_zeros(st, &sp, len);
	__fmt_repeat(st, '0', zeros);
	__fmt_emit(st, digits + sizeof(digits) - ndigits, ndigits);
	__fmt_pad_after(st, &sp, len);
}

/* The value of an integer argument as the length modifier makes it. */
static intmax_t as_signed(uintmax_t raw, enum length length)
{
	switch (length) {
	case LEN_HH:
		return (signed char)raw;
	case LEN_H:
		return (short)raw;
	case LEN_NONE:
		return (int)raw;
	case LEN_L:
		return (long)raw;
	case LEN_Z:
	case LEN_T:
		return (ptrdiff_t)raw;
	default:
		return (intmax_t)raw;
	}
}

static uintmax_t as_unsigned(uintmax_t raw, enum length length)
{
	switch (length) {
	case LEN_HH:
		return (unsigned char)raw;
	case LEN_H:
		return (unsigned short)raw;
	case LEN_NONE:
		return (unsigned)raw;
	case LEN_L:
		return (unsigned long)raw;
	case LEN_Z:
	case LEN_T:
		return (size_t)raw;
	default:
		return raw;
	}
}

/* %n: stores the count so far, in the type the length modifier names. */
static void store_count(void *p, enum length length, unsigned long long n)
{
	switch (length) {
	case LEN_HH:
		*(signed char *)p = n;
		break;
	case LEN_H:
		*(short *)p = n;
		break;
	case LEN_NONE:
		*(int *)p = n;
		break;
	case LEN_L:
		*(long *)p = n;
		break;
	case LEN_LL:
		*(long long *)p = n;
		break;
	case LEN_J:
		*(intmax_t *)p = n;
		break;
	case LEN_Z:
		*(size_t *)p = n;
		break;
	case LEN_T:
		*(ptrdiff_t *)p = n;
		break;
	}
}

/* %lc and %ls in the C locale: a wide character is one byte if it is
 * ASCII, else EILSEQ. */
static void format_wide(struct fmt_state *st, const struct fmt_spec *sp,
			const wchar_t *ws, size_t n)
{
	struct fmt_spec spaces = *sp;
	char chunk[64];

	for (size_t i = 0; i < n; i++)
		if ((unsigned long)ws[i] >= 0x80) {
			fail(st, EILSEQ);
			return;
		}
	spaces.flags &= ~FMT_ZERO;
	__fmt_pad_before(st, &spaces, n);
	for (size_t i = 0; i < n;) {
		size_t k = 0;

		while (k < sizeof(chunk) && i < n)
			chunk[k++] = (char)ws[i++];
		__fmt_emit(st, chunk, k);
	}
	__fmt_pad_after(st, &spaces, n);
}

static void format_wide_string(struct fmt_state *st, const struct fmt_spec *sp,
			       const wchar_t *ws)
{
	size_t n = 0;

	if (!ws) {
		format_string(st, sp, NULL);
		return;
	}
	while ((sp->prec < 0 || n < (size_t)sp->prec) && ws[n])
		n++;
	format_wide(st, sp, ws, n);
}

/* An unknown conversion is printed back as glibc does: '%', the flags
 * in glibc's order, the width and precision (the values '*' took), the
 * conversion character; no length modifier. */
static void format_unknown(struct fmt_state *st, const struct fmt_spec *sp)
{
	char buf[48];
	int n = 0;

	buf[n++] = '%';
	if (sp->flags & FMT_ALT)
		buf[n++] = '#';
	if (sp->flags & FMT_GROUP)
		buf[n++] = '\'';
	if (sp->flags & FMT_PLUS)
		buf[n++] = '+';
	else if (sp->flags & FMT_SPACE)
		buf[n++] = ' ';
	if (sp->flags & FMT_LEFT)
		buf[n++] = '-';
	else if (sp->flags & FMT_ZERO)
		buf[n++] = '0';
	if (sp->width)
		n += decimal(buf + n, sp->width);
	if (sp->prec >= 0) {
		buf[n++] = '.';
		n += decimal(buf + n, sp->prec);
	}
	buf[n++] = sp->conv;
	__fmt_emit(st, buf, n);
}

static void format_conv(struct fmt_state *st, struct conv *c, struct args *a,
			int saved_errno)
{
	struct fmt_spec *sp = &c->sp;
	union fmt_arg arg = {0};
	enum arg_type type = arg_type_of(c);
	char ch;

	if (type != ARG_NONE)
		arg = get_arg(a, c->pos, type);
	switch (sp->conv) {
	case 'd':
	case 'i': {
		intmax_t v = as_signed(arg.i, c->length);

		format_integer(st, *sp, v < 0 ? -(uintmax_t)v : (uintmax_t)v,
			       v < 0, 1);
		break;
	}
	case 'u':
	case 'o':
	case 'x':
	case 'X':
		format_integer(st, *sp, as_unsigned(arg.i, c->length), 0, 0);
		break;
	case 'p':
		if (!arg.p) {
			format_text(st, sp, "(nil)", 5);
		} else {
			struct fmt_spec hex = *sp;

			hex.conv = 'x';
			hex.flags |= FMT_ALT;
			format_integer(st, hex, (uintptr_t)arg.p, 0, 1);
		}
		break;
	case 'c':
		if (c->length == LEN_L) {
			wchar_t wc = (unsigned)arg.i;

			format_wide(st, sp, &wc, 1);
			break;
		}
		ch = (unsigned char)arg.i;
		format_text(st, sp, &ch, 1);
		break;
	case 'C': {
		wchar_t wc = (unsigned)arg.i;

		format_wide(st, sp, &wc, 1);
		break;
	}
	case 's':
		if (c->length == LEN_L)
			format_wide_string(st, sp, arg.p);
		else
			format_string(st, sp, arg.p);
		break;
	case 'S':
		format_wide_string(st, sp, arg.p);
		break;
	case 'm':
		format_string(st, sp, strerror(saved_errno));
		break;
	case 'n':
		store_count(arg.p, c->length, st->count);
		break;
	case '%':
		__fmt_emit(st, "%", 1);
		break;
	case 'e':
	case 'E':
	case 'f':
	case 'F':
	case 'g':
	case 'G':
		__fmt_float(st, sp, type == ARG_LDOUBLE ? arg.ld : arg.d);
		break;
	case 'a':
	case 'A':
		if (type == ARG_LDOUBLE)
			__fmt_hex_long_double(st, sp, arg.ld);
		else
			__fmt_hex_double(st, sp, arg.d);
		break;
	default:
		format_unknown(st, sp);
		break;
	}
}

/* Fills in a '*' width and precision from the arguments.  A negative
 * width means '-'; a negative precision, none. */
static void take_star_args(struct fmt_state *st, struct conv *c, struct args *a)
{
	if (c->width_arg) {
		int w = (int)get_arg(a, c->width_arg, ARG_INT).i;

		if (w == INT_MIN) { /* -w does not fit */
			fail(st, EOVERFLOW);
			w = 0;
		}
		if (w < 0) {
			c->sp.flags |= FMT_LEFT;
			w = -w;
		}
		c->sp.width = w;
	}
	if (c->prec_arg) {
		int p = (int)get_arg(a, c->prec_arg, ARG_INT).i;

		c->sp.prec = p < 0 ? -1 : p;
	}
}

int __printf_core(struct fmt_out *out, const char *fmt, va_list ap)
{
	struct fmt_state st = {.out = out};
	union fmt_arg slots[FMT_MAX_ARGS];
	struct args a = {.slots = NULL};
	int saved_errno = errno; /* for %m */
	const char *p = fmt;
	struct conv c;
	int err;

	va_copy(a.ap, ap);
	if (uses_positions(fmt) && load_positional(fmt, &a, slots) < 0)
		fail(&st, EINVAL);
	while (*p && !st.failed) {
		const char *pct = strchr(p, '%');
		size_t n = pct ? (size_t)(pct - p) : strlen(p);

		__fmt_emit(&st, p, n);
		if (!pct)
			break;
		if (parse_conv(pct, &c, &err) < 0) {
			fail(&st, err);
			break;
		}
		take_star_args(&st, &c, &a);
		format_conv(&st, &c, &a, saved_errno);
		p = c.end;
	}
	va_end(a.ap);
	return st.failed ? -1 : (int)st.count;
}
