/* user/bin/storetofile.c - lines typed into a file with fgets and fputs
 * (CS162 lecture 4, 2017, "C Streams: Example Code").
 *
 * The slide's storetofile() opens its output with fopen(..., "w+"),
 * then loops: fgets(mybuf, BUFLEN, stdin) ("catches overrun!": it stores
 * at most BUFLEN - 1 bytes), stops on an error or the end of input (^D),
 * and writes each string to the file with fputs, stopping if that fails;
 * at last "fclose(outfile); // Flushes from userspace".
 *
 *   storetofile [FILE]		(default "tokens" in the current directory)
 *
 * does that, BUFLEN 256 as on the slide.  To show what the comment on
 * fclose means, it then tells on stderr how many bytes the file held
 * just before fclose() (those the stream had already written: for a few
 * short lines, none; they wait in the stream's buffer in user memory) and
 * just after.
 *
 *	$ storetofile notes
 *	first line
 *	second line
 *	^D
 *	storetofile: 2 fputs() calls; notes held 0 bytes before fclose() and
 *	23 after
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BUFLEN 256

static char mybuf[BUFLEN];

static long long file_size(const char *name)
{
	struct stat st;

	return stat(name, &st) == 0 ? (long long)st.st_size : -1;
}

int main(int argc, char **argv)
{
	const char *name = "tokens";
	long long before, after;
	FILE *outfile;
	char *instring;
	int strings = 0;

	opterr = 0;
	if (getopt(argc, argv, "") != -1) {
		fprintf(stderr, "storetofile: invalid option -- '%c'\n",
			optopt);
		fputs("usage: storetofile [FILE]\n", stderr);
		return 2;
	}
	argc -= optind - 1; /* the operands follow argv[0] */
	argv += optind - 1;
	if (argc > 2) {
		fprintf(stderr, "storetofile: extra operand '%s'\n",
			argv[argc - 1]);
		fputs("usage: storetofile [FILE]\n", stderr);
		return 2;
	}
	if (argc == 2)
		name = argv[1];
	outfile = fopen(name, "w+");
	if (!outfile) {
		fprintf(stderr, "storetofile: %s: %s\n", name, strerror(errno));
		return 1;
	}
	while (1) {
		instring = fgets(mybuf, BUFLEN, stdin);
		/* check for error or end of file (^D) */
		if (!instring || strlen(instring) == 0)
			break;
		/* write the string to the output file, stop on error */
		if (fputs(instring, outfile) < 0)
			break;
		strings++;
	}
	before = file_size(name);
	if (fclose(outfile) != 0) { /* flushes from user space */
		fprintf(stderr, "storetofile: %s: %s\n", name, strerror(errno));
		return 1;
	}
	after = file_size(name);
	fprintf(stderr,
		"storetofile: %d fputs() calls; %s held %lld bytes "
		"before fclose() and %lld after\n",
		strings, name, before, after);
	return 0;
}
