/* libc/internal/fmt.h - a number in decimal without stdio, for the few
 * messages the libc builds itself (strerror, strsignal, assert...), so
 * that they do not pull in printf. */
#ifndef LIBC_INTERNAL_FMT_H
#define LIBC_INTERNAL_FMT_H

/* Writes v in decimal, with a '-' if negative, at out and a terminator
 * after it; returns the terminator's address.  out needs 12 bytes. */
static inline char *__fmt_int(char *out, long v)
{
	char digits[12];
	int n = 0;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;

	if (v < 0)
		*out++ = '-';
	do
		digits[n++] = '0' + u % 10;
	while ((u /= 10));
	while (n)
		*out++ = digits[--n];
	*out = 0;
	return out;
}

#endif
