/* libc/ctype/ctype.c - the character classes of the C locale, as
 * comparisons on ASCII (no table: each is a line a reader can check).
 * Anything outside 0..127, EOF included, is in no class. */
#include <ctype.h>

int isascii(int c)
{
	return (unsigned)c < 128;
}

int isdigit(int c)
{
	return (unsigned)c - '0' < 10;
}

int islower(int c)
{
	return (unsigned)c - 'a' < 26;
}

int isupper(int c)
{
	return (unsigned)c - 'A' < 26;
}

int isalpha(int c)
{
	return islower(c) || isupper(c);
}

int isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}

int isxdigit(int c)
{
	return isdigit(c) || (unsigned)(c | 32) - 'a' < 6;
}

int isblank(int c)
{
	return c == ' ' || c == '\t';
}

/* space, \t \n \v \f \r */
int isspace(int c)
{
	return c == ' ' || (unsigned)c - '\t' < 5;
}

int iscntrl(int c)
{
	return (unsigned)c < 32 || c == 127;
}

/* ' ' to '~' */
int isprint(int c)
{
	return (unsigned)c - ' ' < 95;
}

/* '!' to '~' */
int isgraph(int c)
{
	return (unsigned)c - '!' < 94;
}

int ispunct(int c)
{
	return isgraph(c) && !isalnum(c);
}

int tolower(int c)
{
	return isupper(c) ? c | 32 : c;
}

int toupper(int c)
{
	return islower(c) ? c & ~32 : c;
}

int toascii(int c)
{
	return c & 127;
}
