/* drivers/pit.c - 8254 PIT: the periodic tick and a calibration gate.
 *
 * Channel 0 drives IRQ 0 at HZ.  Channel 2, whose gate and output are
 * visible in port 0x61 (and which is not wired to an interrupt), serves as
 * a one-shot stopwatch to measure the TSC frequency at boot.
 */
#include "drivers/pit.h"

#include "kernel/x86.h"

#define PIT_CH0 0x40
#define PIT_CH2 0x42
#define PIT_CMD 0x43
#define PORT_61 0x61
#define P61_GATE2 0x01
#define P61_SPEAKER 0x02
#define P61_OUT2 0x20

#define CMD_CH0_RATE_LOHI 0x34 /* channel 0, lo/hi byte, mode 2 */
#define CMD_CH2_ONESHOT_LOHI 0xB0 /* channel 2, lo/hi byte, mode 0 */

void pit_start_periodic(uint32_t hz)
{
	uint32_t divisor = (PIT_HZ + hz / 2) / hz;

	outb(PIT_CMD, CMD_CH0_RATE_LOHI);
	outb(PIT_CH0, divisor & 0xFF);
	outb(PIT_CH0, (divisor >> 8) & 0xFF);
}

uint64_t pit_measure_tsc(uint16_t count)
{
	uint8_t p61 = (inb(PORT_61) & ~P61_SPEAKER) | P61_GATE2;
	uint64_t start, end;

	outb(PORT_61, p61 & ~P61_GATE2); /* gate low: hold the counter */
	outb(PIT_CMD, CMD_CH2_ONESHOT_LOHI);
	outb(PIT_CH2, count & 0xFF);
	outb(PIT_CH2, count >> 8);
	start = rdtsc();
	outb(PORT_61, p61); /* gate high: count down, OUT2 rises at 0 */
	while (!(inb(PORT_61) & P61_OUT2))
		;
	end = rdtsc();
	outb(PORT_61, p61 & ~P61_GATE2);
	return end - start;
}
