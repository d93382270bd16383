/* sched.h - only sched_yield for now. */
#ifndef _SCHED_H
#define _SCHED_H

int sched_yield(void);

#endif
