/* HAVE_COPY_FROM_USER_NOFAULT: fault-safe user reads from any context via copy_from_user_nofault(). */
#include <linux/uaccess.h>
long dtp_uload(void *d, const void __user *s, size_t n);
long dtp_uload(void *d, const void __user *s, size_t n) { return copy_from_user_nofault(d, s, n); }
