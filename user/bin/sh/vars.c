/* user/bin/sh/vars.c - shell variables, the environment, positional
 * parameters and functions.
 *
 * Variables are one list sorted by name (set and export -p print it in
 * order).  A variable is exported or not; "export NAME" on an unset name
 * keeps an entry without a value, exported once it gets one.  The
 * environment a command gets is built from the exported variables just
 * before the exec (var_environ), so the shell never edits `environ`.
 *
 * Assignments before a command (VAR=x cmd) are temporary for built-ins
 * and functions, and so are a function's "local" variables: var_save
 * keeps what they replace and vars_restore puts it back.  Functions are counted
 * references to their bodies, so a function that redefines itself while it runs
 * keeps running its old body.
 */
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct var {
	struct var *next;
	char *name;
	char *value; /* NULL: unset but marked for export */
	bool exported;
};

static struct var *vars;

/* the link where NAME is, or where it would go */
static struct var **slot(const char *name)
{
	struct var **v = &vars;

	while (*v && strcmp((*v)->name, name) < 0)
		v = &(*v)->next;
	return v;
}

static struct var *lookup(const char *name)
{
	struct var *v = *slot(name);

	return v && strcmp(v->name, name) == 0 ? v : NULL;
}

static struct var *lookup_or_add(const char *name)
{
	struct var **link = slot(name), *v = *link;

	if (v && strcmp(v->name, name) == 0)
		return v;
	v = xmalloc(sizeof(*v));
	v->name = xstrdup(name);
	v->value = NULL;
	v->exported = false;
	v->next = *link;
	*link = v;
	return v;
}

const char *var_get(const char *name)
{
	struct var *v = lookup(name);

	return v ? v->value : NULL;
}

void var_set(const char *name, const char *value, int flags)
{
	struct var *v = lookup_or_add(name);
	char *copy = xstrdup(value);

	free(v->value);
	v->value = copy;
	if (flags & VAR_EXPORT)
		v->exported = true;
}

void var_unset(const char *name)
{
	struct var **link = slot(name), *v = *link;

	if (!v || strcmp(v->name, name) != 0)
		return;
	*link = v->next;
	free(v->name);
	free(v->value);
	free(v);
}

void var_export(const char *name)
{
	lookup_or_add(name)->exported = true;
}

void var_import(char **env)
{
	for (; env && *env; env++) {
		size_t n = name_length(*env);
		char *name;

		if (n == 0 || (*env)[n] != '=')
			continue;
		name = xstrndup(*env, n);
		var_set(name, *env + n + 1, VAR_EXPORT);
		free(name);
	}
}

char **var_environ(void)
{
	struct strvec env = {0};
	struct strbuf b = {0};

	for (struct var *v = vars; v; v = v->next) {
		if (!v->exported || !v->value)
			continue;
		sb_adds(&b, v->name);
		sb_addc(&b, '=');
		sb_adds(&b, v->value);
		sv_push(&env, sb_take(&b));
	}
	if (!env.v)
		sv_push(&env, NULL); /* an empty, terminated array */
	return env.v;
}

void free_strv(char **v)
{
	for (char **p = v; p && *p; p++)
		free(*p);
	free(v);
}

/* VALUE in single quotes, so the output can be read back */
static void add_quoted(struct strbuf *b, const char *value)
{
	sb_addc(b, '\'');
	for (; *value; value++) {
		if (*value == '\'')
			sb_adds(b, "'\\''");
		else
			sb_addc(b, *value);
	}
	sb_addc(b, '\'');
}

void var_print(bool exported_only)
{
	struct strbuf b = {0};

	for (struct var *v = vars; v; v = v->next) {
		if (exported_only ? !v->exported : !v->value)
			continue;
		if (exported_only)
			sb_adds(&b, "export ");
		sb_adds(&b, v->name);
		if (v->value) {
			sb_addc(&b, '=');
			add_quoted(&b, v->value);
		}
		sb_addc(&b, '\n');
	}
	write_all(1, sb_str(&b), b.len);
	sb_free(&b);
}

/* --- assignments before a command */

struct var_save {
	struct var_save *next;
	char *name;
	char *value; /* NULL: was unset */
	bool existed, exported;
};

/* splits "NAME=value" in place: returns the value */
static char *split_assignment(char *assign)
{
	char *eq = strchr(assign, '=');

	*eq = '\0';
	return eq + 1;
}

void vars_assign(struct strvec *assigns, int flags)
{
	for (int i = 0; i < assigns->n; i++) {
		char *name = xstrdup(assigns->v[i]);

		var_set(name, split_assignment(name), flags);
		free(name);
	}
}

void var_save(struct var_save **list, const char *name)
{
	struct var_save *s;
	struct var *v = lookup(name);

	for (s = *list; s; s = s->next)
		if (strcmp(s->name, name) == 0)
			return; /* the first save has the value to restore */
	s = xmalloc(sizeof(*s));
	s->name = xstrdup(name);
	s->existed = v != NULL;
	s->value = v && v->value ? xstrdup(v->value) : NULL;
	s->exported = v && v->exported;
	s->next = *list;
	*list = s;
}

struct var_save *vars_assign_temp(struct strvec *assigns)
{
	struct var_save *saves = NULL;

	for (int i = 0; i < assigns->n; i++) {
		char *name = xstrdup(assigns->v[i]);
		char *value = split_assignment(name);

		var_save(&saves, name);
		var_set(name, value, VAR_EXPORT);
		free(name);
	}
	return saves;
}

void vars_restore(struct var_save *save)
{
	while (save) {
		struct var_save *next = save->next;
		struct var *v;

		if (!save->existed) {
			var_unset(save->name);
		} else {
			v = lookup_or_add(save->name);
			free(v->value);
			v->value = save->value;
			v->exported = save->exported;
		}
		free(save->name);
		free(save);
		save = next;
	}
}

/* --- positional parameters */

void params_free(void)
{
	for (int i = 0; i < sh.argc; i++)
		free(sh.argv[i]);
	free(sh.argv);
	sh.argv = NULL;
	sh.argc = 0;
}

void params_set(int argc, char **argv)
{
	char **copy = xmalloc((argc + 1) * sizeof(*copy));

	for (int i = 0; i < argc; i++)
		copy[i] = xstrdup(argv[i]);
	copy[argc] = NULL;
	params_free();
	sh.argv = copy;
	sh.argc = argc;
}

/* --- functions */

struct func {
	struct func *next;
	char *name;
	struct node *body;
	int refs; /* the table's, and one per call under way */
};

static struct func *funcs;

static struct func **func_slot(const char *name)
{
	struct func **f = &funcs;

	while (*f && strcmp((*f)->name, name) != 0)
		f = &(*f)->next;
	return f;
}

struct func *func_get(const char *name)
{
	struct func *f = *func_slot(name);

	if (f)
		f->refs++;
	return f;
}

struct node *func_body(struct func *f)
{
	return f->body;
}

void func_put(struct func *f)
{
	if (--f->refs > 0)
		return;
	tree_free(f->body);
	free(f->name);
	free(f);
}

bool func_unset(const char *name)
{
	struct func **link = func_slot(name), *f = *link;

	if (!f)
		return false;
	*link = f->next;
	func_put(f);
	return true;
}

void func_define(const char *name, struct node *body)
{
	struct func *f = xmalloc(sizeof(*f));

	if (body)
		body->refs++; /* shared with the tree that defines it */
	func_unset(name);
	f->name = xstrdup(name);
	f->body = body;
	f->refs = 1;
	f->next = funcs;
	funcs = f;
}
