/* HAVE_XEN_PV: Xen PV guest support is built in, so xen_pv_domain() can tell us to refuse raw patching. */
#include <linux/types.h>
#include <xen/xen.h>
#if !IS_ENABLED(CONFIG_XEN_PV)
#error no Xen PV guest support
#endif
int dtp_xen_pv(void);
int dtp_xen_pv(void) { return xen_pv_domain(); }
