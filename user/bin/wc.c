/* wc - count lines, words and bytes.
 *
 *   wc [-clw] [FILE]...
 *
 * -l newlines, -w words, -c bytes; without options all three, in that
 * order.  With several files a "total" line follows.  As GNU wc in the C
 * locale: a word is a run of printable characters other than white
 * space, and other bytes neither start nor end one; the columns are as
 * wide as the digits of the files' total size (at least 7 when some input
 * is not a regular file, such as a pipe), except that a single count of a
 * single input is printed unpadded.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct counts {
	unsigned long long lines, words, bytes;
};

static bool show_lines, show_words, show_bytes;
static int width;
static int status;

static void usage(void)
{
	fputs("Usage: wc [-clw] [FILE]...\n", stderr);
	exit(2);
}

/* As GNU's error(): what is on stdout goes out first. */
static void error(const char *name, int err)
{
	fflush(stdout);
	fprintf(stderr, "wc: %s: %s\n", name, strerror(err));
	status = 1;
}

/* Adds what FD holds to C.  0, or -1 and errno on a read error. */
static int count_fd(int fd, struct counts *c)
{
	static char buf[65536];
	bool in_word = false;
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			c->words += in_word;
			return -1;
		}
		c->bytes += n;
		for (ssize_t i = 0; i < n; i++) {
			unsigned char ch = buf[i];

			if (ch == '\n')
				c->lines++;
			if (isspace(ch)) {
				c->words += in_word;
				in_word = false;
			} else if (isprint(ch)) {
				in_word = true;
			}
		}
	}
	c->words += in_word;
	return 0;
}

static void print_counts(const struct counts *c, const char *name)
{
	const char *sep = "";

	if (show_lines) {
		printf("%*llu", width, c->lines);
		sep = " ";
	}
	if (show_words) {
		printf("%s%*llu", sep, width, c->words);
		sep = " ";
	}
	if (show_bytes)
		printf("%s%*llu", sep, width, c->bytes);
	if (name)
		printf(" %s", name);
	putchar('\n');
}

/* GNU wc's column width: the digits of the total size of the regular
 * files, at least 7 if some input is something else; 1 when the first
 * input cannot be examined, or for one count of one input. */
static int column_width(char **files, int nfiles)
{
	unsigned long long total = 0;
	int digits = 1, minimum = 1;
	struct stat st;

	if (nfiles == 1 && show_lines + show_words + show_bytes == 1)
		return 1;
	for (int i = 0; i < nfiles; i++) {
		bool std_in = !files || !strcmp(files[i], "-");

		if ((std_in ? fstat(0, &st) : stat(files[i], &st)) < 0) {
			if (i == 0)
				return 1;
			continue;
		}
		if (S_ISREG(st.st_mode))
			total += st.st_size;
		else
			minimum = 7;
	}
	for (; total >= 10; total /= 10)
		digits++;
	return digits > minimum ? digits : minimum;
}

/* Counts NAME ("-" or NULL: standard input) into C and prints it.
 * Returns false when it could not be opened. */
static bool wc_file(const char *name, struct counts *c)
{
	bool std_in = !name || !strcmp(name, "-");
	int fd = std_in ? 0 : open(name, O_RDONLY);

	if (fd < 0) {
		error(name, errno);
		return false;
	}
	if (count_fd(fd, c) < 0)
		error(std_in ? "standard input" : name, errno);
	if (!std_in)
		close(fd);
	print_counts(c, name);
	return true;
}

int main(int argc, char **argv)
{
	struct counts total = {0};
	int c, nfiles;

	while ((c = getopt(argc, argv, "clw")) != -1) {
		switch (c) {
		case 'c':
			show_bytes = true;
			break;
		case 'l':
			show_lines = true;
			break;
		case 'w':
			show_words = true;
			break;
		default:
			usage();
		}
	}
	if (!show_lines && !show_words && !show_bytes)
		show_lines = show_words = show_bytes = true;
	nfiles = argc - optind;
	width =
	    column_width(nfiles ? argv + optind : NULL, nfiles ? nfiles : 1);
	if (nfiles == 0) {
		struct counts counts = {0};
		wc_file(NULL, &counts);
	}
	for (int i = optind; i < argc; i++) {
		struct counts counts = {0};

		if (wc_file(argv[i], &counts)) {
			total.lines += counts.lines;
			total.words += counts.words;
			total.bytes += counts.bytes;
		}
	}
	if (nfiles > 1)
		print_counts(&total, "total");
	if (fflush(stdout) != 0) {
		fprintf(stderr, "wc: write error: %s\n", strerror(errno));
		return 1;
	}
	return status;
}
