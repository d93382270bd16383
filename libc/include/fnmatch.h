/* fnmatch.h - shell wildcard matching of a name (libc/fnmatch/). */
#ifndef _FNMATCH_H
#define _FNMATCH_H

#define FNM_NOMATCH 1

#define FNM_NOESCAPE 0x01 /* backslash is an ordinary character */
#define FNM_PATHNAME 0x02 /* '/' only matches a '/' in the pattern */
#define FNM_PERIOD 0x04 /* a leading '.' only matches a '.' */
#define FNM_LEADING_DIR 0x08 /* GNU: "dir" matches "dir/anything" too */
#define FNM_CASEFOLD 0x10 /* GNU: ignore case */
#define FNM_FILE_NAME FNM_PATHNAME
#define FNM_IGNORECASE FNM_CASEFOLD

int fnmatch(const char *pattern, const char *string, int flags);

#endif
