/* parse.c - grep's patterns to a syntax tree.
 *
 * One recursive-descent parser reads both regular syntaxes:
 *   alternation   := concatenation ( "|" concatenation )*
 *   concatenation := ( atom repetition* )*
 *   atom          := char | "." | "[...]" | "^" | "$" | "(" alternation ")"
 *                  | "\" escape
 *   repetition    := "*" | "+" | "?" | "{m,n}"
 * In basic syntax (grep -G) the operators other than * are written with a
 * backslash (\| \( \) \+ \? \{ \}); a * (or \+ \? \{) with nothing before
 * it is an ordinary character, ^ is an anchor only at the start of an
 * expression and $ only at its end.  In extended syntax (grep -E) a
 * repetition with nothing before it is ignored with a warning, a { that
 * does not start a valid interval and a ) without a ( are ordinary
 * characters.  Both take GNU's escapes (\w \W \s \S \b \B \< \> \` \') and
 * back-references \1 to \9.  The rules and error messages for intervals
 * and brackets are glibc's, which GNU grep shows.
 *
 * Fixed strings (grep -F) are a concatenation of their bytes.
 *
 * Nodes refer to their children by index into re->nodes.  Chains of
 * concatenations and alternatives lean to the right, so the compiler can
 * walk them with a loop instead of recursion.
 */
#include <ctype.h>
#include <string.h>

#include "internal.h"

#define MAX_DEPTH 500 /* nested groups: bounds the recursion */

struct parser {
	struct regex *re;
	const char *p, *end;
	int depth;	 /* groups open around this point */
	int ngroups;	 /* groups opened so far */
	unsigned closed; /* bit n: group n is closed, so \n is valid */
	const char *err;
};

enum token {
	T_END,
	T_CHAR,
	T_ALT,
	T_OPEN,
	T_CLOSE,
	T_STAR,
	T_PLUS,
	T_QUEST,
	T_BRACE
};

static int parse_alternation(struct parser *ps);

static int fail(struct parser *ps, const char *msg)
{
	if (!ps->err)
		ps->err = msg;
	return -1;
}

static int new_node(struct parser *ps, enum re_node_type type, int arg,
		    int left, int right)
{
	struct regex *re = ps->re;

	if (re->nnodes == re->nodes_cap) {
		re->nodes_cap = re->nodes_cap ? 2 * re->nodes_cap : 64;
		re->nodes =
		    xrealloc(re->nodes, re->nodes_cap * sizeof(*re->nodes));
	}
	re->nodes[re->nnodes] = (struct re_node){type, arg, left, right, 0, 0};
	return re->nnodes++;
}

/* Appends NODE to the right-leaning chain of TYPE (N_CAT or N_ALT) whose
 * root is *TREE and whose last link is *TAIL (-1: the chain is empty). */
static void chain(struct parser *ps, enum re_node_type type, int *tree,
		  int *tail, int node)
{
	if (*tree < 0) {
		*tree = node;
	} else if (*tail < 0) {
		*tree = *tail = new_node(ps, type, 0, *tree, node);
	} else {
		int link =
		    new_node(ps, type, 0, ps->re->nodes[*tail].right, node);

		ps->re->nodes[*tail].right = link;
		*tail = link;
	}
}

static int new_set(struct parser *ps, const unsigned char set[32])
{
	struct regex *re = ps->re;

	if (re->nsets == re->sets_cap) {
		re->sets_cap = re->sets_cap ? 2 * re->sets_cap : 8;
		re->sets = xrealloc(re->sets, re->sets_cap * sizeof(*re->sets));
	}
	memcpy(re->sets[re->nsets], set, 32);
	return new_node(ps, N_SET, re->nsets++, -1, -1);
}

static void set_add(unsigned char set[32], unsigned c)
{
	set[c / 8] |= 1 << (c % 8);
}

static bool set_has(const unsigned char set[32], unsigned c)
{
	return set[c / 8] & (1 << (c % 8));
}

/* With -i a letter stands for both its cases. */
static void set_fold_case(unsigned char set[32])
{
	for (unsigned c = 'A'; c <= 'Z'; c++) {
		if (set_has(set, c) || set_has(set, tolower(c))) {
			set_add(set, c);
			set_add(set, tolower(c));
		}
	}
}

