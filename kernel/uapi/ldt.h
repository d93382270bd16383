/* kernel/uapi/ldt.h - set_thread_area (243) and get_thread_area (244):
 * the TLS descriptor a program asks for (Linux's asm/ldt.h).  With
 * entry_number -1 the kernel picks a free GDT TLS slot (Linux: 12-14) and
 * writes its number back; the program then loads a selector
 * (entry_number << 3 | 3) into %gs. */
#ifndef UAPI_LDT_H
#define UAPI_LDT_H

struct user_desc {
	unsigned int entry_number;
	unsigned int base_addr;
	unsigned int limit;
	unsigned int seg_32bit : 1;
	unsigned int contents : 2;
	unsigned int read_exec_only : 1;
	unsigned int limit_in_pages : 1;
	unsigned int seg_not_present : 1;
	unsigned int useable : 1;
};

#endif
