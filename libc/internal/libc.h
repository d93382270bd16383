/* libc/internal/libc.h - state the libc keeps about the process (private). */
#ifndef LIBC_INTERNAL_LIBC_H
#define LIBC_INTERNAL_LIBC_H

/* The auxiliary vector on the initial stack: (type, value) pairs up to
 * AT_NULL.  Set by __libc_start_main. */
extern unsigned long *__auxv;

#endif
