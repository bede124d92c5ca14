/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * dt_fbt.h - between the fbt front (dt_fbt.c, kprobes) and its one-ftrace_ops
 * entry and one-fprobe return paths (dt_fbt_ftrace.c), and the fbt name index dt_probes.c uses.
 */
#ifndef DT_FBT_H
#define DT_FBT_H

#include <linux/types.h>

struct dt_probe;

int dt_fbt_ftrace_usable(void);
int dt_fbt_ftrace_enable(struct dt_probe *p);
void dt_fbt_ftrace_disable_all(void);
void dt_fbt_ftrace_reap_start(void);
void dt_fbt_ftrace_reap_wait(void);
/* return probes through one fprobe (dt_fbt_ftrace.c, kernels with fprobe) */
int dt_fbt_fprobe_usable(void);
int dt_fbt_fprobe_enable(struct dt_probe *p);

/* fbt name -> entry probe id (0: none), for dt_provide (dt_probes.c) */
u32 dt_fbt_lookup(const char *func);
int dt_fbt_index(u32 id);
void dt_fbt_index_free(void);
u32 dt_fbt_max(void);

#endif /* DT_FBT_H */
