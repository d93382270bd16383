/* kernel/multiboot.c - reading the Multiboot v1 information structure.
 *
 * The structure and everything it points to are at physical addresses in
 * low memory, reached through the direct map.  Fields are used only when
 * their flag bit says they are valid.  If the loader gives no memory map,
 * one is made from mem_lower/mem_upper.
 */
#include "kernel/multiboot.h"

#include "kernel/kernel.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"

#define MBI_MEM (1u << 0)
#define MBI_CMDLINE (1u << 2)
#define MBI_MMAP (1u << 6)
#define MBI_LOADER_NAME (1u << 9)

struct mbi {
	uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
	uint32_t mods_count, mods_addr, syms[4];
	uint32_t mmap_length, mmap_addr;
	uint32_t drives_length, drives_addr, config_table, boot_loader_name;
} __attribute__((packed));

struct mbi_mmap_entry {
	uint32_t size; /* of the rest of the entry */
	uint64_t base, len;
	uint32_t type;
} __attribute__((packed));

struct boot_info boot_info;

static void add_region(uint64_t base, uint64_t len, uint32_t type)
{
	if (boot_info.map_count < MEM_MAP_MAX)
		boot_info.map[boot_info.map_count++] =
			(struct mem_region){ base, len, type };
}

static void read_mmap(const struct mbi *mbi)
{
	uintptr_t p = mbi->mmap_addr, end = mbi->mmap_addr + mbi->mmap_length;

	while (p + sizeof(struct mbi_mmap_entry) <= end) {
		const struct mbi_mmap_entry *e = P2V(p);

		add_region(e->base, e->len, e->type);
		p += e->size + sizeof(e->size);
	}
}

int multiboot_read(uint32_t magic, uint32_t mbi_pa)
{
	const struct mbi *mbi = P2V(mbi_pa);

	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		return -EINVAL;
	if (mbi->flags & MBI_MMAP)
		read_mmap(mbi);
	if (!boot_info.map_count && (mbi->flags & MBI_MEM)) {
		add_region(0, mbi->mem_lower * 1024ull, MEM_USABLE);
		add_region(0x100000, mbi->mem_upper * 1024ull, MEM_USABLE);
	}
	if (mbi->flags & MBI_CMDLINE)
		strlcpy(boot_info.cmdline, P2V(mbi->cmdline),
			sizeof(boot_info.cmdline));
	if (mbi->flags & MBI_LOADER_NAME)
		strlcpy(boot_info.loader, P2V(mbi->boot_loader_name),
			sizeof(boot_info.loader));
	return 0;
}

const char *mem_type_name(uint32_t type)
{
	switch (type) {
	case MEM_USABLE: return "usable";
	case MEM_ACPI: return "ACPI data";
	case MEM_NVS: return "ACPI NVS";
	case MEM_BAD: return "bad";
	default: return "reserved";
	}
}

void multiboot_print_map(void)
{
	for (int i = 0; i < boot_info.map_count; i++) {
		const struct mem_region *r = &boot_info.map[i];

		printk("mem: [0x%08llx-0x%08llx] %s\n", r->base,
		       r->base + r->len - 1, mem_type_name(r->type));
	}
}
