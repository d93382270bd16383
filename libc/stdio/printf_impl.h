/* libc/stdio/printf_impl.h - the printf family's core (private).
 *
 * __printf_core() turns a format and its arguments into text and hands
 * the text, a piece at a time, to a sink: struct fmt_out, whose write
 * method appends to a FILE (vfprintf), to a buffer (vsnprintf) or to a
 * growing heap buffer (vasprintf).  The core knows nothing else about
 * where the text goes, so a host unit test can compile it against glibc
 * and compare the two (tests/unit/test_printf.c).
 *
 * The pieces are what glibc hands its stream: the literal text between
 * two conversions in one piece, each conversion in a few (padding, sign,
 * digits), so a line-buffered stream sees the newlines where glibc's does.
 *
 * printf_core.c parses the format, fetches the arguments (in order or by
 * position, %2$d) and formats integers, characters, strings, %p, %n, %m;
 * printf_float.c formats floating point (e f g a, exact and correctly
 * rounded, like glibc).
 */
#ifndef LIBC_STDIO_PRINTF_IMPL_H
#define LIBC_STDIO_PRINTF_IMPL_H

#include <stdarg.h>
#include <stddef.h>

struct fmt_out {
	/* appends n bytes; returns 0, or -1 on an error (errno set) */
	int (*write)(struct fmt_out *out, const char *s, size_t n);
};

/* The flags of a conversion specification. */
#define FMT_LEFT 0x01  /* '-': left-justify in the width */
#define FMT_PLUS 0x02  /* '+': always a sign */
#define FMT_SPACE 0x04 /* ' ': a space where '+' would be */
#define FMT_ALT 0x08   /* '#': the alternative form */
#define FMT_ZERO 0x10  /* '0': pad with zeros after the sign */
#define FMT_GROUP 0x20 /* '\'': thousands grouping (none in the C locale) */

struct fmt_spec {
	unsigned flags;
	int width; /* the minimum field width; 0 if none */
	int prec;  /* the precision; -1 if none */
	char conv; /* the conversion character: 'd', 'f', 'a'... */
};

/* Where the text is going, and how much of it there has been. */
struct fmt_state {
	struct fmt_out *out;
	unsigned long long count; /* characters produced so far */
	int failed;		  /* the sink reported an error */
};

/* Hands n bytes to the sink (nothing more once it has failed). */
void __fmt_emit(struct fmt_state *st, const char *s, size_t n);

/* Emits n copies of c (nothing if n <= 0). */
void __fmt_repeat(struct fmt_state *st, char c, long long n);

/* For a field of len characters: the spaces before it (right-justified,
 * no '0' flag), the zeros after its sign (with '0'), the spaces after it
 * (left-justified).  The caller puts the sign between the first two. */
void __fmt_pad_before(struct fmt_state *st, const struct fmt_spec *sp,
		      long long len);
void __fmt_pad_zeros(struct fmt_state *st, const struct fmt_spec *sp,
		     long long len);
void __fmt_pad_after(struct fmt_state *st, const struct fmt_spec *sp,
		     long long len);

/* %f %F %e %E %g %G of x, exact and rounded in the current rounding mode. */
void __fmt_float(struct fmt_state *st, const struct fmt_spec *sp,
		 long double x);

/* %a %A: of a double as glibc prints one (0x1.8p+0), or of a long double
 * as glibc prints one on x86 (0xcp-3: the leading hex digit holds the
 * top four bits of the 64-bit significand). */
void __fmt_hex_double(struct fmt_state *st, const struct fmt_spec *sp,
		      double x);
void __fmt_hex_long_double(struct fmt_state *st, const struct fmt_spec *sp,
			   long double x);

/* Formats fmt with the arguments in ap into out.  Returns the number of
 * characters produced, or -1 with errno set: the sink's error, EINVAL for
 * a format that ends inside a conversion, EOVERFLOW when the count does
 * not fit an int. */
int __printf_core(struct fmt_out *out, const char *fmt, va_list ap);

#endif
