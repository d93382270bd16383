/* user/bin/dupdemo.c - duplicating descriptors: dup(2) and dup2(2)
 * (CS162 lecture 4, 2017, "And lots more!: Duplicating descriptors",
 * and lecture 5, 2023, "Low-Level I/O: Other Operations":
 * "int dup2(int old, int new); int dup(int old);").
 *
 * A descriptor is an index into the process's table of pointers to open
 * file descriptions, the kernel's struct file that holds "the current
 * position within the file" (lecture 5, "What's in an Open File
 * Description?").  dup() and dup2() copy the pointer, not the
 * description, so the copies share one position; open() makes a new
 * description with a position of its own.
 *
 *   dupdemo [FILE]	(default dupdemo.out in the current directory)
 *
 * writes FILE three ways and shows what it holds after each:
 *   1. "one\n" through fd, "two\n" through dup(fd): one after the other;
 *   2. dup2(fd, STDOUT_FILENO), printf("three\n"), fflush, then the saved
 *      stdout back: printf wrote into the file (this is how a shell's
 *      "> FILE" works);
 *   3. FILE opened twice, "AAAA" through the first, "BB" through the
 *      second: two positions, both at 0, so "BB" overwrites "AA".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *name;

static void fail(const char *what)
{
	fprintf(stderr, "dupdemo: %s: %s\n", what, strerror(errno));
	_exit(1);
}

/* The file's content, quoted, newlines as \n. */
static void show(const char *step)
{
	char buf[128], quoted[300];
	size_t len = 0;
	ssize_t n;
	int fd = open(name, O_RDONLY);

	if (fd < 0 || (n = read(fd, buf, sizeof(buf))) < 0)
		fail(name);
	close(fd);
	for (ssize_t i = 0; i < n; i++)
		len += snprintf(quoted + len, sizeof(quoted) - len,
				buf[i] == '\n' ? "\\n" : "%c", buf[i]);
	printf("%s\n    %s holds \"%s\"\n", step, name, quoted);
	fflush(stdout);
}

static int create(void)
{
	int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		fail(name);
	return fd;
}

static void write_text(int fd, const char *text)
{
	if (write(fd, text, strlen(text)) < 0)
		fail("write");
}

int main(int argc, char **argv)
{
	int fd, copy, saved, first, second;

	opterr = 0;
	if (getopt(argc, argv, "") != -1) {
		fprintf(stderr, "dupdemo: invalid option -- '%c'\n", optopt);
		fputs("usage: dupdemo [FILE]\n", stderr);
		return 2;
	}
	argc -= optind - 1; /* the operands follow argv[0] */
	argv += optind - 1;
	if (argc > 2) {
		fprintf(stderr, "dupdemo: extra operand '%s'\n",
			argv[argc - 1]);
		fputs("usage: dupdemo [FILE]\n", stderr);
		return 2;
	}
	name = argc == 2 ? argv[1] : "dupdemo.out";

	fd = create();
	copy = dup(fd);
	if (copy < 0)
		fail("dup");
	write_text(fd, "one\n");
	write_text(copy, "two\n");
	close(copy);
	show("1. fd = open(FILE); c = dup(fd); write(fd, \"one\\n\"); "
	     "write(c, \"two\\n\"):");

	saved = dup(STDOUT_FILENO);
	if (saved < 0 || dup2(fd, STDOUT_FILENO) < 0)
		fail("dup2");
	printf("three\n");
	fflush(stdout);
	if (dup2(saved, STDOUT_FILENO) < 0)
		fail("dup2");
	close(saved);
	close(fd);
	show("2. dup2(fd, 1); printf(\"three\\n\"); fflush(stdout); "
	     "stdout put back:");

	close(create());
	first = open(name, O_WRONLY);
	second = open(name, O_WRONLY);
	if (first < 0 || second < 0)
		fail(name);
	write_text(first, "AAAA");
	write_text(second, "BB");
	close(first);
	close(second);
	show("3. a = open(FILE); b = open(FILE); write(a, \"AAAA\"); "
	     "write(b, \"BB\"):");
	return 0;
}
