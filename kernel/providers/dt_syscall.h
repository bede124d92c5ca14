/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * dt_syscall.h - between the syscall provider (dt_syscall.c, tracepoints)
 * and its fallback without them (dt_syscall_fb.c).
 */
#ifndef DT_SYSCALL_H
#define DT_SYSCALL_H

struct pt_regs;

/* fire syscall entry/return for the current task; regs: its user regs */
void dt_syscall_fire_entry(struct pt_regs *regs, long nr);
void dt_syscall_fire_return(struct pt_regs *regs, long ret);

int dt_sysfb_enable(void);
void dt_sysfb_disable(void);
void dt_sysfb_exit(void);

#endif /* DT_SYSCALL_H */
