/* user/bin/sh/builtins.c - the commands the shell runs itself.
 *
 * Some must be built in because they change the shell (cd, exit,
 * export, unset, local, set, shift, ., eval, exec, read, trap, wait,
 * break, continue, return), others because scripts lean on them and a
 * fork would be waste (echo, printf, true, false, :, test, [, pwd, type,
 * command).  Each is int fn(int argc, char **argv) returning its exit
 * status, with its redirections already in place (exec.c).  The job
 * built-ins are in jobs.c, test in test.c, printf in printf.c, read in
 * read.c and trap in trap.c.  The "special" ones are POSIX's special
 * built-ins: assignments before them stay after them.
 *
 * Output goes straight to fd 1 with write(), in one piece per command:
 * the shell has no stdio buffers that a fork could duplicate.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

/* the output of a built-in; a write error is its failure */
static int out(const char *s, size_t n)
{
	if (write_all(1, s, n) < 0) {
		sh_error("write error: %s", strerror(errno));
		return 1;
	}
	return 0;
}

static int out_line(const char *s)
{
	struct strbuf b = {0};
	int status;

	sb_adds(&b, s);
	sb_addc(&b, '\n');
	status = out(b.s, b.len);
	sb_free(&b);
	return status;
}

static int bi_true(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static int bi_false(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 1;
}

/* --- echo [-neE] args: GNU's echo, escapes only with -e */

/* the escape at *P (after the backslash) into B; false for \c */
static bool echo_escape(const char **p, struct strbuf *b)
{
	static const char from[] = "abefnrtv\\", to[] = "\a\b\033\f\n\r\t\v\\";
	const char *hit = **p ? strchr(from, **p) : NULL;
	int value = 0;

	if (hit) {
		sb_addc(b, to[hit - from]);
		(*p)++;
	} else if (**p == 'c') {
		return false;
	} else if (**p == '0') {
		(*p)++;
		for (int i = 0; i < 3 && **p >= '0' && **p <= '7'; i++)
			value = value * 8 + (*(*p)++ - '0');
		sb_addc(b, (char)value);
	} else {
		sb_addc(b, '\\');
	}
	return true;
}

/* -n, -e, -E and their combinations; false for any other word */
static bool echo_option(const char *arg, bool *newline, bool *escapes)
{
	if (arg[0] != '-' || !arg[1] ||
	    strspn(arg + 1, "neE") != strlen(arg + 1))
		return false;
	for (arg++; *arg; arg++) {
		if (*arg == 'n')
			*newline = false;
		else
			*escapes = *arg == 'e';
	}
	return true;
}

static int bi_echo(int argc, char **argv)
{
	struct strbuf b = {0};
	bool newline = true, escapes = false, more = true;
	int i = 1, status;

	while (i < argc && echo_option(argv[i], &newline, &escapes))
		i++;
	sb_adds(&b, "");
	for (; i < argc && more; i++) {
		for (const char *p = argv[i]; *p && more;) {
			if (escapes && *p == '\\' && p[1]) {
				p++;
				more = echo_escape(&p, &b);
			} else {
				sb_addc(&b, *p++);
			}
		}
		if (i + 1 < argc && more)
			sb_addc(&b, ' ');
	}
	if (newline && more)
		sb_addc(&b, '\n');
	status = out(b.s, b.len);
	sb_free(&b);
	return status;
}

/* --- the directory */

static char *current_dir(void)
{
	size_t size = 256;

	for (;;) {
		char *buf = xmalloc(size);

		if (getcwd(buf, size))
			return buf;
		free(buf);
		if (errno != ERANGE)
			return NULL;
		size *= 2;
	}
}

static int bi_pwd(int argc, char **argv)
{
	char *dir = current_dir();
	int status;

	(void)argc;
	(void)argv;
	if (!dir) {
		sh_error("pwd: %s", strerror(errno));
		return 1;
	}
	status = out_line(dir);
	free(dir);
	return status;
}

static int bi_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : var_get("HOME");
	bool dash = argc > 1 && strcmp(argv[1], "-") == 0;
	char *cwd, *old = var_get("PWD") ? xstrdup(var_get("PWD")) : NULL;
	int status = 0;

	if (argc > 2) {
		sh_error("cd: too many arguments");
		status = 1;
		goto out;
	}
	if (dash)
		dir = var_get("OLDPWD");
	if (!dir) {
		sh_error("cd: %s not set", dash ? "OLDPWD" : "HOME");
		status = 1;
		goto out;
	}
	if (*dir && chdir(dir) < 0) {
		sh_error("cd: %s: %s", dir, strerror(errno));
		status = 1;
		goto out;
	}
	if (old)
		var_set("OLDPWD", old, 0);
	cwd = current_dir();
	if (cwd) {
		var_set("PWD", cwd, 0);
		if (dash)
			status = out_line(cwd);
		free(cwd);
	}
out:
	free(old);
	return status;
}

/* --- leaving */

