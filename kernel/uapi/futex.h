/* kernel/uapi/futex.h - futex (240)'s operations, Linux's
 * (linux/futex.h): futex(uaddr, op, val, timeout, uaddr2, val3). */
#ifndef UAPI_FUTEX_H
#define UAPI_FUTEX_H

#define FUTEX_WAIT 0 /* sleep while *uaddr == val (relative timeout) */
#define FUTEX_WAKE 1 /* wake up to val sleepers; returns how many */
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAKE_OP 5
#define FUTEX_WAIT_BITSET 9  /* WAIT with an absolute timeout and val3's bits  \
			      */
#define FUTEX_WAKE_BITSET 10 /* WAKE of the sleepers sharing a bit of val3 */
#define FUTEX_PRIVATE_FLAG 128	 /* only this process's threads use it */
#define FUTEX_CLOCK_REALTIME 256 /* WAIT_BITSET's timeout on CLOCK_REALTIME */
#define FUTEX_CMD_MASK (~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
#define FUTEX_BITSET_MATCH_ANY 0xffffffffu

#define FUTEX_WAIT_PRIVATE (FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE (FUTEX_WAKE | FUTEX_PRIVATE_FLAG)

#endif
