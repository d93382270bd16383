/* user/bin/ls.c - ls [-1aACdFiLlnpRrSt] [file...]: list directory contents.
 *
 * Operands that are not directories (all of them with -d) are listed
 * first, as one group; then each directory's entries, under a "name:"
 * header when there is more than one thing to list.  Entries are sorted
 * by name in the C locale (byte order), or by modification time (-t,
 * newest first) or size (-S, largest first), ties by name; -r reverses.
 *
 * Formats, as GNU's ls:
 *   -l  long: mode, links, owner, group, size (or "major, minor"),
 *       modification time ("Nov 21 12:34", or "Nov 21  2025" when older
 *       than six months or in the future), name, "-> target" for links;
 *       owner and group names come from /etc/passwd and /etc/group when
 *       those exist (-n: always numbers); a "total" of 1 KiB blocks first
 *   -1  one name a line (the default when standard output is not a tty)
 *   -C  columns, filled top to bottom (the default on a tty)
 * -a shows names starting with '.', -A those but "." and "..", -i puts
 * the inode number first, -F appends / * @ | = by type (-p: / only), -R
 * lists subdirectories recursively.  A symbolic link given as an operand
 * is followed to a directory, except with -l, -d or -F; with -L every
 * symbolic link is followed (a dangling one is shown as itself).
 *
 * Status: 0; 1 if a subdirectory could not be listed; 2 if an operand
 * could not be (as GNU's ls).  Unknown option: usage and status 2. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define SIX_MONTHS (31556952 / 2) /* half a Gregorian year, as GNU's */
#define MIN_COLUMN_WIDTH 3	  /* a one-letter name and two spaces */

enum format { ONE_PER_LINE, COLUMNS, LONG };
enum sort { BY_NAME, BY_TIME, BY_SIZE };
enum { MINOR_TROUBLE = 1, SERIOUS_TROUBLE = 2 };

struct entry {
	char *name;   /* as shown: the operand, or the name in its directory */
	char *target; /* -l: what a symbolic link holds */
	struct stat st;
	int target_mode; /* the link target's st_mode, 0 if unknown */
};

struct list {
	struct entry *v;
	size_t n, cap;
};

static struct {
	enum format format;
	enum sort sort;
	int all, almost_all, directory, classify, slash, inode, numeric;
	int recursive, reverse, dereference;
} opt;

static int status;
static struct timespec now;

/* --- small helpers */

static _Noreturn void usage(int c)
{
	fprintf(stderr, "ls: invalid option -- '%c'\n", c);
	fputs("usage: ls [-1aACdFiLlnpRrSt] [file...]\n", stderr);
	exit(2);
}

static _Noreturn void out_of_memory(void)
{
	fputs("ls: out of memory\n", stderr);
	exit(SERIOUS_TROUBLE);
}

static void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size);
	if (!p)
		out_of_memory();
	return p;
}

static char *xstrdup(const char *s)
{
	char *d = strdup(s);

	if (!d)
		out_of_memory();
	return d;
}

static void trouble(int level, const char *fmt, const char *path)
{
	fflush(stdout);
	fprintf(stderr, fmt, path, strerror(errno));
	if (status < level)
		status = level;
}

static int digits_of(unsigned long long v)
{
	int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

static int max(int a, int b)
{
	return a > b ? a : b;
}

/* --- user and group names from /etc/passwd and /etc/group */

struct id_name {
	unsigned long id;
	char *name;
};

struct id_table {
	const char *file;
	int loaded;
	struct id_name *v;
	size_t n;
};

static struct id_table users = {"/etc/passwd", 0, NULL, 0};
static struct id_table groups = {"/etc/group", 0, NULL, 0};

/* Reads NAME:PASSWORD:ID:... lines; a missing file is an empty table. */
static void load_ids(struct id_table *t)
{
	FILE *f = fopen(t->file, "r");
	char line[512];

	t->loaded = 1;
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		char *colon1 = strchr(line, ':');
		char *colon2 = colon1 ? strchr(colon1 + 1, ':') : NULL;
		char *end;

		if (!colon2)
			continue;
		unsigned long id = strtoul(colon2 + 1, &end, 10);
		if (end == colon2 + 1 || *end != ':')
			continue;
		*colon1 = '\0';
		t->v = xrealloc(t->v, (t->n + 1) * sizeof *t->v);
		t->v[t->n].id = id;
		t->v[t->n++].name = xstrdup(line);
	}
	fclose(f);
}

