/* user/bin/sh/test.c - test and [: conditions on files, strings, numbers.
 *
 * Up to four arguments follow POSIX's rules by count, which settle the
 * ambiguous cases ("test -n" is true: one non-empty string; "test ! = x"
 * compares "!" with "x"); beyond that a small recursive descent:
 *
 *	or	:= and ('-o' and)*
 *	and	:= not ('-a' not)*
 *	not	:= '!' not | primary
 *	primary := '(' or ')' | unary-op word | word binary-op word | word
 *
 * The status is 0 for true, 1 for false, 2 for a malformed expression.
 */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

struct test {
	const char *name; /* test or [ */
	char **args;
	int n, pos;
	bool failed;
};

static bool expr_or(struct test *t);

static void test_error(struct test *t, const char *what, const char *arg)
{
	if (!t->failed)
		sh_error("%s: %s%s%s", t->name, arg ? arg : "", arg ? ": " : "",
			 what);
	t->failed = true;
}

static bool is_unary(const char *op)
{
	return op[0] == '-' && op[1] && !op[2] &&
	       strchr("bcdefghLnprsStuwxz", op[1]);
}

static bool is_binary(const char *op)
{
	static const char *const ops[] = {
	    "=",   "==",  "!=",	 "<",	">",   "-eq", "-ne",
	    "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef",
	};

	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (strcmp(op, ops[i]) == 0)
			return true;
	return false;
}

static bool file_test(char op, const char *path)
{
	struct stat st;

	if (op == 'h' || op == 'L')
		return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
	if (op == 'r' || op == 'w' || op == 'x')
		return access(path, op == 'r'	? R_OK
				    : op == 'w' ? W_OK
						: X_OK) == 0;
	if (stat(path, &st) < 0)
		return false;
	switch (op) {
	case 'b':
		return S_ISBLK(st.st_mode);
	case 'c':
		return S_ISCHR(st.st_mode);
	case 'd':
		return S_ISDIR(st.st_mode);
	case 'f':
		return S_ISREG(st.st_mode);
	case 'g':
		return st.st_mode & S_ISGID;
	case 'p':
		return S_ISFIFO(st.st_mode);
	case 's':
		return st.st_size > 0;
	case 'S':
		return S_ISSOCK(st.st_mode);
	case 'u':
		return st.st_mode & S_ISUID;
	default:
		return true; /* -e */
	}
}

static bool unary(struct test *t, const char *op, const char *arg)
{
	long long fd;

	switch (op[1]) {
	case 'n':
		return *arg != '\0';
	case 'z':
		return *arg == '\0';
	case 't':
		if (!parse_number(arg, &fd)) {
			test_error(t, "integer expression expected", arg);
			return false;
		}
		return isatty(fd);
	default:
		return file_test(op[1], arg);
	}
}

static long long integer(struct test *t, const char *s)
{
	long long n = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	if (!parse_number(s, &n))
		test_error(t, "integer expression expected", s);
	return n;
}

/* -nt -ot -ef */
static bool compare_files(const char *op, const char *a, const char *b)
{
	struct stat sa, sb;
	bool ha = stat(a, &sa) == 0, hb = stat(b, &sb) == 0;

	if (strcmp(op, "-ef") == 0)
		return ha && hb && sa.st_dev == sb.st_dev &&
		       sa.st_ino == sb.st_ino;
	if (strcmp(op, "-nt") == 0)
		return ha && (!hb || sa.st_mtime > sb.st_mtime);
	return hb && (!ha || sa.st_mtime < sb.st_mtime);
}

static bool binary(struct test *t, const char *a, const char *op, const char *b)
{
	long long x, y;

	if (strcmp(op, "=") == 0 || strcmp(op, "==") == 0)
		return strcmp(a, b) == 0;
	if (strcmp(op, "!=") == 0)
		return strcmp(a, b) != 0;
	if (strcmp(op, "<") == 0)
		return strcmp(a, b) < 0;
	if (strcmp(op, ">") == 0)
		return strcmp(a, b) > 0;
	if (!strcmp(op, "-nt") || !strcmp(op, "-ot") || !strcmp(op, "-ef"))
		return compare_files(op, a, b);
	x = integer(t, a);
	y = integer(t, b);
	switch (op[1] * 256 + op[2]) {
	case 'e' * 256 + 'q':
		return x == y;
	case 'n' * 256 + 'e':
		return x != y;
	case 'l' * 256 + 't':
		return x < y;
	case 'l' * 256 + 'e':
		return x <= y;
	case 'g' * 256 + 't':
		return x > y;
	default:
		return x >= y;
	}
}

