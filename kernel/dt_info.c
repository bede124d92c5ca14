// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_info.c - /proc/dtrace/info: what this module was built for and what the
 * configure probe pass found, so a user (and testsuite/kmod) can see it.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/utsname.h>
#include "dt_kmod.h"
#include "dt_compat_proc.h"

struct dt_syscall_ent {
	unsigned short nr;
	const char *name;
};
#include "dt_syscalls_data.h"

static struct proc_dir_entry *dt_proc_dir;

static int dt_info_show(struct seq_file *m, void *v)
{
	seq_printf(m, "module: dtracedrv\n");
	seq_printf(m, "built_for: %s\n", DT_KERNEL_RELEASE);
	seq_printf(m, "running: %s\n", utsname()->release);
	seq_printf(m, "licence: %s\n", DT_MODULE_LICENSE);
	seq_printf(m, "probes: %d/%d\n", DT_PROBES_PASSED, DT_PROBES_TOTAL);
#define DT_SHOW_PROBE(name, ok) seq_printf(m, "probe: %-26s %s\n", #name, (ok) ? "yes" : "no");
	DT_PROBE_RESULTS(DT_SHOW_PROBE)
#define DT_SHOW_ABI(abi, tab) \
	seq_printf(m, "syscalls: %s %zu entries, last %u %s\n", #abi, ARRAY_SIZE(tab), \
		   tab[ARRAY_SIZE(tab) - 1].nr, tab[ARRAY_SIZE(tab) - 1].name);
	DT_SYSCALL_ABIS(DT_SHOW_ABI)
	dt_symtab_show(m);
	dt_selftest_show(m);
	return 0;
}

static int dt_info_open(struct inode *inode, struct file *file)
{
	return single_open(file, dt_info_show, NULL);
}

DT_PROC_OPS(dt_info_ops, dt_info_open);

int dt_info_init(void)
{
	dt_proc_dir = proc_mkdir("dtrace", NULL);
	if (!dt_proc_dir)
		return -ENOMEM;
	if (!proc_create("info", 0400, dt_proc_dir, &dt_info_ops)) {
		remove_proc_entry("dtrace", NULL);
		return -ENOMEM;
	}
	return 0;
}

void dt_info_exit(void)
{
	remove_proc_subtree("dtrace", NULL);
}
