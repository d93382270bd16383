/* iface.c - netstat -i: the interfaces' short table.  The interfaces are
 * read by ifconfig's code (iface_impl.h, compiled here too: one copy of
 * what knows this OS's /proc/net/if_inet and Linux's ioctls). */
#include <stdio.h>
#include <stdlib.h>

#include "../ifconfig/iface.h"
#include "../ifconfig/iface_impl.h"
#include "netstat.h"

int show_ifaces(void)
{
	struct iface *list;
	int n = iface_list("netstat", &list);

	if (n < 0)
		return 1;
	printf("Kernel Interface table\n");
	iface_print_short_header();
	for (int k = 0; k < n; k++)
		if (opt.all || (list[k].flags & IFF_UP))
			iface_print_short(&list[k]);
	free(list);
	return 0;
}
