/* kernel/pmm.c - physical frame allocator: one bit per 4 KiB frame.
 *
 * A set bit means "in use or not RAM".  pmm_init() starts with every bit
 * set and clears the usable regions of the Multiboot memory map.  Single
 * frames are found next-fit from a moving hint, a word of 32 frames at a
 * time; contiguous runs by a linear scan.  Running out returns 0 (frame 0
 * is never handed out: the first MiB stays reserved).
 */
#include "kernel/pmm.h"

#include "kernel/kernel.h"
#include "kernel/multiboot.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/x86.h"

#define MAX_FRAMES (LOWMEM_LIMIT / PAGE_SIZE)
#define WORDS (MAX_FRAMES / 32)
#define RESERVED_LOW 0x100000u

static uint32_t bitmap[WORDS];
static size_t free_count, total_count;
static size_t hint; /* word index where the next search starts */
static uintptr_t ram_top;

static bool test_bit(size_t f) { return bitmap[f / 32] & (1u << (f % 32)); }
static void set_bit(size_t f) { bitmap[f / 32] |= 1u << (f % 32); }
static void clear_bit(size_t f) { bitmap[f / 32] &= ~(1u << (f % 32)); }

static void release_range(uint64_t base, uint64_t end, uintptr_t kernel_end)
{
	if (end > LOWMEM_LIMIT)
		end = LOWMEM_LIMIT;
	for (uint64_t pa = ALIGN_UP(base, PAGE_SIZE); pa + PAGE_SIZE <= end;
	     pa += PAGE_SIZE) {
		size_t f = pa / PAGE_SIZE;

		if (pa < RESERVED_LOW || (pa < kernel_end) || !test_bit(f))
			continue;
		clear_bit(f);
		free_count++;
		total_count++;
	}
	if (end > ram_top)
		ram_top = end;
}

void pmm_init(const struct mem_region *map, int count, uintptr_t kernel_end_pa)
{
	memset(bitmap, 0xFF, sizeof(bitmap));
	for (int i = 0; i < count; i++) {
		if (map[i].type != MEM_USABLE)
			continue;
		if (map[i].base >= LOWMEM_LIMIT) {
			pr_warn("pmm: ignoring RAM above %u MiB\n",
				LOWMEM_LIMIT >> 20);
			continue;
		}
		release_range(map[i].base, map[i].base + map[i].len,
			      kernel_end_pa);
	}
	printk("pmm: %u KiB free in %u frames\n", (unsigned)(free_count * 4),
	       (unsigned)free_count);
}

uintptr_t pmm_alloc(void)
{
	uint32_t flags = irq_save();
	uintptr_t pa = 0;

	for (size_t n = 0; n < WORDS && free_count; n++) {
		size_t w = (hint + n) % WORDS;

		if (bitmap[w] != 0xFFFFFFFFu) {
			size_t f = w * 32 + __builtin_ctz(~bitmap[w]);
			set_bit(f);
			free_count--;
			hint = w;
			pa = f * PAGE_SIZE;
			break;
		}
	}
	irq_restore(flags);
	return pa;
}

uintptr_t pmm_alloc_contig(size_t n)
{
	uint32_t flags = irq_save();
	size_t run = 0;
	uintptr_t pa = 0;

	if (n == 1) {
		irq_restore(flags);
		return pmm_alloc();
	}
	for (size_t f = RESERVED_LOW / PAGE_SIZE; n && f < MAX_FRAMES; f++) {
		if (f % 32 == 0 && bitmap[f / 32] == 0xFFFFFFFFu) {
			run = 0; /* 32 used frames: skip the word */
			f += 31;
			continue;
		}
		run = test_bit(f) ? 0 : run + 1;
		if (run == n) {
			size_t first = f + 1 - n;
			for (size_t i = first; i <= f; i++)
				set_bit(i);
			free_count -= n;
			pa = first * PAGE_SIZE;
			break;
		}
	}
	irq_restore(flags);
	return pa;
}

void pmm_free(uintptr_t pa)
{
	size_t f = pa / PAGE_SIZE;
	uint32_t flags;

	if (pa % PAGE_SIZE || pa < RESERVED_LOW || f >= MAX_FRAMES)
		panic("pmm_free: bad frame address %08x", (unsigned)pa);
	flags = irq_save();
	if (!test_bit(f))
		panic("pmm_free: frame %08x is already free", (unsigned)pa);
	clear_bit(f);
	free_count++;
	irq_restore(flags);
}

void pmm_free_contig(uintptr_t pa, size_t n)
{
	for (size_t i = 0; i < n; i++)
		pmm_free(pa + i * PAGE_SIZE);
}

size_t pmm_free_frames(void) { return free_count; }
size_t pmm_total_frames(void) { return total_count; }
uintptr_t pmm_ram_top(void) { return ram_top; }
