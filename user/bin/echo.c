/* user/bin/echo.c - echo [-neE] [string...]: write the arguments,
 * separated by spaces and followed by a newline.
 *
 * As GNU's echo: leading arguments made only of the letters n, e and E
 * are options (-n: no newline; -e: interpret backslash escapes; -E: do
 * not, the default); anything else, "-" and "--" included, is text.  So
 * echo never fails on an "unknown option": it prints it.
 *
 * Escapes with -e: \\ \a \b \c (stop output here) \e \f \n \r \t \v,
 * \0NNN (up to three octal digits) and \xHH (one or two hex digits). */
#include <stdio.h>
#include <string.h>

static int is_option(const char *arg)
{
	if (arg[0] != '-' || arg[1] == '\0')
		return 0;
	return strspn(arg + 1, "neE") == strlen(arg + 1);
}

static int hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The value of the escape after the backslash at *s, advancing *s past
 * it; -1 for \c, -2 for an unknown escape (printed as is). */
static int escape(const char **s)
{
	static const char from[] = "\\abefnrtv";
	static const char to[] = "\\\a\b\033\f\n\r\t\v";
	const char *p = *s;
	int c = *p++, v, n;
	char *hit = c ? strchr(from, c) : NULL;

	if (hit) {
		*s = p;
		return to[hit - from];
	}
	if (c == 'c')
		return -1;
	if (c == '0') {
		for (v = 0, n = 0; n < 3 && *p >= '0' && *p <= '7'; n++)
			v = v * 8 + (*p++ - '0');
		*s = p;
		return v & 0xff;
	}
	if (c == 'x' && hex_value(*p) >= 0) {
		v = hex_value(*p++);
		if (hex_value(*p) >= 0)
			v = v * 16 + hex_value(*p++);
		*s = p;
		return v;
	}
	return -2;
}

/* Writes ARG interpreting escapes; returns 0 if \c said to stop. */
static int put_escaped(const char *arg)
{
	while (*arg) {
		int c = (unsigned char)*arg++;

		if (c == '\\') {
			c = escape(&arg);
			if (c == -1)
				return 0;
			if (c == -2)
				c = '\\';
		}
		putchar(c);
	}
	return 1;
}

int main(int argc, char **argv)
{
	int newline = 1, escapes = 0, i;

	for (i = 1; i < argc && is_option(argv[i]); i++)
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'n')
				newline = 0;
			else
				escapes = *o == 'e';
		}
	for (int first = i; i < argc; i++) {
		if (i > first)
			putchar(' ');
		if (!escapes)
			fputs(argv[i], stdout);
		else if (!put_escaped(argv[i]))
			return fflush(stdout) ? 1 : 0;
	}
	if (newline)
		putchar('\n');
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("echo: write error");
		return 1;
	}
	return 0;
}
