/* user/bin/sh/exec.c - running the tree.
 *
 * exec_tree() walks a command line's tree and returns its exit status
 * (also left in $?).  A simple command is expanded just before it runs,
 * then it is, in this order, a special built-in, a function, a built-in
 * or a program found on $PATH.  Built-ins and functions run inside the
 * shell, with their redirections saved and undone around them; a
 * program runs in a child (job_fork), which redirects and execs.
 *
 * A pipeline forks one child per command, joined by pipes; the shell
 * waits for all of them and the status is the last one's.  A child that
 * runs shell code (a built-in in a pipeline, a subshell, a background
 * list) is a copy of the shell that exits after it; EV_EXIT tells it
 * that nothing follows, so its last program is exec'd in place instead
 * of forking again.
 *
 * break, continue and return set sh.pending; lists and loops stop
 * running commands while it is set, and the loop or function it is
 * meant for clears it.  A ^C that reached the shell (sh.got_sigint, only
 * when interactive) stops everything up to the prompt.  set -e exits on
 * a failed command except where its status is being tested
 * (sh.errexit_off: conditions, the left of && and ||, after !).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

static void check_errexit(int status)
{
	if (status && sh.errexit && !sh.errexit_off && sh.pending == P_NONE)
		sh_exit(status);
}

/* --- simple commands */

/* "NAME=value" with the value expanded, for each assignment */
static bool expand_assigns(struct strvec *raw, struct strvec *out)
{
	for (int i = 0; i < raw->n; i++) {
		size_t n = name_length(raw->v[i]);
		char *value = expand_string(raw->v[i] + n + 1);
		struct strbuf b = {0};

		if (!value)
			return false;
		sb_addn(&b, raw->v[i], n + 1);
		sb_adds(&b, value);
		free(value);
		sv_push(out, sb_take(&b));
	}
	return true;
}

static void trace(struct strvec *assigns, struct strvec *args)
{
	const char *ps4 = var_get("PS4");
	struct strbuf b = {0};

	sb_adds(&b, ps4 ? ps4 : "+ ");
	for (int i = 0; i < assigns->n + args->n; i++) {
		if (i)
			sb_addc(&b, ' ');
		sb_adds(&b, i < assigns->n ? assigns->v[i]
					   : args->v[i - assigns->n]);
	}
	sb_addc(&b, '\n');
	write_all(2, b.s, b.len);
	sb_free(&b);
}

/* VAR=value alone, or with redirections only */
static int assign_only(struct node *n, struct strvec *assigns)
{
	struct fd_save save = {0};
	int status = sh.subst_status >= 0 ? sh.subst_status : 0;

	vars_assign(assigns, 0);
	if (redirect(n->redirs, &save) < 0)
		status = 1;
	redirect_restore(&save);
	return status;
}

/* exec: without a command its redirections stay; with one, it
 * replaces the shell */
static int run_exec(struct node *n, struct strvec *args, struct strvec *assigns)
{
	if (redirect(n->redirs, NULL) < 0)
		return 1;
	if (args->n == 1) {
		vars_assign(assigns, 0);
		return 0;
	}
	vars_assign(assigns, VAR_EXPORT);
	become_child(); /* the defaults for the signals the shell changed */
	exec_command(args->v + 1);
}

static int run_builtin(const struct builtin *b, struct node *n,
		       struct strvec *args, struct strvec *assigns)
{
	struct fd_save save = {0};
	struct var_save *vars = NULL;
	int status;

	if (b->fn == bi_exec)
		return run_exec(n, args, assigns);
	if (redirect(n->redirs, &save) < 0) {
		redirect_restore(&save);
		return 1;
	}
	if (b->special)
		vars_assign(assigns, 0);
	else
		vars = vars_assign_temp(assigns);
	status = b->fn(args->n, args->v);
	vars_restore(vars);
	redirect_restore(&save);
	return status;
}

static int run_function(struct func *f, struct node *n, struct strvec *args,
			struct strvec *assigns)
{
	struct fd_save save = {0};
	struct var_save *vars, *locals = sh.locals;
	int argc = sh.argc, loop_depth = sh.loop_depth, status;
	char **argv = sh.argv;

	if (!enter_call())
		return 2;
	if (redirect(n->redirs, &save) < 0) {
		redirect_restore(&save);
		leave_call();
		return 1;
	}
	vars = vars_assign_temp(assigns);
	sh.argv = NULL;
	sh.argc = 0;
	params_set(args->n - 1, args->v + 1);
	sh.loop_depth = 0; /* break cannot leave the caller's loops */
	sh.locals = NULL;
	sh.func_depth++;
	status = exec_tree(func_body(f), 0);
	sh.func_depth--;
	vars_restore(sh.locals);
	sh.locals = locals;
	if (sh.pending == P_RETURN)
		sh.pending = P_NONE;
	sh.loop_depth = loop_depth;
	params_free();
	sh.argv = argv;
	sh.argc = argc;
	vars_restore(vars);
	redirect_restore(&save);
	leave_call();
	return status;
}