static int literal(struct parser *ps, unsigned char c)
{
	unsigned char set[32] = {0};

	if (!ps->re->icase || !isalpha(c))
		return new_node(ps, N_CHAR, c, -1, -1);
	set_add(set, c);
	set_fold_case(set);
	return new_set(ps, set);
}

static int assertion(struct parser *ps, enum re_assert what)
{
	return new_node(ps, N_ASSERT, what, -1, -1);
}

static bool is_bol(struct parser *ps, int node)
{
	struct re_node *n = &ps->re->nodes[node];

	return n->type == N_ASSERT && n->arg == A_BOL;
}

/* The next token, and its length, without consuming it.  An escaped
 * ordinary character is T_CHAR; the atom parser reads it. */
static enum token peek(struct parser *ps, int *len)
{
	const char *p = ps->p;

	*len = 1;
	if (p == ps->end)
		return T_END;
	if (ps->re->syntax == RE_EXTENDED) {
		switch (*p) {
		case '|':
			return T_ALT;
		case '(':
			return T_OPEN;
		case ')':
			return ps->depth ? T_CLOSE : T_CHAR;
		case '*':
			return T_STAR;
		case '+':
			return T_PLUS;
		case '?':
			return T_QUEST;
		case '{':
			return T_BRACE;
		}
		return T_CHAR;
	}
	if (*p == '*')
		return T_STAR;
	if (*p != '\\' || p + 1 == ps->end)
		return T_CHAR;
	*len = 2;
	switch (p[1]) {
	case '|':
		return T_ALT;
	case '(':
		return T_OPEN;
	case ')':
		return T_CLOSE;
	case '+':
		return T_PLUS;
	case '?':
		return T_QUEST;
	case '{':
		return T_BRACE;
	}
	return T_CHAR;
}

static bool is_repetition(enum token t)
{
	return t == T_STAR || t == T_PLUS || t == T_QUEST || t == T_BRACE;
}

/* --- intervals: glibc's rules */

#define NUM_MISSING (-1) /* no digits */
#define NUM_BAD (-2)	 /* something else, or the pattern ended */

static bool at_close_brace(struct parser *ps, const char *p)
{
	if (ps->re->syntax == RE_EXTENDED)
		return p < ps->end && *p == '}';
	return p + 1 < ps->end && p[0] == '\\' && p[1] == '}';
}

/* The number from *PP up to the next ',' or closing brace, where *PP is
 * left; counts above RE_DUP_MAX stay at RE_DUP_MAX + 1. */
static int fetch_number(struct parser *ps, const char **pp)
{
	const char *p = *pp;
	int num = NUM_MISSING;

	for (;;) {
		if (p == ps->end) {
			num = NUM_BAD;
			break;
		}
		if (*p == ',' || at_close_brace(ps, p))
			break;
		if (!isdigit((unsigned char)*p) || num == NUM_BAD)
			num = NUM_BAD;
		else if (num == NUM_MISSING)
			num = *p - '0';
		else if (num <= RE_DUP_MAX)
			num = num * 10 + *p - '0';
		/* a backslash and its character are one token */
		p += (*p == '\\' && p + 1 < ps->end) ? 2 : 1;
	}
	*pp = p;
	return num;
}

/* Reads {m}, {m,}, {,n} or {m,n} (\{ \} in basic syntax) at ps->p into
 * MIN and MAX.  Returns 1 when it did, 0 when an extended-syntax { does
 * not start an interval (it is then an ordinary character), -1 on an
 * error. */
