/* internal.h - what parse.c, compile.c and match.c share: the syntax tree
 * and the instruction set. */
#ifndef GREP_INTERNAL_H
#define GREP_INTERNAL_H

#include "regex.h"

#define RE_DUP_MAX 32767 /* the largest count in a{m,n}, as glibc */
#define RE_INFINITY (-1) /* a{m,} */

/* Zero-width assertions. */
enum re_assert {
	A_BOL,	      /* ^ \` */
	A_EOL,	      /* $ \' */
	A_WORD_EDGE,  /* \b */
	A_NOT_EDGE,   /* \B */
	A_WORD_BEGIN, /* \< */
	A_WORD_END,   /* \> */
};

enum re_node_type {
	N_EMPTY,   /* matches the empty string */
	N_CHAR,	   /* arg: a byte */
	N_ANY,	   /* . */
	N_SET,	   /* arg: index into re->sets */
	N_ASSERT,  /* arg: enum re_assert */
	N_BACKREF, /* arg: group number 1..9 */
	N_GROUP,   /* arg: group number; left: the contents */
	N_CAT,	   /* left then right */
	N_ALT,	   /* left or right */
	N_REPEAT,  /* left, from min to max (RE_INFINITY) times */
};

struct re_node {
	enum re_node_type type;
	int arg;
	int left, right; /* child node indices */
	int min, max;
};

enum re_op {
	OP_CHAR,    /* the byte c */
	OP_ANY,	    /* any byte */
	OP_SET,	    /* a byte in sets[x] */
	OP_ASSERT,  /* assertion x holds here */
	OP_BACKREF, /* the text group x matched, again */
	OP_SPLIT,   /* go on at x; failing that, at y */
	OP_JMP,	    /* go on at x */
	OP_SAVE,    /* slot x = position (group starts and ends) */
	OP_MARK,    /* loop mark x = position */
	OP_CHECK,   /* go to y if the position is still loop mark x */
	OP_MATCH,   /* success (if the end is allowed here) */
};

struct re_inst {
	enum re_op op;
	unsigned char c;
	int x, y;
};

/* Capture slots: 2n and 2n+1 hold where group n starts and ends. */
#define RE_NCAPTURE (2 * (RE_MAX_BACKREF + 1))

static inline bool re_is_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c == '_';
}

#endif