/* The name for ID, or its number (in a static buffer) if none. */
static const char *id_name(struct id_table *t, unsigned long id)
{
	static char number[24];

	if (!opt.numeric) {
		if (!t->loaded)
			load_ids(t);
		for (size_t i = 0; i < t->n; i++)
			if (t->v[i].id == id)
				return t->v[i].name;
	}
	snprintf(number, sizeof number, "%lu", id);
	return number;
}

/* --- collecting entries */

static void add(struct list *l, const char *name, const struct stat *st)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = (struct entry){xstrdup(name), NULL, *st, 0};
}

static void free_list(struct list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].target);
	}
	free(l->v);
	*l = (struct list){0};
}

/* lstat, or with -L stat (falling back to lstat for a dangling link). */
static int status_of(const char *path, struct stat *st)
{
	if (opt.dereference && stat(path, st) == 0)
		return 0;
	return lstat(path, st);
}

/* DIR/NAME into BUF (PATH_MAX bytes); 0, or -1 with errno ENAMETOOLONG
 * if it does not fit. */
static int join(char *buf, const char *dir, const char *name)
{
	size_t len = strlen(dir);
	const char *sep = len && dir[len - 1] == '/' ? "" : "/";

	if (snprintf(buf, PATH_MAX, "%s%s%s", dir, sep, name) < PATH_MAX)
		return 0;
	errno = ENAMETOOLONG;
	return -1;
}

/* -l and -F need to know about symbolic links' targets. */
static void read_target(struct entry *e, const char *path)
{
	char target[PATH_MAX];
	struct stat st;
	ssize_t n;

	if (!S_ISLNK(e->st.st_mode))
		return;
	if (opt.format == LONG) {
		n = readlink(path, target, sizeof target - 1);
		if (n >= 0) {
			target[n] = '\0';
			e->target = xstrdup(target);
		}
	}
	if (stat(path, &st) == 0)
		e->target_mode = st.st_mode;
}

static int hidden(const char *name)
{
	if (name[0] != '.' || opt.all)
		return 0;
	if (!opt.almost_all)
		return 1;
	return name[1] == '\0' || (name[1] == '.' && name[2] == '\0');
}

/* Reads directory PATH into L; 0, or -1 after a message. */
static int read_dir(const char *path, struct list *l, int level)
{
	DIR *d = opendir(path);
	struct dirent *de;
	char child[PATH_MAX];

	if (!d) {
		trouble(level, "ls: cannot open directory '%s': %s\n", path);
		return -1;
	}
	while ((errno = 0, de = readdir(d)) != NULL) {
		struct stat st;

		if (hidden(de->d_name))
			continue;
		if (join(child, path, de->d_name) != 0) {
			trouble(MINOR_TROUBLE, "ls: cannot access '%s': %s\n",
				de->d_name);
			continue;
		}
		if (status_of(child, &st) != 0) {
			trouble(MINOR_TROUBLE, "ls: cannot access '%s': %s\n",
				child);
			continue;
		}
		add(l, de->d_name, &st);
		read_target(&l->v[l->n - 1], child);
	}
	if (errno)
		trouble(level, "ls: reading directory '%s': %s\n", path);
	closedir(d);
	return 0;
}

/* --- sorting */

static int before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec != b->tv_sec ? a->tv_sec < b->tv_sec
				      : a->tv_nsec < b->tv_nsec;
}

static int by_name(const struct entry *a, const struct entry *b)
{
	return strcmp(a->name, b->name);
}

static int compare(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	int r = 0;

	if (opt.sort == BY_TIME)
		r = before(&a->st.st_mtim, &b->st.st_mtim) -
		    before(&b->st.st_mtim, &a->st.st_mtim);
	else if (opt.sort == BY_SIZE && a->st.st_size != b->st.st_size)
		r = a->st.st_size < b->st.st_size ? 1 : -1;
	if (r == 0)
		r = by_name(a, b);
	return opt.reverse ? -r : r;
}

static void sort_list(struct list *l)
{
	qsort(l->v, l->n, sizeof *l->v, compare);
}

/* --- printing */

