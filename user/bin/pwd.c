/* user/bin/pwd.c - pwd [-LP]: print the working directory.
 *
 * -P (the default, as GNU's /bin/pwd): the physical path from getcwd.
 * -L: $PWD if it is an absolute path without "." or ".." components that
 * names the working directory (same device and inode), else as -P. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static _Noreturn void usage(int opt)
{
	fprintf(stderr, "pwd: invalid option -- '%c'\n", opt);
	fputs("usage: pwd [-LP]\n", stderr);
	exit(2);
}

static int has_dot_component(const char *path)
{
	for (const char *p = path; (p = strstr(p, "/.")) != NULL; p++) {
		const char *rest = p[2] == '.' ? p + 3 : p + 2;

		if (*rest == '/' || *rest == '\0')
			return 1;
	}
	return 0;
}

/* $PWD when it is a valid logical name of ".", else NULL. */
static const char *logical_pwd(void)
{
	const char *pwd = getenv("PWD");
	struct stat a, b;

	if (!pwd || pwd[0] != '/' || has_dot_component(pwd))
		return NULL;
	if (stat(pwd, &a) != 0 || stat(".", &b) != 0)
		return NULL;
	return a.st_dev == b.st_dev && a.st_ino == b.st_ino ? pwd : NULL;
}

int main(int argc, char **argv)
{
	static char buf[PATH_MAX];
	const char *path = NULL;
	int logical = 0;

	for (int i = 1; i < argc; i++) {
		const char *o = argv[i];

		if (o[0] != '-' || o[1] == '\0') {
			fputs("pwd: ignoring non-option arguments\n", stderr);
			break;
		}
		if (strcmp(o, "--") == 0)
			break;
		for (o++; *o; o++) {
			if (*o == 'L')
				logical = 1;
			else if (*o == 'P')
				logical = 0;
			else
				usage(*o);
		}
	}
	if (logical)
		path = logical_pwd();
	if (!path)
		path = getcwd(buf, sizeof buf);
	if (!path) {
		fprintf(stderr, "pwd: couldn't find directory entry: %s\n",
			strerror(errno));
		return 1;
	}
	puts(path);
	if (fflush(stdout) != 0) {
		perror("pwd: write error");
		return 1;
	}
	return 0;
}