static int run_program(struct node *n, struct strvec *args,
		       struct strvec *assigns, int flags)
{
	if (!(flags & EV_EXIT)) {
		struct job *job = job_new(false, n);
		pid_t pid = job_fork(job);

		if (pid < 0) {
			job_drop(job);
			return 126;
		}
		if (pid > 0)
			return job_wait(job);
	}
	if (redirect(n->redirs, NULL) < 0)
		_exit(1);
	vars_assign(assigns, VAR_EXPORT);
	exec_command(args->v);
}

static int exec_simple(struct node *n, int flags)
{
	struct strvec args = {0}, assigns = {0};
	const struct builtin *b;
	struct func *f;
	int status;

	sh.subst_status = -1;
	if (!expand_words(n->words.v, n->words.n, &args) ||
	    !expand_assigns(&n->assigns, &assigns)) {
		if (!sh.interactive)
			sh_exit(2); /* as POSIX has it for expansion errors */
		status = 2;
		goto out;
	}
	if (sh.xtrace)
		trace(&assigns, &args);
	if (args.n == 0) {
		status = assign_only(n, &assigns);
	} else if ((b = builtin_find(args.v[0])) && b->special) {
		status = run_builtin(b, n, &args, &assigns);
	} else if ((f = func_get(args.v[0]))) {
		status = run_function(f, n, &args, &assigns);
		func_put(f);
	} else if (b) {
		status = run_builtin(b, n, &args, &assigns);
	} else {
		status = run_program(n, &args, &assigns, flags);
	}
out:
	sv_free(&args);
	sv_free(&assigns);
	check_errexit(status);
	return status;
}

/* --- pipelines, lists and compound commands */

static int exec_pipeline(struct node *n)
{
	struct job *job = job_new(false, n);
	int in = -1, status;
	bool broken = false; /* a pipe or a fork failed: not all started */

	for (int i = 0; i < n->nkids && !broken; i++) {
		int fds[2] = {-1, -1};
		pid_t pid;

		if (i < n->nkids - 1 && pipe(fds) < 0) {
			sh_error("pipe: %s", strerror(errno));
			broken = true;
			break;
		}
		pid = job_fork(job);
		if (pid == 0) {
			if (in >= 0 && in != 0) {
				dup2(in, 0);
				close(in);
			}
			if (fds[1] >= 0) {
				close(fds[0]);
				if (fds[1] != 1) {
					dup2(fds[1], 1);
					close(fds[1]);
				}
			}
			sh_exit(exec_tree(n->kids[i], EV_EXIT));
		}
		if (in >= 0)
			close(in);
		if (fds[1] >= 0)
			close(fds[1]);
		in = fds[0];
		broken = pid < 0;
	}
	if (in >= 0)
		close(in);
	status = job_wait(job); /* those that did start */
	if (broken)
		status = 1;
	check_errexit(status);
	return status;
}

static int exec_background(struct node *n)
{
	bool jobctl = sh.jobctl;
	struct job *job = job_new(true, n->left);
	pid_t pid = job_fork(job);
	struct strbuf b = {0};

	if (pid < 0) {
		job_drop(job);
		return 1;
	}
	if (pid == 0) {
		if (!jobctl) { /* POSIX: no ^C, and no terminal input */
			int fd = open("/dev/null", O_RDONLY);

			signal(SIGINT, SIG_IGN);
			signal(SIGQUIT, SIG_IGN);
			if (fd > 0) {
				dup2(fd, 0);
				close(fd);
			}
		}
		sh_exit(exec_tree(n->left, EV_EXIT));
	}
	sh.last_bg = pid;
	if (sh.interactive) {
		sb_addc(&b, '[');
		sb_addnum(&b, job_id(job));
		sb_adds(&b, "] ");
		sb_addnum(&b, pid);
		sb_addc(&b, '\n');
		write_all(2, b.s, b.len);
		sb_free(&b);
	}
	return 0;
}

static int exec_subshell(struct node *n, int flags)
{
	if (!(flags & EV_EXIT)) {
		struct job *job = job_new(false, n);
		pid_t pid = job_fork(job);
		int status;

		if (pid < 0) {
			job_drop(job);
			return 1;
		}
		if (pid > 0) {
			status = job_wait(job);
			check_errexit(status);
			return status;
		}
	}
	if (redirect(n->redirs, NULL) < 0)
		sh_exit(1);
	sh_exit(exec_tree(n->left, EV_EXIT));
}