static char type_char(mode_t m)
{
	return S_ISDIR(m)    ? 'd'
	       : S_ISLNK(m)  ? 'l'
	       : S_ISCHR(m)  ? 'c'
	       : S_ISBLK(m)  ? 'b'
	       : S_ISFIFO(m) ? 'p'
	       : S_ISSOCK(m) ? 's'
			     : '-';
}

/* "drwxr-xr-x" with s/S/t/T for the special bits. */
static void mode_string(mode_t m, char out[11])
{
	static const char rwx[] = "rwxrwxrwx";

	out[0] = type_char(m);
	for (int i = 0; i < 9; i++)
		out[i + 1] = m & (0400 >> i) ? rwx[i] : '-';
	if (m & S_ISUID)
		out[3] = out[3] == 'x' ? 's' : 'S';
	if (m & S_ISGID)
		out[6] = out[6] == 'x' ? 's' : 'S';
	if (m & S_ISVTX)
		out[9] = out[9] == 'x' ? 't' : 'T';
	out[10] = '\0';
}

/* The -F/-p mark for mode M, or 0. */
static char indicator(mode_t m)
{
	if (opt.slash)
		return S_ISDIR(m) ? '/' : 0;
	if (!opt.classify)
		return 0;
	if (S_ISDIR(m))
		return '/';
	if (S_ISLNK(m))
		return '@';
	if (S_ISFIFO(m))
		return '|';
	if (S_ISSOCK(m))
		return '=';
	if (S_ISREG(m) && (m & 0111))
		return '*';
	return 0;
}

/* "Nov 21 12:34" for times in the last six months, "Nov 21  2025" for
 * older ones and ones in the future (GNU's rule; the clock is read again
 * for a file that seems newer than now, as it may just have changed). */
static void time_string(const struct timespec *t, char *out, size_t size)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	time_t secs = t->tv_sec;
	struct tm *tm = gmtime(&secs);

	if (before(&now, t))
		clock_gettime(CLOCK_REALTIME, &now);
	struct timespec six_months_ago = {now.tv_sec - SIX_MONTHS, now.tv_nsec};
	int recent = before(&six_months_ago, t) && before(t, &now);

	if (!tm)
		snprintf(out, size, "%lld", (long long)secs);
	else if (recent)
		snprintf(out, size, "%.3s %2d %02d:%02d",
			 months + 3 * tm->tm_mon, tm->tm_mday, tm->tm_hour,
			 tm->tm_min);
	else
		snprintf(out, size, "%.3s %2d  %d", months + 3 * tm->tm_mon,
			 tm->tm_mday, tm->tm_year + 1900);
}

struct widths {
	int inode, links, owner, group, size, major, minor;
};

static int is_device(const struct stat *st)
{
	return S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode);
}

static unsigned dev_major(dev_t d)
{
	return (unsigned)(((d >> 8) & 0xfff) | ((d >> 32) & ~0xfffu));
}

static unsigned dev_minor(dev_t d)
{
	return (unsigned)((d & 0xff) | ((d >> 12) & ~0xffu));
}

/* Widens W for the entries of L. */
static void measure(struct widths *wp, const struct list *l)
{
	struct widths w = *wp;

	for (size_t i = 0; i < l->n; i++) {
		const struct stat *st = &l->v[i].st;

		w.inode = max(w.inode, digits_of(st->st_ino));
		if (opt.format != LONG)
			continue;
		w.links = max(w.links, digits_of(st->st_nlink));
		w.owner = max(w.owner, strlen(id_name(&users, st->st_uid)));
		w.group = max(w.group, strlen(id_name(&groups, st->st_gid)));
		if (is_device(st)) {
			w.major =
			    max(w.major, digits_of(dev_major(st->st_rdev)));
			w.minor =
			    max(w.minor, digits_of(dev_minor(st->st_rdev)));
			w.size = max(w.size, w.major + 2 + w.minor);
		} else {
			w.size = max(w.size, digits_of(st->st_size));
		}
	}
	*wp = w;
}

static void print_name(const struct entry *e)
{
	char mark = indicator(e->st.st_mode);

	fputs(e->name, stdout);
	if (opt.format == LONG && e->target) {
		printf(" -> %s", e->target);
		/* -F marks the target by its type; -p marks nothing */
		mark = e->target_mode && opt.classify
			   ? indicator(e->target_mode)
			   : 0;
		if (mark == '@')
			mark = 0;
	}
	if (mark)
		putchar(mark);
}

