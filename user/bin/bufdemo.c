/* user/bin/bufdemo.c - printf through a stream vs write(2): what appears
 * when (CS162 lecture 5, 2023, "High-Level vs. Low-Level File API").
 *
 * The slide: "Streams are buffered in user memory":
 *
 *	printf("Beginning of line ");
 *	sleep(10); // sleep for 10 seconds
 *	printf("and end of line\n");
 *
 * "Prints out everything at once", while "operations on file descriptors
 * are visible immediately":
 *
 *	write(STDOUT_FILENO, "Beginning of line ", 18);
 *	sleep(10);
 *	write(STDOUT_FILENO, "and end of line\n", 16);
 *
 * "Outputs 'Beginning of line' 10 seconds earlier than 'and end of
 * line'".  (The slide's second write lacks its descriptor and sends 16
 * bytes of the 17 in "and end of line \n"; here both parts are whole.)
 *
 *   bufdemo [-s SECONDS] [stdio | write]
 *
 * runs the stdio part, the write part, or (by default) the first then the
 * second, sleeping SECONDS (default 10, the slide's) in the middle of
 * each; stderr, unbuffered, says what is happening.  On a terminal,
 * stdout is line-buffered, so the stdio line appears whole when its
 * "\n" is printed.  Into a pipe or a file stdout is fully buffered: the
 * stdio line stays in the buffer until exit() flushes it, after the
 * write part's line, although printf ran first: the lecture's "Don't
 * mix them!" (streams and descriptors) in action.
 *
 *	$ bufdemo -s 2 | cat
 *	Beginning of line and end of line	(the write part's, after 2+2 s)
 *	Beginning of line and end of line	(the stdio part's, at exit)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void stdio_part(unsigned seconds)
{
	fprintf(stderr,
		"bufdemo: printf(\"Beginning of line \"); sleep(%u); "
		"printf(\"and end of line\\n\");\n",
		seconds);
	printf("Beginning of line ");
	sleep(seconds);
	printf("and end of line\n");
}

static void write_part(unsigned seconds)
{
	fprintf(stderr,
		"bufdemo: write(1, \"Beginning of line \", 18); "
		"sleep(%u); write(1, \"and end of line\\n\", 16);\n",
		seconds);
	write(STDOUT_FILENO, "Beginning of line ", 18);
	sleep(seconds);
	write(STDOUT_FILENO, "and end of line\n", 16);
}

static _Noreturn void usage(const char *complaint, const char *what)
{
	if (complaint)
		fprintf(stderr, "bufdemo: %s%s\n", complaint, what);
	fputs("usage: bufdemo [-s SECONDS] [stdio | write]\n", stderr);
	exit(2);
}

/* -s's argument: whole seconds, at most an hour. */
static unsigned parse_seconds(const char *arg)
{
	char *end;
	unsigned long n = strtoul(arg, &end, 10);

	if (!*arg || *end || n > 3600)
		usage("not a number of seconds (0 to 3600): ", arg);
	return (unsigned)n;
}

int main(int argc, char **argv)
{
	unsigned seconds = 10; /* the slide's sleep(10) */
	char option[] = "-- '?'";
	int c;

	opterr = 0;
	while ((c = getopt(argc, argv, ":s:")) != -1) {
		option[4] = (char)optopt;
		if (c == 's')
			seconds = parse_seconds(optarg);
		else if (c == ':')
			usage("option requires an argument ", option);
		else
			usage("invalid option ", option);
	}
	if (argc - optind > 1)
		usage("extra operand ", argv[optind + 1]);
	if (optind == argc) {
		stdio_part(seconds);
		write_part(seconds);
	} else if (strcmp(argv[optind], "stdio") == 0) {
		stdio_part(seconds);
	} else if (strcmp(argv[optind], "write") == 0) {
		write_part(seconds);
	} else {
		usage("not stdio or write: ", argv[optind]);
	}
	fputs("bufdemo: exit() flushes stdout\n", stderr);
	exit(0);
}
