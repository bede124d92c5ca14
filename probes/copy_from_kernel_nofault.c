/* HAVE_COPY_FROM_KERNEL_NOFAULT: fault-safe kernel reads via copy_from_kernel_nofault() (5.8+). */
#include <linux/uaccess.h>
long dtp_load(void *d, const void *s, size_t n);
long dtp_load(void *d, const void *s, size_t n) { return copy_from_kernel_nofault(d, s, n); }
