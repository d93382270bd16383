/* kernel/uapi/wait.h - wait4/waitpid options and the status word of the
 * Linux ABI: exited: code << 8; killed: the signal (| 0x80 with a core
 * dump); stopped: sig << 8 | 0x7f; continued: 0xffff. */
#ifndef UAPI_WAIT_H
#define UAPI_WAIT_H

#define WNOHANG 0x00000001
#define WUNTRACED 0x00000002
#define WSTOPPED WUNTRACED
#define WEXITED 0x00000004
#define WCONTINUED 0x00000008
#define WNOWAIT 0x01000000
#define __WNOTHREAD 0x20000000
#define __WALL 0x40000000
#define __WCLONE 0x80000000

#define W_EXITCODE(code, sig) (((code) & 0xff) << 8 | (sig))
#define W_STOPCODE(sig) ((sig) << 8 | 0x7f)
#define W_CONTINUED 0xffff
#define WCOREFLAG 0x80

#endif
