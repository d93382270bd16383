/* libgen.h - POSIX basename and dirname: the last component of a path
 * and what is before it, as glibc's (they may write into path). */
#ifndef _LIBGEN_H
#define _LIBGEN_H

char *basename(char *path);
char *dirname(char *path);

#endif