static int exec_and_or(struct node *n, int flags)
{
	int status;

	sh.errexit_off++;
	status = exec_tree(n->left, 0);
	sh.errexit_off--;
	if (sh.pending != P_NONE || sh.got_sigint)
		return status;
	if ((status == 0) == (n->kind == N_AND))
		return exec_tree(n->right, flags);
	return status;
}

static int exec_if(struct node *n, int flags)
{
	int status;

	sh.errexit_off++;
	status = exec_tree(n->left, 0);
	sh.errexit_off--;
	if (sh.pending != P_NONE || sh.got_sigint)
		return status;
	if (status == 0)
		return exec_tree(n->right, flags);
	return n->third ? exec_tree(n->third, flags) : 0;
}

/* after a loop's body: true if the loop ends here (break, return, ^C,
 * or a continue meant for an outer loop) */
static bool loop_ends(void)
{
	bool next_round;

	if (sh.got_sigint || sh.pending == P_RETURN)
		return true;
	if (sh.pending == P_NONE)
		return false;
	next_round = sh.pending == P_CONTINUE && sh.pending_count == 1;
	if (--sh.pending_count == 0)
		sh.pending = P_NONE;
	return !next_round;
}

static int exec_loop(struct node *n)
{
	int status = 0, cond;

	sh.loop_depth++;
	for (;;) {
		sh.errexit_off++;
		cond = exec_tree(n->left, 0);
		sh.errexit_off--;
		if (loop_ends() || (cond == 0) != (n->kind == N_WHILE))
			break;
		status = exec_tree(n->right, 0);
		if (loop_ends())
			break;
	}
	sh.loop_depth--;
	return status;
}

static int exec_for(struct node *n)
{
	struct strvec items = {0};
	int status = 0;

	if (!n->has_in) {
		for (int i = 0; i < sh.argc; i++)
			sv_push(&items, xstrdup(sh.argv[i]));
	} else if (!expand_words(n->words.v, n->words.n, &items)) {
		return 1;
	}
	sh.loop_depth++;
	for (int i = 0; i < items.n; i++) {
		var_set(n->name, items.v[i], 0);
		status = exec_tree(n->right, 0);
		if (loop_ends())
			break;
	}
	sh.loop_depth--;
	sv_free(&items);
	return status;
}

static bool case_matches(struct case_item *item, const char *subject)
{
	for (int i = 0; i < item->patterns.n; i++) {
		char *pat = expand_pattern(item->patterns.v[i]);
		bool hit = pat && pattern_match(pat, subject);

		free(pat);
		if (hit)
			return true;
	}
	return false;
}

static int exec_case(struct node *n, int flags)
{
	char *subject = expand_string(n->words.v[0]);
	int status = 0;

	if (!subject)
		return 1;
	for (struct case_item *item = n->items; item; item = item->next) {
		if (case_matches(item, subject)) {
			status = item->body ? exec_tree(item->body, flags) : 0;
			break;
		}
	}
	free(subject);
	return status;
}

static int exec_node(struct node *n, int flags)
{
	switch (n->kind) {
	case N_SIMPLE:
		return exec_simple(n, flags);
	case N_PIPELINE:
		return exec_pipeline(n);
	case N_AND:
	case N_OR:
		return exec_and_or(n, flags);
	case N_SEQ:
		exec_tree(n->left, flags & ~EV_EXIT);
		if (sh.pending != P_NONE || sh.got_sigint)
			return sh.status;
		return exec_tree(n->right, flags);
	case N_BACKGROUND:
		return exec_background(n);
	case N_NOT: {
		int status;

		sh.errexit_off++;
		status = exec_tree(n->left, flags & ~EV_EXIT);
		sh.errexit_off--;
		return !status;
	}
	case N_SUBSHELL:
		return exec_subshell(n, flags);
	case N_GROUP:
		return exec_tree(n->left, flags);
	case N_IF:
		return exec_if(n, flags);
	case N_WHILE:
	case N_UNTIL:
		return exec_loop(n);
	case N_FOR:
		return exec_for(n);
	case N_CASE:
		return exec_case(n, flags);
	case N_FUNCDEF:
		func_define(n->name, n->left);
		return 0;
	}
	return 0;
}

int exec_tree(struct node *n, int flags)
{
	struct fd_save save = {0};
	int status;

	if (sh.got_sigint)
		return sh.status = 130;
	if (!n)
		return sh.status = 0;
	if (n->redirs && n->kind != N_SIMPLE && n->kind != N_SUBSHELL) {
		if (redirect(n->redirs, &save) < 0)
			status = 1;
		else
			status = exec_node(n, flags & ~EV_EXIT);
		redirect_restore(&save);
	} else {
		status = exec_node(n, flags);
	}
	sh.status = status;
	run_traps();
	return status;
}
