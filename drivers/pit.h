/* drivers/pit.h - the 8254 programmable interval timer. */
#ifndef DRIVERS_PIT_H
#define DRIVERS_PIT_H

#include <stdint.h>

#define PIT_HZ 1193182u /* input clock of the 8254 */

/* Channel 0 in rate-generator mode: IRQ 0 fires hz times per second. */
void pit_start_periodic(uint32_t hz);
/* Busy-waits on channel 2 for count input clocks (at most 65535);
 * returns the TSC cycles that passed, for calibration. */
uint64_t pit_measure_tsc(uint16_t count);

#endif
