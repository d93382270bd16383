/* termios.h - terminal attributes.  struct termios is the kernel's
 * (kernel/uapi/termios.h), so tcgetattr/tcsetattr are single ioctls. */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <bits/alltypes.h>
#include <kernel/uapi/termios.h>

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int action, const struct termios *t);

#endif
