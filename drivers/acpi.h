/* drivers/acpi.h - just enough ACPI to power off: find the FADT and the
 * \_S5 sleep type, then write SLP_TYP|SLP_EN to PM1a/PM1b control. */
#ifndef DRIVERS_ACPI_H
#define DRIVERS_ACPI_H

/* Returns only if ACPI power-off is impossible (after a log line). */
void acpi_power_off(void);

#endif
