/* libc/termios/cfmakeraw.c - the attributes of a raw terminal, as glibc
 * sets them: no input mapping, no output processing, no echo, no
 * editing, no signal characters, 8 bits, reads of at least 1 byte. */
#include <termios.h>

void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
	t->c_oflag &= ~OPOST;
	t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag &= ~(CSIZE | PARENB);
	t->c_cflag |= CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}
