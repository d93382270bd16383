/* sys/reboot.h - reboot(RB_xxx); the wrapper supplies Linux's magic. */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#include <kernel/uapi/reboot.h>

#define RB_AUTOBOOT LINUX_REBOOT_CMD_RESTART
#define RB_HALT_SYSTEM LINUX_REBOOT_CMD_HALT
#define RB_ENABLE_CAD LINUX_REBOOT_CMD_CAD_ON
#define RB_DISABLE_CAD LINUX_REBOOT_CMD_CAD_OFF
#define RB_POWER_OFF LINUX_REBOOT_CMD_POWER_OFF

int reboot(int cmd);

#endif
