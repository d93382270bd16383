/* libc/libgen/basename.c - basename and dirname (POSIX, as glibc's).
 *
 *	path		dirname		basename
 *	"/usr/lib"	"/usr"		"lib"
 *	"/usr/"		"/"		"usr"
 *	"usr"		"."		"usr"
 *	"/"		"/"		"/"
 *	"//usr"		"//"		"usr"	(two leading slashes are kept)
 *	"" or NULL	"."		"."
 *
 * Trailing slashes are cut off by writing a terminator into path.
 */
#include <libgen.h>
#include <string.h>

char *basename(char *path)
{
	size_t end, start;

	if (!path || !*path)
		return ".";
	end = strlen(path);
	while (end > 1 && path[end - 1] == '/')
		end--;
	if (end == 1 && path[0] == '/')
		return "/";
	path[end] = 0;
	start = end;
	while (start > 0 && path[start - 1] != '/')
		start--;
	return path + start;
}

char *dirname(char *path)
{
	size_t end;

	if (!path || !*path)
		return ".";
	end = strlen(path);
	while (end > 1 && path[end - 1] == '/') /* trailing slashes */
		end--;
	while (end > 0 && path[end - 1] != '/') /* the last component */
		end--;
	if (end == 0)
		return ".";
	while (end > 1 && path[end - 1] == '/') /* the slashes before it */
		end--;
	if (end == 1 && path[0] == '/' && path[1] == '/' && path[2] != '/')
		end = 2; /* "//" is special, POSIX says */
	path[end] = 0;
	return path;
}
