/* HAVE_PARAVIRT: the kernel is built with CONFIG_PARAVIRT (may run under a hypervisor's pv ops). */
#include <linux/kconfig.h>
#if !IS_ENABLED(CONFIG_PARAVIRT)
#error no CONFIG_PARAVIRT
#endif
int dtp_paravirt;
