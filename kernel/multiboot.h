/* kernel/multiboot.h - what the boot loader told us (Multiboot v1).
 *
 * multiboot_read() copies everything the kernel keeps (memory map, command
 * line, loader name) into static storage, so the loader's structures may
 * be overwritten afterwards.
 */
#ifndef KERNEL_MULTIBOOT_H
#define KERNEL_MULTIBOOT_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/cmdline.h"

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002u
#define MEM_MAP_MAX 64

enum mem_type { MEM_USABLE = 1, MEM_RESERVED = 2, MEM_ACPI = 3, MEM_NVS = 4, MEM_BAD = 5 };

struct mem_region {
	uint64_t base, len;
	uint32_t type;
};

struct boot_info {
	struct mem_region map[MEM_MAP_MAX];
	int map_count;
	char cmdline[CMDLINE_MAX * 2]; /* raw; cmdline_parse cuts it */
	char loader[64];
};

extern struct boot_info boot_info;

/* Copies the loader's information; returns 0 or -EINVAL (bad magic). */
int multiboot_read(uint32_t magic, uint32_t mbi_pa);
/* Prints the memory map to the kernel log. */
void multiboot_print_map(void);
const char *mem_type_name(uint32_t type);

#endif
