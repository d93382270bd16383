/* kernel/ksyms.h - the kernel's own function symbols, for backtraces.
 *
 * The table (sorted addresses and NUL-separated names of every text
 * symbol) is generated from a first link of the kernel by
 * tools/gen-ksyms and linked into the final image; see the Makefile.
 */
#ifndef KERNEL_KSYMS_H
#define KERNEL_KSYMS_H

#include <stdint.h>

/* The name of the function containing addr and addr's offset in it, or
 * NULL if addr is not in the kernel's text. */
const char *ksym_lookup(uint32_t addr, uint32_t *offset);
/* The address of the named function, or 0. */
uint32_t ksym_address(const char *name);
/* Number of symbols in the table (0 in the first link). */
uint32_t ksym_count(void);

#endif
