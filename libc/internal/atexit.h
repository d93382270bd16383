/* libc/internal/atexit.h - between atexit (libc/exit/atexit.c) and exit. */
#ifndef LIBC_INTERNAL_ATEXIT_H
#define LIBC_INTERNAL_ATEXIT_H

/* calls the registered handlers, newest first, each at most once */
void __run_atexit_handlers(void);

#endif
