/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * dt_kmod.h - what the parts of dtracedrv share with each other.
 */
#ifndef DT_KMOD_H
#define DT_KMOD_H

#include <linux/types.h>
#include <linux/seq_file.h>

/* dt_symtab.c: the hidden-symbol table, relocated and checked at load. */
int dt_symtab_init(void);
unsigned long dt_hsym_addr(const char *name);
void dt_symtab_show(struct seq_file *m);

/* dt_info.c: /proc/dtrace/info. */
int dt_info_init(void);
void dt_info_exit(void);

/* dt_selftest.c: load-time checks whose results /proc/dtrace/info shows. */
void dt_selftest_run(void);
void dt_selftest_show(struct seq_file *m);

/* dt_dev.c: the /dev/dtrace misc device. */
int dt_dev_init(void);
void dt_dev_exit(void);

#endif /* DT_KMOD_H */
