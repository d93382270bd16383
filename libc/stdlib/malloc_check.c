/* libc/stdlib/malloc_check.c - the allocator's tail canaries, and the
 * report that ends a process whose heap is broken.
 *
 * The bytes between the end of what the caller asked for and the end of
 * the chunk hold CANARY (at least one byte, since chunk_size_for leaves
 * room; at most CANARY_CHECKED of them are set and checked).  free and
 * realloc check them: a changed byte means the program wrote past the
 * end of its block.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libc/internal/malloc.h"

static size_t canary_len(struct chunk *c)
{
	size_t n = c->size - HDR - c->req;

	return n < CANARY_CHECKED ? n : CANARY_CHECKED;
}

void __malloc_set_canary(struct chunk *c)
{
	memset((char *)chunk_payload(c) + c->req, CANARY, canary_len(c));
}

void __malloc_check_canary(const char *fn, struct chunk *c)
{
	const unsigned char *p = (unsigned char *)chunk_payload(c) + c->req;
	size_t n = canary_len(c);

	for (size_t i = 0; i < n; i++)
		if (p[i] != CANARY)
			__malloc_fail(fn,
				      "heap overflow (a write past the end of "
				      "the block)",
				      chunk_payload(c));
}

/* "0x" and 8 hex digits */
static char *hex(char *out, uintptr_t v)
{
	*out++ = '0';
	*out++ = 'x';
	for (int shift = 28; shift >= 0; shift -= 4)
		*out++ = "0123456789abcdef"[(v >> shift) & 15];
	return out;
}

static char *append(char *out, const char *s)
{
	size_t n = strlen(s);

	memcpy(out, s, n);
	return out + n;
}

/* Writes "PROG: FN(): WHAT: 0xADDR" to stderr and aborts.  No stdio and
 * no allocation: the heap cannot be trusted any more. */
_Noreturn void __malloc_fail(const char *fn, const char *what, void *p)
{
	char buf[256], *o = buf;
	const char *prog = program_invocation_short_name;

	if (prog && *prog && strlen(prog) < 64) {
		o = append(o, prog);
		o = append(o, ": ");
	}
	o = append(o, fn);
	o = append(o, "(): ");
	o = append(o, what);
	o = append(o, ": ");
	o = hex(o, (uintptr_t)p);
	*o++ = '\n';
	write(STDERR_FILENO, buf, o - buf);
	abort();
}
