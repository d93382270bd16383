/* kernel/uapi/time.h - time structures and clock ids of the Linux i386
 * ABI (32-bit time_t), shared by the kernel and the libc. */
#ifndef UAPI_TIME_H
#define UAPI_TIME_H

/* nanosleep, clock_gettime, the times in struct stat64: 8 bytes */
struct timespec {
	long tv_sec;
	long tv_nsec;
};

/* gettimeofday, select: 8 bytes */
struct timeval {
	long tv_sec;
	long tv_usec;
};

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7

#define TIMER_ABSTIME 1

#endif
