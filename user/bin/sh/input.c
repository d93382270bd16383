/* user/bin/sh/input.c - sources of command text, one byte at a time.
 *
 * The lexer pulls bytes with src_getc(); when the buffer runs dry the
 * source refills it:
 *   - a string (-c, eval, $(...)) simply ends;
 *   - the terminal: the prompt (PS1 at the start of a command, PS2 inside
 *     one) on stderr, then one read(), which the terminal's line
 *     discipline ends at a newline;
 *   - our stdin when it is a pipe: one byte at a time up to a newline,
 *     so that a command reading the same stdin (read, cat) finds the rest
 *     of the input where the shell stopped;
 *   - our stdin when it is a regular file: blocks, and src_sync() seeks
 *     back over what was read ahead before each command runs;
 *   - a script the shell opened itself: blocks.
 * A ^C at the prompt ends the terminal's read (read_terminal): the
 * source reports the end of input with `interrupted` set and the main
 * loop abandons the line.  While the lexer has the parser read a $(...),
 * every byte read is also copied to `record` (lex.c keeps the text).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

#define BLOCK 4096

void src_init_fd(struct source *s, int fd, bool shared, bool interactive,
		 const char *name)
{
	memset(s, 0, sizeof(*s));
	s->fd = fd;
	s->shared = shared;
	s->seekable = shared && !interactive && lseek(fd, 0, SEEK_CUR) >= 0;
	s->interactive = interactive;
	s->lineno = 1;
	s->name = name;
}

void src_init_string(struct source *s, const char *text, const char *name)
{
	memset(s, 0, sizeof(*s));
	s->fd = -1;
	s->len = s->cap = strlen(text);
	s->buf = xstrndup(text, s->len);
	s->lineno = 1;
	s->name = name;
}

void src_free(struct source *s)
{
	free(s->buf);
	s->buf = NULL;
}

static void prompt(struct source *s)
{
	const char *ps = var_get(s->ps2 ? "PS2" : "PS1");
	char *text;

	if (!ps)
		return;
	text = s->ps2 ? xstrdup(ps) : expand_prompt(ps);
	write_all(2, text, strlen(text));
	free(text);
}

/* room for n more bytes at the end of the buffer */
static char *room(struct source *s, size_t n)
{
	if (s->pos == s->len) /* everything was consumed: start over */
		s->pos = s->len = 0;
	if (s->len + n > s->cap) {
		s->cap = s->cap ? s->cap : BLOCK;
		while (s->cap < s->len + n)
			s->cap *= 2;
		s->buf = xrealloc(s->buf, s->cap);
	}
	return s->buf + s->len;
}

/* The terminal's read and ^C: the SIGINT handler jumps out of the read
 * (input_interrupt), so a ^C that comes just before the read cannot be
 * missed, as it could be between checking a flag and reading. */
static sigjmp_buf read_jump;
static volatile sig_atomic_t jump_ok;

void input_interrupt(void)
{
	if (jump_ok) {
		jump_ok = 0;
		siglongjmp(read_jump, 1);
	}
}

static ssize_t read_terminal(struct source *s, char *buf, size_t n)
{
	ssize_t got;

	if (sigsetjmp(read_jump, 1) || (jump_ok = 1, sh.got_sigint)) {
		jump_ok = 0;
		s->interrupted = true;
		return 0;
	}
	got = read(s->fd, buf, n);
	jump_ok = 0;
	return got;
}

/* one read(); its result, with EINTR from other signals retried */
static ssize_t read_some(struct source *s, size_t n)
{
	for (;;) {
		char *buf = room(s, n);
		ssize_t got = s->interactive ? read_terminal(s, buf, n)
					     : read(s->fd, buf, n);

		if (got >= 0 || errno != EINTR)
			return got;
	}
}

/* reads a line byte by byte (stdin shared through a pipe) */
static ssize_t read_line_bytewise(struct source *s)
{
	ssize_t total = 0, got;

	while ((got = read_some(s, 1)) == 1) {
		total++;
		if (s->buf[s->len++] == '\n')
			break;
	}
	return total ? total : got;
}

static bool refill(struct source *s)
{
	ssize_t got;

	if (s->fd < 0 || s->eof || s->interrupted)
		return false;
	if (s->interactive)
		prompt(s);
	if (s->shared && !s->seekable && !s->interactive) {
		got = read_line_bytewise(s);
	} else {
		got = read_some(s, BLOCK);
		if (got > 0)
			s->len += got;
	}
	s->ps2 = true; /* any further line belongs to the same command */
	if (got <= 0) {
		s->eof = true; /* an error ends the input as the end does */
		return false;
	}
	return true;
}

int src_getc(struct source *s)
{
	int c;

	if (s->npushback > 0) {
		c = s->pushback[--s->npushback];
	} else if (s->pos < s->len || refill(s)) {
		c = (unsigned char)s->buf[s->pos++];
	} else {
		return SRC_END;
	}
	if (c == '\n')
		s->lineno++;
	if (s->record)
		sb_addc(s->record, c);
	return c;
}

void src_ungetc(struct source *s, int c)
{
	if (c == SRC_END || s->npushback == 2)
		return;
	if (c == '\n')
		s->lineno--;
	if (s->record && s->record->len > 0) /* it will be read again */
		s->record->s[--s->record->len] = '\0';
	s->pushback[s->npushback++] = c;
}

void src_sync(struct source *s)
{
	off_t unread = (off_t)(s->len - s->pos) + s->npushback;

	if (!s->seekable || unread == 0)
		return;
	if (lseek(s->fd, -unread, SEEK_CUR) >= 0) {
		s->pos = s->len = 0;
		s->npushback = 0;
	}
}

void src_discard(struct source *s)
{
	s->npushback = 0;
	if (s->fd >= 0) {
		s->pos = s->len; /* the rest of the line (a terminal's read) */
		s->interrupted = false;
		if (s->interactive)
			s->eof = false; /* ^D inside a command: keep going */
	}
}
