/* find - search for files in a directory hierarchy.
 *
 *   find [PATH]... [EXPRESSION]
 *
 * Walks each PATH (default ".") depth-first, without following symbolic
 * links, and evaluates EXPRESSION for every file:
 *   tests    -name GLOB, -iname GLOB (the last part of the path), -path
 *            GLOB (the whole path), -type TYPES (letters of b c d f l p s,
 *            separated by commas), -empty, -true, -false
 *   actions  -print, -print0, -prune (do not descend into this directory)
 *   options  -maxdepth N, -mindepth N, -depth (a directory after its
 *            contents); these are always true
 *   operators ( EXPR ), ! EXPR, -not EXPR, EXPR [-a|-and] EXPR,
 *            EXPR -o|-or EXPR, in decreasing order of precedence
 * Without an action the expression is "( EXPRESSION ) -print".  Globs are
 * fnmatch(3)'s.  Messages as GNU find's; an unreadable or missing file
 * is reported and the walk goes on, with exit status 1 at the end.
 *
 * The expression is parsed by recursive descent into a tree of struct
 * expr; the walk keeps the current path in one growing buffer.
 */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum kind {
	E_AND,
	E_OR,
	E_NOT,
	E_NAME,
	E_INAME,
	E_PATH,
	E_TYPE,
	E_EMPTY,
	E_TRUE,
	E_FALSE,
	E_PRINT,
	E_PRINT0,
	E_PRUNE,
};

struct expr {
	enum kind kind;
	struct expr *left, *right; /* operands of and, or, not */
	const char *arg;	   /* the glob of -name, -iname, -path */
	unsigned types;		   /* -type: bits 1 << S_IFMT index */
};

/* What the tests look at: the file being visited. */
struct file {
	const char *path, *name;
	struct stat st;
	bool prune; /* set by -prune */
};

static char **args; /* the expression's words */
static int nargs, pos;
static long maxdepth = -1, mindepth;
static bool depth_first;
static int status;

/* --- errors */

static void usage(void)
{
	fputs("Usage: find [PATH]... [EXPRESSION]\n", stderr);
	exit(2);
}

