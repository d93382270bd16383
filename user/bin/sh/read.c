/* user/bin/sh/read.c - the read built-in.
 *
 *	read [-r] [name...]
 *
 * Reads one line of stdin a byte at a time (so that whatever follows the
 * line stays there for the next reader, a script read from the same
 * stdin included) and splits it at $IFS as field splitting does: each
 * name but the last gets one field, the last gets the rest of the line
 * less the white space around it; REPLY if no name is given.  Without
 * -r a backslash quotes the next character (which is then never a
 * separator) and a backslash-newline joins two lines.  The status is 1
 * at the end of input, whatever was read before it still being set.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

struct line {
	struct strbuf text;
	struct strbuf escaped; /* '1' where a backslash quoted the byte */
};

static bool read_byte(char *c)
{
	for (;;) {
		ssize_t n = read(0, c, 1);

		if (n == 1)
			return true;
		if (n == 0 || errno != EINTR || sh.got_sigint)
			return false;
	}
}

/* false at the end of input (what came before it is still in LINE) */
static bool read_line(struct line *l, bool raw)
{
	char c;

	while (read_byte(&c)) {
		bool escaped = false;

		if (c == '\\' && !raw) {
			if (!read_byte(&c))
				return false;
			if (c == '\n')
				continue;
			escaped = true;
		} else if (c == '\n') {
			return true;
		}
		sb_addc(&l->text, c);
		sb_addc(&l->escaped, escaped ? '1' : '0');
	}
	return false;
}

static void assign_fields(struct line *l, char **names, int n)
{
	const char *ifs = var_get("IFS"), *s = sb_str(&l->text);
	const char *esc = sb_str(&l->escaped);
	size_t pos = 0, len = l->text.len;

	if (!ifs)
		ifs = " \t\n";
#define SEP(i) (esc[i] == '0' && *ifs && strchr(ifs, s[i]))
#define WHITE(i) (SEP(i) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
	while (pos < len && WHITE(pos))
		pos++;
	for (int k = 0; k < n; k++) {
		size_t start = pos, end;

		if (k == n - 1) {
			end = len;
			while (end > pos && WHITE(end - 1))
				end--;
		} else {
			while (pos < len && !SEP(pos))
				pos++;
			end = pos;
			while (pos < len && WHITE(pos))
				pos++;
			if (pos < len && SEP(pos) && !WHITE(pos))
				pos++;
			while (pos < len && WHITE(pos))
				pos++;
		}
		{
			char *value = xstrndup(s + start, end - start);

			var_set(names[k], value, 0);
			free(value);
		}
	}
#undef SEP
#undef WHITE
}

int bi_read(int argc, char **argv)
{
	static char *reply[] = {"REPLY", NULL};
	struct line l = {0};
	bool raw = false, complete;
	char **names;
	int i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (strcmp(argv[i], "-r") != 0) {
			sh_error("read: %s: invalid option", argv[i]);
			return 2;
		}
		raw = true;
	}
	names = i < argc ? argv + i : reply;
	for (int k = 0; names[k]; k++)
		if (!is_valid_name(names[k])) {
			sh_error("read: '%s': not a valid identifier",
				 names[k]);
			return 2;
		}
	complete = read_line(&l, raw);
	assign_fields(&l, names, i < argc ? argc - i : 1);
	sb_free(&l.text);
	sb_free(&l.escaped);
	if (sh.got_sigint)
		return 130;
	return complete ? 0 : 1;
}
