/* grep - print the lines that match a pattern.
 *
 *   grep [-EFGHLRachilnqrsvwxy] [-e PATTERN]... [-m NUM] [PATTERN] [FILE]...
 *
 * Options as GNU grep's: -G basic regular expressions (the default), -E
 * extended, -F fixed strings; -e a pattern (repeatable; a pattern with
 * newlines is one pattern per line); -i ignore case; -v select the lines
 * that do not match; -w, -x the match must be a whole word, the whole
 * line; -c print counts; -l, -L print the names of files with, without a
 * selected line; -n line numbers; -H, -h with, without file names; -m
 * stop after NUM selected lines; -q quiet; -s no messages about files;
 * -r search directories recursively (-R also following symbolic links);
 * -a read binary files as text.
 *
 * A file with a NUL byte is binary: its lines are not printed; the first
 * selected one gives "grep: NAME: binary file matches" on stderr instead.
 * Exit status: 0 a line was selected, 1 none, 2 an error (0 with -q once
 * a line is selected).  The matcher is regex.h's.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "regex.h"

#define CHUNK 32768 /* bytes per read */

static struct {
	bool invert, count, number, quiet, silent, text;
	int list;	/* 0, 'l' or 'L' */
	int recursive;	/* 0, 'r' or 'R' */
	int with_name;	/* -1 when it depends, 0 (-h), 1 (-H) */
	long max_count; /* -1: no limit */
} opt = {.with_name = -1, .max_count = -1};

static struct regex re;
static bool selected_any, had_error;

/* A file being read line by line: buf[start, end) is not yet used, and
 * buf[start, scanned) holds no newline. */
static struct input {
	int fd;
	char *buf;
	size_t cap, start, scanned, end;
	bool eof, binary;
} in;

void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size);
	if (!p) {
		fputs("grep: memory exhausted\n", stderr);
		exit(2);
	}
	return p;
}

static void usage(void)
{
	fputs("Usage: grep [-EFGHLRachilnqrsvwxy] [-e PATTERN]... [-m NUM] "
	      "[PATTERN] [FILE]...\n",
	      stderr);
	exit(2);
}

static void file_error(const char *name, int err)
{
	had_error = true;
	fflush(stdout); /* what came before goes out first */
	if (!opt.silent)
		fprintf(stderr, "grep: %s: %s\n", name, strerror(err));
}

static void warn(const char *msg)
{
	fprintf(stderr, "grep: warning: %s\n", msg);
}

/* --- reading lines */

static void start_input(int fd)
{
	in.fd = fd;
	in.start = in.scanned = in.end = 0;
	in.eof = in.binary = false;
}

/* Reads more after what is left of the buffer.  0, or -1 and errno. */
static int fill(void)
{
	ssize_t n;

	memmove(in.buf, in.buf + in.start, in.end - in.start);
	in.end -= in.start;
	in.scanned -= in.start;
	in.start = 0;
	if (in.cap - in.end < CHUNK) {
		in.cap = 2 * in.cap + CHUNK;
		in.buf = xrealloc(in.buf, in.cap);
	}
	do
		n = read(in.fd, in.buf + in.end, CHUNK);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -1;
	if (n == 0)
		in.eof = true;
	if (memchr(in.buf + in.end, '\0', n))
		in.binary = true;
	in.end += n;
	return 0;
}

/* The next line, without its newline: 1; 0 at the end; -1 and errno on a
 * read error. */
static int next_line(char **line, size_t *len)
{
	for (;;) {
		char *nl =
		    memchr(in.buf + in.scanned, '\n', in.end - in.scanned);

		if (nl || (in.eof && in.start < in.end)) {
			*line = in.buf + in.start;
			*len = (nl ? nl : in.buf + in.end) - *line;
			in.start = in.scanned = in.start + *len + (nl != NULL);
			return 1;
		}
		if (in.eof)
			return 0;
		in.scanned = in.end;
		if (fill() < 0)
			return -1;
	}
}

/* --- searching */

