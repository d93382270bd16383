/* libc/termios/tcjob.c - the terminal's foreground process group and
 * session (TIOCGPGRP, TIOCSPGRP, TIOCGSID), and its input queue
 * (TCFLSH, TCSBRK). */
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

pid_t tcgetpgrp(int fd)
{
	int pgrp;

	return ioctl(fd, TIOCGPGRP, &pgrp) < 0 ? -1 : pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	int p = pgrp;

	return ioctl(fd, TIOCSPGRP, &p);
}

pid_t tcgetsid(int fd)
{
	int sid;

	return ioctl(fd, TIOCGSID, &sid) < 0 ? -1 : sid;
}

int tcflush(int fd, int queue)
{
	return ioctl(fd, TCFLSH, queue);
}

int tcdrain(int fd)
{
	return ioctl(fd, TCSBRK, 1);
}
