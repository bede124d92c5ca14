/* HAVE_MISC_DEVICE: misc_register() creates /dev nodes for a module (our /dev/dtrace). */
#include <linux/miscdevice.h>
int dtp_misc(struct miscdevice *m);
int dtp_misc(struct miscdevice *m) { return misc_register(m); }
