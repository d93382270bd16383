/* user/bin/sh/parse.c - the grammar: tokens to a tree per command line.
 *
 * Recursive descent over POSIX's shell grammar, one token of lookahead:
 *
 *	line	 := list (newline | end)
 *	list	 := and_or ((';' | '&' | newline) and_or)*
 *	and_or	 := pipeline (('&&' | '||') newline* pipeline)*
 *	pipeline := ['!'] command ('|' newline* command)*
 *	command	 := simple | compound redirect* | name '(' ')' command
 *	compound := { list } | ( list ) | if | while | until | for | case
 *	simple	 := (assignment | word | redirect)+
 *
 * At the top level a newline ends the line, so the shell runs each line
 * as soon as it is complete; inside a compound command newlines separate
 * commands and the parser asks for more lines (PS2) until the closing
 * word.  Reserved words are words the parser recognizes where a command
 * starts.  Here-document bodies are read when the newline after their
 * command is reached.  A syntax error is reported once, where the
 * offending token is, and the partial tree is freed.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

#define MAX_NESTING 1000 /* compound commands inside one another */

static int depth; /* compound commands being parsed, $(...)s included */

struct parser {
	struct source *src;
	struct token tok; /* the lookahead, valid when peeked */
	bool peeked;
	bool failed; /* a syntax error was reported: unwind */
	struct redir *heredocs, **heredoc_tail; /* bodies still to read */
};

static struct node *parse_list(struct parser *p, bool nested);
static struct node *parse_command(struct parser *p);

/* --- tokens */

static void read_heredocs(struct parser *p)
{
	for (struct redir *r = p->heredocs; r; r = r->heredoc_next)
		r->word = lex_heredoc(p->src, r->delim, r->strip_tabs);
	p->heredocs = NULL;
	p->heredoc_tail = &p->heredocs;
}

static struct token *peek(struct parser *p)
{
	if (!p->peeked) {
		lex_next(p->src, &p->tok);
		p->peeked = true;
		if (p->tok.type == T_NEWLINE && p->heredocs)
			read_heredocs(p);
	}
	return &p->tok;
}

static void next(struct parser *p)
{
	free(p->tok.text);
	p->tok.text = NULL;
	p->peeked = false;
}

/* the current word's text, now the caller's; the token is consumed */
static char *take(struct parser *p)
{
	char *text = p->tok.text;

	p->tok.text = NULL;
	p->peeked = false;
	return text;
}

static bool is_type(struct parser *p, enum token_type type)
{
	return peek(p)->type == type;
}

static bool accept(struct parser *p, enum token_type type)
{
	if (!is_type(p, type))
		return false;
	next(p);
	return true;
}

static bool is_word(struct parser *p, const char *word)
{
	struct token *t = peek(p);

	return t->type == T_WORD && strcmp(t->text, word) == 0;
}

static bool accept_word(struct parser *p, const char *word)
{
	if (!is_word(p, word))
		return false;
	next(p);
	return true;
}

static void skip_newlines(struct parser *p)
{
	while (accept(p, T_NEWLINE))
		;
}

/* reports "syntax error" + WHAT, in a script with the line it is on */
static void syntax_error_text(struct parser *p, const char *what, int line)
{
	if (p->failed)
		return;
	p->failed = true;
	if (p->src->interrupted)
		return;
	if (p->src->name)
		sh_error("%s: line %d: syntax error%s", p->src->name, line,
			 what);
	else
		sh_error("syntax error%s", what);
}

/* near the current token */
static void syntax_error(struct parser *p)
{
	struct strbuf what = {0};
	struct token *t;

	if (p->failed)
		return;
	t = peek(p);
	if (t->type == T_ERROR && !t->text) { /* the lexer's parser said it */
		p->failed = true;
		return;
	}
	if (t->type == T_ERROR) {
		sb_adds(&what, ": ");
		sb_adds(&what, t->text);
	} else if (t->type == T_NEWLINE || t->type == T_EOF) {
		sb_adds(&what, " near ");
		sb_adds(&what, token_text(t));
	} else {
		sb_adds(&what, " near '");
		sb_adds(&what, token_text(t));
		sb_addc(&what, '\'');
	}
	/* a newline token has already counted its line */
	syntax_error_text(p, what.s, p->src->lineno - (t->type == T_NEWLINE));
	sb_free(&what);
}

static void expect(struct parser *p, enum token_type type)
{
	if (!p->failed && !accept(p, type))
		syntax_error(p);
}

