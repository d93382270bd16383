/* sys/klog.h - klogctl: the kernel log (syslog(2); dmesg reads it with
 * type 3, READ_ALL, and sizes its buffer with type 10, SIZE_BUFFER). */
#ifndef _SYS_KLOG_H
#define _SYS_KLOG_H

int klogctl(int type, char *buf, int len);

#endif
