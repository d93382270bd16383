/* sys/ioctl.h - ioctl and the tty requests (kernel/uapi/termios.h). */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <kernel/uapi/termios.h>

int ioctl(int fd, unsigned long request, ...);

#endif
