/* kernel/futex.h - futexes (see futex.c). */
#ifndef KERNEL_FUTEX_H
#define KERNEL_FUTEX_H

#include <stdint.h>

struct mm;

/* Wakes up to n threads (at least one) sleeping in FUTEX_WAIT on uaddr
 * of address space mm whose bitset shares a bit with bits; returns how
 * many it woke. */
int futex_wake(struct mm *mm, uint32_t uaddr, int n, uint32_t bits);

#endif
