/* user/bin/sh/expand.c - from raw words to the fields a command gets.
 *
 * One pass over each raw word does, in POSIX's order of effect:
 *   - tilde: a leading ~ or ~/ is $HOME;
 *   - parameters (param.c): $name ${name} $1 $# $? $$ $! $@ $* $- $0
 *     and ${name:-word} := :+ :? (also without the colon), ${#name},
 *     ${name%pat} %% # ##;
 *   - command substitution $(...) and `...`: a child shell runs the text
 *     and its output, less the trailing newlines, is the value;
 *   - arithmetic $((...)) (arith.c);
 *   - field splitting: the results of unquoted expansions are cut at the
 *     characters of $IFS (default space, tab, newline);
 *   - pathname expansion: a field with an unquoted * ? or [ becomes the
 *     sorted list of matching paths, or stays as it is if none match;
 *   - quote removal.
 *
 * The expander builds the current field twice: `val`, the text itself,
 * and `pat`, the same text as a pattern in which every quoted character
 * is escaped with a backslash, so that "*" matches only a star when the
 * field is globbed (or is a case pattern).  `started` tells an empty
 * field that exists ("") from no field at all (an empty $x).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "expand.h"

#define MAX_NESTING 1000 /* expansions inside one another */

/* --- building fields */

static void clear(struct strbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void put_char(struct expander *e, char c, bool quoted)
{
	sb_addc(&e->val, c);
	if (quoted)
		sb_addc(&e->pat, '\\');
	sb_addc(&e->pat, c);
	if (!quoted && (c == '*' || c == '?' || c == '['))
		e->globby = true;
	e->started = true;
	e->white_split = false;
}

/* the current field is complete: onto the list (globbed if it may be) */
void end_field(struct expander *e)
{
	if (!e->fields)
		return;
	if (!(e->split && e->globby && !sh.noglob &&
	      glob_expand(sb_str(&e->pat), e->fields)))
		sv_push(e->fields, xstrdup(sb_str(&e->val)));
	clear(&e->val);
	clear(&e->pat);
	e->started = e->globby = false;
}

static bool is_ifs_white(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* the value of an expansion: quoted, as it is; unquoted, cut into
 * fields at the characters of IFS */
/* C from the unquoted result of an expansion: the characters of IFS
 * cut fields there */
static void put_unquoted(struct expander *e, char c, const char *ifs)
{
	if (!e->split || !strchr(ifs, c)) {
		put_char(e, c, false);
	} else if (is_ifs_white(c)) {
		if (e->started) {
			end_field(e);
			e->white_split = true;
		}
	} else {
		/* a:b, a::b and :a have empty fields, "a : b" not */
		if (e->started || !e->white_split)
			end_field(e);
		e->white_split = false;
	}
}

static const char *ifs(void)
{
	const char *value = var_get("IFS");

	return value ? value : " \t\n";
}

void put_value(struct expander *e, const char *s, bool quoted)
{
	const char *seps = ifs();

	for (; s && *s; s++) {
		if (quoted)
			put_char(e, *s, true);
		else
			put_unquoted(e, *s, seps);
	}
}

/* --- where constructs end: each takes the text just after the opening
 * and returns the text just after the closing (or the end of the
 * string if there is none) */

static const char *skip_squote(const char *p)
{
	while (*p && *p != '\'')
		p++;
	return *p ? p + 1 : p;
}

static const char *skip_backquote(const char *p)
{
	while (*p && *p != '`')
		p += (*p == '\\' && p[1]) ? 2 : 1;
	return *p ? p + 1 : p;
}

/* P just after "$(": the parser finds the ')' that ends the commands */
static const char *skip_subst(const char *p)
{
	struct source src;
	const char *end;

	src_init_string(&src, p, NULL);
	end = parse_subst(&src) ? p + src.pos : p + strlen(p);
	src_free(&src);
	return end;
}

/* $((...)) at P (a '$'): the text after it, or NULL if it is not one */
static const char *skip_arith(const char *p)
{
	const char *close;

	if (p[1] != '(' || p[2] != '(')
		return NULL;
	close = skip_group(p + 2, ')'); /* the brackets balance, */
	if (close[-1] != ')' || skip_group(p + 3, ')') != close - 1)
		return NULL; /* but $((a) | (b)) is not arithmetic */
	return close;
}

/* P is at a '$' */
static const char *skip_dollar(const char *p)
{
	const char *arith = skip_arith(p);

	if (arith)
		return arith;
	if (p[1] == '{')
		return skip_group(p + 2, '}');
	if (p[1] == '(')
		return skip_subst(p + 2);
	return p + 1;
}

static const char *skip_dquote(const char *p)
{
	while (*p && *p != '"') {
		if (*p == '\\' && p[1])
			p += 2;
		else if (*p == '$')
			p = skip_dollar(p);
		else if (*p == '`')
			p = skip_backquote(p + 1);
		else
			p++;
	}
	return *p ? p + 1 : p;
}

const char *skip_group(const char *p, char close)
{
	int depth = 1;

	while (*p) {
		char c = *p;

		if (c == '\\' && p[1])
			p += 2;
		else if (c == '\'')
			p = skip_squote(p + 1);
		else if (c == '"')
			p = skip_dquote(p + 1);
		else if (c == '`')
			p = skip_backquote(p + 1);
		else if (c == '$')
			p = skip_dollar(p);
		else if (c == close && --depth == 0)
			return p + 1;
		else if (c == '(' && close == ')')
			depth++, p++;
		else
			p++;
	}
	return p;
}

const char *clamp(const char *p, const char *end)
{
	return p > end ? end : p;
}

/* TEXT expanded on its own into one string (a pattern if PATTERN) */
char *expand_sub(struct expander *outer, const char *s, const char *end,
		 bool pattern)
{
	struct expander e = {0};
	char *result;

	expand_raw(&e, s, end, UNQUOTED);
	if (e.failed)
		outer->failed = true;
	result = pattern ? sb_take(&e.pat) : sb_take(&e.val);
	sb_free(&e.val);
	sb_free(&e.pat);
	return result;
}

/* --- command substitution and arithmetic */

static char *command_output(const char *text)
{
	struct strbuf out = {0};
	char buf[4096];
	int fds[2], st;
	pid_t pid;
	ssize_t n;

	sb_adds(&out, "");
	if (pipe(fds) < 0 || (pid = fork()) < 0) {
		sh_error("cannot run a command substitution: %s",
			 strerror(errno));
		sh.subst_status = 126;
		return sb_take(&out);
	}
	if (pid == 0) {
		close(fds[0]);
		if (fds[1] != 1) {
			dup2(fds[1], 1);
			close(fds[1]);
		}
		become_child();
		sh_exit(run_string(text, NULL));
	}
	close(fds[1]);
	while ((n = read(fds[0], buf, sizeof(buf))) != 0) {
		if (n > 0)
			sb_addn(&out, buf, n);
		else if (errno != EINTR)
			break;
	}
	close(fds[0]);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	sh.subst_status = wait_status(st);
	while (out.len > 0 && out.s[out.len - 1] == '\n')
		out.s[--out.len] = '\0';
	return sb_take(&out);
}

/* $(...) or $((...)): P at the '$' */
static const char *expand_paren(struct expander *e, const char *p,
				const char *end, bool quoted)
{
	const char *close = skip_arith(p);
	char *text, *result;
	long long n;

	if (close && close <= end) {
		text = expand_sub(e, p + 3, close - 2, false);
		if (!e->failed && arith_eval(text, &n)) {
			result = number_string(n);
			put_value(e, result, quoted);
			free(result);
		} else {
			e->failed = true;
		}
		free(text);
		return close;
	}
	close = clamp(skip_subst(p + 2), end);
	text = xstrndup(p + 2, close - 1 - (p + 2));
	result = command_output(text);
	put_value(e, result, quoted);
	free(result);
	free(text);
	return close;
}

/* `...`: a backslash before $ ` \ (and " in double quotes) is dropped */
static const char *expand_backquote(struct expander *e, const char *p,
				    const char *end, enum mode mode)
{
	const char *close = clamp(skip_backquote(p + 1), end);
	const char *stop =
	    close[-1] == '`' && close - 1 > p ? close - 1 : close;
	struct strbuf text = {0};
	char *result;

	sb_adds(&text, "");
	for (const char *q = p + 1; q < stop; q++) {
		if (*q == '\\' && q + 1 < stop &&
		    (strchr("$`\\", q[1]) || (mode == DQUOTED && q[1] == '"')))
			q++;
		sb_addc(&text, *q);
	}
	result = command_output(text.s);
	put_value(e, result, mode != UNQUOTED);
	free(result);
	sb_free(&text);
	return close;
}

/* $...: P at the '$'; returns the text after the expansion */
static const char *expand_dollar(struct expander *e, const char *p,
				 const char *end, bool quoted)
{
	size_t len;
	char *name;

	if (p + 1 < end && p[1] == '{')
		return expand_braced(e, p, end, quoted);
	if (p + 1 < end && p[1] == '(')
		return expand_paren(e, p, end, quoted);
	len = p + 1 < end ? param_name_length(p + 1, false) : 0;
	if (len == 0 || p + 1 + len > end) {
		put_char(e, '$', quoted);
		return p + 1;
	}
	name = xstrndup(p + 1, len);
	put_param(e, name, quoted);
	free(name);
	return p + 1 + len;
}

/* ~ or ~/...: $HOME; P at the '~'.  NULL when it is not a tilde
 * expansion (~user, or quotes in the name) */
static const char *expand_tilde(struct expander *e, const char *p,
				const char *end)
{
	const char *home = var_get("HOME");

	if (!home || (p + 1 < end && p[1] != '/'))
		return NULL;
	put_value(e, home, true);
	return p + 1;
}

/* "$@" alone: with no parameters there is no field at all */
static bool is_lone_at(const char *s, const char *end)
{
	size_t len = end - s;

	return (len == 2 && strncmp(s, "$@", 2) == 0) ||
	       (len == 4 && strncmp(s, "${@}", 4) == 0);
}

void expand_raw(struct expander *e, const char *s, const char *end,
		enum mode mode)
{
	static int depth; /* of expand_raw calls: ${x:-${y:-...}} */
	const char *p = s, *q;
	const char *escapable = mode == DQUOTED ? "$`\"\\\n" : "$`\\\n";

	if (depth >= MAX_NESTING) {
		if (!e->failed)
			sh_error("expansions nested too deeply");
		e->failed = true;
		return;
	}
	depth++;

	while (p < end && !e->failed) {
		char c = *p;

		if (mode == UNQUOTED && c == '\'') {
			q = clamp(skip_squote(p + 1), end);
			e->started = true;
			for (p++; p < q && *p != '\''; p++)
				put_char(e, *p, true);
			p = q;
		} else if (mode == UNQUOTED && c == '"') {
			q = clamp(skip_dquote(p + 1), end);
			if (!is_lone_at(p + 1, q - 1) || sh.argc > 0)
				e->started = true;
			expand_raw(e, p + 1, q[-1] == '"' ? q - 1 : q, DQUOTED);
			p = q;
		} else if (mode == UNQUOTED && c == '\\') {
			put_char(e, p + 1 < end ? p[1] : '\\', true);
			p += p + 1 < end ? 2 : 1;
		} else if (mode != UNQUOTED && c == '\\' && p + 1 < end &&
			   strchr(escapable, p[1])) {
			if (p[1] != '\n')
				put_char(e, p[1], true);
			p += 2;
		} else if (c == '$') {
			p = expand_dollar(e, p, end, mode != UNQUOTED);
		} else if (c == '`') {
			p = expand_backquote(e, p, end, mode);
		} else if (mode == UNQUOTED && c == '~' && p == s &&
			   !e->started && (q = expand_tilde(e, p, end))) {
			p = q;
		} else if (mode == UNQUOTED && e->word_splits) {
			put_unquoted(e, c, ifs()); /* ${x-a b} is two fields */
			p++;
		} else {
			put_char(e, c, mode != UNQUOTED);
			p++;
		}
	}
	depth--;
}

/* --- the interface */

bool expand_words(char **words, int n, struct strvec *out)
{
	struct expander e = {.fields = out, .split = true};

	for (int i = 0; i < n && !e.failed; i++) {
		clear(&e.val);
		clear(&e.pat);
		e.started = e.globby = e.white_split = false;
		expand_raw(&e, words[i], words[i] + strlen(words[i]), UNQUOTED);
		if (e.started && !e.failed)
			end_field(&e);
	}
	sb_free(&e.val);
	sb_free(&e.pat);
	return !e.failed;
}

static char *expand_one(const char *raw, enum mode mode, bool pattern)
{
	struct expander e = {0};
	char *result;

	expand_raw(&e, raw, raw + strlen(raw), mode);
	result = pattern ? sb_take(&e.pat) : sb_take(&e.val);
	sb_free(&e.val);
	sb_free(&e.pat);
	if (e.failed) {
		free(result);
		return NULL;
	}
	return result;
}

char *expand_string(const char *raw)
{
	return expand_one(raw, UNQUOTED, false);
}

char *expand_pattern(const char *raw)
{
	return expand_one(raw, UNQUOTED, true);
}

char *expand_heredoc(const char *body)
{
	return expand_one(body, HEREDOC, false);
}

char *expand_prompt(const char *raw)
{
	char *s = expand_one(raw, DQUOTED, false);

	return s ? s : xstrdup(raw);
}
