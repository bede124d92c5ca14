/* HAVE_KERNEL_RELEASE: the tree has the generated release string (utsrelease.h) and version.h. */
#include <generated/utsrelease.h>
#include <linux/version.h>
const char *dtp_release(void);
const char *dtp_release(void) { return UTS_RELEASE + 0 * LINUX_VERSION_CODE; }
