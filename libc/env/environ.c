/* libc/env/environ.c - the process's environment and auxiliary vector,
 * set by __libc_start_main. */
#include <unistd.h>

#include "libc/internal/libc.h"

char **environ;
unsigned long *__auxv;