static int bi_exit(int argc, char **argv)
{
	long long n = sh.status;

	if (argc > 1 && !parse_number(argv[1], &n)) {
		sh_error("exit: %s: numeric argument required", argv[1]);
		n = 2;
	}
	sh_exit(n & 255);
}

static bool count_argument(const char *name, int argc, char **argv,
			   long long *n)
{
	if (argc > 1 && (!parse_number(argv[1], n) || *n < 0)) {
		sh_error("%s: %s: bad number", name, argv[1]);
		return false;
	}
	return true;
}

/* break N and continue N */
static int loop_control(enum pending what, const char *name, int argc,
			char **argv)
{
	long long n = 1;

	if (!count_argument(name, argc, argv, &n))
		return 1;
	if (n < 1) {
		sh_error("%s: %lld: loop count out of range", name, n);
		return 1;
	}
	if (sh.loop_depth == 0)
		return 0; /* not in a loop: nothing to do */
	sh.pending = what;
	sh.pending_count = n < sh.loop_depth ? n : sh.loop_depth;
	return 0;
}

static int bi_break(int argc, char **argv)
{
	return loop_control(P_BREAK, "break", argc, argv);
}

static int bi_continue(int argc, char **argv)
{
	return loop_control(P_CONTINUE, "continue", argc, argv);
}

static int bi_return(int argc, char **argv)
{
	long long n = sh.status;

	if (sh.func_depth == 0 && sh.dot_depth == 0) {
		sh_error("return: not in a function or a sourced script");
		return 1;
	}
	if (argc > 1 && !parse_number(argv[1], &n)) {
		sh_error("return: %s: numeric argument required", argv[1]);
		n = 2;
	}
	sh.pending = P_RETURN;
	return n & 255;
}

/* --- variables */

static int bad_name(const char *cmd, const char *name)
{
	sh_error("%s: '%s': not a valid identifier", cmd, name);
	return 1;
}

static int bi_export(int argc, char **argv)
{
	int status = 0;

	if (argc == 1 || (argc == 2 && strcmp(argv[1], "-p") == 0)) {
		var_print(true);
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		char *name =
		    eq ? xstrndup(argv[i], eq - argv[i]) : xstrdup(argv[i]);

		if (!is_valid_name(name))
			status = bad_name("export", argv[i]);
		else if (eq)
			var_set(name, eq + 1, VAR_EXPORT);
		else
			var_export(name);
		free(name);
	}
	return status;
}

static int bi_unset(int argc, char **argv)
{
	bool functions = false;
	int i = 1, status = 0;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-f") == 0) {
			functions = true;
		} else if (strcmp(argv[i], "-v") != 0) {
			sh_error("unset: %s: invalid option", argv[i]);
			return 2;
		}
	}
	for (; i < argc; i++) {
		if (!is_valid_name(argv[i]))
			status = bad_name("unset", argv[i]);
		else if (functions)
			func_unset(argv[i]);
		else
			var_unset(argv[i]);
	}
	return status;
}

/* local NAME[=value]...: the variables come back as they were when the
 * function returns */
static int bi_local(int argc, char **argv)
{
	int status = 0;

	if (sh.func_depth == 0) {
		sh_error("local: not in a function");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		char *name =
		    eq ? xstrndup(argv[i], eq - argv[i]) : xstrdup(argv[i]);

		if (!is_valid_name(name)) {
			status = bad_name("local", argv[i]);
		} else {
			var_save(&sh.locals, name);
			if (eq)
				var_set(name, eq + 1, 0);
		}
		free(name);
	}
	return status;
}

static bool *option_flag(char letter)
{
	switch (letter) {
	case 'e':
		return &sh.errexit;
	case 'f':
		return &sh.noglob;
	case 'u':
		return &sh.nounset;
	case 'x':
		return &sh.xtrace;
	default:
		return NULL;
	}
}

/* set [-efux] [+efux] [--] [args]: options, positional parameters */
static int bi_set(int argc, char **argv)
{
	int i = 1;

	if (argc == 1) {
		var_print(false);
		return 0;
	}
	for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+'); i++) {
		const char *arg = argv[i];

		if (strcmp(arg, "--") == 0 || strcmp(arg, "-") == 0) {
			i++;
			params_set(argc - i, argv + i);
			return 0;
		}
		for (const char *p = arg + 1; *p; p++) {
			bool *flag = option_flag(*p);

			if (!flag) {
				sh_error("set: %c%c: invalid option", arg[0],
					 *p);
				return 2;
			}
			*flag = arg[0] == '-';
		}
	}
	if (i < argc)
		params_set(argc - i, argv + i);
	return 0;
}

static int bi_shift(int argc, char **argv)
{
	long long n = 1;

	if (!count_argument("shift", argc, argv, &n))
		return 1;
	if (n > sh.argc) {
		sh_error("shift: can't shift that many");
		return 1;
	}
	for (int i = 0; i < n; i++)
		free(sh.argv[i]);
	memmove(sh.argv, sh.argv + n, (sh.argc - n + 1) * sizeof(*sh.argv));
	sh.argc -= n;
	return 0;
}

