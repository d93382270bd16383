/* user/bin/sh/lex.c - cutting command text into tokens.
 *
 * Tokens are words and the operators | || & && ; ;; ( ) < > >> >| <& >&
 * <> << <<- and newline.  A word runs to the next unquoted blank or
 * operator character and is kept raw: its quotes, backslashes, $...,
 * ${...}, $(...), $((...)) and `...` stay in the text for expand.c.  The
 * lexer only has to know where each of those ends, which is why it reads
 * through them here (and why an unterminated one asks the source for
 * another line: the PS2 prompt).
 *
 * A backslash-newline outside single quotes joins lines; # at the start
 * of a token begins a comment; a word of digits just before < or > is a
 * descriptor number (2>file).  Reserved words (if, then, ...) are plain
 * words here: only the parser knows where they count.
 */
#include <stdlib.h>
#include <string.h>

#include "sh.h"

#define MAX_NESTING 1000 /* ${ $( $(( inside one another */

static bool scan_dollar(struct source *s, struct strbuf *b);

static int nesting;	    /* scan_group and scan_subst calls under way */
static const char *failure; /* why a word failed; NULL: already reported */

static bool is_operator_start(int c)
{
	return c == ';' || c == '&' || c == '|' || c == '<' || c == '>' ||
	       c == '(' || c == ')';
}

static bool is_word_end(int c)
{
	return c == SRC_END || c == ' ' || c == '\t' || c == '\n' ||
	       is_operator_start(c);
}

/* '...': everything to the closing quote, verbatim */
static bool scan_squote(struct source *s, struct strbuf *b)
{
	int c;

	while ((c = src_getc(s)) != SRC_END) {
		sb_addc(b, c);
		if (c == '\'')
			return true;
	}
	return false;
}

/* `...`: to the closing backquote; a backslash keeps the next byte */
static bool scan_backquote(struct source *s, struct strbuf *b)
{
	int c;

	while ((c = src_getc(s)) != SRC_END) {
		sb_addc(b, c);
		if (c == '`')
			return true;
		if (c == '\\') {
			if ((c = src_getc(s)) == SRC_END)
				return false;
			sb_addc(b, c);
		}
	}
	return false;
}

/* "...": to the closing quote, through $ and ` constructs; a
 * backslash-newline joins lines */
static bool scan_dquote(struct source *s, struct strbuf *b)
{
	int c;
	bool ok = true;

	while (ok && (c = src_getc(s)) != SRC_END) {
		if (c == '\\') {
			int d = src_getc(s);

			if (d == '\n')
				continue;
			sb_addc(b, c);
			if (d == SRC_END)
				return false;
			sb_addc(b, d);
			continue;
		}
		sb_addc(b, c);
		if (c == '"')
			return true;
		if (c == '$')
			ok = scan_dollar(s, b);
		else if (c == '`')
			ok = scan_backquote(s, b);
	}
	return false;
}

static bool too_deep(void)
{
	if (nesting < MAX_NESTING)
		return false;
	failure = "words nested too deeply";
	return true;
}

/* the inside of ${...} or $((...)) up to the CLOSE that balances the
 * DEPTH brackets open; quotes inside are skipped whole */
static bool scan_group(struct source *s, struct strbuf *b, char close,
		       int depth)
{
	int c;
	bool ok = !too_deep();

	nesting++;
	while (ok && (c = src_getc(s)) != SRC_END) {
		sb_addc(b, c);
		if (c == '\\') {
			if ((c = src_getc(s)) == SRC_END)
				break;
			sb_addc(b, c);
		} else if (c == '\'') {
			ok = scan_squote(s, b);
		} else if (c == '"') {
			ok = scan_dquote(s, b);
		} else if (c == '`') {
			ok = scan_backquote(s, b);
		} else if (c == '$') {
			ok = scan_dollar(s, b);
		} else if (c == '(' && close == ')') {
			depth++;
		} else if (c == close && --depth == 0) {
			nesting--;
			return true;
		}
	}
	nesting--;
	return false;
}

/* $(...): the parser reads the commands up to the closing ')', which
 * checks them and knows where they end (a case pattern's ')' does not
 * end them); the source records the text it reads into the word */
static bool scan_subst(struct source *s, struct strbuf *b)
{
	struct strbuf *outer = s->record;
	size_t start = b->len;
	bool ok;

	if (too_deep())
		return false;
	nesting++;
	s->record = b;
	ok = parse_subst(s);
	s->record = outer;
	nesting--;
	if (outer) /* a $(...) in a $(...): the outer one has it too */
		sb_addn(outer, b->s + start, b->len - start);
	if (!ok)
		failure = NULL; /* the parser said what is wrong */
	return ok;
}

/* after a '$': ${...}, $((...)) and $(...) */
static bool scan_dollar(struct source *s, struct strbuf *b)
{
	int c = src_getc(s);

	if (c == '{') {
		sb_addc(b, c);
		return scan_group(s, b, '}', 1);
	}
	if (c != '(') {
		src_ungetc(s, c);
		return true;
	}
	sb_addc(b, c);
	c = src_getc(s);
	if (c == '(') {
		sb_addc(b, c);
		return scan_group(s, b, ')', 2);
	}
	src_ungetc(s, c);
	return scan_subst(s, b);
}

