/* user/bin/sh/expand.h - what expand.c and param.c share: the expander
 * and its field-building operations (see expand.c). */
#ifndef SH_EXPAND_H
#define SH_EXPAND_H

#include "sh.h"

enum mode { UNQUOTED, DQUOTED, HEREDOC };

struct expander {
	struct strvec *fields; /* finished fields; NULL: one string */
	struct strbuf val;     /* the current field, quotes removed */
	struct strbuf pat;     /* the same as a pattern, quoted chars escaped */
	bool started;	       /* the field exists, even if it is empty */
	bool globby;	       /* an unquoted * ? or [ is in it */
	bool split;	       /* field splitting and pathname expansion */
	bool white_split;      /* the last field ended at IFS white space */
	int word_splits;       /* in the word of ${x-word}: it splits too */
	bool failed;	       /* an error was reported */
};

/* expand.c */
void expand_raw(struct expander *e, const char *s, const char *end,
		enum mode mode);
void put_char(struct expander *e, char c, bool quoted);
void put_value(struct expander *e, const char *s, bool quoted);
void end_field(struct expander *e);
/* S..END expanded on its own into one string (a pattern if PATTERN) */
char *expand_sub(struct expander *outer, const char *s, const char *end,
		 bool pattern);
/* P just after an opening: just after the CLOSE that balances it */
const char *skip_group(const char *p, char close);
const char *clamp(const char *p, const char *end); /* P, at most END */

/* param.c */
char *number_string(long long n);
void put_param(struct expander *e, const char *name, bool quoted);
/* a name, digits (${10}: BRACED) or one special character at P */
size_t param_name_length(const char *p, bool braced);
/* ${...} at P (the '$'): returns the text after the '}' */
const char *expand_braced(struct expander *e, const char *p, const char *end,
			  bool quoted);

#endif
