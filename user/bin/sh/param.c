/* user/bin/sh/param.c - parameter expansion, for expand.c.
 *
 * $name ${name} and the special parameters $? $$ $! $# $- $0 $1... $@ $*;
 * ${name:-word} ${name:=word} ${name:+word} ${name:?word} (without the
 * colon only an unset name counts as missing, with it an empty one too);
 * ${#name}; ${name#pat} ${name##pat} ${name%pat} ${name%%pat}, which cut
 * the shortest or longest matching prefix or suffix.  "$@" gives one
 * field per positional parameter, "$*" one field joined by the first
 * character of $IFS.
 */
#include <stdlib.h>
#include <string.h>

#include "expand.h"

char *number_string(long long n)
{
	struct strbuf b = {0};

	sb_addnum(&b, n);
	return sb_take(&b);
}

/* "$1 $2 ..." joined by SEP (none if SEP is '\0') */
static char *join_params(char sep)
{
	struct strbuf b = {0};

	sb_adds(&b, "");
	for (int i = 0; i < sh.argc; i++) {
		if (i && sep)
			sb_addc(&b, sep);
		sb_adds(&b, sh.argv[i]);
	}
	return sb_take(&b);
}

static char *option_letters(void)
{
	struct strbuf b = {0};

	sb_adds(&b, "");
	if (sh.errexit)
		sb_addc(&b, 'e');
	if (sh.noglob)
		sb_addc(&b, 'f');
	if (sh.interactive)
		sb_addc(&b, 'i');
	if (sh.nounset)
		sb_addc(&b, 'u');
	if (sh.xtrace)
		sb_addc(&b, 'x');
	return sb_take(&b);
}

/* the value of parameter NAME (a name, digits or a special character),
 * NULL if it is unset; the caller frees it */
static char *param_value(const char *name)
{
	long long n;

	if (is_name_start(name[0])) {
		const char *v = var_get(name);

		return v ? xstrdup(v) : NULL;
	}
	if (parse_number(name, &n)) {
		if (n == 0)
			return xstrdup(sh.arg0);
		return n <= sh.argc ? xstrdup(sh.argv[n - 1]) : NULL;
	}
	switch (name[0]) {
	case '?':
		return number_string(sh.status);
	case '$':
		return number_string(sh.pid);
	case '#':
		return number_string(sh.argc);
	case '!':
		return sh.last_bg ? number_string(sh.last_bg) : NULL;
	case '-':
		return option_letters();
	default:
		return join_params(' '); /* @ and * */
	}
}

static void unset_error(struct expander *e, const char *name)
{
	sh_error("%s: parameter not set", name);
	e->failed = true;
}

/* $@ and $*: one field per parameter, except "$*" */
static void put_params(struct expander *e, bool star, bool quoted)
{
	const char *ifs = var_get("IFS");
	char sep = ifs ? ifs[0] : ' ';

	if (star && quoted) {
		char *joined = join_params(sep);

		put_value(e, joined, true);
		free(joined);
		return;
	}
	for (int i = 0; i < sh.argc; i++) {
		if (i > 0 && !e->fields)
			put_char(e, ' ', quoted);
		else if (i > 0 && (quoted || e->started))
			end_field(e);
		put_value(e, sh.argv[i], quoted);
		if (quoted)
			e->started = true; /* "$@": "" is a field too */
	}
}

void put_param(struct expander *e, const char *name, bool quoted)
{
	char *value;

	if (name[0] == '@' || name[0] == '*') {
		put_params(e, name[0] == '*', quoted);
		return;
	}
	value = param_value(name);
	if (!value && sh.nounset && name[0] != '!')
		unset_error(e, name);
	put_value(e, value, quoted);
	free(value);
}

/* ${name#pat} ${name##pat} ${name%pat} ${name%%pat} */
static char *strip(const char *value, const char *pat, char op, bool longest)
{
	size_t len = strlen(value);

	for (size_t k = 0; k <= len; k++) {
		size_t i = longest ? len - k : k; /* the length tried */

		if (op == '#') {
			char *prefix = xstrndup(value, i);
			bool hit = pattern_match(pat, prefix);

			free(prefix);
			if (hit)
				return xstrdup(value + i);
		} else if (pattern_match(pat, value + len - i)) {
			return xstrndup(value, len - i);
		}
	}
	return xstrdup(value);
}

static void bad_substitution(struct expander *e, const char *s, const char *end)
{
	char *text = xstrndup(s, end - s);

	sh_error("%s: bad substitution", text);
	free(text);
	e->failed = true;
}

