/* kernel/poll.h - waking poll/select sleepers (see sys_poll.c). */
#ifndef KERNEL_POLL_H
#define KERNEL_POLL_H

/* Something a poller may be waiting for changed (data, room, a hang-up):
 * every poll/select sleeper looks again.  Safe from interrupt handlers. */
void poll_notify(void);

#endif
