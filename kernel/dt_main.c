// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_main.c - dtracedrv load and unload.  The symbol-table check comes
 * first: a module whose table is not this kernel's must not load at all.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include "dt_kmod.h"

static int __init dt_init(void)
{
	int err = dt_symtab_init();

	if (err)
		return err;
	dt_selftest_run();
	err = dt_info_init();
	if (err)
		return err;
	err = dt_dev_init();
	if (err) {
		dt_info_exit();
		return err;
	}
	pr_info("dtracedrv: loaded for %s (%d/%d probes)\n", DT_KERNEL_RELEASE,
		DT_PROBES_PASSED, DT_PROBES_TOTAL);
	return 0;
}

static void __exit dt_exit(void)
{
	dt_dev_exit();
	dt_info_exit();
	pr_info("dtracedrv: unloaded\n");
}

module_init(dt_init);
module_exit(dt_exit);
MODULE_LICENSE(DT_MODULE_LICENSE);
MODULE_DESCRIPTION("DTrace for Linux");
