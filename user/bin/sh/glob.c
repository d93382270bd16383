/* user/bin/sh/glob.c - shell patterns: matching and pathname expansion.
 *
 * A pattern has * (any string), ? (any character), [...] (a set: ranges
 * a-z, [:class:] names, ! or ^ first to negate) and \c for a literal c.
 * Quoted characters reach here already escaped with a backslash
 * (expand.c), so "*" in quotes matches only a star.
 *
 * Pathname expansion matches the pattern one /-separated component at a
 * time against the directory entries; a name starting with "." matches
 * only a pattern starting with "."; the matches are sorted (byte order,
 * like the C locale).
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sh.h"

static bool in_class(const char *name, size_t len, int c)
{
	static const struct {
		const char *name;
		const char *chars;
	} classes[] = {
	    {"digit", "0123456789"},
	    {"upper", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
	    {"lower", "abcdefghijklmnopqrstuvwxyz"},
	    {"space", " \t\n\r\f\v"},
	    {"blank", " \t"},
	    {"xdigit", "0123456789abcdefABCDEF"},
	};

	if (len == 5 && strncmp(name, "alpha", 5) == 0)
		return in_class("upper", 5, c) || in_class("lower", 5, c);
	if (len == 5 && strncmp(name, "alnum", 5) == 0)
		return in_class("alpha", 5, c) || in_class("digit", 5, c);
	if (len == 5 && strncmp(name, "punct", 5) == 0)
		return c > ' ' && c < 127 && !in_class("alnum", 5, c);
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (strlen(classes[i].name) == len &&
		    strncmp(classes[i].name, name, len) == 0)
			return c && strchr(classes[i].chars, c);
	return false;
}

/* the set at P (just after '['): the length of the set's text through
 * its ']', 0 if it has none (then '[' is an ordinary character); *hit
 * says whether C is in it */
static size_t bracket(const char *p, int c, bool *hit)
{
	const char *start = p;
	bool negate = *p == '!' || *p == '^', found = false;

	if (negate)
		p++;
	for (bool first = true; *p && (first || *p != ']'); first = false) {
		int lo = *p, hi;

		if (p[0] == '[' && p[1] == ':') {
			const char *end = strstr(p + 2, ":]");

			if (end) {
				found |= in_class(p + 2, end - (p + 2), c);
				p = end + 2;
				continue;
			}
		}
		if (lo == '\\' && p[1])
			lo = *++p;
		p++;
		hi = lo;
		if (p[0] == '-' && p[1] && p[1] != ']') {
			hi = *++p;
			if (hi == '\\' && p[1])
				hi = *++p;
			p++;
		}
		if ((unsigned char)lo <= (unsigned char)c &&
		    (unsigned char)c <= (unsigned char)hi)
			found = true;
	}
	if (*p != ']')
		return 0;
	*hit = found != negate;
	return p + 1 - start + 1; /* the '[' too */
}

/* the length of the pattern element at PAT if it matches C, else 0 */
static size_t match_one(const char *pat, int c)
{
	bool hit;
	size_t n;

	switch (*pat) {
	case '\0':
		return 0;
	case '?':
		return 1;
	case '[':
		n = bracket(pat + 1, c, &hit);
		if (n)
			return hit ? n : 0;
		return c == '[';
	case '\\':
		if (pat[1])
			return pat[1] == c ? 2 : 0;
		return c == '\\';
	default:
		return *pat == c;
	}
}

bool pattern_match(const char *pat, const char *s)
{
	const char *star_pat = NULL, *star_s = NULL;

	while (*s) {
		size_t n;

		if (*pat == '*') {
			star_pat = ++pat;
			star_s = s;
			continue;
		}
		n = match_one(pat, (unsigned char)*s);
		if (n) {
			pat += n;
			s++;
		} else if (star_pat) {
			/* let the last star take one more character */
			pat = star_pat;
			s = ++star_s;
		} else {
			return false;
		}
	}
	while (*pat == '*')
		pat++;
	return *pat == '\0';
}

bool has_glob_chars(const char *pat)
{
	for (; *pat; pat++) {
		if (*pat == '\\' && pat[1])
			pat++;
		else if (*pat == '*' || *pat == '?' || *pat == '[')
			return true;
	}
	return false;
}

static char *unescape(const char *pat, size_t len)
{
	struct strbuf b = {0};

	sb_adds(&b, "");
	for (size_t i = 0; i < len; i++) {
		if (pat[i] == '\\' && i + 1 < len)
			i++;
		sb_addc(&b, pat[i]);
	}
	return sb_take(&b);
}

static int compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* the entries of DIR (the current directory for "") matching COMP */
static void matching_entries(const char *dir, const char *comp,
			     struct strvec *names)
{
	DIR *d = opendir(*dir ? dir : ".");
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' && comp[0] != '.' &&
		    !(comp[0] == '\\' && comp[1] == '.'))
			continue;
		if (pattern_match(comp, e->d_name))
			sv_push(names, xstrdup(e->d_name));
	}
	closedir(d);
	if (names->n > 1)
		qsort(names->v, names->n, sizeof(*names->v), compare);
}

/* PREFIX (a path so far, "" or ending in '/') followed by the pattern
 * REST: every existing path pushed on OUT */
static void expand_from(const char *prefix, const char *rest,
			struct strvec *out)
{
	const char *slash = rest;
	struct strbuf path = {0};
	struct strvec names = {0};
	struct stat st;
	char *comp;

	while (*slash && *slash != '/')
		slash += (*slash == '\\' && slash[1]) ? 2 : 1;
	comp = xstrndup(rest, slash - rest);
	if (!has_glob_chars(comp)) {
		char *literal = unescape(rest, slash - rest);

		sv_push(&names, literal);
	} else {
		matching_entries(prefix, comp, &names);
	}
	for (int i = 0; i < names.n; i++) {
		path.len = 0;
		sb_adds(&path, prefix);
		sb_adds(&path, names.v[i]);
		if (*slash) {
			sb_addc(&path, '/');
			expand_from(path.s, slash + 1, out);
		} else if (lstat(path.s, &st) == 0) {
			sv_push(out, xstrdup(path.s));
		}
	}
	sv_free(&names);
	sb_free(&path);
	free(comp);
}

bool glob_expand(const char *pat, struct strvec *out)
{
	int before = out->n;

	if (*pat == '/') {
		const char *rest = pat;

		while (*rest == '/')
			rest++;
		expand_from("/", rest, out);
	} else {
		expand_from("", pat, out);
	}
	return out->n > before;
}
