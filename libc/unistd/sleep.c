/* libc/unistd/sleep.c - sleep and usleep on nanosleep.  sleep returns
 * the seconds left (rounded up) when a signal handler interrupts it;
 * usleep returns -1 with EINTR then. */
#include <errno.h>
#include <time.h>
#include <unistd.h>

unsigned sleep(unsigned seconds)
{
	struct timespec ts = {seconds, 0};

	if (nanosleep(&ts, &ts) < 0)
		return ts.tv_sec + (ts.tv_nsec > 0);
	return 0;
}

int usleep(useconds_t usec)
{
	struct timespec ts = {usec / 1000000, usec % 1000000 * 1000};

	return nanosleep(&ts, NULL);
}