/* --- running more shell code */

static int bi_eval(int argc, char **argv)
{
	struct strbuf b = {0};
	int status;

	for (int i = 1; i < argc; i++) {
		if (i > 1)
			sb_addc(&b, ' ');
		sb_adds(&b, argv[i]);
	}
	status = run_string(sb_str(&b), NULL);
	sb_free(&b);
	return status;
}

static int bi_dot(int argc, char **argv)
{
	char *path;
	int fd, status, saved_argc = sh.argc;
	char **saved_argv = sh.argv;

	if (argc < 2) {
		sh_error("%s: filename argument required", argv[0]);
		return 2;
	}
	path = strchr(argv[1], '/')
		   ? NULL
		   : find_in_path(argv[1], var_get("PATH"), R_OK);
	fd = open(path ? path : argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		sh_error("%s: %s: %s", argv[0], argv[1], strerror(errno));
		free(path);
		return 1;
	}
	if (argc > 2) {
		sh.argv = NULL;
		sh.argc = 0;
		params_set(argc - 2, argv + 2);
	}
	sh.dot_depth++;
	status = run_file(path ? path : argv[1], fd);
	sh.dot_depth--;
	if (sh.pending == P_RETURN)
		sh.pending = P_NONE;
	if (argc > 2) {
		params_free();
		sh.argv = saved_argv;
		sh.argc = saved_argc;
	}
	free(path);
	return status;
}

/* runs only as the target of run_exec() in exec.c; here for its name */
int bi_exec(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* --- what a name is */

/* how NAME would run: 'b'uiltin, 'f'unction, a path in *path, or 0 */
static int kind_of(const char *name, char **path)
{
	struct func *f;

	*path = NULL;
	if (builtin_find(name))
		return 'b';
	if ((f = func_get(name))) {
		func_put(f);
		return 'f';
	}
	if (strchr(name, '/')) {
		if (access(name, X_OK) == 0)
			*path = xstrdup(name);
	} else {
		*path = find_in_path(name, var_get("PATH"), X_OK);
	}
	return *path ? 'p' : 0;
}

static int describe_names(int argc, char **argv, bool verbose, int first)
{
	int status = 0;

	for (int i = first; i < argc; i++) {
		struct strbuf b = {0};
		char *path;
		int kind = kind_of(argv[i], &path);

		if (!kind) {
			if (verbose)
				sh_error("%s: not found", argv[i]);
			status = 1;
			continue;
		}
		if (verbose) {
			sb_adds(&b, argv[i]);
			sb_adds(&b, kind == 'b'	  ? " is a shell builtin"
				    : kind == 'f' ? " is a function"
						  : " is ");
		}
		if (kind == 'p')
			sb_adds(&b, path);
		else if (!verbose)
			sb_adds(&b, argv[i]);
		sb_addc(&b, '\n');
		if (out(b.s, b.len))
			status = 1;
		sb_free(&b);
		free(path);
	}
	return status;
}

static int bi_type(int argc, char **argv)
{
	return describe_names(argc, argv, true, 1);
}

/* command -v|-V name..., or command name args (no function lookup) */
static int bi_command(int argc, char **argv)
{
	const struct builtin *b;

	if (argc > 1 &&
	    (strcmp(argv[1], "-v") == 0 || strcmp(argv[1], "-V") == 0))
		return describe_names(argc, argv, argv[1][1] == 'V', 2);
	if (argc == 1)
		return 0;
	b = builtin_find(argv[1]);
	if (b && b->fn != bi_exec)
		return b->fn(argc - 1, argv + 1);
	return run_argv(argv + 1);
}

static int bi_colon(int argc, char **argv)
{
	return bi_true(argc, argv);
}

static const struct builtin builtins[] = {
    {".", bi_dot, true},
    {":", bi_colon, true},
    {"[", bi_test, false},
    {"bg", bi_bg, false},
    {"break", bi_break, true},
    {"cd", bi_cd, false},
    {"command", bi_command, false},
    {"continue", bi_continue, true},
    {"echo", bi_echo, false},
    {"eval", bi_eval, true},
    {"exec", bi_exec, true},
    {"exit", bi_exit, true},
    {"export", bi_export, true},
    {"false", bi_false, false},
    {"fg", bi_fg, false},
    {"jobs", bi_jobs, false},
    {"local", bi_local, false},
    {"printf", bi_printf, false},
    {"pwd", bi_pwd, false},
    {"read", bi_read, false},
    {"return", bi_return, true},
    {"set", bi_set, true},
    {"shift", bi_shift, true},
    {"source", bi_dot, true},
    {"test", bi_test, false},
    {"trap", bi_trap, true},
    {"true", bi_true, false},
    {"type", bi_type, false},
    {"unset", bi_unset, true},
    {"wait", bi_wait, false},
};

const struct builtin *builtin_find(const char *name)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(builtins[i].name, name) == 0)
			return &builtins[i];
	return NULL;
}
