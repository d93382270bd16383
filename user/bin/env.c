/* user/bin/env.c - env [-i0] [-u NAME]... [NAME=VALUE]... [COMMAND
 * [ARG]...]: run COMMAND in a changed environment, or print the
 * environment.
 *
 * -i (or a lone "-") starts from an empty environment, -u NAME removes a
 * variable, NAME=VALUE sets one; with no COMMAND the result is printed one
 * variable a line (-0: each ended by a NUL instead).  The new environment
 * is built as an array of our own and installed as `environ`, which
 * execvp passes on.  Options end at the first argument that is not one,
 * so `env ls -l` gives -l to ls.
 *
 * Status as GNU's env: the command's own, 127 if it was not found, 126
 * if it could not be run, 125 if env itself failed; 2 for a bad option. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ENV_FAILED 125
#define CANNOT_RUN 126
#define NOT_FOUND 127

extern char **environ; /* POSIX: the program declares it */

static char **vars;
static int nvars;

static _Noreturn void usage(const char *fmt, int opt)
{
	fprintf(stderr, fmt, opt);
	fputs("usage: env [-i0] [-u NAME]... [NAME=VALUE]... "
	      "[COMMAND [ARG]...]\n",
	      stderr);
	exit(2);
}

/* Does VAR ("NAME=VALUE") define NAME (LEN bytes)? */
static int defines(const char *var, const char *name, size_t len)
{
	return strncmp(var, name, len) == 0 && var[len] == '=';
}

static void unset(const char *name)
{
	size_t len = strlen(name);
	int k = 0;

	for (int i = 0; i < nvars; i++)
		if (!defines(vars[i], name, len))
			vars[k++] = vars[i];
	nvars = k;
	vars[nvars] = NULL;
}

/* Sets ASSIGNMENT ("NAME=VALUE"), replacing an earlier NAME. */
static void set(char *assignment)
{
	size_t len = strchr(assignment, '=') - assignment;

	for (int i = 0; i < nvars; i++)
		if (defines(vars[i], assignment, len)) {
			vars[i] = assignment;
			return;
		}
	vars[nvars++] = assignment;
	vars[nvars] = NULL;
}

/* Handles the options; returns the index of the first other argument. */
static int options(int argc, char **argv, int *nul)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *o = argv[i] + 1;

		if (*o == '\0') { /* "-" is -i */
			nvars = 0;
			vars[0] = NULL;
			continue;
		}
		if (strcmp(o, "-") == 0)
			return i + 1;
		for (; *o; o++) {
			if (*o == 'i') {
				nvars = 0;
				vars[0] = NULL;
			} else if (*o == '0') {
				*nul = 1;
			} else if (*o == 'u') {
				const char *name = o[1] ? o + 1 : argv[++i];

				if (!name)
					usage(
					    "env: option requires an argument "
					    "-- '%c'\n",
					    'u');
				if (!*name || strchr(name, '=')) {
					fprintf(stderr,
						"env: cannot unset "
						"'%s': Invalid argument\n",
						name);
					exit(ENV_FAILED);
				}
				unset(name);
				break;
			} else {
				usage("env: invalid option -- '%c'\n", *o);
			}
		}
	}
	return i;
}

int main(int argc, char **argv)
{
	int n = 0, nul = 0, i;

	while (environ && environ[n])
		n++;
	vars = malloc((n + argc + 1) * sizeof *vars);
	if (!vars) {
		fputs("env: out of memory\n", stderr);
		return ENV_FAILED;
	}
	for (nvars = 0; nvars < n; nvars++)
		vars[nvars] = environ[nvars];
	vars[nvars] = NULL;
	i = options(argc, argv, &nul);
	for (; i < argc && strchr(argv[i], '='); i++)
		set(argv[i]);
	environ = vars;
	if (i == argc) {
		for (int k = 0; k < nvars; k++)
			printf("%s%c", vars[k], nul ? '\0' : '\n');
		if (fflush(stdout) != 0) {
			perror("env: write error");
			return ENV_FAILED;
		}
		return 0;
	}
	if (nul) {
		fputs("env: cannot specify --null (-0) with command\n", stderr);
		return ENV_FAILED;
	}
	execvp(argv[i], argv + i);
	int err = errno;
	fprintf(stderr, "env: '%s': %s\n", argv[i], strerror(err));
	return err == ENOENT ? NOT_FOUND : CANNOT_RUN;
}
