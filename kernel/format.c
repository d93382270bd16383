/* kernel/format.c - printf-style formatting into a bounded buffer.
 *
 * The output goes through struct out, which counts every character it is
 * offered and stores only those that fit, so the return value is the length
 * of the untruncated output and nothing is ever written past the buffer.
 */
#include "kernel/format.h"

#include <stdbool.h>
#include <stdint.h>

struct out {
	char *buf;
	size_t size;
	size_t len; /* characters produced so far, stored or not */
};

struct spec {
	bool left, zero, plus, space, alt;
	int width;
	int prec; /* -1: none given */
	int length; /* 'H' hh, 'h', 'l', 'L' ll, 'z' */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_string(struct out *o, const struct spec *sp, const char *s)
{
	int len = 0;

	if (!s)
		s = "(null)";
	while (s[len] && (sp->prec < 0 || len < sp->prec))
		len++;
	if (!sp->left)
		pad(o, ' ', sp->width - len);
	for (int i = 0; i < len; i++)
		put(o, s[i]);
	if (sp->left)
		pad(o, ' ', sp->width - len);
}

/* Writes v in base, with sign/prefix, precision and width handling. */
static void put_number(struct out *o, const struct spec *sp, uint64_t v,
		       bool negative, unsigned base, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0;
	const char *prefix = "";
	bool is_zero = v == 0;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	if (sp->prec == 0 && n == 1 && tmp[0] == '0')
		n = 0; /* "%.0d" of zero prints nothing, as in C */

	if (negative)
		prefix = "-";
	else if (sp->plus)
		prefix = "+";
	else if (sp->space)
		prefix = " ";
	else if (sp->alt && base == 16 && !is_zero) /* C: no 0x for zero */
		prefix = upper ? "0X" : "0x";
	else if (sp->alt && base == 8 && (n == 0 || tmp[n - 1] != '0'))
		prefix = "0";

	int plen = 0;
	while (prefix[plen])
		plen++;
	int zeros = sp->prec > n ? sp->prec - n : 0;
	int total = plen + zeros + n;

	if (sp->zero && !sp->left && sp->prec < 0 && sp->width > total) {
		zeros += sp->width - total;
		total = sp->width;
	}
	if (!sp->left)
		pad(o, ' ', sp->width - total);
	for (int i = 0; i < plen; i++)
		put(o, prefix[i]);
	pad(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (sp->left)
		pad(o, ' ', sp->width - total);
}

static const char *parse_flags(const char *f, struct spec *sp)
{
	for (;; f++) {
		switch (*f) {
		case '-': sp->left = true; break;
		case '0': sp->zero = true; break;
		case '+': sp->plus = true; break;
		case ' ': sp->space = true; break;
		case '#': sp->alt = true; break;
		default: return f;
		}
	}
}

static const char *parse_int(const char *f, int *v, va_list *ap)
{
	if (*f == '*') {
		*v = va_arg(*ap, int);
		return f + 1;
	}
	*v = 0;
	while (*f >= '0' && *f <= '9')
		*v = *v * 10 + (*f++ - '0');
	return f;
}

static const char *parse_length(const char *f, struct spec *sp)
{
	if (f[0] == 'h' && f[1] == 'h')
		return sp->length = 'H', f + 2;
	if (f[0] == 'l' && f[1] == 'l')
		return sp->length = 'L', f + 2;
	if (*f == 'h' || *f == 'l' || *f == 'z')
		return sp->length = *f, f + 1;
	return f;
}

static uint64_t arg_unsigned(const struct spec *sp, va_list *ap)
{
	switch (sp->length) {
	case 'H': return (unsigned char)va_arg(*ap, unsigned);
	case 'h': return (unsigned short)va_arg(*ap, unsigned);
	case 'l': return va_arg(*ap, unsigned long);
	case 'L': return va_arg(*ap, unsigned long long);
	case 'z': return va_arg(*ap, size_t);
	default: return va_arg(*ap, unsigned);
	}
}

static int64_t arg_signed(const struct spec *sp, va_list *ap)
{
	switch (sp->length) {
	case 'H': return (signed char)va_arg(*ap, int);
	case 'h': return (short)va_arg(*ap, int);
	case 'l': return va_arg(*ap, long);
	case 'L': return va_arg(*ap, long long);
	case 'z': return (intptr_t)va_arg(*ap, size_t);
	default: return va_arg(*ap, int);
	}
}

/* Handles one conversion character; returns false if it is unknown. */
static bool convert(struct out *o, struct spec *sp, char c, va_list *ap)
{
	char ch[2] = { 0, 0 };
	int64_t s;

	switch (c) {
	case 'd':
	case 'i':
		s = arg_signed(sp, ap);
		put_number(o, sp, s < 0 ? -(uint64_t)s : (uint64_t)s, s < 0, 10,
			   false);
		return true;
	case 'u': put_number(o, sp, arg_unsigned(sp, ap), false, 10, false); return true;
	case 'x': put_number(o, sp, arg_unsigned(sp, ap), false, 16, false); return true;
	case 'X': put_number(o, sp, arg_unsigned(sp, ap), false, 16, true); return true;
	case 'o': put_number(o, sp, arg_unsigned(sp, ap), false, 8, false); return true;
	case 'p':
		sp->alt = true;
		put_number(o, sp, (uintptr_t)va_arg(*ap, void *), false, 16, false);
		return true;
	case 'c':
		ch[0] = (char)va_arg(*ap, int);
		sp->prec = 1; /* so that %c of NUL still emits one char */
		if (!sp->left)
			pad(o, ' ', sp->width - 1);
		put(o, ch[0]);
		if (sp->left)
			pad(o, ' ', sp->width - 1);
		return true;
	case 's': put_string(o, sp, va_arg(*ap, const char *)); return true;
	case '%': put(o, '%'); return true;
	default: return false;
	}
}

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		const char *start = fmt;
		struct spec sp = { .prec = -1 };

		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt = parse_flags(fmt + 1, &sp);
		fmt = parse_int(fmt, &sp.width, &args);
		if (sp.width < 0) { /* "%*d" with a negative width: left-justify */
			sp.left = true;
			sp.width = -sp.width;
		}
		if (*fmt == '.') {
			fmt = parse_int(fmt + 1, &sp.prec, &args);
			if (sp.prec < 0)
				sp.prec = -1;
		}
		fmt = parse_length(fmt, &sp);
		if (*fmt && convert(&o, &sp, *fmt, &args)) {
			fmt++;
			continue;
		}
		while (start < fmt) /* unknown: copy the directive through */
			put(&o, *start++);
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
