/* xargs - build and run command lines from standard input.
 *
 *   xargs [-0rt] [-n N] [-I REPLACE] [COMMAND [ARG]...]
 *
 * Reads items from standard input and runs COMMAND (default echo) with
 * the ARGs followed by as many items as fit: at most N with -n, and at
 * most what the kernel takes in one execve (ARG_BYTES of strings, as our
 * kernel's exec.c, less the environment; MAX_ARGS words).  Items are
 * separated by blanks and newlines; ' and " quote, \ escapes one
 * character.  -0: items end with a NUL byte and nothing is special.  -I:
 * each line is one item (leading blanks dropped) and the command runs
 * once per item, with REPLACE in the ARGs replaced by it.  -r: do not run
 * the command when there are no items.  -t: print each command on stderr
 * first.
 *
 * Exit status as GNU xargs: 123 if a command exited with 1-125, 124 if
 * one exited with 255 (xargs stops), 125 if one was killed by a signal
 * (stops), 126 if the command could not be run, 127 if it was not found.
 * A command that itself exits with 126 or 127 is taken for not run.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define ARG_BYTES (128 * 1024) /* kernel/exec.c: argv + envp strings */
#define MAX_ARGS 1024	       /* kernel/exec.c: words in argv, envp */
#define HEADROOM 2048

extern char **environ;

static bool nul_separated, no_run_if_empty, trace;
static long max_items = -1; /* -n */
static const char *replace; /* -I */

static char **base; /* the command and its ARGs */
static int nbase;
static size_t base_bytes;

static struct {
	char **argv; /* base, then the items */
	int argc, cap;
	size_t bytes; /* of the strings, with their NULs */
} cmd;

static size_t max_bytes;
static int max_words;
static int status;

static void usage(void)
{
	fputs("Usage: xargs [-0rt] [-n N] [-I REPLACE] [COMMAND [ARG]...]\n",
	      stderr);
	exit(2);
}

static void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size);
	if (!p) {
		fputs("xargs: memory exhausted\n", stderr);
		exit(1);
	}
	return p;
}

/* --- running commands */

static void print_command(char **argv)
{
	for (int i = 0; argv[i]; i++)
		fprintf(stderr, "%s%s", i ? " " : "", argv[i]);
	fputc('\n', stderr);
}

/* Runs ARGV and waits; stops xargs when GNU's would. */
static void run(char **argv)
{
	pid_t pid;
	int wstatus;

	if (trace)
		print_command(argv);
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "xargs: cannot fork: %s\n", strerror(errno));
		exit(126);
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		int err = errno;
		fprintf(stderr, "xargs: %s: %s\n", argv[0], strerror(err));
		_exit(err == ENOENT ? 127 : 126);
	}
	while (waitpid(pid, &wstatus, 0) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "xargs: waitpid: %s\n",
				strerror(errno));
			exit(125);
		}
	}
	if (WIFSIGNALED(wstatus)) {
		fprintf(stderr, "xargs: %s: terminated by signal %d\n", argv[0],
			WTERMSIG(wstatus));
		exit(125);
	}
	int code = WEXITSTATUS(wstatus);
	if (code == 255) {
		fprintf(stderr, "xargs: %s: exited with status 255; aborting\n",
			argv[0]);
		exit(124);
	}
	if (code == 126 || code == 127)
		exit(code);
	if (code != 0)
		status = 123;
}

/* --- building command lines */

static void reset_command(void)
{
	cmd.argc = nbase;
	cmd.bytes = base_bytes;
}

static void append(char *word)
{
	if (cmd.argc + 2 > cmd.cap) {
		cmd.cap = 2 * cmd.cap + 16;
		cmd.argv = xrealloc(cmd.argv, cmd.cap * sizeof(*cmd.argv));
	}
	cmd.argv[cmd.argc++] = word;
	cmd.argv[cmd.argc] = NULL;
	cmd.bytes += strlen(word) + 1;
}

static void flush_command(void)
{
	cmd.argv[cmd.argc] = NULL;
	run(cmd.argv);
	for (int i = nbase; i < cmd.argc; i++)
		free(cmd.argv[i]);
	reset_command();
}

/* Adds an item to the command line, running it first when it is full. */
static void add_item(char *item)
{
	size_t size = strlen(item) + 1;

	if (base_bytes + size > max_bytes) {
		fputs("xargs: argument line too long\n", stderr);
		exit(1);
	}
	if (cmd.bytes + size > max_bytes || cmd.argc + 1 > max_words)
		flush_command();
	append(item);
	if (max_items > 0 && cmd.argc - nbase == max_items)
		flush_command();
}

/* -I: ARG with every REPLACE changed to ITEM. */
static char *substitute(const char *arg, const char *item)
{
	size_t rlen = strlen(replace), ilen = strlen(item), len = 0;
	char *out = xrealloc(NULL, 1);
	const char *p;

	while ((p = strstr(arg, replace)) && rlen) {
		out = xrealloc(out, len + (p - arg) + ilen + 1);
		memcpy(out + len, arg, p - arg);
		memcpy(out + len + (p - arg), item, ilen);
		len += (p - arg) + ilen;
		arg = p + rlen;
	}
	out = xrealloc(out, len + strlen(arg) + 1);
	strcpy(out + len, arg);
	return out;
}

