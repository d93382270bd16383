/* compile.c - the syntax tree to a program for the matcher (match.c).
 *
 * The translations, where L1, L2... are instruction addresses:
 *   e1 e2     code for e1, then code for e2
 *   e1|e2     SPLIT L1, L2; L1: e1; JMP L3; L2: e2; L3:
 *   (e)       SAVE 2n; e; SAVE 2n+1  (only when a pattern has \n)
 *   e{m,n}    e written m times, then n-m nested optional copies:
 *             SPLIT L1, L9; L1: e; SPLIT L2, L9; L2: e; ... L9:
 *   e{m,}     e written m times, then a loop:
 *             L1: SPLIT L2, L3; L2: MARK k; e; CHECK k, L3; JMP L1; L3:
 * MARK and CHECK leave the loop after a round in which the body matched
 * the empty string, so (a*)* cannot spin forever, yet \(a*\)*\1 can set
 * its group to the empty string, as in glibc.  SPLIT tries its first
 * branch first, which makes repetitions greedy.
 */
#include "internal.h"

#define MAX_PROGRAM (1 << 18) /* instructions; more is "too big" */

static int emit(struct regex *re, enum re_op op, int c, int x, int y)
{
	if (re->ninst == re->prog_cap) {
		re->prog_cap = re->prog_cap ? 2 * re->prog_cap : 64;
		re->prog = xrealloc(re->prog, re->prog_cap * sizeof(*re->prog));
	}
	re->prog[re->ninst] = (struct re_inst){op, c, x, y};
	return re->ninst++;
}

static void emit_node(struct regex *re, int n);

/* A chain of alternatives (right-leaning N_ALT nodes) starting at N. */
static void emit_alternatives(struct regex *re, int n)
{
	int jumps = -1; /* the JMPs to the end, linked through x */

	for (; re->nodes[n].type == N_ALT; n = re->nodes[n].right) {
		int split = emit(re, OP_SPLIT, 0, re->ninst + 1, 0);

		emit_node(re, re->nodes[n].left);
		jumps = emit(re, OP_JMP, 0, jumps, 0);
		re->prog[split].y = re->ninst;
	}
	emit_node(re, n);
	while (jumps >= 0) {
		int next = re->prog[jumps].x;

		re->prog[jumps].x = re->ninst;
		jumps = next;
	}
}

static void emit_repeat(struct regex *re, int child, int min, int max)
{
	for (int i = 0; i < min && re->ninst < MAX_PROGRAM; i++)
		emit_node(re, child);
	if (max == RE_INFINITY) {
		int mark = re->nloops++;
		int loop = emit(re, OP_SPLIT, 0, re->ninst + 1, 0);

		emit(re, OP_MARK, 0, mark, 0);
		emit_node(re, child);
		int check = emit(re, OP_CHECK, 0, mark, 0);
		emit(re, OP_JMP, 0, loop, 0);
		re->prog[loop].y = re->prog[check].y = re->ninst;
		return;
	}
	int splits = -1; /* linked through y until the end is known */
	for (int i = min; i < max && re->ninst < MAX_PROGRAM; i++) {
		splits = emit(re, OP_SPLIT, 0, re->ninst + 1, splits);
		emit_node(re, child);
	}
	while (splits >= 0) {
		int next = re->prog[splits].y;

		re->prog[splits].y = re->ninst;
		splits = next;
	}
}

static void emit_node(struct regex *re, int n)
{
	if (re->ninst >= MAX_PROGRAM)
		return; /* re_compile reports it */

	struct re_node node = re->nodes[n];
	switch (node.type) {
	case N_EMPTY:
		break;
	case N_CHAR:
		emit(re, OP_CHAR, node.arg, 0, 0);
		break;
	case N_ANY:
		emit(re, OP_ANY, 0, 0, 0);
		break;
	case N_SET:
		emit(re, OP_SET, 0, node.arg, 0);
		break;
	case N_ASSERT:
		emit(re, OP_ASSERT, 0, node.arg, 0);
		break;
	case N_BACKREF:
		emit(re, OP_BACKREF, 0, node.arg, 0);
		break;
	case N_GROUP:
		if (!re->backrefs || node.arg > RE_MAX_BACKREF) {
			emit_node(re, node.left);
			break;
		}
		emit(re, OP_SAVE, 0, 2 * node.arg, 0);
		emit_node(re, node.left);
		emit(re, OP_SAVE, 0, 2 * node.arg + 1, 0);
		break;
	case N_CAT:
		for (; re->nodes[n].type == N_CAT; n = re->nodes[n].right)
			emit_node(re, re->nodes[n].left);
		emit_node(re, n);
		break;
	case N_ALT:
		emit_alternatives(re, n);
		break;
	case N_REPEAT:
		emit_repeat(re, node.left, node.min, node.max);
		break;
	}
}

const char *re_compile(struct regex *re)
{
	if (re->root >= 0)
		emit_node(re, re->root);
	emit(re, OP_MATCH, 0, 0, 0);
	if (re->ninst > MAX_PROGRAM)
		return "Regular expression too big";
	re->slots = xrealloc(NULL, (RE_NCAPTURE + re->nloops) * sizeof(int));
	return NULL;
}
