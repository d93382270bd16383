/* kernel/pmm.h - the physical frame allocator (4 KiB frames). */
#ifndef KERNEL_PMM_H
#define KERNEL_PMM_H

#include <stddef.h>
#include <stdint.h>

struct mem_region;

/* Frees every usable region of the memory map below LOWMEM_LIMIT, except
 * the first MiB and the kernel image [0x100000, kernel_end_pa). */
void pmm_init(const struct mem_region *map, int count, uintptr_t kernel_end_pa);
/* Returns the physical address of a free frame, or 0 when none is left. */
uintptr_t pmm_alloc(void);
/* n physically contiguous frames (for DMA), or 0. */
uintptr_t pmm_alloc_contig(size_t n);
/* Returns a frame; freeing a frame that is not allocated panics. */
void pmm_free(uintptr_t pa);
void pmm_free_contig(uintptr_t pa, size_t n);
size_t pmm_free_frames(void);
size_t pmm_total_frames(void);
/* Highest physical address of usable RAM (the end of the direct map's
 * useful part). */
uintptr_t pmm_ram_top(void);

#endif