/* the word of ${name-word} and friends, into the current field */
static void put_word(struct expander *e, const char *w, const char *end,
		     bool quoted)
{
	if (quoted) {
		char *s = expand_sub(e, w, end, false);

		put_value(e, s, true);
		free(s);
	} else {
		e->word_splits++;
		expand_raw(e, w, end, UNQUOTED);
		e->word_splits--;
	}
}

/* ${name OP word} with VALUE the parameter's value (NULL if unset) */
static void operator(struct expander *e, const char *name, char *value,
		     const char *op, const char *w, const char *end,
		     bool quoted)
{
	bool colon = *op == ':';
	char kind = op[colon];
	bool missing = !value || (colon && !*value);
	char *s;

	switch (kind) {
	case '-':
	case '+':
		if (missing == (kind == '-'))
			put_word(e, w, end, quoted);
		else if (kind == '-')
			put_value(e, value, quoted);
		return;
	case '=':
		if (!missing) {
			put_value(e, value, quoted);
		} else if (!is_name_start(name[0])) {
			sh_error("$%s: cannot assign in this way", name);
			e->failed = true;
		} else {
			s = expand_sub(e, w, end, false);
			var_set(name, s, 0);
			put_value(e, s, quoted);
			free(s);
		}
		return;
	case '?':
		if (!missing) {
			put_value(e, value, quoted);
			return;
		}
		s = w < end ? expand_sub(e, w, end, false)
			    : xstrdup(colon ? "parameter null or not set"
					    : "parameter not set");
		sh_error("%s: %s", name, s);
		free(s);
		e->failed = true;
		return;
	default: /* # ## % %% */
		s = expand_sub(e, w, end, true);
		{
			char *r =
			    strip(value ? value : "", s, kind, op[1] == kind);

			put_value(e, r, quoted);
			free(r);
		}
		free(s);
	}
}

/* the length of the parameter name at P (one special character, the
 * digits of ${10}, or a name), 0 if there is none */
size_t param_name_length(const char *p, bool braced)
{
	size_t n = 0;

	if (is_name_start(*p))
		return name_length(p);
	if (*p >= '0' && *p <= '9') {
		if (!braced)
			return 1; /* $10 is ${1}0 */
		while (p[n] >= '0' && p[n] <= '9')
			n++;
		return n;
	}
	return *p && strchr("@*#?$!-", *p) ? 1 : 0;
}

static bool is_operator(const char *op, const char *end)
{
	static const char *const ops[] = {
	    ":-", ":=", ":+", ":?", "-", "=", "+", "?", "%%", "%", "##", "#",
	};

	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		size_t len = strlen(ops[i]);

		if ((size_t)(end - op) >= len && strncmp(op, ops[i], len) == 0)
			return true;
	}
	return false;
}

/* ${...}: P at the '$'; returns the text after the '}' */
const char *expand_braced(struct expander *e, const char *p, const char *end,
			  bool quoted)
{
	const char *body = p + 2, *close = clamp(skip_group(body, '}'), end);
	const char *body_end = close - 1, *q = body, *op;
	bool length = false;
	size_t len;
	char *name, *value;

	if (close <= body || close[-1] != '}') {
		bad_substitution(e, p, close);
		return close;
	}
	if (*q == '#' && q + 1 < body_end) {
		length = true;
		q++;
	}
	len = param_name_length(q, true);
	if (len == 0 || q + len > body_end) {
		bad_substitution(e, p, close);
		return close;
	}
	name = xstrndup(q, len);
	op = q + len;
	if (op == body_end && !length) {
		put_param(e, name, quoted);
	} else if (length && op == body_end) {
		value = param_value(name);
		if (!value && sh.nounset)
			unset_error(e, name);
		value = value ? value : xstrdup("");
		{
			long long n = name[0] == '@' || name[0] == '*'
					  ? sh.argc
					  : (long long)strlen(value);
			char *s = number_string(n);

			put_value(e, s, quoted);
			free(s);
		}
		free(value);
	} else if (!length && is_operator(op, body_end)) {
		bool twice = (*op == '%' || *op == '#') && op[1] == *op;
		size_t oplen = *op == ':' || twice ? 2 : 1;

		value = param_value(name);
		operator(e, name, value, op, op + oplen, body_end, quoted);
		free(value);
	} else {
		bad_substitution(e, p, close);
	}
	free(name);
	return close;
}
