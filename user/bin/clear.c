/* user/bin/clear.c - clear [-x]: clear the terminal.
 *
 * Writes the ANSI (VT100) sequences "cursor home" and "erase display",
 * which the console understands; there is no terminfo database to ask.
 * The scrollback is never cleared, so -x (GNU/ncurses: "do not clear the
 * scrollback") is accepted and changes nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char clear_screen[] = "\033[H\033[2J";

static _Noreturn void usage(const char *bad)
{
	fprintf(stderr, "clear: invalid option '%s'\n", bad);
	fputs("usage: clear [-x]\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "-x") != 0)
			usage(argv[i]);
	if (write(STDOUT_FILENO, clear_screen, sizeof clear_screen - 1) < 0) {
		perror("clear: write error");
		return 1;
	}
	return 0;
}