static void print_line(const char *name, bool show_name, long lineno,
		       const char *line, size_t len)
{
	if (show_name)
		printf("%s:", name);
	if (opt.number)
		printf("%ld:", lineno);
	fwrite(line, 1, len, stdout);
	putchar('\n');
}

/* Searches the open file FD, called NAME in messages and output. */
static void grep_fd(int fd, const char *name, bool show_name)
{
	long lineno = 0, count = 0;
	char *line;
	size_t len;
	int got = 0;

	start_input(fd);
	while (count != opt.max_count && (got = next_line(&line, &len)) > 0) {
		lineno++;
		if (re_match(&re, line, len) == opt.invert)
			continue;
		count++;
		if (opt.quiet)
			exit(0);
		if (opt.list)
			break;
		if (opt.count)
			continue;
		if (in.binary && !opt.text) {
			fflush(stdout);
			fprintf(stderr, "grep: %s: binary file matches\n",
				name);
			break;
		}
		print_line(name, show_name, lineno, line, len);
	}
	if (got < 0)
		file_error(name, errno);
	if (opt.count && !opt.list) {
		if (show_name)
			printf("%s:", name);
		printf("%ld\n", count);
	}
	if ((opt.list == 'l' && count) || (opt.list == 'L' && !count))
		printf("%s\n", name);
	if (count)
		selected_any = true;
}

static void grep_path(const char *path, const char *name, bool show_name,
		      bool top);

/* "dir" + "name", without a doubled "/"; "." given implicitly (grep -r
 * without operands) is left out, as GNU grep does. */
static char *join(const char *dir, const char *name, bool implicit)
{
	size_t n = implicit ? 0 : strlen(dir);
	char *path = xrealloc(NULL, n + strlen(name) + 2);

	memcpy(path, dir, n);
	if (n > 0 && dir[n - 1] != '/')
		path[n++] = '/';
	strcpy(path + n, name);
	return path;
}

/* The directories being searched, outermost first: with -R a symbolic
 * link may lead back into one of them. */
static struct walk {
	dev_t dev;
	ino_t ino;
	struct walk *up;
} * walking;

static bool is_loop(const char *path, const struct stat *st)
{
	for (const struct walk *w = walking; w; w = w->up) {
		if (w->dev == st->st_dev && w->ino == st->st_ino) {
			fflush(stdout);
			fprintf(stderr,
				"grep: %s: warning: recursive directory "
				"loop\n",
				path);
			return true;
		}
	}
	return false;
}

static void grep_directory(const char *path, const struct stat *st,
			   bool implicit)
{
	struct walk here = {st->st_dev, st->st_ino, walking};
	DIR *dir;
	struct dirent *e;

	if (is_loop(path, st))
		return;
	dir = opendir(path);
	if (!dir) {
		file_error(path, errno);
		return;
	}
	walking = &here;
	while ((e = readdir(dir))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *child = join(path, e->d_name, implicit);
		grep_path(child, child, opt.with_name != 0, false);
		free(child);
	}
	walking = here.up;
	closedir(dir);
}

/* PATH is an operand (TOP) or was found in a directory.  Directories are
 * searched with -r; found in them, only directories and regular files
 * are (and symbolic links only with -R). */
static void grep_path(const char *path, const char *name, bool show_name,
		      bool top)
{
	struct stat st;
	int fd;
	bool follow = top || opt.recursive == 'R';

	if ((follow ? stat(path, &st) : lstat(path, &st)) < 0) {
		file_error(name, errno);
		return;
	}
	if (S_ISDIR(st.st_mode) && opt.recursive) {
		grep_directory(path, &st, false);
		return;
	}
	/* without -r a directory is read like a file: that fails with
	 * EISDIR, and -c still prints its 0, as GNU grep */
	if (!top && !S_ISREG(st.st_mode))
		return;
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		file_error(name, errno);
		return;
	}
	grep_fd(fd, name, show_name);
	close(fd);
}

/* --- options and patterns */

struct patterns {
	char **list;
	int n;
};