static void print_long(const struct entry *e, const struct widths *w)
{
	const struct stat *st = &e->st;
	char mode[11], when[32];

	if (opt.inode)
		printf("%*lu ", w->inode, (unsigned long)st->st_ino);
	mode_string(st->st_mode, mode);
	time_string(&st->st_mtim, when, sizeof when);
	printf("%s %*lu %-*s %-*s ", mode, w->links,
	       (unsigned long)st->st_nlink, w->owner,
	       id_name(&users, st->st_uid), w->group,
	       id_name(&groups, st->st_gid));
	if (is_device(st))
		printf("%*u, %*u ", w->size - 2 - w->minor,
		       dev_major(st->st_rdev), w->minor,
		       dev_minor(st->st_rdev));
	else
		printf("%*lld ", w->size, (long long)st->st_size);
	printf("%s ", when);
	print_name(e);
	putchar('\n');
}

static int shown_width(const struct entry *e, const struct widths *w)
{
	return (opt.inode ? w->inode + 1 : 0) + strlen(e->name) +
	       (indicator(e->st.st_mode) != 0);
}

static int terminal_width(void)
{
	struct winsize ws;
	const char *columns = getenv("COLUMNS");

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (columns && atoi(columns) > 0)
		return atoi(columns);
	return 80;
}

/* Column widths for COLS columns filled top to bottom (the last column
 * without the two spaces of separation); the line's width. */
static int layout(const struct list *l, const struct widths *w, int cols,
		  int *col_width)
{
	int rows = (l->n + cols - 1) / cols, line = 0;

	for (int c = 0; c < cols; c++)
		col_width[c] = 0;
	for (size_t i = 0; i < l->n; i++) {
		int c = i / rows;
		int len = shown_width(&l->v[i], w) + (c == cols - 1 ? 0 : 2);

		col_width[c] = max(col_width[c], len);
	}
	for (int c = 0; c < cols; c++)
		line += col_width[c];
	return line;
}

/* Moves from column FROM to column TO with tabs and spaces, as GNU's ls
 * does (tab stops every 8 columns). */
static void indent(int from, int to)
{
	while (from < to) {
		if (to / 8 > (from + 1) / 8) {
			putchar('\t');
			from += 8 - from % 8;
		} else {
			putchar(' ');
			from++;
		}
	}
}

static void print_columns(const struct list *l, const struct widths *w)
{
	int width = terminal_width(), cols = width / MIN_COLUMN_WIDTH;
	int *col_width;

	if (cols < 1)
		cols = 1;
	if ((size_t)cols > l->n)
		cols = l->n;
	col_width = xrealloc(NULL, (cols + 1) * sizeof *col_width);
	/* the most columns that fit; a column count that leaves the last
	 * column empty is no good either */
	for (; cols > 1; cols--) {
		int rows = (l->n + cols - 1) / cols;

		if ((size_t)(rows * (cols - 1)) < l->n &&
		    layout(l, w, cols, col_width) < width)
			break;
	}
	int rows = (l->n + cols - 1) / cols;
	layout(l, w, cols, col_width);
	for (int r = 0; r < rows; r++) {
		int at = 0;

		for (int c = 0; c < cols; c++) {
			size_t i = c * rows + r;

			if (i >= l->n)
				break;
			if (opt.inode)
				printf("%*lu ", w->inode,
				       (unsigned long)l->v[i].st.st_ino);
			print_name(&l->v[i]);
			if (c < cols - 1 && i + rows < l->n)
				indent(at + shown_width(&l->v[i], w),
				       at + col_width[c]);
			at += col_width[c];
		}
		putchar('\n');
	}
	free(col_width);
}

/* Prints L; the columns are as wide as L's and ALSO's entries need (GNU
 * measures every operand, directories too, before it sets the
 * directories apart). */
static void print_list(const struct list *l, const struct list *also,
		       int with_total)
{
	struct widths w = {0};

	measure(&w, l);
	if (also)
		measure(&w, also);

	if (opt.format == LONG && with_total) {
		unsigned long long blocks = 0;

		for (size_t i = 0; i < l->n; i++)
			blocks += l->v[i].st.st_blocks;
		printf("total %llu\n", (blocks + 1) / 2);
	}
	if (opt.format == COLUMNS && l->n > 0) {
		print_columns(l, &w);
		return;
	}
	for (size_t i = 0; i < l->n; i++) {
		if (opt.format == LONG) {
			print_long(&l->v[i], &w);
			continue;
		}
		if (opt.inode)
			printf("%*lu ", w.inode,
			       (unsigned long)l->v[i].st.st_ino);
		print_name(&l->v[i]);
		putchar('\n');
	}
}

