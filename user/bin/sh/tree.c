/* user/bin/sh/tree.c - the command tree: building, freeing, printing.
 *
 * parse.c builds the tree with node_new, node_pair and node_add_kid;
 * every node owns what hangs from it (words, redirections, case items,
 * kids) and tree_free frees it all, except a function body still
 * referenced from the function table (node->refs).  tree_text writes a
 * tree back as one line of shell text, for job reports ("[1] Done  sleep
 * 1 | cat").
 */
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct node *node_new(enum node_kind kind)
{
	struct node *n = xmalloc(sizeof(*n));

	memset(n, 0, sizeof(*n));
	n->kind = kind;
	return n;
}

struct node *node_pair(enum node_kind kind, struct node *left,
		       struct node *right)
{
	struct node *n = node_new(kind);

	n->left = left;
	n->right = right;
	return n;
}

void node_add_kid(struct node *n, struct node *kid)
{
	n->kids = xrealloc(n->kids, (n->nkids + 1) * sizeof(*n->kids));
	n->kids[n->nkids++] = kid;
}

static void free_redirs(struct redir *r)
{
	while (r) {
		struct redir *next = r->next;

		free(r->word);
		free(r->delim);
		free(r);
		r = next;
	}
}

void tree_free(struct node *n)
{
	if (!n)
		return;
	if (n->refs > 0) { /* a function body still in use */
		n->refs--;
		return;
	}
	tree_free(n->left);
	tree_free(n->right);
	tree_free(n->third);
	for (int i = 0; i < n->nkids; i++)
		tree_free(n->kids[i]);
	free(n->kids);
	sv_free(&n->words);
	sv_free(&n->assigns);
	free(n->name);
	free_redirs(n->redirs);
	while (n->items) {
		struct case_item *next = n->items->next;

		sv_free(&n->items->patterns);
		tree_free(n->items->body);
		free(n->items);
		n->items = next;
	}
	free(n);
}

int redir_default_fd(enum redir_op op)
{
	return op == R_IN || op == R_RDWR || op == R_DUPIN || op == R_HEREDOC
		   ? 0
		   : 1;
}

/* --- the tree as text again, for job reports */

static void redir_text(const struct redir *r, struct strbuf *b)
{
	static const char *const ops[] = {
	    [R_IN] = "<",	[R_OUT] = ">",	    [R_APPEND] = ">>",
	    [R_CLOBBER] = ">|", [R_RDWR] = "<>",    [R_DUPIN] = "<&",
	    [R_DUPOUT] = ">&",	[R_HEREDOC] = "<<",
	};

	for (; r; r = r->next) {
		sb_addc(b, ' ');
		if (r->fd != redir_default_fd(r->op))
			sb_addnum(b, r->fd);
		sb_adds(b, ops[r->op]);
		sb_adds(b, r->op == R_HEREDOC ? r->delim : r->word);
	}
}

static void words_text(const struct strvec *v, struct strbuf *b, bool space)
{
	for (int i = 0; i < v->n; i++) {
		if (space || i > 0)
			sb_addc(b, ' ');
		sb_adds(b, v->v[i]);
	}
}

static void body_text(const char *open, const struct node *n, const char *close,
		      struct strbuf *b)
{
	sb_adds(b, open);
	tree_text(n, b);
	sb_adds(b, close);
}

void tree_text(const struct node *n, struct strbuf *b)
{
	static const char *const joins[] = {
	    [N_AND] = " && ",
	    [N_OR] = " || ",
	    [N_SEQ] = "; ",
	};

	if (!n)
		return;
	switch (n->kind) {
	case N_SIMPLE:
		words_text(&n->assigns, b, false);
		words_text(&n->words, b, n->assigns.n > 0);
		break;
	case N_PIPELINE:
		for (int i = 0; i < n->nkids; i++) {
			if (i)
				sb_adds(b, " | ");
			tree_text(n->kids[i], b);
		}
		break;
	case N_AND:
	case N_OR:
	case N_SEQ:
		tree_text(n->left, b);
		body_text(joins[n->kind], n->right, "", b);
		break;
	case N_BACKGROUND:
		body_text("", n->left, " &", b);
		break;
	case N_NOT:
		body_text("! ", n->left, "", b);
		break;
	case N_SUBSHELL:
		body_text("(", n->left, ")", b);
		break;
	case N_GROUP:
		body_text("{ ", n->left, "; }", b);
		break;
	case N_IF:
		body_text("if ", n->left, "; ", b);
		body_text("then ", n->right, "; ", b);
		if (n->third)
			body_text("else ", n->third, "; ", b);
		sb_adds(b, "fi");
		break;
	case N_WHILE:
	case N_UNTIL:
		sb_adds(b, n->kind == N_WHILE ? "while " : "until ");
		tree_text(n->left, b);
		body_text("; do ", n->right, "; done", b);
		break;
	case N_FOR:
		sb_adds(b, "for ");
		sb_adds(b, n->name);
		if (n->has_in) {
			sb_adds(b, " in");
			words_text(&n->words, b, true);
		}
		body_text("; do ", n->right, "; done", b);
		break;
	case N_CASE:
		sb_adds(b, "case ");
		sb_adds(b, n->words.v[0]);
		sb_adds(b, " in ... esac");
		break;
	case N_FUNCDEF:
		sb_adds(b, n->name);
		body_text("() ", n->left, "", b);
		break;
	}
	redir_text(n->redirs, b);
}