/* -I: runs the command once for ITEM. */
static void run_replaced(const char *item)
{
	char **argv = xrealloc(NULL, (nbase + 1) * sizeof(*argv));

	for (int i = 0; i < nbase; i++)
		argv[i] = substitute(base[i], item);
	argv[nbase] = NULL;
	run(argv);
	for (int i = 0; i < nbase; i++)
		free(argv[i]);
	free(argv);
}

/* --- reading items */

struct buffer {
	char *text;
	size_t len, cap;
};

static void put(struct buffer *b, char c)
{
	if (b->len + 2 > b->cap) {
		b->cap = 2 * b->cap + 64;
		b->text = xrealloc(b->text, b->cap);
	}
	b->text[b->len++] = c;
	b->text[b->len] = '\0';
}

static bool bad_input; /* an unmatched quote ended the input */

static void unmatched(int quote)
{
	fprintf(stderr,
		"xargs: unmatched %s quote; by default quotes are "
		"special to xargs unless you use the -0 option\n",
		quote == '"' ? "double" : "single");
	bad_input = true;
}

/* What B holds, as a string (an empty one too). */
static char *text_of(struct buffer *b)
{
	if (!b->text) {
		b->text = xrealloc(NULL, 1);
		b->text[0] = '\0';
	}
	return b->text;
}

/* -0: up to the next NUL byte. */
static char *read_nul_item(void)
{
	struct buffer b = {0};
	int c;

	while ((c = getchar()) != EOF && c != '\0')
		put(&b, c);
	if (c == EOF && b.len == 0)
		return NULL;
	return text_of(&b); /* an empty item is an item */
}

/* The next item, with quotes and backslashes undone; BLANKS_END: blanks
 * separate items (else only newlines do, and leading blanks are
 * dropped).  NULL at the end of the input. */
static char *read_item(bool blanks_end)
{
	struct buffer b = {0};
	bool started = false;
	int c, quote = 0;

	while ((c = getchar()) != EOF) {
		if (quote) {
			if (c == quote) {
				quote = 0;
			} else if (c == '\n') {
				break;
			} else {
				put(&b, c);
			}
			continue;
		}
		bool blank = c == ' ' || c == '\t';
		if (c == '\n' || (blank && (blanks_end || !started))) {
			if (started)
				return text_of(&b);
			continue;
		}
		started = true; /* even '' is an item */
		if (c == '\'' || c == '"')
			quote = c;
		else if (c == '\\')
			put(&b, (c = getchar()) == EOF ? '\\' : c);
		else
			put(&b, c);
	}
	if (quote) {
		unmatched(quote);
		free(b.text);
		return NULL;
	}
	return started ? text_of(&b) : NULL;
}

static char *next_item(void)
{
	if (bad_input)
		return NULL;
	return nul_separated ? read_nul_item() : read_item(!replace);
}

/* --- options and limits */

static long count_argument(const char *arg)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(arg, &end, 10);
	if (end == arg || *end || errno)
		fprintf(stderr, "xargs: invalid number \"%s\" for -n option\n",
			arg);
	else if (n < 1)
		fprintf(stderr,
			"xargs: value %s for -n option should be >= 1\n", arg);
	else
		return n;
	exit(1); /* as GNU xargs */
}

/* What is left of the kernel's limits once the environment is in. */
static void set_limits(void)
{
	size_t env_bytes = 0;

	for (char **e = environ; e && *e; e++)
		env_bytes += strlen(*e) + 1;
	max_bytes = ARG_BYTES - HEADROOM > env_bytes
			? ARG_BYTES - HEADROOM - env_bytes
			: 0;
	max_words = MAX_ARGS - 1; /* argv and envp are counted apart */
}

int main(int argc, char **argv)
{
	static char *echo[] = {"echo", NULL};
	char *item;
	bool any = false;
	int c;

	while ((c = getopt(argc, argv, "+0I:n:rt")) != -1) {
		switch (c) {
		case '0':
			nul_separated = true;
			break;
		case 'I':
			replace = optarg;
			break;
		case 'n':
			max_items = count_argument(optarg);
			break;
		case 'r':
			no_run_if_empty = true;
			break;
		case 't':
			trace = true;
			break;
		default:
			usage();
		}
	}
	base = optind < argc ? argv + optind : echo;
	nbase = optind < argc ? argc - optind : 1;
	for (int i = 0; i < nbase; i++)
		base_bytes += strlen(base[i]) + 1;
	set_limits();
	for (int i = 0; i < nbase; i++)
		append(base[i]);
	reset_command();

	while ((item = next_item())) {
		any = true;
		if (replace) {
			run_replaced(item);
			free(item);
		} else {
			add_item(item);
		}
	}
	if (!replace && (cmd.argc > nbase || (!any && !no_run_if_empty)))
		flush_command();
	return bad_input ? 1 : status;
}
