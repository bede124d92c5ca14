/* HAVE_COMPAT: the kernel runs a second (compat) syscall ABI: CONFIG_COMPAT and in_compat_syscall(). */
#include <linux/compat.h>
#if !IS_ENABLED(CONFIG_COMPAT)
#error no CONFIG_COMPAT
#endif
int dtp_compat(void);
int dtp_compat(void) { return in_compat_syscall(); }
