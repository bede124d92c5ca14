/*
 * dt_ksym.h - kernel symbol addresses for `name and module`name in D
 * (from /proc/kallsyms, or $DTRACE_KALLSYMS for tests; "none" disables).
 */
#ifndef DT_KSYM_H
#define DT_KSYM_H

#include <stdint.h>

/*
 * Find name (in module mod, "vmlinux" for the kernel proper; NULL or ""
 * for any).  Fills *addr, *kind (kallsyms' letter, e.g. 'T', 'D') and
 * *modp (the symbol's module, "vmlinux" if none); 0 if found, -1 if not.
 */
int dt_ksym_lookup(const char *mod, const char *name, uint64_t *addr,
		   char *kind, const char **modp);

#endif /* DT_KSYM_H */