/* --- listing directories */

static int first_output = 1;

static void header(const char *path, int show)
{
	if (!first_output)
		putchar('\n');
	first_output = 0;
	if (show)
		printf("%s:\n", path);
}

static void list_dir(const char *path, int show_header, int level)
{
	struct list l = {0};
	char *child;

	if (read_dir(path, &l, level) != 0)
		return;
	header(path, show_header);
	sort_list(&l);
	print_list(&l, NULL, 1);
	/* on the heap: a deep tree must not use up the stack */
	child = opt.recursive ? xrealloc(NULL, PATH_MAX) : NULL;
	for (size_t i = 0; opt.recursive && i < l.n; i++) {
		const char *name = l.v[i].name;

		if (!S_ISDIR(l.v[i].st.st_mode) || strcmp(name, ".") == 0 ||
		    strcmp(name, "..") == 0)
			continue;
		if (join(child, path, name) == 0)
			list_dir(child, 1, MINOR_TROUBLE);
		else
			trouble(MINOR_TROUBLE,
				"ls: cannot open directory '%s': %s\n", name);
	}
	free(child);
	free_list(&l);
}

/* Does an operand that is a symbolic link get followed? */
static int follow_operand_links(void)
{
	return opt.format != LONG && !opt.directory && !opt.classify;
}

static void parse_options(int argc, char **argv)
{
	int c;

	opt.format = isatty(STDOUT_FILENO) ? COLUMNS : ONE_PER_LINE;
	opterr = 0;
	while ((c = getopt(argc, argv, "1aACdFiLlnpRrSt")) != -1) {
		switch (c) {
		case '1':
			opt.format = ONE_PER_LINE;
			break;
		case 'a':
			opt.all = 1;
			opt.almost_all = 0;
			break;
		case 'A':
			opt.almost_all = 1;
			opt.all = 0;
			break;
		case 'C':
			opt.format = COLUMNS;
			break;
		case 'd':
			opt.directory = 1;
			break;
		case 'F':
			opt.classify = 1;
			opt.slash = 0;
			break;
		case 'i':
			opt.inode = 1;
			break;
		case 'L':
			opt.dereference = 1;
			break;
		case 'l':
			opt.format = LONG;
			break;
		case 'n':
			opt.numeric = 1;
			opt.format = LONG;
			break;
		case 'p':
			opt.slash = 1;
			opt.classify = 0;
			break;
		case 'R':
			opt.recursive = 1;
			break;
		case 'r':
			opt.reverse = 1;
			break;
		case 'S':
			opt.sort = BY_SIZE;
			break;
		case 't':
			opt.sort = BY_TIME;
			break;
		default:
			usage(optopt);
		}
	}
}

int main(int argc, char **argv)
{
	struct list files = {0}, dirs = {0};
	int operands;

	parse_options(argc, argv);
	clock_gettime(CLOCK_REALTIME, &now);
	operands = argc - optind;
	if (operands == 0)
		argv[--optind] = ".";
	for (int i = optind; i < argc; i++) {
		struct stat st, target;

		if (status_of(argv[i], &st) != 0) {
			trouble(SERIOUS_TROUBLE, "ls: cannot access '%s': %s\n",
				argv[i]);
			continue;
		}
		if (S_ISLNK(st.st_mode) && follow_operand_links() &&
		    stat(argv[i], &target) == 0 && S_ISDIR(target.st_mode))
			st = target;
		if (S_ISDIR(st.st_mode) && !opt.directory) {
			add(&dirs, argv[i], &st);
		} else {
			add(&files, argv[i], &st);
			read_target(&files.v[files.n - 1], argv[i]);
		}
	}
	sort_list(&files);
	sort_list(&dirs);
	if (files.n) {
		print_list(&files, &dirs, 0);
		first_output = 0;
	}
	for (size_t i = 0; i < dirs.n; i++)
		list_dir(dirs.v[i].name,
			 operands > 1 || files.n || opt.recursive,
			 SERIOUS_TROUBLE);
	if (fflush(stdout) != 0) {
		perror("ls: write error");
		return SERIOUS_TROUBLE;
	}
	return status;
}
