/* libc/env/environ.c - the process's environment, auxiliary vector and
 * name, set by __libc_start_main. */
#include <errno.h>
#include <unistd.h>

#include "libc/internal/libc.h"

char **environ;
unsigned long *__auxv;
char *program_invocation_name = "";
char *program_invocation_short_name = "";
