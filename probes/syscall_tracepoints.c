/* HAVE_SYSCALL_TRACEPOINTS: the sys_enter/sys_exit tracepoints exist (found by tracepoint iteration). */
#include <linux/tracepoint.h>
#include <trace/events/syscalls.h>
int dtp_systp(void);
int dtp_systp(void) { return sizeof(&__tracepoint_sys_enter) + sizeof(&__tracepoint_sys_exit); }
