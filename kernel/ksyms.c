/* kernel/ksyms.c - looking up the generated symbol table (see ksyms.h). */
#include "kernel/ksyms.h"

#include "kernel/kernel.h"
#include "kernel/string.h"

/* Generated: see tools/gen-ksyms. */
extern const uint32_t ksyms_count;
extern const uint32_t ksyms_addrs[];
extern const uint32_t ksyms_name_offsets[];
extern const char ksyms_names[];

const char *ksym_lookup(uint32_t addr, uint32_t *offset)
{
	uint32_t lo = 0, hi = ksyms_count;

	if (!ksyms_count || addr < ksyms_addrs[0] || addr >= (uint32_t)__text_end)
		return NULL;
	while (hi - lo > 1) { /* invariant: addrs[lo] <= addr < addrs[hi] */
		uint32_t mid = lo + (hi - lo) / 2;

		if (ksyms_addrs[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*offset = addr - ksyms_addrs[lo];
	return ksyms_names + ksyms_name_offsets[lo];
}

uint32_t ksym_address(const char *name)
{
	for (uint32_t i = 0; i < ksyms_count; i++)
		if (!strcmp(ksyms_names + ksyms_name_offsets[i], name))
			return ksyms_addrs[i];
	return 0;
}

uint32_t ksym_count(void)
{
	return ksyms_count;
}
