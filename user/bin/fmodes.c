/* user/bin/fmodes.c - what each fopen(3) mode does (CS162 lecture 4,
 * 2017, "C High-Level File API - Streams").
 *
 * The slide's table:
 *
 *	r   rb    Open existing file for reading
 *	w   wb    Open for writing; created if does not exist
 *	a   ab    Open for appending; created if does not exist
 *	r+  rb+   Open existing file for reading & writing.
 *	w+  wb+   Open for reading & writing; truncated to zero if exists,
 *		  create otherwise
 *	a+  ab+   Open for reading & writing.  Created if does not exist.
 *		  Read from beginning, write as append
 *
 *   fmodes [DIR]	(default: the current directory)
 *
 * tries each mode in DIR (on files named fmodes-test-*, removed
 * afterwards) and prints what happened: whether fopen() works on a
 * missing file (and creates it), what the first fgets() reads from a file
 * holding "0123456789\n", and what such a file holds after fopen(),
 * rewind(), fputs("AB") and fclose(): a read-only stream fails to write, "r+"
 * overwrites at the start, "a" and "a+" append wherever the position was
 * ("write as append"), "w" and "w+" had emptied the file.  The "b"
 * variants are the same on POSIX systems: a byte is a byte.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define CONTENT "0123456789\n"

static char missing[4096], existing[4096];

/* The file's content, quoted, newlines as \n, into OUT. */
static void show_file(const char *name, char *out, size_t size)
{
	char buf[64];
	FILE *f = fopen(name, "r");
	size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0, len = 0;

	if (f)
		fclose(f);
	len += snprintf(out, size, "\"");
	for (size_t i = 0; i < n && len + 4 < size; i++)
		len += snprintf(out + len, size - len,
				buf[i] == '\n' ? "\\n" : "%c", buf[i]);
	snprintf(out + len, size - len, "\"");
}

/* What fopen(MODE) does to a file that is not there. */
static void on_missing(const char *mode, char *out, size_t size)
{
	FILE *f;

	unlink(missing);
	f = fopen(missing, mode);
	if (!f) {
		snprintf(out, size, "fails: %s", strerror(errno));
		return;
	}
	fclose(f);
	snprintf(out, size,
		 access(missing, F_OK) == 0 ? "creates it" : "opens");
	unlink(missing);
}

/* Makes the existing file hold CONTENT and opens it with MODE. */
static FILE *reopen(const char *mode)
{
	FILE *f = fopen(existing, "w");

	if (!f || fputs(CONTENT, f) < 0 || fclose(f) != 0)
		return NULL;
	return fopen(existing, mode);
}

/* On a file holding CONTENT: what a first fgets() reads, and, on a fresh
 * stream, what rewind + fputs("AB") + fclose leave in the file.  (One
 * stream for both would test more than the modes: after a failed read,
 * glibc drops the writes of a "w" stream.) */
static void on_existing(const char *mode, char *read_out, char *file_out,
			size_t size)
{
	char line[64];
	int write_failed;
	FILE *f = reopen(mode);

	if (!f) {
		snprintf(read_out, size, "-");
		snprintf(file_out, size, "fopen fails: %s", strerror(errno));
		return;
	}
	if (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		snprintf(read_out, size, "\"%s\"", line);
	} else {
		snprintf(read_out, size,
			 ferror(f) ? "(read fails)" : "(nothing)");
	}
	fclose(f);
	f = reopen(mode);
	rewind(f);
	write_failed = fputs("AB", f) < 0;
	write_failed |= fclose(f) != 0;
	show_file(existing, file_out, size);
	if (write_failed)
		strncat(file_out, " (write fails)",
			size - strlen(file_out) - 1);
}

int main(int argc, char **argv)
{
	static const char *const modes[] = {"r", "w", "a", "r+", "w+", "a+"};
	const char *dir = ".";

	opterr = 0;
	if (getopt(argc, argv, "") != -1) {
		fprintf(stderr, "fmodes: invalid option -- '%c'\n", optopt);
		fputs("usage: fmodes [DIR]\n", stderr);
		return 2;
	}
	argc -= optind - 1; /* the operands follow argv[0] */
	argv += optind - 1;
	if (argc > 2) {
		fprintf(stderr, "fmodes: extra operand '%s'\n", argv[argc - 1]);
		fputs("usage: fmodes [DIR]\n", stderr);
		return 2;
	}
	if (argc == 2)
		dir = argv[1];
	snprintf(missing, sizeof(missing), "%s/fmodes-test-missing", dir);
	snprintf(existing, sizeof(existing), "%s/fmodes-test-existing", dir);
	printf("%-4s %-32s %-12s %s\n", "mode", "on a missing file",
	       "fgets reads", "rewind, fputs(\"AB\"), fclose");
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		char if_missing[128], first[128], after[160];

		on_missing(modes[i], if_missing, sizeof(if_missing));
		on_existing(modes[i], first, after, sizeof(first));
		printf("%-4s %-32s %-12s %s\n", modes[i], if_missing, first,
		       after);
	}
	unlink(existing);
	return 0;
}