static int parse_interval(struct parser *ps, int *min, int *max)
{
	bool ere = ps->re->syntax == RE_EXTENDED;
	const char *p = ps->p + (ere ? 1 : 2);
	int lo = fetch_number(ps, &p), hi = NUM_BAD;

	if (lo == NUM_MISSING) {
		if (*p != ',') /* "{}" */
			return fail(ps, "Invalid content of \\{\\}");
		lo = 0;
	}
	if (lo != NUM_BAD) {
		if (*p == ',') {
			p++;
			hi = fetch_number(ps, &p);
			if (hi == NUM_MISSING)
				hi = RE_INFINITY;
		} else {
			hi = lo;
		}
	}
	if (lo == NUM_BAD || hi == NUM_BAD) {
		if (ere)
			return 0;
		return fail(ps, p == ps->end ? "Unmatched \\{"
					     : "Invalid content of \\{\\}");
	}
	if (hi != RE_INFINITY && lo > hi)
		return fail(ps, "Invalid content of \\{\\}");
	if ((hi == RE_INFINITY ? lo : hi) > RE_DUP_MAX)
		return fail(ps, "Regular expression too big");
	ps->p = p + (ere ? 1 : 2);
	*min = lo;
	*max = hi;
	return 1;
}

/* --- bracket expressions */

static const struct {
	const char *name;
	int (*test)(int c);
} classes[] = {
    {"alpha", isalpha}, {"digit", isdigit}, {"alnum", isalnum},
    {"upper", isupper}, {"lower", islower}, {"space", isspace},
    {"blank", isblank}, {"punct", ispunct}, {"print", isprint},
    {"graph", isgraph}, {"cntrl", iscntrl}, {"xdigit", isxdigit},
};

static bool add_class(unsigned char set[32], const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
		if (strlen(classes[i].name) == len &&
		    !memcmp(classes[i].name, name, len)) {
			for (unsigned c = 0; c < 256; c++)
				if (classes[i].test(c))
					set_add(set, c);
			return true;
		}
	}
	return false;
}

static const char unmatched_bracket[] = "Unmatched [, [^, [:, [., or [=";

/* After "[" plus one of ":.=" at ps->p - 2: finds the closing pair
 * (":]" ".]" "=]") and returns the text between, or NULL. */
static const char *bracket_item(struct parser *ps, char kind, size_t *len)
{
	const char *start = ps->p;

	for (const char *p = start; p + 1 < ps->end; p++) {
		if (p[0] == kind && p[1] == ']') {
			*len = p - start;
			ps->p = p + 2;
			return start;
		}
	}
	return NULL;
}

/* One element at ps->p: a character, [.c.], [=c=] or [:class:] (which
 * is added to SET).  Returns the character, -1 for a class, -2 on an
 * error. */
static int bracket_element(struct parser *ps, unsigned char set[32])
{
	const char *p = ps->p;

	if (p[0] != '[' || p + 1 == ps->end || !strchr(":.=", p[1])) {
		ps->p++;
		return (unsigned char)*p;
	}
	char kind = p[1];
	size_t len;
	ps->p += 2;
	const char *item = bracket_item(ps, kind, &len);
	if (!item)
		return fail(ps, unmatched_bracket), -2;
	if (kind == ':') {
		if (!add_class(set, item, len))
			return fail(ps, "Invalid character class name"), -2;
		return -1;
	}
	if (len != 1)
		return fail(ps, "Invalid collation character"), -2;
	return (unsigned char)*item;
}

/* "[...]" with ps->p just after the "[". */
static int parse_bracket(struct parser *ps)
{
	unsigned char set[32] = {0};
	bool negate = ps->p < ps->end && *ps->p == '^';
	const char *first;

	ps->p += negate;
	first = ps->p;
	for (;;) {
		if (ps->p == ps->end)
			return fail(ps, unmatched_bracket);
		if (*ps->p == ']' && ps->p != first)
			break;
		int lo = bracket_element(ps, set);
		if (lo == -2)
			return -1;
		bool range =
		    ps->p + 1 < ps->end && ps->p[0] == '-' && ps->p[1] != ']';
		if (!range) {
			if (lo >= 0)
				set_add(set, lo);
			continue;
		}
		ps->p++;
		int hi = bracket_element(ps, set);
		if (hi == -2)
			return -1;
		if (lo < 0 || hi < lo)
			return fail(ps, "Invalid range end");
		for (int c = lo; c <= hi; c++)
			set_add(set, c);
		/* a range cannot start where one ends: [a-c-e] */
		if (ps->p + 1 < ps->end && ps->p[0] == '-' && ps->p[1] != ']')
			return fail(ps, "Invalid range end");
	}
	/* GNU's guard against a common mistake: "[:space:]" for [[:space:]] */
	size_t len = ps->p - first;
	if (len >= 3 && first[0] == ':' && first[len - 1] == ':' &&
	    strspn(first, ":") < len)
		return fail(ps, "character class syntax is [[:space:]], "
				"not [:space:]");
	ps->p++;
	if (ps->re->icase)
		set_fold_case(set);
	if (negate)
		for (int i = 0; i < 32; i++)
			set[i] = ~set[i];
	return new_set(ps, set);
}

