/* regex.h - grep's regular expressions.
 *
 * Patterns in POSIX basic (grep -G) or extended (grep -E) syntax, with
 * GNU's extensions, or fixed strings (grep -F), are parsed into a syntax
 * tree (parse.c), compiled into a program for a small virtual machine
 * (compile.c) and run by a backtracking matcher (match.c), the design of
 * Russ Cox's "Regular Expression Matching: the Virtual Machine Approach".
 * Without back-references the matcher remembers which (instruction,
 * position) pairs already failed, so a line costs at most
 * instructions x length steps; with them it is plain backtracking.
 *
 * Use: re_init, re_add_pattern for each pattern (they are alternatives),
 * re_compile once, then re_match for each line.
 */
#ifndef GREP_REGEX_H
#define GREP_REGEX_H

#include <stdbool.h>
#include <stddef.h>

enum re_syntax { RE_BASIC, RE_EXTENDED, RE_FIXED };

/* What must surround a match: nothing (the default), word boundaries
 * (grep -w) or the line's ends (grep -x). */
enum re_whole { RE_ANYWHERE, RE_WORD, RE_LINE };

#define RE_MAX_BACKREF 9 /* \1 .. \9 */

struct re_node;
struct re_inst;

struct regex {
	enum re_syntax syntax;
	bool icase;
	enum re_whole whole;
	void (*warn)(const char *msg); /* non-fatal remarks, may be NULL */

	/* the syntax tree of every pattern added so far (parse.c) */
	struct re_node *nodes;
	int nnodes, nodes_cap;
	int root;		   /* -1 until a pattern is added */
	unsigned char (*sets)[32]; /* bracket expressions: 256-bit sets */
	int nsets, sets_cap;
	bool backrefs; /* some pattern uses \1 .. \9 */

	/* the program (compile.c) */
	struct re_inst *prog;
	int ninst, prog_cap;
	int nloops; /* unbounded loops: progress marks */

	/* the matcher's scratch space (match.c) */
	int *slots; /* captures, then loop marks */
	struct re_frame *stack;
	size_t stack_len, stack_cap;
	unsigned char *visited;
	size_t visited_cap;
};

void re_init(struct regex *re, enum re_syntax syntax, bool icase,
	     enum re_whole whole);

/* Adds one pattern of LEN bytes (without newlines) as an alternative.
 * Returns NULL, or the error message (glibc's wording) for a bad one. */
const char *re_add_pattern(struct regex *re, const char *pat, size_t len);

/* Builds the program from the patterns added.  Returns NULL or an error
 * message ("Regular expression too big"). */
const char *re_compile(struct regex *re);

/* Does some part of LINE (LEN bytes, no newline) match? */
bool re_match(struct regex *re, const char *line, size_t len);

/* Provided by the program: realloc that never returns NULL. */
void *xrealloc(void *p, size_t size);

#endif