static void add_patterns(struct patterns *p, char *text)
{
	p->list = xrealloc(p->list, (p->n + 1) * sizeof(*p->list));
	p->list[p->n++] = text;
}

static void compile(struct patterns *p, enum re_syntax syntax, bool icase,
		    enum re_whole whole)
{
	const char *err;

	re_init(&re, syntax, icase, whole);
	re.warn = warn;
	for (int i = 0; i < p->n; i++) {
		/* each line of a pattern is a pattern */
		for (char *s = p->list[i];;) {
			char *nl = strchr(s, '\n');
			size_t len = nl ? (size_t)(nl - s) : strlen(s);

			err = re_add_pattern(&re, s, len);
			if (err)
				goto bad;
			if (!nl)
				break;
			s = nl + 1;
		}
	}
	err = re_compile(&re);
	if (!err)
		return;
bad:
	fprintf(stderr, "grep: %s\n", err);
	exit(2);
}

static bool only_empty(struct patterns *p)
{
	for (int i = 0; i < p->n; i++)
		if (p->list[i][0])
			return false;
	return true;
}

static long max_count(const char *arg)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(arg, &end, 10);
	if (end == arg || *end || errno || n < 0) {
		fputs("grep: invalid max count\n", stderr);
		exit(2);
	}
	return n;
}

int main(int argc, char **argv)
{
	struct patterns patterns = {0};
	enum re_syntax syntax = RE_BASIC;
	enum re_whole whole = RE_ANYWHERE;
	bool icase = false;
	int c;

	while ((c = getopt(argc, argv, "EFGHLRace:hilm:nqrsvwxy")) != -1) {
		switch (c) {
		case 'E':
			syntax = RE_EXTENDED;
			break;
		case 'F':
			syntax = RE_FIXED;
			break;
		case 'G':
			syntax = RE_BASIC;
			break;
		case 'H':
			opt.with_name = 1;
			break;
		case 'h':
			opt.with_name = 0;
			break;
		case 'L':
		case 'l':
			opt.list = c;
			break;
		case 'R':
		case 'r':
			opt.recursive = c;
			break;
		case 'a':
			opt.text = true;
			break;
		case 'c':
			opt.count = true;
			break;
		case 'e':
			add_patterns(&patterns, optarg);
			break;
		case 'i':
		case 'y':
			icase = true;
			break;
		case 'm':
			opt.max_count = max_count(optarg);
			break;
		case 'n':
			opt.number = true;
			break;
		case 'q':
			opt.quiet = true;
			break;
		case 's':
			opt.silent = true;
			break;
		case 'v':
			opt.invert = true;
			break;
		case 'w':
			whole = RE_WORD;
			break;
		case 'x':
			whole = RE_LINE;
			break;
		default:
			usage();
		}
	}
	if (!patterns.n) {
		if (optind == argc)
			usage();
		add_patterns(&patterns, argv[optind++]);
	}
	compile(&patterns, syntax, icase, whole);
	/* As GNU grep: when no line can be selected (-m 0, or -v with only
	 * empty patterns) the files are not even read. */
	if (opt.max_count == 0 ||
	    (opt.invert && whole == RE_ANYWHERE && only_empty(&patterns)))
		return 1;

	int noperands = argc - optind;
	if (noperands > 1 && opt.with_name < 0)
		opt.with_name = 1;
	if (noperands == 0 && opt.recursive) {
		struct stat st;
		if (stat(".", &st) < 0)
			file_error(".", errno);
		else
			grep_directory(".", &st, true);
	} else if (noperands == 0) {
		grep_fd(0, "(standard input)", opt.with_name == 1);
	}
	for (int i = optind; i < argc; i++) {
		if (!strcmp(argv[i], "-"))
			grep_fd(0, "(standard input)", opt.with_name == 1);
		else
			grep_path(argv[i], argv[i], opt.with_name == 1, true);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "grep: write error: %s\n", strerror(errno));
		return 2;
	}
	if (had_error && !(opt.quiet && selected_any))
		return 2;
	return selected_any ? 0 : 1;
}