/* --- atoms */

/* \w \W \s \S */
static int class_escape(struct parser *ps, char c)
{
	unsigned char set[32] = {0};

	for (unsigned b = 0; b < 256; b++) {
		bool in = (c == 'w' || c == 'W') ? re_is_word(b) : isspace(b);
		if (in != (c == 'W' || c == 'S'))
			set_add(set, b);
	}
	return new_set(ps, set);
}

/* A backslash and the character after it. */
static int parse_escape(struct parser *ps)
{
	if (ps->p + 1 == ps->end)
		return fail(ps, "Trailing backslash");
	char c = ps->p[1];
	ps->p += 2;
	switch (c) {
	case '1':
	case '2':
	case '3':
	case '4':
	case '5':
	case '6':
	case '7':
	case '8':
	case '9':
		if (!(ps->closed & (1u << (c - '0'))))
			return fail(ps, "Invalid back reference");
		ps->re->backrefs = true;
		return new_node(ps, N_BACKREF, c - '0', -1, -1);
	case 'w':
	case 'W':
	case 's':
	case 'S':
		return class_escape(ps, c);
	case 'b':
		return assertion(ps, A_WORD_EDGE);
	case 'B':
		return assertion(ps, A_NOT_EDGE);
	case '<':
		return assertion(ps, A_WORD_BEGIN);
	case '>':
		return assertion(ps, A_WORD_END);
	case '`':
		return assertion(ps, A_BOL);
	case '\'':
		return assertion(ps, A_EOL);
	}
	return literal(ps, c);
}

/* In basic syntax $ is an anchor only at the end of an expression. */
static bool at_expression_end(struct parser *ps)
{
	int len;
	enum token t = peek(ps, &len);

	return t == T_END || t == T_CLOSE || t == T_ALT;
}

static int parse_group(struct parser *ps, int len)
{
	int n, inner;

	if (ps->depth == MAX_DEPTH)
		return fail(ps, "Regular expression too big");
	ps->p += len;
	ps->depth++;
	n = ++ps->ngroups;
	inner = parse_alternation(ps);
	if (inner < 0)
		return -1;
	if (peek(ps, &len) != T_CLOSE)
		return fail(ps, "Unmatched ( or \\(");
	ps->p += len;
	ps->depth--;
	if (n <= RE_MAX_BACKREF)
		ps->closed |= 1u << n;
	return new_node(ps, N_GROUP, n, inner, -1);
}

/* FIRST: nothing before this atom in its expression. */
static int parse_atom(struct parser *ps, bool first)
{
	bool ere = ps->re->syntax == RE_EXTENDED;
	int len;

	if (peek(ps, &len) == T_OPEN)
		return parse_group(ps, len);
	if (*ps->p == '\\')
		return parse_escape(ps);
	char c = *ps->p++;
	switch (c) {
	case '.':
		return new_node(ps, N_ANY, 0, -1, -1);
	case '[':
		return parse_bracket(ps);
	case '^':
		return ere || first ? assertion(ps, A_BOL) : literal(ps, c);
	case '$':
		return ere || at_expression_end(ps) ? assertion(ps, A_EOL)
						    : literal(ps, c);
	}
	return literal(ps, c);
}

/* Applies the repetitions that follow to ATOM. */
static int parse_repetitions(struct parser *ps, int atom)
{
	for (;;) {
		int len, min, max, got;
		enum token t = peek(ps, &len);

		if (t == T_STAR) {
			min = 0, max = RE_INFINITY;
		} else if (t == T_PLUS) {
			min = 1, max = RE_INFINITY;
		} else if (t == T_QUEST) {
			min = 0, max = 1;
		} else if (t == T_BRACE) {
			got = parse_interval(ps, &min, &max);
			if (got <= 0)
				return got < 0 ? -1 : atom;
			len = 0; /* already consumed */
		} else {
			return atom;
		}
		ps->p += len;
		atom = new_node(ps, N_REPEAT, 0, atom, -1);
		ps->re->nodes[atom].min = min;
		ps->re->nodes[atom].max = max;
	}
}

