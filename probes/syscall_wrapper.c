/* HAVE_SYSCALL_WRAPPER: syscalls take a struct pt_regs * (ARCH_HAS_SYSCALL_WRAPPER, __x64_sys_* names). */
#include <linux/kconfig.h>
#if !IS_ENABLED(CONFIG_ARCH_HAS_SYSCALL_WRAPPER)
#error no pt_regs syscall wrappers
#endif
int dtp_sysw;
