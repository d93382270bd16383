/* termios.h - terminal attributes.  struct termios is the kernel's
 * (kernel/uapi/termios.h), so tcgetattr/tcsetattr are single ioctls. */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <bits/alltypes.h>
#include <kernel/uapi/termios.h>

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int action, const struct termios *t);
void cfmakeraw(struct termios *t);
int tcflush(int fd, int queue);
int tcdrain(int fd);
pid_t tcgetsid(int fd);

#endif