static void expect_word(struct parser *p, const char *word)
{
	if (!p->failed && !accept_word(p, word))
		syntax_error(p);
}

/* a reserved word that closes a list (and so cannot start a command) */
static bool is_closing_word(struct token *t)
{
	static const char *const words[] = {
	    "then", "else", "elif", "fi", "do", "done", "esac", "}",
	};

	if (t->type != T_WORD)
		return false;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(t->text, words[i]) == 0)
			return true;
	return false;
}

/* --- redirections */

static bool redir_op(enum token_type type, enum redir_op *op)
{
	static const struct {
		enum token_type type;
		enum redir_op op;
	} ops[] = {
	    {T_LESS, R_IN},	      {T_GREAT, R_OUT},
	    {T_DGREAT, R_APPEND},     {T_CLOBBER, R_CLOBBER},
	    {T_LESSAND, R_DUPIN},     {T_GREATAND, R_DUPOUT},
	    {T_LESSGREAT, R_RDWR},    {T_DLESS, R_HEREDOC},
	    {T_DLESSDASH, R_HEREDOC},
	};

	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (ops[i].type == type) {
			*op = ops[i].op;
			return true;
		}
	}
	return false;
}

/* a here-document delimiter with its quotes removed */
static char *unquote(const char *w)
{
	struct strbuf b = {0};

	sb_adds(&b, "");
	for (; *w; w++) {
		if (*w == '\\' && w[1])
			sb_addc(&b, *++w);
		else if (*w != '\'' && *w != '"')
			sb_addc(&b, *w);
	}
	return sb_take(&b);
}

static void add_heredoc(struct parser *p, struct redir *r, bool dash)
{
	r->delim = unquote(r->word);
	r->quoted = strpbrk(r->word, "'\"\\") != NULL;
	r->strip_tabs = dash;
	free(r->word);
	r->word = NULL;
	*p->heredoc_tail = r;
	p->heredoc_tail = &r->heredoc_next;
}

/* one redirection, appended at *TAIL; false if there is none here */
static bool parse_redirect(struct parser *p, struct redir ***tail)
{
	struct token *t = peek(p);
	long long fd = -1;
	enum redir_op op;
	bool dash;
	struct redir *r;

	if (t->type == T_IO_NUMBER) {
		if (!parse_number(t->text, &fd) || fd > INT_MAX)
			fd = INT_MAX; /* dup2 will say it is a bad descriptor */
		next(p);
		t = peek(p);
	}
	if (!redir_op(t->type, &op))
		return false;
	dash = t->type == T_DLESSDASH;
	next(p);
	if (!is_type(p, T_WORD)) {
		syntax_error(p);
		return true;
	}
	r = xmalloc(sizeof(*r));
	memset(r, 0, sizeof(*r));
	r->op = op;
	r->fd = fd >= 0 ? fd : redir_default_fd(op);
	r->word = take(p);
	if (op == R_HEREDOC)
		add_heredoc(p, r, dash);
	**tail = r;
	*tail = &r->next;
	return true;
}

/* --- commands */

static bool is_assignment(const char *word)
{
	size_t n = name_length(word);

	return n > 0 && word[n] == '=';
}

/* name ( ) command: N, which holds the name, becomes the definition */
static struct node *parse_funcdef(struct parser *p, struct node *n)
{
	struct node *def;

	if (!is_valid_name(n->words.v[0])) {
		syntax_error(p); /* near the '(' */
		tree_free(n);
		return NULL;
	}
	next(p); /* ( */
	expect(p, T_RPAREN);
	skip_newlines(p);
	def = node_new(N_FUNCDEF);
	def->name = xstrdup(n->words.v[0]);
	tree_free(n);
	if (!p->failed)
		def->left = parse_command(p);
	if (p->failed) {
		tree_free(def);
		return NULL;
	}
	return def;
}

static struct node *parse_simple(struct parser *p)
{
	struct node *n = node_new(N_SIMPLE);
	struct redir **tail = &n->redirs;
	struct token *t;

	for (;;) {
		if (parse_redirect(p, &tail)) {
			if (p->failed)
				goto fail;
			continue;
		}
		t = peek(p);
		if (t->type != T_WORD)
			break;
		if (n->words.n == 0 && is_assignment(t->text)) {
			sv_push(&n->assigns, take(p));
			continue;
		}
		sv_push(&n->words, take(p));
		if (n->words.n == 1 && !n->assigns.n && !n->redirs &&
		    is_type(p, T_LPAREN))
			return parse_funcdef(p, n);
	}
	if (!n->words.n && !n->assigns.n && !n->redirs) {
		syntax_error(p);
		goto fail;
	}
	return n;
fail:
	tree_free(n);
	return NULL;
}