/* --- the recursive descent, for five arguments and more */

static const char *peek(struct test *t, int ahead)
{
	return t->pos + ahead < t->n ? t->args[t->pos + ahead] : NULL;
}

static const char *take(struct test *t)
{
	const char *arg = peek(t, 0);

	if (!arg) {
		test_error(t, "argument expected", NULL);
		return "";
	}
	t->pos++;
	return arg;
}

static bool primary(struct test *t)
{
	const char *a = take(t), *op = peek(t, 0);
	bool r;

	if (t->failed)
		return false;
	if (op && is_binary(op)) {
		t->pos++;
		return binary(t, a, op, take(t));
	}
	if (strcmp(a, "(") == 0) {
		r = expr_or(t);
		if (!peek(t, 0) || strcmp(take(t), ")") != 0)
			test_error(t, "')' expected", NULL);
		return r;
	}
	if (is_unary(a) && peek(t, 0))
		return unary(t, a, take(t));
	return *a != '\0';
}

static bool expr_not(struct test *t)
{
	const char *a = peek(t, 0);

	if (a && strcmp(a, "!") == 0 && peek(t, 1)) {
		t->pos++;
		return !expr_not(t);
	}
	return primary(t);
}

static bool expr_and(struct test *t)
{
	bool r = expr_not(t);

	while (!t->failed && peek(t, 0) && strcmp(peek(t, 0), "-a") == 0) {
		t->pos++;
		r = expr_not(t) && r;
	}
	return r;
}

static bool expr_or(struct test *t)
{
	bool r = expr_and(t);

	while (!t->failed && peek(t, 0) && strcmp(peek(t, 0), "-o") == 0) {
		t->pos++;
		r = expr_and(t) || r;
	}
	return r;
}

/* --- POSIX's rules by the number of arguments */

static bool by_count(struct test *t, char **a, int n)
{
	switch (n) {
	case 0:
		return false;
	case 1:
		return *a[0] != '\0';
	case 2:
		if (strcmp(a[0], "!") == 0)
			return !by_count(t, a + 1, 1);
		if (is_unary(a[0]))
			return unary(t, a[0], a[1]);
		break;
	case 3:
		if (is_binary(a[1]))
			return binary(t, a[0], a[1], a[2]);
		if (strcmp(a[0], "!") == 0)
			return !by_count(t, a + 1, 2);
		if (strcmp(a[0], "(") == 0 && strcmp(a[2], ")") == 0)
			return by_count(t, a + 1, 1);
		if (strcmp(a[1], "-a") == 0 || strcmp(a[1], "-o") == 0)
			break; /* the descent handles them */
		test_error(t, "binary operator expected", a[1]);
		return false;
	case 4:
		if (strcmp(a[0], "!") == 0)
			return !by_count(t, a + 1, 3);
		if (strcmp(a[0], "(") == 0 && strcmp(a[3], ")") == 0)
			return by_count(t, a + 1, 2);
		break;
	}
	t->pos = 0;
	{
		bool r = expr_or(t);

		if (!t->failed && t->pos < t->n)
			test_error(t, "unexpected argument", t->args[t->pos]);
		return r;
	}
}

int bi_test(int argc, char **argv)
{
	struct test t = {.name = argv[0], .args = argv + 1, .n = argc - 1};
	bool r;

	if (strcmp(argv[0], "[") == 0) {
		if (argc < 2 || strcmp(argv[argc - 1], "]") != 0) {
			sh_error("[: ']' expected");
			return 2;
		}
		t.n--;
	}
	r = by_count(&t, t.args, t.n);
	if (t.failed)
		return 2;
	return r ? 0 : 1;
}
