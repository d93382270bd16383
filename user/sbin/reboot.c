/* user/sbin/reboot.c - reboot: restart the machine.
 *
 * sync() first, so everything written so far is on the disk, then
 * reboot(RB_AUTOBOOT) (reboot(2) with LINUX_REBOOT_CMD_RESTART and
 * Linux's magic numbers).  The kernel writes back what is still dirty,
 * marks the filesystem clean and resets the machine.  QEMU runs with
 * -no-reboot, so there a restart ends QEMU like a power-off (exit status
 * 1, (0 << 1) | 1).  Like busybox's "reboot -f": init is not asked and
 * no process is stopped first.  Takes no arguments.  If reboot(2) fails
 * (EPERM for a user who is not root) reboot says why and exits 1.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc > 1) {
		dprintf(2, "reboot: extra operand '%s'\nusage: reboot\n",
			argv[1]);
		return 2;
	}
	sync();
	reboot(RB_AUTOBOOT);
	dprintf(2, "reboot: %s\n", strerror(errno));
	return 1;
}
