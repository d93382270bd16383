/* user/bin/sh/arith.c - $((...)): integer arithmetic as in C.
 *
 * The expression arrives with its $parameters already expanded; names
 * left in it are variables (unset or empty is 0).  Precedence climbing
 * over C's operators:
 *
 *	assignment  = += -= *= /= %= <<= >>= &= ^= |=	(right to left)
 *	?:
 *	|| && | ^ & == != < <= > >= << >> + - * / %	(by the table)
 *	unary + - ! ~, ( ), numbers (decimal, 0x hex, 0 octal), names
 *
 * Values are long long.  The branch not taken by && || ?: is parsed with
 * `skip` set: no assignment happens and no division by zero is reported
 * there.
 */
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct arith {
	const char *expr; /* for messages */
	const char *p;
	bool failed;
	int skip; /* > 0: parse only */
};

static long long assignment(struct arith *a);

static void fail(struct arith *a, const char *why)
{
	if (!a->failed && !a->skip)
		sh_error("arithmetic: %s in '%s'", why, a->expr);
	a->failed = true;
}

static void blanks(struct arith *a)
{
	while (*a->p == ' ' || *a->p == '\t' || *a->p == '\n')
		a->p++;
}

/* the text of S as a number in base 8, 10 or 16 */
static bool to_number(const char *s, size_t len, long long *out)
{
	unsigned long long n = 0;
	int base = 10;
	size_t i = 0;

	if (len > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		i = 2;
	} else if (len > 1 && s[0] == '0') {
		base = 8;
		i = 1;
	}
	if (i >= len)
		return false;
	for (; i < len; i++) {
		int c = s[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return false;
		if (d >= base)
			return false;
		n = n * base + d;
	}
	*out = (long long)n;
	return true;
}

static long long variable(struct arith *a, const char *name)
{
	const char *value = var_get(name);
	const char *v = value;
	long long n;
	bool neg = false;

	if (!value || !*value)
		return 0;
	while (*v == ' ' || *v == '\t')
		v++;
	if (*v == '-' || *v == '+')
		neg = *v++ == '-';
	if (!to_number(v, strlen(v), &n)) {
		fail(a, "not a number");
		return 0;
	}
	return neg ? -n : n;
}

static long long primary(struct arith *a)
{
	const char *start;
	long long n = 0;

	blanks(a);
	start = a->p;
	if (*a->p == '(') {
		a->p++;
		n = assignment(a);
		blanks(a);
		if (*a->p != ')')
			fail(a, "')' expected");
		else
			a->p++;
		return n;
	}
	if (is_name_start(*a->p)) {
		size_t len = name_length(a->p);
		char *name = xstrndup(a->p, len);

		a->p += len;
		n = variable(a, name);
		free(name);
		return n;
	}
	while (is_name_char(*a->p))
		a->p++;
	if (a->p == start || !to_number(start, a->p - start, &n))
		fail(a, "syntax error");
	return n;
}

static long long unary(struct arith *a)
{
	blanks(a);
	switch (*a->p) {
	case '+':
		a->p++;
		return unary(a);
	case '-':
		a->p++;
		return -unary(a);
	case '!':
		a->p++;
		return !unary(a);
	case '~':
		a->p++;
		return ~unary(a);
	default:
		return primary(a);
	}
}

static const struct binop {
	const char *op;
	int prec;
} binops[] = {
    /* longest first, where one is a prefix of another */
    {"||", 1}, {"&&", 2}, {"==", 6}, {"!=", 6}, {"<<", 8}, {">>", 8},
    {"<=", 7}, {">=", 7}, {"|", 3},  {"^", 4},	{"&", 5},  {"<", 7},
    {">", 7},  {"+", 9},  {"-", 9},  {"*", 10}, {"/", 10}, {"%", 10},
};

/* OP= is an assignment operator */
static bool is_assignable(const char *op)
{
	static const char *const ops[] = {
	    "|", "^", "&", "+", "-", "*", "/", "%", "<<", ">>",
	};

	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (strcmp(op, ops[i]) == 0)
			return true;
	return false;
}

/* the binary operator at P (not an assignment such as += or <<=) */
static const struct binop *binop_at(const char *p)
{
	for (size_t i = 0; i < sizeof(binops) / sizeof(binops[0]); i++) {
		size_t len = strlen(binops[i].op);

		if (strncmp(p, binops[i].op, len) != 0)
			continue;
		if (p[len] == '=' && is_assignable(binops[i].op))
			return NULL; /* op= is an assignment */
		return &binops[i];
	}
	return NULL;
}

static long long apply(struct arith *a, const char *op, long long l,
		       long long r)
{
	switch (op[0]) {
	case '|':
		return op[1] == '|' ? l || r : l | r;
	case '&':
		return op[1] == '&' ? l && r : l & r;
	case '^':
		return l ^ r;
	case '=':
		return l == r;
	case '!':
		return l != r;
	case '<':
		if (op[1] == '<')
			return (long long)((unsigned long long)l << (r & 63));
		return op[1] == '=' ? l <= r : l < r;
	case '>':
		if (op[1] == '>')
			return l >> (r & 63);
		return op[1] == '=' ? l >= r : l > r;
	case '+':
		return (long long)((unsigned long long)l + r);
	case '-':
		return (long long)((unsigned long long)l - r);
	case '*':
		return (long long)((unsigned long long)l * r);
	default: /* / % */
		if (r == 0) {
			if (!a->skip)
				fail(a, "division by zero");
			return 0;
		}
		if (r == -1) /* LLONG_MIN / -1 overflows */
			return op[0] == '/' ? -l : 0;
		return op[0] == '/' ? l / r : l % r;
	}
}

static long long binary(struct arith *a, int min_prec)
{
	long long left = unary(a);

	for (;;) {
		const struct binop *b;
		long long right;
		bool lazy; /* && || whose right side is not evaluated */

		blanks(a);
		b = binop_at(a->p);
		if (!b || b->prec < min_prec || a->failed)
			return left;
		a->p += strlen(b->op);
		lazy = (b->prec == 1 && left) || (b->prec == 2 && !left);
		a->skip += lazy;
		right = binary(a, b->prec + 1);
		a->skip -= lazy;
		left = lazy ? (b->prec == 1) : apply(a, b->op, left, right);
	}
}

static long long conditional(struct arith *a)
{
	long long cond = binary(a, 1), yes, no;

	blanks(a);
	if (*a->p != '?')
		return cond;
	a->p++;
	a->skip += !cond;
	yes = assignment(a);
	a->skip -= !cond;
	blanks(a);
	if (*a->p != ':') {
		fail(a, "':' expected");
		return 0;
	}
	a->p++;
	a->skip += !!cond;
	no = conditional(a);
	a->skip -= !!cond;
	return cond ? yes : no;
}

/* NAME op= value, if that is what comes; else a conditional */
static long long assignment(struct arith *a)
{
	const char *start;
	size_t len;
	char op[3] = {0};
	long long value, old;
	char *name;

	blanks(a);
	start = a->p;
	len = name_length(start);
	a->p += len;
	blanks(a);
	if (len && a->p[0] == '=' && a->p[1] != '=') {
		a->p += 1;
	} else if (len && a->p[0] && strchr("+-*/%&^|", a->p[0]) &&
		   a->p[1] == '=') {
		op[0] = a->p[0];
		a->p += 2;
	} else if (len && (a->p[0] == '<' || a->p[0] == '>') &&
		   a->p[1] == a->p[0] && a->p[2] == '=') {
		op[0] = op[1] = a->p[0];
		a->p += 3;
	} else {
		a->p = start;
		return conditional(a);
	}
	name = xstrndup(start, len);
	value = assignment(a);
	if (op[0]) {
		old = variable(a, name);
		value = apply(a, op, old, value);
	}
	if (!a->skip && !a->failed) {
		struct strbuf b = {0};

		sb_addnum(&b, value);
		var_set(name, b.s, 0);
		sb_free(&b);
	}
	free(name);
	return value;
}

bool arith_eval(const char *expr, long long *result)
{
	struct arith a = {.expr = expr, .p = expr};

	*result = assignment(&a);
	blanks(&a);
	if (*a.p && !a.failed)
		fail(&a, "syntax error");
	return !a.failed;
}
