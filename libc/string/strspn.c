/* libc/string/strspn.c - strspn, strcspn and strpbrk: spans of bytes in
 * (or not in) a set, with the set as a 256-bit map. */
#include <string.h>

struct byteset {
	unsigned long bits[256 / (8 * sizeof(unsigned long))];
};

#define WORD_BITS (8 * sizeof(unsigned long))

static void set_of(struct byteset *s, const char *chars)
{
	memset(s, 0, sizeof(*s));
	for (const unsigned char *c = (const unsigned char *)chars; *c; c++)
		s->bits[*c / WORD_BITS] |= 1UL << (*c % WORD_BITS);
}

static int in_set(const struct byteset *s, unsigned char c)
{
	return s->bits[c / WORD_BITS] >> (c % WORD_BITS) & 1;
}

size_t strspn(const char *s, const char *accept)
{
	struct byteset set;
	size_t n = 0;

	set_of(&set, accept);
	while (s[n] && in_set(&set, s[n]))
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	struct byteset set;
	size_t n = 0;

	set_of(&set, reject);
	while (s[n] && !in_set(&set, s[n]))
		n++;
	return n;
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}
