/* user/bin/sh/main.c - /bin/sh: options, start-up, the read-run loop.
 *
 *	sh [-eifux] [-c command [name [arg...]]]
 *	sh [-eifux] file [arg...]
 *	sh [-eifux] [-s] [arg...]
 *
 * With -c the command string is the input, with a file operand the
 * file is (its name is $0), otherwise stdin.  The shell is interactive
 * when it reads stdin and stdin and stderr are terminals (or with -i):
 * it then prints prompts, uses job control, survives syntax errors and
 * ^C, and reports finished background jobs before each prompt.  A
 * non-interactive shell exits with status 2 at a syntax error.  A login
 * shell (argv[0] starting with '-', as init starts it) first runs
 * /etc/profile and $HOME/.profile if they exist.
 *
 * run_source() is the loop every input goes through (the terminal, a
 * script, -c, eval, ., a command substitution): parse one line, run it,
 * free it, until the input ends or a break/return/^C stops it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

struct shell sh;

void sh_exit(int status)
{
	sh.status = status;
	run_exit_trap(); /* which may exit with a status of its own */
	exit(status);
}

bool enter_call(void)
{
	if (sh.call_depth >= MAX_CALL_DEPTH) {
		sh_error("functions, evals or sourced files nested too deeply");
		return false;
	}
	sh.call_depth++;
	return true;
}

void leave_call(void)
{
	sh.call_depth--;
}

static int run_source(struct source *src)
{
	int status = 0;

	if (!enter_call())
		return 2;

	for (;;) {
		struct node *tree;
		enum parse_result r;

		if (src->interactive) {
			jobs_report();
			sh.got_sigint = 0;
		}
		r = parse_line(src, &tree);
		if (r == PARSE_EOF)
			break;
		if (r == PARSE_INTR || r == PARSE_ERROR) {
			if (r == PARSE_INTR)
				write_all(2, "\n", 1);
			status = sh.status = r == PARSE_INTR ? 130 : 2;
			if (!src->interactive)
				break;
			src_discard(src);
			continue;
		}
		src_sync(src);
		status = exec_tree(tree, 0);
		tree_free(tree);
		if (!src->interactive &&
		    (sh.pending != P_NONE || sh.got_sigint))
			break;
	}
	leave_call();
	return status;
}

int run_string(const char *text, const char *name)
{
	struct source src;
	int status;

	src_init_string(&src, text, name);
	status = run_source(&src);
	src_free(&src);
	return status;
}

int run_file(const char *path, int fd)
{
	struct source src;
	int high = fcntl(fd, F_DUPFD_CLOEXEC, 10), status;

	if (high >= 0) { /* out of the way of the user's 0-9 */
		close(fd);
		fd = high;
	}
	src_init_fd(&src, fd, false, false, path);
	status = run_source(&src);
	src_free(&src);
	close(fd);
	return status;
}

static void usage(void)
{
	static const char text[] =
	    "usage: sh [-eifux] [-c command [name [arg...]]]\n"
	    "       sh [-eifux] file [arg...]\n"
	    "       sh [-eifux] [-s] [arg...]\n";

	write_all(2, text, sizeof(text) - 1);
	exit(2);
}

struct options {
	bool command, interactive, stdin;
};

/* the option words; returns the index of the first operand */
static int parse_options(int argc, char **argv, struct options *o)
{
	int i = 1;

	for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+'); i++) {
		const char *a = argv[i];
		bool on = a[0] == '-';

		if (strcmp(a, "--") == 0 || strcmp(a, "-") == 0)
			return i + 1;
		if (!a[1])
			usage();
		for (const char *p = a + 1; *p; p++) {
			switch (*p) {
			case 'c':
				o->command = on;
				break;
			case 'i':
				o->interactive = on;
				break;
			case 's':
				o->stdin = on;
				break;
			case 'e':
				sh.errexit = on;
				break;
			case 'f':
				sh.noglob = on;
				break;
			case 'u':
				sh.nounset = on;
				break;
			case 'x':
				sh.xtrace = on;
				break;
			default:
				sh_error("-%c: invalid option", *p);
				usage();
			}
		}
	}
	return i;
}

static void set_default(const char *name, const char *value)
{
	if (!var_get(name))
		var_set(name, value, 0);
}

static void init_variables(void)
{
	char buf[4096];
	extern char **environ;

	var_import(environ);
	var_unset("IFS"); /* never inherited */
	var_set("IFS", " \t\n", 0);
	if (!var_get("PATH"))
		var_set("PATH", DEFAULT_PATH, VAR_EXPORT);
	if (getcwd(buf, sizeof(buf)))
		var_set("PWD", buf, VAR_EXPORT);
	set_default("PS1", "$ ");
	set_default("PS2", "> ");
	set_default("PS4", "+ ");
	snprintf(buf, sizeof(buf), "%d", (int)getppid());
	var_set("PPID", buf, 0);
}

static int run_script_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		sh_error("%s: %s", path, strerror(errno));
		return errno == ENOENT ? 127 : 126;
	}
	return run_file(path, fd);
}

static void run_profile(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd >= 0)
		run_file(path, fd);
}

/* a login shell's start-up files, those that exist */
static void run_profiles(void)
{
	const char *home = var_get("HOME");
	struct strbuf path = {0};

	run_profile("/etc/profile");
	if (home && *home) {
		sb_adds(&path, home);
		sb_adds(&path, "/.profile");
		run_profile(path.s);
		sb_free(&path);
	}
}

int main(int argc, char **argv)
{
	struct options o = {0};
	int i = parse_options(argc, argv, &o);
	const char *command = NULL, *script = NULL;
	struct source src;

	if (o.command) {
		if (i >= argc) {
			sh_error("-c: option requires an argument");
			usage();
		}
		command = argv[i++];
	} else if (!o.stdin && i < argc) {
		script = argv[i++];
	}
	sh.arg0 = xstrdup(script		? script
			  : i < argc && command ? argv[i++]
						: argv[0]);
	params_set(argc - i, argv + i);
	init_variables();
	sh.pid = getpid();
	sh.ttyfd = -1;
	if (command)
		sh_exit(run_string(command, NULL));
	if (script)
		sh_exit(run_script_file(script));
	sh.interactive = o.interactive || (isatty(0) && isatty(2));
	if (sh.interactive)
		jobs_init_terminal();
	if (argv[0][0] == '-') /* a login shell, as init starts it */
		run_profiles();
	src_init_fd(&src, 0, true, sh.interactive, NULL);
	sh_exit(run_source(&src));
}