/* A repetition operator with nothing to repeat, at the start of an
 * expression.  Returns the atom it stands for, -2 when it is to be
 * ignored, -1 on an error. */
static int leading_repetition(struct parser *ps, enum token t, int len)
{
	static const char *const ignored[] = {
	    [T_STAR] = "* at start of expression",
	    [T_PLUS] = "+ at start of expression",
	    [T_QUEST] = "? at start of expression",
	    [T_BRACE] = "{...} at start of expression",
	};
	int min, max;

	if (ps->re->syntax == RE_BASIC) { /* an ordinary character */
		char c = ps->p[len - 1];
		ps->p += len;
		return literal(ps, c);
	}
	if (t == T_BRACE) {
		int got = parse_interval(ps, &min, &max);
		if (got < 0)
			return -1;
		if (got == 0)
			return literal(ps, *ps->p++);
	} else {
		ps->p += len;
	}
	if (ps->re->warn)
		ps->re->warn(ignored[t]);
	return -2;
}

static int parse_concatenation(struct parser *ps)
{
	int tree = -1, tail = -1;
	bool start = true; /* nothing before but a leading ^ */

	for (;;) {
		int len, atom;
		enum token t = peek(ps, &len);

		if (t == T_END || t == T_ALT || t == T_CLOSE)
			break;
		if (start && is_repetition(t)) {
			atom = leading_repetition(ps, t, len);
			if (atom == -2)
				continue;
		} else {
			atom = parse_atom(ps, tree < 0);
		}
		if (atom < 0)
			return -1;
		if (start && is_bol(ps, atom)) {
			/* a repetition after a leading ^ has nothing to repeat
			 */
			chain(ps, N_CAT, &tree, &tail, atom);
			continue;
		}
		atom = parse_repetitions(ps, atom);
		if (atom < 0)
			return -1;
		chain(ps, N_CAT, &tree, &tail, atom);
		start = false;
	}
	return tree >= 0 ? tree : new_node(ps, N_EMPTY, 0, -1, -1);
}

static int parse_alternation(struct parser *ps)
{
	int tree = -1, tail = -1;
	unsigned before = ps->closed, closed = ps->closed;

	for (;;) {
		int len, branch;

		/* a branch cannot refer to groups of the branches before it */
		ps->closed = before;
		branch = parse_concatenation(ps);
		if (branch < 0)
			return -1;
		closed |= ps->closed;
		chain(ps, N_ALT, &tree, &tail, branch);
		if (peek(ps, &len) != T_ALT)
			break;
		ps->p += len;
	}
	ps->closed = closed;
	return tree;
}

static int parse_fixed(struct parser *ps)
{
	int tree = -1, tail = -1;

	while (ps->p < ps->end)
		chain(ps, N_CAT, &tree, &tail, literal(ps, *ps->p++));
	return tree >= 0 ? tree : new_node(ps, N_EMPTY, 0, -1, -1);
}

void re_init(struct regex *re, enum re_syntax syntax, bool icase,
	     enum re_whole whole)
{
	memset(re, 0, sizeof(*re));
	re->syntax = syntax;
	re->icase = icase;
	re->whole = whole;
	re->root = -1;
}

const char *re_add_pattern(struct regex *re, const char *pat, size_t len)
{
	struct parser ps = {.re = re, .p = pat, .end = pat + len};
	int tree;

	if (re->syntax == RE_FIXED) {
		tree = parse_fixed(&ps);
	} else {
		tree = parse_alternation(&ps);
		if (tree >= 0 && ps.p != ps.end) /* a \) too many */
			tree = fail(&ps, "Unmatched ) or \\)");
	}
	if (tree < 0)
		return ps.err;
	/* the patterns so far are alternatives: a chain leaning left */
	re->root =
	    re->root < 0 ? tree : new_node(&ps, N_ALT, 0, tree, re->root);
	return NULL;
}