/* a list that must not be empty (the body of a compound command) */
static struct node *parse_body(struct parser *p)
{
	struct node *n = parse_list(p, true);

	if (!n && !p->failed)
		syntax_error(p);
	return n;
}

/* KIND's node with its first list; then CLOSE is expected */
static struct node *parse_wrapped(struct parser *p, enum node_kind kind)
{
	struct node *n = node_new(kind);

	next(p); /* { or ( */
	n->left = parse_body(p);
	if (kind == N_GROUP)
		expect_word(p, "}");
	else
		expect(p, T_RPAREN);
	return n;
}

/* after "if" or "elif": cond then body [elif... | else body] fi */
static struct node *parse_if_tail(struct parser *p)
{
	struct node *n = node_new(N_IF);

	n->left = parse_body(p);
	expect_word(p, "then");
	if (!p->failed)
		n->right = parse_body(p);
	if (p->failed)
		return n;
	if (accept_word(p, "elif")) {
		n->third = parse_if_tail(p);
	} else {
		if (accept_word(p, "else"))
			n->third = parse_body(p);
		expect_word(p, "fi");
	}
	return n;
}

static void parse_do_group(struct parser *p, struct node *n)
{
	expect_word(p, "do");
	if (!p->failed)
		n->right = parse_body(p);
	expect_word(p, "done");
}

static struct node *parse_loop(struct parser *p, enum node_kind kind)
{
	struct node *n = node_new(kind);

	next(p); /* while or until */
	n->left = parse_body(p);
	if (!p->failed)
		parse_do_group(p, n);
	return n;
}

static struct node *parse_for(struct parser *p)
{
	struct node *n = node_new(N_FOR);

	next(p); /* for */
	if (!is_type(p, T_WORD) || !is_valid_name(peek(p)->text)) {
		syntax_error(p);
		return n;
	}
	n->name = take(p);
	skip_newlines(p);
	if (accept_word(p, "in")) {
		n->has_in = true;
		while (is_type(p, T_WORD))
			sv_push(&n->words, take(p));
		if (!accept(p, T_SEMI))
			expect(p, T_NEWLINE);
	} else {
		accept(p, T_SEMI);
	}
	skip_newlines(p);
	if (!p->failed)
		parse_do_group(p, n);
	return n;
}

/* ( pattern | pattern ) list ;; */
static struct case_item *parse_case_item(struct parser *p)
{
	struct case_item *item = xmalloc(sizeof(*item));

	memset(item, 0, sizeof(*item));
	accept(p, T_LPAREN);
	do {
		if (!is_type(p, T_WORD)) {
			syntax_error(p);
			return item;
		}
		sv_push(&item->patterns, take(p));
	} while (accept(p, T_PIPE));
	expect(p, T_RPAREN);
	skip_newlines(p);
	if (!p->failed && !is_type(p, T_DSEMI) && !is_word(p, "esac"))
		item->body = parse_list(p, true);
	return item;
}

static struct node *parse_case(struct parser *p)
{
	struct node *n = node_new(N_CASE);
	struct case_item **tail = &n->items;

	next(p); /* case */
	if (!is_type(p, T_WORD)) {
		syntax_error(p);
		return n;
	}
	sv_push(&n->words, take(p));
	skip_newlines(p);
	expect_word(p, "in");
	skip_newlines(p);
	while (!p->failed && !is_word(p, "esac")) {
		*tail = parse_case_item(p);
		tail = &(*tail)->next;
		if (p->failed)
			break;
		if (accept(p, T_DSEMI))
			skip_newlines(p);
		else if (!is_word(p, "esac"))
			syntax_error(p);
	}
	expect_word(p, "esac");
	return n;
}

static struct node *parse_compound(struct parser *p)
{
	struct token *t = peek(p);

	if (t->type == T_LPAREN)
		return parse_wrapped(p, N_SUBSHELL);
	if (strcmp(t->text, "{") == 0)
		return parse_wrapped(p, N_GROUP);
	if (strcmp(t->text, "if") == 0) {
		next(p);
		return parse_if_tail(p);
	}
	if (strcmp(t->text, "while") == 0)
		return parse_loop(p, N_WHILE);
	if (strcmp(t->text, "until") == 0)
		return parse_loop(p, N_UNTIL);
	if (strcmp(t->text, "for") == 0)
		return parse_for(p);
	if (strcmp(t->text, "case") == 0)
		return parse_case(p);
	return NULL;
}

