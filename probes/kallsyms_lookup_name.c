/* HAVE_KALLSYMS_LOOKUP_NAME: kallsyms_lookup_name() is still exported (unexported since 5.7). */
#include <linux/kallsyms.h>
unsigned long dtp_kln(const char *n);
unsigned long dtp_kln(const char *n) { return kallsyms_lookup_name(n); }
