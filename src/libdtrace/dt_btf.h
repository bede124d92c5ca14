/*
 * dt_btf.h - kernel types from BTF (/sys/kernel/btf/vmlinux): the
 * compiler's type importer, so that "struct task_struct", curthread->pid
 * and casts of probe arguments to kernel types work.  Loaded lazily, the
 * first time a program names a struct/union/enum it did not declare.
 */
#ifndef DT_BTF_H
#define DT_BTF_H

#include "dt_types.h"

/*
 * Hook BTF up as tt's importer.  The BTF file (DTRACE_BTF in the
 * environment, else /sys/kernel/btf/vmlinux; "none" disables it) is read
 * once per process and shared by every compilation.
 */
void dt_btf_attach(dt_typetab_t *tt);

#endif /* DT_BTF_H */
