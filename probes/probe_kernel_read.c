/* HAVE_PROBE_KERNEL_READ: the older fault-safe read probe_kernel_read() (before 5.8). */
#include <linux/uaccess.h>
long dtp_load(void *d, const void *s, size_t n);
long dtp_load(void *d, const void *s, size_t n) { return probe_kernel_read(d, s, n); }
