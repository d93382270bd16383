/* sys/types.h - the system's basic types (bits/alltypes.h). */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <bits/alltypes.h>

#endif
