/* kernel/tty.h - the console terminal: a line discipline between the
 * keyboard side (bytes typed on COM1) and the programs reading /dev/console.
 *
 * Like Linux's n_tty, it runs in two modes chosen by termios: canonical
 * (ICANON: the line is edited here, with echo, erase, kill, ^D, and a
 * read returns at most one line) and raw (bytes go to readers as typed,
 * VMIN/VTIME decide when a read returns).  With ISIG, ^C and ^\ send
 * SIGINT and SIGQUIT to the foreground process group.
 */
#ifndef KERNEL_TTY_H
#define KERNEL_TTY_H

#include <stddef.h>

struct file_operations;

/* The file operations of /dev/console, /dev/ttyS0 and /dev/tty. */
extern const struct file_operations tty_fops;

/* Line discipline input, one typed byte: called from a driver's bottom
 * half (never from an interrupt handler: it echoes and wakes readers). */
void tty_input(char c);

/* The session the console controls and its foreground group (0: none),
 * for /proc/PID/stat. */
int tty_session(void);
int tty_foreground(void);

/* For the kernel monitor: sleeps until a line was typed, copies it
 * without the newline, NUL-terminated, cut to size-1 bytes. */
size_t tty_read_line(char *buf, size_t size);

#endif