/* a word, up to an unquoted blank or operator; false at the end of
 * input inside quotes */
static bool scan_word(struct source *s, struct strbuf *b)
{
	for (;;) {
		int c = src_getc(s);
		bool ok = true;

		if (is_word_end(c)) {
			src_ungetc(s, c);
			return true;
		}
		if (c == '\\') {
			int d = src_getc(s);

			if (d == '\n')
				continue; /* a line continuation */
			sb_addc(b, c);
			if (d == SRC_END)
				return true;
			sb_addc(b, d);
			continue;
		}
		sb_addc(b, c);
		if (c == '\'')
			ok = scan_squote(s, b);
		else if (c == '"')
			ok = scan_dquote(s, b);
		else if (c == '`')
			ok = scan_backquote(s, b);
		else if (c == '$')
			ok = scan_dollar(s, b);
		if (!ok)
			return false;
	}
}

/* the first byte of the next token: blanks, line continuations and a
 * comment skipped */
static int token_start(struct source *s)
{
	for (;;) {
		int c = src_getc(s);

		if (c == ' ' || c == '\t')
			continue;
		if (c == '\\') {
			int d = src_getc(s);

			if (d == '\n')
				continue;
			src_ungetc(s, d);
			return c;
		}
		if (c == '#') {
			while ((c = src_getc(s)) != SRC_END && c != '\n')
				;
		}
		return c;
	}
}

/* 1 if the next byte is WANT (then consumed), else 0 */
static int follows(struct source *s, int want)
{
	int c = src_getc(s);

	if (c == want)
		return 1;
	src_ungetc(s, c);
	return 0;
}

static enum token_type operator(struct source *s, int c) {
	switch (c){
		case ';' : return follows(s, ';') ? T_DSEMI : T_SEMI;
		case '&' : return follows(s, '&') ? T_AND : T_AMP;
		case '|' : return follows(s, '|') ? T_OR : T_PIPE;
		case '(' : return T_LPAREN;
		case ')' : return T_RPAREN;
		case '<' : if (follows(s, '<')) return follows(s, '-')
		    ? T_DLESSDASH
		    : T_DLESS;
		if (follows(s, '&')) return T_LESSAND;
		return follows(s, '>') ? T_LESSGREAT : T_LESS;
		default : /* '>' */
		    if (follows(s, '>')) return T_DGREAT;
		if (follows(s, '&')) return T_GREATAND;
		return follows(s, '|') ? T_CLOBBER : T_GREAT;
	}
}

static bool all_digits(const char *w)
{
	if (!*w)
		return false;
	for (; *w; w++)
		if (*w < '0' || *w > '9')
			return false;
	return true;
}

void lex_next(struct source *s, struct token *t)
{
	struct strbuf b = {0};
	int c = token_start(s);

	t->text = NULL;
	if (c == SRC_END) {
		t->type = T_EOF;
	} else if (c == '\n') {
		t->type = T_NEWLINE;
	} else if (is_operator_start(c)) {
		t->type = operator(s, c);
	} else {
		src_ungetc(s, c);
		failure = "end of file inside quotes or brackets";
		if (!scan_word(s, &b)) {
			sb_free(&b);
			t->type = T_ERROR;
			t->text = failure ? xstrdup(failure) : NULL;
			return;
		}
		t->text = sb_take(&b);
		t->type = T_WORD;
		c = src_getc(s);
		if ((c == '<' || c == '>') && all_digits(t->text))
			t->type = T_IO_NUMBER;
		src_ungetc(s, c);
	}
}

const char *token_text(const struct token *t)
{
	static const char *const names[] = {
	    [T_NEWLINE] = "newline", [T_EOF] = "end of file",
	    [T_SEMI] = ";",	     [T_DSEMI] = ";;",
	    [T_AMP] = "&",	     [T_AND] = "&&",
	    [T_PIPE] = "|",	     [T_OR] = "||",
	    [T_LPAREN] = "(",	     [T_RPAREN] = ")",
	    [T_LESS] = "<",	     [T_GREAT] = ">",
	    [T_DGREAT] = ">>",	     [T_CLOBBER] = ">|",
	    [T_LESSAND] = "<&",	     [T_GREATAND] = ">&",
	    [T_LESSGREAT] = "<>",    [T_DLESS] = "<<",
	    [T_DLESSDASH] = "<<-",
	};

	if (t->type == T_WORD || t->type == T_IO_NUMBER || t->type == T_ERROR)
		return t->text;
	return names[t->type];
}

char *lex_heredoc(struct source *s, const char *delim, bool strip_tabs)
{
	struct strbuf body = {0}, line = {0};

	for (;;) {
		const char *text;
		int c;

		line.len = 0;
		sb_adds(&line, "");
		while ((c = src_getc(s)) != SRC_END && c != '\n')
			sb_addc(&line, c);
		text = line.s;
		while (strip_tabs && *text == '\t')
			text++;
		if (strcmp(text, delim) == 0 || (c == SRC_END && line.len == 0))
			break;
		sb_adds(&body, text);
		sb_addc(&body, '\n');
		if (c == SRC_END)
			break;
	}
	sb_free(&line);
	return sb_take(&body);
}