static struct node *parse_command(struct parser *p)
{
	struct token *t = peek(p);
	struct node *n = NULL;
	struct redir **tail;

	if (is_closing_word(t)) {
		syntax_error(p);
		return NULL;
	}
	if (depth >= MAX_NESTING) {
		syntax_error_text(p, ": commands nested too deeply",
				  p->src->lineno);
		return NULL;
	}
	if (t->type == T_LPAREN || t->type == T_WORD) {
		depth++;
		n = parse_compound(p);
		depth--;
	}
	if (!n)
		return p->failed ? NULL : parse_simple(p);
	tail = &n->redirs;
	while (!p->failed && parse_redirect(p, &tail))
		;
	if (p->failed) {
		tree_free(n);
		return NULL;
	}
	return n;
}

static struct node *parse_pipeline(struct parser *p)
{
	bool bang = accept_word(p, "!");
	struct node *n = parse_command(p), *pipe;

	if (n && is_type(p, T_PIPE)) {
		pipe = node_new(N_PIPELINE);
		node_add_kid(pipe, n);
		while (accept(p, T_PIPE)) {
			skip_newlines(p);
			n = parse_command(p);
			if (!n) {
				tree_free(pipe);
				return NULL;
			}
			node_add_kid(pipe, n);
		}
		n = pipe;
	}
	if (n && bang)
		n = node_pair(N_NOT, n, NULL);
	return n;
}

static struct node *parse_and_or(struct parser *p)
{
	struct node *n = parse_pipeline(p), *right;

	while (n && (is_type(p, T_AND) || is_type(p, T_OR))) {
		enum node_kind kind = peek(p)->type == T_AND ? N_AND : N_OR;

		next(p);
		skip_newlines(p);
		right = parse_pipeline(p);
		n = node_pair(kind, n, right);
		if (!right) {
			tree_free(n);
			return NULL;
		}
	}
	return n;
}

static bool at_list_end(struct parser *p, bool nested)
{
	struct token *t = peek(p);

	switch (t->type) {
	case T_EOF:
	case T_RPAREN:
	case T_DSEMI:
	case T_ERROR:
		return true;
	case T_NEWLINE:
		return !nested;
	default:
		return is_closing_word(t);
	}
}

static struct node *append(struct node *list, struct node *n)
{
	return list ? node_pair(N_SEQ, list, n) : n;
}

/* commands separated by ; & (and newlines when NESTED), up to the end
 * of the line (top level) or a closing word; NULL if empty or failed */
static struct node *parse_list(struct parser *p, bool nested)
{
	struct node *list = NULL, *n;

	for (;;) {
		if (nested)
			skip_newlines(p);
		if (at_list_end(p, nested))
			break;
		n = parse_and_or(p);
		if (!n) {
			tree_free(list);
			return NULL;
		}
		if (accept(p, T_AMP))
			n = node_pair(N_BACKGROUND, n, NULL);
		else if (!accept(p, T_SEMI) &&
			 !(nested && is_type(p, T_NEWLINE)))
			return append(list, n);
		list = append(list, n);
	}
	return list;
}

enum parse_result parse_line(struct source *s, struct node **tree)
{
	struct parser p = {.src = s};
	struct node *n = NULL;

	p.heredoc_tail = &p.heredocs;
	*tree = NULL;
	s->ps2 = false;
	if (is_type(&p, T_EOF) && !s->interrupted)
		return PARSE_EOF;
	if (!s->interrupted) {
		n = parse_list(&p, false);
		if (!p.failed && !accept(&p, T_NEWLINE) && !is_type(&p, T_EOF))
			syntax_error(&p);
		if (!p.failed && p.heredocs)
			read_heredocs(
			    &p); /* the input ended after the command */
	}
	if (p.peeked)
		next(&p);
	if (s->interrupted || p.failed) {
		tree_free(n);
		return s->interrupted ? PARSE_INTR : PARSE_ERROR;
	}
	*tree = n;
	return PARSE_OK;
}

bool parse_subst(struct source *s)
{
	struct parser p = {.src = s};

	p.heredoc_tail = &p.heredocs;
	tree_free(parse_list(&p, true));
	if (!p.failed && !is_type(&p, T_RPAREN))
		syntax_error(&p);
	if (p.peeked)
		next(&p);
	return !p.failed;
}
