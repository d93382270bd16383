/* libc/misc/assert.c - __assert_fail: the message of a failed assert,
 * as glibc words it, with one write (no stdio: the program may be in no
 * state for it), then abort. */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libc/internal/fmt.h"

static char *append(char *out, char *end, const char *s)
{
	size_t n = strlen(s);

	if (n > (size_t)(end - out))
		n = end - out;
	memcpy(out, s, n);
	return out + n;
}

_Noreturn void __assert_fail(const char *expr, const char *file,
			     unsigned line, const char *func)
{
	char buf[1024], num[16], *o = buf, *end = buf + sizeof(buf) - 1;

	__fmt_int(num, line);
	if (*program_invocation_short_name) {
		o = append(o, end, program_invocation_short_name);
		o = append(o, end, ": ");
	}
	o = append(o, end, file);
	o = append(o, end, ":");
	o = append(o, end, num);
	o = append(o, end, ": ");
	if (func) {
		o = append(o, end, func);
		o = append(o, end, ": ");
	}
	o = append(o, end, "Assertion `");
	o = append(o, end, expr);
	o = append(o, end, "' failed.\n");
	write(STDERR_FILENO, buf, o - buf);
	abort();
}
