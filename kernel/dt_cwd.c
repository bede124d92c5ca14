// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_cwd.c - the cwd and root built-in variables: d_path() of the
 * current task's working or root directory, into the CPU's path buffer.
 *
 * d_path() spins on rename_lock and mount_lock when a writer holds them,
 * and fs->lock pins the path while it runs.  A probe that fires inside
 * one of those writers (an fbt probe in d_move, a profile tick
 * interrupting it) would spin forever on its own CPU, so the walk is done
 * only where no such lock can be held by the interrupted code: process
 * context at a syscall boundary (syscall provider), a user breakpoint
 * (pid provider), and BEGIN/END (the consumer's ioctl).  Anywhere else
 * the variable is a DTrace runtime error (illegal operation).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/fs_struct.h>
#include <linux/dcache.h>
#include <linux/path.h>
#include <linux/err.h>
#include <linux/limits.h>
#include <linux/preempt.h>
#include "dt_trace.h"

static bool dt_cwd_safe(const struct dt_probe *p)
{
	if (!in_task())
		return false;
	switch (p->prov) {
	case DT_PROV_SYSCALL:
	case DT_PROV_PID:
		return true;
	case DT_PROV_DTRACE:
		return p->id == DT_PROBE_BEGIN || p->id == DT_PROBE_END;
	default:
		return false;
	}
}

int dt_cwd(struct dt_cpu *c, int root, u64 *valp)
{
	struct fs_struct *fs = current->fs;
	struct path path;
	char *r;

	if (!dt_cwd_safe(c->fire.probe))
		return DIF_FAULT_ILLOP;
	if (!fs) {
		/* an exiting task has no fs left */
		c->path[0] = 0;
		*valp = (uintptr_t)c->path;
		return 0;
	}
	spin_lock(&fs->lock);
	path = root ? fs->root : fs->pwd;
	r = d_path(&path, c->path, PATH_MAX);
	spin_unlock(&fs->lock);
	if (IS_ERR(r)) {
		c->path[0] = 0;
		r = c->path;
	}
	*valp = (uintptr_t)r;
	return 0;
}
