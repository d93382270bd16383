/* match.c - the backtracking matcher for compile.c's programs.
 *
 * A thread is an instruction address and a position in the line.  It
 * runs until it fails or matches; at a SPLIT it pushes the second branch
 * on the stack and goes on with the first.  When it fails, the newest
 * pushed thread resumes.  SAVE and MARK push an "undo" entry with the
 * slot's old value, so that backtracking past them restores it.
 *
 * Without back-references the outcome from a given (instruction,
 * position) does not depend on the path there, so each pair is tried at
 * most once per line ("visited"): a failed pair stays failed, even for a
 * later starting position.  That bounds a line's work by the program's
 * length times the line's.  With back-references it does depend on the
 * captures, so the matcher explores every path (exponential at worst, as
 * any backtracking matcher).
 */
#include <ctype.h>
#include <string.h>

#include "internal.h"

#define MAX_VISITED (16u << 20) /* bytes; beyond it, no memo */

struct re_frame {
	int pc;	 /* >= 0: a thread; < 0: undo slot -1 - pc */
	int pos; /* the thread's position, or the slot's old value */
};

static void push(struct regex *re, int pc, int pos)
{
	if (re->stack_len == re->stack_cap) {
		re->stack_cap = re->stack_cap ? 2 * re->stack_cap : 256;
		re->stack =
		    xrealloc(re->stack, re->stack_cap * sizeof(*re->stack));
	}
	re->stack[re->stack_len++] = (struct re_frame){pc, pos};
}

static void set_slot(struct regex *re, int slot, int pos)
{
	push(re, -1 - slot, re->slots[slot]);
	re->slots[slot] = pos;
}

static bool assertion(enum re_assert what, const unsigned char *s, int len,
		      int pos)
{
	bool before = pos > 0 && re_is_word(s[pos - 1]);
	bool after = pos < len && re_is_word(s[pos]);

	switch (what) {
	case A_BOL:
		return pos == 0;
	case A_EOL:
		return pos == len;
	case A_WORD_EDGE:
		return before != after;
	case A_NOT_EDGE:
		return before == after;
	case A_WORD_BEGIN:
		return !before && after;
	case A_WORD_END:
		return before && !after;
	}
	return false;
}

/* The length of group N's text if it also stands at POS, else -1. */
static int backref(struct regex *re, const unsigned char *s, int len, int pos,
		   int n)
{
	int start = re->slots[2 * n], end = re->slots[2 * n + 1];

	if (start < 0 || end < start || end - start > len - pos)
		return -1;
	for (int i = 0; i < end - start; i++) {
		unsigned char a = s[start + i], b = s[pos + i];
		if (a != b && !(re->icase && tolower(a) == tolower(b)))
			return -1;
	}
	return end - start;
}

/* May a match end at POS (grep -w, -x)? */
static bool end_allowed(struct regex *re, const unsigned char *s, int len,
			int pos)
{
	if (re->whole == RE_LINE)
		return pos == len;
	if (re->whole == RE_WORD)
		return pos == len || !re_is_word(s[pos]);
	return true;
}

static bool visit(struct regex *re, bool memo, int len, int pc, int pos)
{
	if (!memo)
		return true;
	size_t bit = (size_t)pc * (len + 1) + pos;
	if (re->visited[bit / 8] & (1 << (bit % 8)))
		return false;
	re->visited[bit / 8] |= 1 << (bit % 8);
	return true;
}

/* Runs one thread until it fails (false) or matches (true). */
static bool thread(struct regex *re, const unsigned char *s, int len, int pc,
		   int pos, bool memo)
{
	for (;;) {
		if (!visit(re, memo, len, pc, pos))
			return false;
		struct re_inst *in = &re->prog[pc];
		int n;
		switch (in->op) {
		case OP_CHAR:
			if (pos == len || s[pos] != in->c)
				return false;
			pos++;
			break;
		case OP_ANY:
			if (pos == len)
				return false;
			pos++;
			break;
		case OP_SET:
			if (pos == len || !(re->sets[in->x][s[pos] / 8] &
					    (1 << (s[pos] % 8))))
				return false;
			pos++;
			break;
		case OP_ASSERT:
			if (!assertion(in->x, s, len, pos))
				return false;
			break;
		case OP_BACKREF:
			n = backref(re, s, len, pos, in->x);
			if (n < 0)
				return false;
			pos += n;
			break;
		case OP_SPLIT:
			push(re, in->y, pos);
			pc = in->x;
			continue;
		case OP_JMP:
			pc = in->x;
			continue;
		case OP_SAVE:
			set_slot(re, in->x, pos);
			break;
		case OP_MARK:
			set_slot(re, RE_NCAPTURE + in->x, pos);
			break;
		case OP_CHECK:
			if (re->slots[RE_NCAPTURE + in->x] == pos) {
				pc = in->y; /* no progress: leave the loop */
				continue;
			}
			break;
		case OP_MATCH:
			return end_allowed(re, s, len, pos);
		}
		pc++;
	}
}

/* Is there a match starting at START? */
static bool match_from(struct regex *re, const unsigned char *s, int len,
		       int start, bool memo)
{
	re->stack_len = 0;
	push(re, 0, start);
	while (re->stack_len > 0) {
		struct re_frame f = re->stack[--re->stack_len];

		if (f.pc < 0)
			re->slots[-1 - f.pc] = f.pos;
		else if (thread(re, s, len, f.pc, f.pos, memo))
			return true;
	}
	return false;
}

/* Clears the visited set for a line of LEN bytes; false if it would be
 * too large or back-references make it wrong. */
static bool prepare_visited(struct regex *re, size_t len)
{
	size_t bytes;

	if (re->backrefs || len >= MAX_VISITED)
		return false;
	bytes = ((size_t)re->ninst * (len + 1) + 7) / 8;
	if (bytes > MAX_VISITED)
		return false;
	if (bytes > re->visited_cap) {
		re->visited = xrealloc(re->visited, bytes);
		re->visited_cap = bytes;
	}
	memset(re->visited, 0, bytes);
	return true;
}

bool re_match(struct regex *re, const char *line, size_t size)
{
	const unsigned char *s = (const unsigned char *)line;
	int len = size;
	bool memo = prepare_visited(re, size);

	for (int i = 0; i < RE_NCAPTURE + re->nloops; i++)
		re->slots[i] = -1;
	for (int start = 0; start <= len; start++) {
		if (re->whole == RE_LINE && start > 0)
			break;
		if (re->whole == RE_WORD && start > 0 &&
		    re_is_word(s[start - 1]))
			continue;
		if (match_from(re, s, len, start, memo))
			return true;
	}
	return false;
}
