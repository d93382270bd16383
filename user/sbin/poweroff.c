/* user/sbin/poweroff.c - poweroff: turn the machine off.
 *
 * sync() first, so everything written so far is on the disk, then
 * reboot(RB_POWER_OFF) (reboot(2) with LINUX_REBOOT_CMD_POWER_OFF and
 * Linux's magic numbers).  The kernel writes back what is still dirty,
 * marks the filesystem clean and powers off; under QEMU with the
 * isa-debug-exit device QEMU exits with status 1, (0 << 1) | 1.  Like
 * busybox's "poweroff -f": init is not asked and no process is stopped
 * first; the data is safe because of the sync and the kernel's flush.
 * Takes no arguments.  If reboot(2) fails (e.g. EPERM for a user who is
 * not root) poweroff says why and exits 1.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc > 1) {
		dprintf(2, "poweroff: extra operand '%s'\nusage: poweroff\n",
			argv[1]);
		return 2;
	}
	sync();
	reboot(RB_POWER_OFF);
	dprintf(2, "poweroff: %s\n", strerror(errno));
	return 1;
}
