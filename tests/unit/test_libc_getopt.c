/* tests/unit/test_libc_getopt.c - our getopt family (libc/getopt/
 * getopt.c, compiled here under other names) against the host glibc's on
 * 100,000 random command lines: the same options and arguments must
 * come back, optind and the permuted argv must end the same, and stderr
 * must get the same messages. */
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/unit/unit.h"

/* ours, renamed so that both live in one program */
#define getopt our_getopt
#define getopt_long our_getopt_long
#define getopt_long_only our_getopt_long_only
#define optarg our_optarg
#define optind our_optind
#define opterr our_opterr
#define optopt our_optopt
#include "libc/getopt/getopt.c"
#undef getopt
#undef getopt_long
#undef getopt_long_only
#undef optarg
#undef optind
#undef opterr
#undef optopt

enum { SHORT, LONG, LONG_ONLY };

struct impl {
	int (*call)(int mode, int argc, char **argv, const char *opts, int *idx);
	char **optarg;
	int *optind, *optopt;
};

static int flag_var;
static const struct option longopts[] = {
	{"all", no_argument, NULL, 'a'},
	{"block-size", required_argument, NULL, 'B'},
	{"color", optional_argument, NULL, 'C'},
	{"context", no_argument, NULL, 'Z'},
	{"verbose", no_argument, &flag_var, 7},
	{"version", no_argument, NULL, 'V'},
	{"verb", no_argument, NULL, 'v'},
	{NULL, 0, NULL, 0},
};

static int call_glibc(int mode, int argc, char **argv, const char *opts, int *idx)
{
	if (mode == SHORT)
		return getopt(argc, argv, opts);
	if (mode == LONG)
		return getopt_long(argc, argv, opts, longopts, idx);
	return getopt_long_only(argc, argv, opts, longopts, idx);
}

static int call_ours(int mode, int argc, char **argv, const char *opts, int *idx)
{
	if (mode == SHORT)
		return our_getopt(argc, argv, opts);
	if (mode == LONG)
		return our_getopt_long(argc, argv, opts, longopts, idx);
	return our_getopt_long_only(argc, argv, opts, longopts, idx);
}

static const struct impl glibc = {call_glibc, &optarg, &optind, &optopt};
static const struct impl ours = {call_ours, &our_optarg, &our_optind,
				 &our_optopt};

/* an unlinked temporary file, emptied for each use */
static int messages_fd(void)
{
	static int fd = -1;

	if (fd < 0) {
		char name[] = "/tmp/test_libc_getopt.XXXXXX";

		fd = mkstemp(name);
		unlink(name);
	}
	ftruncate(fd, 0);
	lseek(fd, 0, SEEK_SET);
	return fd;
}

/* Scans argv (copied) with one implementation; the trace of every
 * result, the final optind and argv, then what went to stderr. */
static void trace(const struct impl *im, int mode, const char *opts,
		  int argc, char **argv_in, char *out, size_t size)
{
	char *argv[16];
	size_t n = 0;
	int fd = messages_fd(), saved = dup(2), c, idx;

	memcpy(argv, argv_in, (argc + 1) * sizeof(*argv));
	fflush(stderr);
	dup2(fd, 2);
	*im->optind = 0;
	flag_var = 0;
	while (n < size - 200) {
		idx = -1;
		c = im->call(mode, argc, argv, opts, &idx);
		if (c == -1)
			break;
		n += snprintf(out + n, size - n, "%d/%d/%d/%d/%s ", c,
			      c == '?' || c == ':' ? *im->optopt : -1, idx,
			      flag_var, *im->optarg ? *im->optarg : "-");
	}
	n += snprintf(out + n, size - n, "| %d:", *im->optind);
	for (int i = 1; i < argc && n < size - 100; i++)
		n += snprintf(out + n, size - n, " %s", argv[i]);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	lseek(fd, 0, SEEK_SET);
	n += snprintf(out + n, size - n, "\n");
	ssize_t r = read(fd, out + n, size - n - 1);
	out[n + (r > 0 ? r : 0)] = 0;
}

static unsigned rng_state = 1;

static unsigned rng(void)
{
	rng_state = rng_state * 1103515245 + 12345;
	return rng_state >> 16 & 0x7fff;
}

TEST(random_command_lines_match_glibc)
{
	static const char *opts[] = {"ab:c::", "+ab:", "-ab:", ":ab:c::",
				     "+:a", "-:b:", "abc", "x:y::z"};
	static char *words[] = {
	    "-a", "-b", "-c", "-ab", "-abc", "-bx", "-x", "-y", "-z", "-xyz",
	    "--", "-", "op", "op2", "--all", "--al", "--block-size", "--bl=3",
	    "--color", "--color=x", "--co", "--ver", "--verbose", "--verb",
	    "--nope", "-all", "-verb", "-co", "--all=1", "", "-:", "--=x"};
	static char want[16384], got[16384];
	int differ = 0;

	for (int i = 0; i < 100000 && differ < 3; i++) {
		int mode = rng() % 3, argc = 1 + rng() % 8;
		const char *o = opts[rng() % 8];
		char *argv[16] = {"prog"};

		for (int j = 1; j < argc; j++)
			argv[j] = words[rng() % (sizeof(words) / sizeof(*words))];
		argv[argc] = NULL;
		trace(&glibc, mode, o, argc, argv, want, sizeof(want));
		trace(&ours, mode, o, argc, argv, got, sizeof(got));
		if (strcmp(got, want)) {
			differ++;
			UNIT_FAIL("mode %d \"%s\": got \"%s\", want \"%s\"",
				  mode, o, got, want);
		}
	}
}

UNIT_MAIN(CASE(random_command_lines_match_glibc))
