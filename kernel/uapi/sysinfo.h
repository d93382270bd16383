/* kernel/uapi/sysinfo.h - what sysinfo (116) fills on Linux i386: 64
 * bytes; memory sizes are in units of mem_unit bytes. */
#ifndef UAPI_SYSINFO_H
#define UAPI_SYSINFO_H

#define SI_LOAD_SHIFT 16

struct sysinfo {
	long uptime; /* seconds since boot */
	unsigned long loads[3]; /* 1, 5, 15 minute load, << SI_LOAD_SHIFT */
	unsigned long totalram;
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	unsigned short procs;
	unsigned short pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	unsigned int mem_unit;
	char _f[8];
};

#endif
