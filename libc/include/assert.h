/* assert.h - assert(expr): if expr is false (and NDEBUG is not defined
 * where this header is included), print glibc's message
 *	prog: file.c:12: main: Assertion `x > 0' failed.
 * on stderr and abort.  No include guard: each inclusion follows the
 * NDEBUG of that moment, as C requires. */
#undef assert

#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#define assert(expr)                                                           \
	((expr) ? (void)0                                                      \
		: __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#ifndef _ASSERT_H
#define _ASSERT_H

#define static_assert _Static_assert

_Noreturn void __assert_fail(const char *expr, const char *file,
			     unsigned line, const char *func);

#endif
