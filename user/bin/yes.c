/* user/bin/yes.c - yes [string...]: repeat a line (the arguments joined
 * by spaces, or "y") until writing fails, e.g. when the reader of the
 * pipe goes away.
 *
 * The line is copied many times into one buffer so each write(2) moves
 * a few kilobytes: `yes | head` should not cost a system call a line.
 * "--" before the words is dropped, as in GNU's yes; any other argument
 * that starts with '-' (but "-" alone) is an unknown option. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BUF_SIZE 8192

static char buf[BUF_SIZE];

static _Noreturn void usage(const char *bad)
{
	fprintf(stderr, "yes: invalid option -- '%s'\n", bad + 1);
	fputs("usage: yes [string...]\n", stderr);
	exit(2);
}

/* Fills buf with as many whole copies of the line as fit (at least one,
 * growing the buffer if the line is longer); returns the length. */
static size_t fill(char **out, int n, char **words)
{
	size_t len = 0, total = 0;
	char *line;

	for (int i = 0; i < n; i++)
		len += strlen(words[i]) + 1;
	if (n == 0)
		len = 2;
	line = len <= BUF_SIZE ? buf : malloc(len);
	if (!line) {
		fputs("yes: out of memory\n", stderr);
		exit(1);
	}
	if (n == 0)
		memcpy(line, "y\n", 2);
	for (int i = 0, at = 0; i < n; i++) {
		size_t w = strlen(words[i]);

		memcpy(line + at, words[i], w);
		at += w;
		line[at++] = i + 1 < n ? ' ' : '\n';
	}
	for (total = len; total + len <= BUF_SIZE && line == buf; total += len)
		memcpy(buf + total, buf, len);
	*out = line;
	return total;
}

int main(int argc, char **argv)
{
	char *line;
	int first = 1;

	if (argc > 1 && strcmp(argv[1], "--") == 0)
		first = 2;
	else if (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0')
		usage(argv[1]);
	size_t len = fill(&line, argc - first, argv + first);

	for (;;) {
		size_t done = 0;

		while (done < len) {
			ssize_t n =
			    write(STDOUT_FILENO, line + done, len - done);

			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				if (errno != EPIPE)
					perror("yes: standard output");
				return 1;
			}
			done += n;
		}
	}
}
