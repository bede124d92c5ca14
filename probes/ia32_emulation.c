/* HAVE_IA32_EMULATION: x86-64 runs the 32-bit syscall ABI too (IA32 emulation, ia32 unistd numbers). */
#include <linux/kconfig.h>
#include <asm/unistd_32_ia32.h>
#if !IS_ENABLED(CONFIG_IA32_EMULATION)
#error no IA32 emulation
#endif
int dtp_ia32 = __NR_ia32_getppid;