static void die(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("find: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void file_error(const char *path)
{
	fflush(stdout);
	fprintf(stderr, "find: '%s': %s\n", path, strerror(errno));
	status = 1;
}

static void *xmalloc(size_t size)
{
	void *p = malloc(size);

	if (!p)
		die("memory exhausted");
	return p;
}

/* --- parsing the expression */

static struct expr *node(enum kind kind, struct expr *left, struct expr *right)
{
	struct expr *e = xmalloc(sizeof(*e));

	*e = (struct expr){.kind = kind, .left = left, .right = right};
	return e;
}

static const char *peek(void)
{
	return pos < nargs ? args[pos] : NULL;
}

static bool accept(const char *word)
{
	if (pos < nargs && !strcmp(args[pos], word)) {
		pos++;
		return true;
	}
	return false;
}

/* The argument of the primary args[pos - 1]. */
static const char *argument(void)
{
	if (pos == nargs)
		die("missing argument to `%s'", args[pos - 1]);
	return args[pos++];
}

static long depth_argument(void)
{
	const char *name = args[pos - 1], *arg = argument();
	char *end;
	long n = strtol(arg, &end, 10);

	if (end == arg || *end || n < 0 || arg[0] == '-' || arg[0] == '+') {
		fflush(stdout);
		fprintf(stderr,
			"find: Expected a positive decimal integer "
			"argument to %s, but got '%s'\n",
			name, arg);
		exit(1);
	}
	return n;
}

/* -type's letters, separated by commas: GNU's checks and messages. */
static unsigned type_argument(void)
{
	static const char letters[] = "bcdflps";
	static const mode_t modes[] = {S_IFBLK, S_IFCHR, S_IFDIR, S_IFREG,
				       S_IFLNK, S_IFIFO, S_IFSOCK};
	const char *arg = argument();
	unsigned types = 0;

	for (const char *p = arg;; p += 2) {
		const char *l = *p ? strchr(letters, *p) : NULL;
		char bad[2] = {*p, 0};

		if (!l)
			die("Unknown argument to -type: %s", *p ? bad : arg);
		unsigned bit = 1u << (modes[l - letters] >> 12);
		if (types & bit)
			die("Duplicate file type '%s' in the argument list to "
			    "-type.",
			    bad);
		types |= bit;
		if (!p[1])
			return types;
		if (p[1] != ',')
			die("Must separate multiple arguments to -type using: "
			    "','");
		if (!p[2])
			die("Last file type in list argument to -type is "
			    "missing, i.e., list is ending on: ','");
	}
}

static bool is_action(enum kind kind)
{
	return kind == E_PRINT || kind == E_PRINT0;
}

static bool has_action(const struct expr *e)
{
	return e && (is_action(e->kind) || has_action(e->left) ||
		     has_action(e->right));
}

static struct expr *parse_or(void);

static struct expr *parse_primary(void)
{
	static const struct {
		const char *word;
		enum kind kind;
	} primaries[] = {
	    {"-name", E_NAME},	 {"-iname", E_INAME}, {"-path", E_PATH},
	    {"-type", E_TYPE},	 {"-empty", E_EMPTY}, {"-true", E_TRUE},
	    {"-false", E_FALSE}, {"-print", E_PRINT}, {"-print0", E_PRINT0},
	    {"-prune", E_PRUNE},
	};
	const char *word = args[pos++];

	if (!strcmp(word, "-maxdepth") || !strcmp(word, "-mindepth")) {
		*(word[2] == 'a' ? &maxdepth : &mindepth) = depth_argument();
		return node(E_TRUE, NULL, NULL);
	}
	if (!strcmp(word, "-depth")) {
		depth_first = true;
		return node(E_TRUE, NULL, NULL);
	}
	for (size_t i = 0; i < sizeof(primaries) / sizeof(primaries[0]); i++) {
		if (strcmp(word, primaries[i].word))
			continue;
		struct expr *e = node(primaries[i].kind, NULL, NULL);
		if (e->kind == E_TYPE)
			e->types = type_argument();
		else if (e->kind == E_NAME || e->kind == E_INAME ||
			 e->kind == E_PATH)
			e->arg = argument();
		return e;
	}
	if (word[0] != '-')
		die("paths must precede expression: `%s'", word);
	fflush(stdout);
	fprintf(stderr, "find: unknown predicate `%s'\n", word);
	usage();
	return NULL;
}

static bool is_binary(const char *word)
{
	return !strcmp(word, "-o") || !strcmp(word, "-or") ||
	       !strcmp(word, "-a") || !strcmp(word, "-and");
}

static struct expr *parse_unary(void)
{
	const char *word = peek(), *before = pos > 0 ? args[pos - 1] : "";

	if (!word && !strcmp(before, "("))
		die("invalid expression; expected to find a ')' but didn't see "
		    "one. Perhaps you need an extra predicate after '('");
	if (!word)
		die("expected an expression after '%s'", before);
	if (!strcmp(word, ")") && !strcmp(before, "("))
		die("invalid expression; empty parentheses are not allowed.");
	if (!strcmp(word, ")"))
		die("expected an expression between '%s' and ')'", before);
	if (is_binary(word))
		die("invalid expression; you have used a binary operator '%s' "
		    "with nothing before it.",
		    word);
	if (accept("!") || accept("-not"))
		return node(E_NOT, parse_unary(), NULL);
	if (accept("(")) {
		struct expr *e = parse_or();
		if (!accept(")"))
			die("invalid expression; I was expecting to find a ')' "
			    "somewhere but did not see one.");
		return e;
	}
	return parse_primary();
}

/* Ends an "and" chain: the end, ")" or an "or". */
static bool at_and_end(void)
{
	const char *word = peek();

	return !word || !strcmp(word, ")") || !strcmp(word, "-o") ||
	       !strcmp(word, "-or");
}

static struct expr *parse_and(void)
{
	struct expr *e = parse_unary();

	while (!at_and_end()) {
		if (!accept("-a"))
			accept("-and");
		e = node(E_AND, e, parse_unary());
	}
	return e;
}

static struct expr *parse_or(void)
{
	struct expr *e = parse_and();

	while (accept("-o") || accept("-or"))
		e = node(E_OR, e, parse_and());
	return e;
}

/* The whole expression, with the implicit -print. */
static struct expr *parse_expression(void)
{
	struct expr *e = NULL;

	if (nargs > 0) {
		e = parse_or();
		if (pos < nargs) /* a ")" too many */
			die("you have too many ')'");
	}
	if (!has_action(e))
		e = e ? node(E_AND, e, node(E_PRINT, NULL, NULL))
		      : node(E_PRINT, NULL, NULL);
	return e;
}

/* --- evaluating it */

static bool is_empty(const struct file *f)
{
	DIR *dir;
	struct dirent *e;
	bool empty = true;

	if (S_ISREG(f->st.st_mode))
		return f->st.st_size == 0;
	if (!S_ISDIR(f->st.st_mode))
		return false;
	dir = opendir(f->path);
	if (!dir) {
		file_error(f->path);
		return false;
	}
	while (empty && (e = readdir(dir)))
		empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
	closedir(dir);
	return empty;
}

static bool iname_match(const char *glob, const char *name)
{
#ifdef FNM_CASEFOLD
	return !fnmatch(glob, name, FNM_CASEFOLD);
#else
	/* fold both to lower case; the glob's character class names are
	 * lower case already */
	char g[strlen(glob) + 1], n[strlen(name) + 1];

	for (size_t i = 0; i <= strlen(glob); i++)
		g[i] =
		    glob[i] >= 'A' && glob[i] <= 'Z' ? glob[i] + 32 : glob[i];
	for (size_t i = 0; i <= strlen(name); i++)
		n[i] =
		    name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i];
	return !fnmatch(g, n, 0);
#endif
}

static bool eval(const struct expr *e, struct file *f)
{
	switch (e->kind) {
	case E_AND:
		return eval(e->left, f) && eval(e->right, f);
	case E_OR:
		return eval(e->left, f) || eval(e->right, f);
	case E_NOT:
		return !eval(e->left, f);
	case E_NAME:
		return !fnmatch(e->arg, f->name, 0);
	case E_INAME:
		return iname_match(e->arg, f->name);
	case E_PATH:
		return !fnmatch(e->arg, f->path, 0);
	case E_TYPE:
		return e->types & (1u << ((f->st.st_mode & S_IFMT) >> 12));
	case E_EMPTY:
		return is_empty(f);
	case E_TRUE:
		return true;
	case E_FALSE:
		return false;
	case E_PRINT:
		fputs(f->path, stdout);
		putchar('\n');
		return true;
	case E_PRINT0:
		fputs(f->path, stdout);
		putchar('\0');
		return true;
	case E_PRUNE:
		f->prune = true;
		return true;
	}
	return false;
}

/* --- walking */

static struct expr *expression;

/* The name -name sees: the last part of the path, without trailing
 * slashes ("/" stays "/"). */
static const char *base_name(const char *path, char *buf, size_t size)
{
	size_t len = strlen(path);
	const char *slash;

	while (len > 1 && path[len - 1] == '/')
		len--;
	if (len >= size)
		len = size - 1;
	memcpy(buf, path, len);
	buf[len] = '\0';
	slash = strrchr(buf, '/');
	return slash && slash[1] ? slash + 1 : buf;
}

static void walk(char **path, size_t *cap, size_t len, long depth);

/* The entries of the directory *PATH (LEN bytes long). */
static void walk_directory(char **path, size_t *cap, size_t len, long depth)
{
	DIR *dir = opendir(*path);
	struct dirent *e;

	if (!dir) {
		file_error(*path);
		return;
	}
	while ((e = readdir(dir))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		size_t n = len + 1 + strlen(e->d_name) + 1;
		if (n > *cap) {
			*cap = 2 * n;
			*path = realloc(*path, *cap);
			if (!*path)
				die("memory exhausted");
		}
		size_t child = len;
		if (child == 0 || (*path)[child - 1] != '/')
			(*path)[child++] = '/';
		strcpy(*path + child, e->d_name);
		walk(path, cap, child + strlen(e->d_name), depth + 1);
		(*path)[len] = '\0';
	}
	closedir(dir);
}

/* Evaluates the expression for F, at PATH (which may have moved). */
static void evaluate(struct file *f, const char *path, long depth)
{
	char name[4096];

	f->path = path;
	f->name = depth == 0 ? base_name(path, name, sizeof(name))
			     : strrchr(path, '/') + 1;
	eval(expression, f);
}

/* Visits *PATH (LEN bytes), then what is below it. */
static void walk(char **path, size_t *cap, size_t len, long depth)
{
	struct file f = {0};
	bool matters = depth >= mindepth;

	if (lstat(*path, &f.st) < 0) {
		file_error(*path);
		return;
	}
	if (matters && !depth_first)
		evaluate(&f, *path, depth);
	if (S_ISDIR(f.st.st_mode) && (depth_first || !f.prune) &&
	    (maxdepth < 0 || depth < maxdepth))
		walk_directory(path, cap, len, depth);
	if (matters && depth_first)
		evaluate(&f, *path, depth);
}

/* Is ARG where the expression starts? */
static bool starts_expression(const char *arg)
{
	return (arg[0] == '-' && arg[1]) || !strcmp(arg, "(") ||
	       !strcmp(arg, "!");
}

int main(int argc, char **argv)
{
	int npaths = 1;

	while (npaths < argc && !starts_expression(argv[npaths]))
		npaths++;
	args = argv + npaths;
	nargs = argc - npaths;
	expression = parse_expression();

	char *dot[] = {".", NULL};
	char **paths = npaths > 1 ? argv + 1 : dot;
	int n = npaths > 1 ? npaths - 1 : 1;
	for (int i = 0; i < n; i++) {
		size_t len = strlen(paths[i]), cap = len + 256;
		char *path = xmalloc(cap);

		strcpy(path, paths[i]);
		walk(&path, &cap, len, 0);
		free(path);
	}
	if (fflush(stdout) != 0) {
		fprintf(stderr, "find: write error: %s\n", strerror(errno));
		return 1;
	}
	return status;
}
