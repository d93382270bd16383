/* libc/termios/tcattr.c - tcgetattr and tcsetattr: TCGETS and TCSETS,
 * TCSETSW, TCSETSF for TCSANOW, TCSADRAIN, TCSAFLUSH. */
#include <errno.h>
#include <sys/ioctl.h>
#include <termios.h>

int tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TCGETS, t);
}

int tcsetattr(int fd, int action, const struct termios *t)
{
	if (action < TCSANOW || action > TCSAFLUSH) {
		errno = EINVAL;
		return -1;
	}
	return ioctl(fd, TCSETS + action, t);
}
