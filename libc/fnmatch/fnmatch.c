/* libc/fnmatch/fnmatch.c - fnmatch: does a name match a shell wildcard
 * pattern?  (C locale, bytes.)
 *
 * '*' matches any run of characters, '?' any one, "[...]" one of a set:
 * characters, ranges "a-z", classes "[:alpha:]" (also "[=c=]" and
 * "[.c.]", which in the C locale are just c), negated by a leading '!'
 * or '^'; a ']' first in the set is an ordinary member, and a '[' with
 * no closing ']' is an ordinary character.  A backslash makes the next
 * character ordinary (unless FNM_NOESCAPE; a backslash at the end of the
 * pattern matches nothing, as in glibc).  With FNM_PATHNAME a '/'
 * is matched only by a '/' in the pattern; with FNM_PERIOD a leading
 * '.' (at the start, or after a '/' with FNM_PATHNAME) only by a '.'.
 *
 * The matcher walks pattern and name together; on a mismatch it lets
 * the last '*' seen swallow one more character and tries again from
 * there (only the last star ever needs to grow: the text before it is
 * already matched, and with FNM_PATHNAME it cannot grow over a '/').
 * That is O(pattern * name) at worst, never exponential.
 */
#include <ctype.h>
#include <fnmatch.h>
#include <string.h>

struct matcher {
	const char *name; /* the whole name, for "leading" */
	int flags;
};

static int fold(const struct matcher *m, int c)
{
	return m->flags & FNM_CASEFOLD ? tolower(c) : c;
}

/* Is the '.' at s one that only a literal '.' may match? */
static int leading_period(const struct matcher *m, const char *s)
{
	if (*s != '.' || !(m->flags & FNM_PERIOD))
		return 0;
	return s == m->name || ((m->flags & FNM_PATHNAME) && s[-1] == '/');
}

static int in_class(const char *name, size_t len, int c)
{
	static const struct {
		const char *name;
		int (*test)(int);
	} classes[] = {
	    {"alnum", isalnum}, {"alpha", isalpha}, {"blank", isblank},
	    {"cntrl", iscntrl}, {"digit", isdigit}, {"graph", isgraph},
	    {"lower", islower}, {"print", isprint}, {"punct", ispunct},
	    {"space", isspace}, {"upper", isupper}, {"xdigit", isxdigit},
	};

	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (strlen(classes[i].name) == len &&
		    !strncmp(classes[i].name, name, len))
			return classes[i].test(c);
	return -1;
}

/* One member of a set at *pp: a character (maybe escaped), or "[.c.]"
 * or "[=c=]"; its value, and *pp moved past it.  -1 at the end. */
static int set_char(const struct matcher *m, const char **pp)
{
	const char *p = *pp;

	if (!*p)
		return -1;
	if (*p == '\\' && !(m->flags & FNM_NOESCAPE) && p[1]) {
		*pp = p + 2;
		return (unsigned char)p[1];
	}
	if (p[0] == '[' && (p[1] == '.' || p[1] == '=') && p[2] &&
	    p[3] == p[1] && p[4] == ']') {
		*pp = p + 5;
		return (unsigned char)p[2];
	}
	*pp = p + 1;
	return (unsigned char)*p;
}

/* Matches c against the set after a '[' at *pp; moves *pp past the ']'.
 * Returns 1 or 0; -1 if there is no closing ']' (then the '[' is an
 * ordinary character); -2 if it names an unknown class (then it can
 * match nothing). */
static int match_set(const struct matcher *m, const char **pp, int c)
{
	const char *p = *pp;
	int negate = 0, found = 0, first = 1, orig = c;

	if (*p == '!' || *p == '^') {
		negate = 1;
		p++;
	}
	c = fold(m, c);
	for (;; first = 0) {
		if (*p == ']' && !first)
			break;
		if (p[0] == '[' && p[1] == ':') {
			/* "[:name:]", the name in lower case ('z' excepted,
			 * as in glibc); else the '[' is a plain member */
			const char *name = p + 2, *q = name;

			while (*q >= 'a' && *q < 'z')
				q++;
			if (q[0] == ':' && q[1] == ']') {
				/* glibc tests the class on c as it is */
				int r = in_class(name, q - name, orig);

				if (r < 0)
					return -2; /* no such class */
				found |= r != 0;
				p = q + 2;
				continue;
			}
		}
		int lo = set_char(m, &p), hi;

		if (lo < 0)
			return -1;
		hi = lo;
		if (p[0] == '-' && p[1] && p[1] != ']') {
			p++;
			hi = set_char(m, &p);
		}
		if (fold(m, lo) <= c && c <= fold(m, hi)) /* folded, as glibc */
			found = 1;
	}
	*pp = p + 1;
	return found != negate;
}

/* Does the pattern element at *pp (not a '*') match the character at s?
 * Moves *pp past it. */
static int match_one(const struct matcher *m, const char **pp, const char *s)
{
	const char *p = *pp;
	int c = (unsigned char)*s, r;

	if (c == '/' && (m->flags & FNM_PATHNAME) && *p != '/') {
		if (*p == '\\' && p[1] == '/' && !(m->flags & FNM_NOESCAPE)) {
			*pp = p + 2;
			return 1;
		}
		*pp = p + 1;
		return 0;
	}
	switch (*p) {
	case '?':
		*pp = p + 1;
		return !leading_period(m, s);
	case '[':
		*pp = p + 1;
		r = match_set(m, pp, c);
		if (r == -2)
			return 0;
		if (r >= 0)
			return r && !leading_period(m, s);
		*pp = p + 1; /* no closing ']': a plain '[' */
		return c == '[';
	case '\\':
		if (!(m->flags & FNM_NOESCAPE)) {
			if (!p[1]) { /* a trailing backslash matches nothing */
				*pp = p + 1;
				return 0;
			}
			p++;
		}
		/* fall through */
	default:
		*pp = p + 1;
		return fold(m, (unsigned char)*p) == fold(m, c);
	}
}

int fnmatch(const char *pattern, const char *string, int flags)
{
	struct matcher m = {string, flags};
	const char *p = pattern, *s = string;
	const char *star_p = NULL, *star_s = NULL; /* after the last '*' */

	for (;;) {
		if (*p == '*') {
			while (*p == '*')
				p++;
			if (leading_period(&m, s))
				return FNM_NOMATCH;
			star_p = p;
			star_s = s;
			continue;
		}
		if (!*p) {
			if (!*s || (*s == '/' && (flags & FNM_LEADING_DIR)))
				return 0;
		} else if (*s && match_one(&m, &p, s)) {
			s++;
			continue;
		} else if (!*s) {
			return FNM_NOMATCH;
		}
		/* a mismatch: the last star takes one more character */
		if (!star_p || !*star_s ||
		    (*star_s == '/' && (flags & FNM_PATHNAME)))
			return FNM_NOMATCH;
		p = star_p;
		s = ++star_s;
	}
}
