// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_syscall.c - the syscall provider on the raw syscall tracepoints
 * (sys_enter/sys_exit), found with for_each_kernel_tracepoint.  Probe
 * names come from the build's syscall tables (dt_syscalls_data.h): x64
 * and x32 (ia32 compat tasks) on x86_64, the native ABI on i386 and ARM.
 * entry: arg0..arg5 are the arguments; return: arg0 = arg1 = the value.
 * Without those tracepoints, or with syscall_fallback=1, dt_syscall_fb.c
 * attaches instead.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/tracepoint.h>
#include <linux/sched.h>
#include <linux/ptrace.h>
#include <asm/syscall.h>
#include <linux/moduleparam.h>
#include "dt_trace.h"
#include "dt_syscall.h"

struct dt_syscall_ent {
	unsigned short nr;
	const char *name;
};
#include "dt_syscalls_data.h"

struct dt_abi {
	const char *mod;
	const struct dt_syscall_ent *tab;
	u32 n;
	u32 max; /* highest number + 1 */
	u32 *map; /* nr -> entry probe id (return = id + 1), 0: none */
};

#define DT_ABI_MOD_64 "x64"
#define DT_ABI_MOD_ia32 "x32"
#define DT_ABI_MOD_32 ""
#define DT_ABI_MOD_eabi ""
#define DT_ABI_ENT(abi, t) { DT_ABI_MOD_##abi, t, ARRAY_SIZE(t), 0, NULL },
static struct dt_abi dt_abis[] = { DT_SYSCALL_ABIS(DT_ABI_ENT) };

static struct tracepoint *dt_tp_enter, *dt_tp_exit;

static int syscall_fallback;
module_param(syscall_fallback, int, 0644);
MODULE_PARM_DESC(syscall_fallback, "1: syscall probes without the sys_enter/sys_exit tracepoints (testing)");
static int dt_fb_on; /* the fallback is what is attached */

static void dt_find_tp(struct tracepoint *tp, void *priv)
{
	if (strcmp(tp->name, "sys_enter") == 0)
		dt_tp_enter = tp;
	else if (strcmp(tp->name, "sys_exit") == 0)
		dt_tp_exit = tp;
}

int dt_syscall_init(void)
{
	size_t a;
	u32 i;

	for (a = 0; a < ARRAY_SIZE(dt_abis); a++) {
		struct dt_abi *ab = &dt_abis[a];

		for (i = 0; i < ab->n; i++)
			ab->max = max_t(u32, ab->max, ab->tab[i].nr + 1U);
		ab->map = kcalloc(ab->max, sizeof(u32), GFP_KERNEL);
		if (!ab->map)
			return -ENOMEM;
		for (i = 0; i < ab->n; i++) {
			struct dt_probe *p = dt_probe_add(DT_PROV_SYSCALL, ab->mod,
							  ab->tab[i].name, "entry");

			if (!p)
				return -ENOMEM;
			p->abi = a;
			p->nr = ab->tab[i].nr;
			ab->map[p->nr] = p->id;
			p = dt_probe_add(DT_PROV_SYSCALL, ab->mod, ab->tab[i].name, "return");
			if (!p)
				return -ENOMEM;
			p->abi = a;
			p->nr = ab->tab[i].nr;
			p->ret = 1;
		}
	}
	for_each_kernel_tracepoint(dt_find_tp, NULL);
	return 0;
}

void dt_syscall_exit(void)
{
	size_t a;

	for (a = 0; a < ARRAY_SIZE(dt_abis); a++) {
		kfree(dt_abis[a].map);
		dt_abis[a].map = NULL;
	}
	dt_sysfb_exit();
}

static struct dt_probe *dt_sys_probe(long nr, int ret)
{
	const struct dt_abi *ab = &dt_abis[0];
	u32 id;

#if defined(CONFIG_X86_64) && defined(CONFIG_IA32_EMULATION)
	if (ARRAY_SIZE(dt_abis) > 1 && in_ia32_syscall())
		ab = &dt_abis[1];
#endif
	if (nr < 0 || nr >= ab->max)
		return NULL;
	id = ab->map[nr];
	return id ? &dt_probes[id - 1 + ret] : NULL;
}

static void dt_sys_enter(void *data, struct pt_regs *regs, long id)
{
	struct dt_probe *p = dt_sys_probe(id, 0);
	unsigned long a[6];
	u64 args[6];
	int i;

	if (!p || !p->necbs)
		return;
	syscall_get_arguments(current, regs, a);
	for (i = 0; i < 6; i++)
		args[i] = a[i];
	dt_fire(p, args, 6);
}

static void dt_sys_exit(void *data, struct pt_regs *regs, long ret)
{
	struct dt_probe *p = dt_sys_probe(syscall_get_nr(current, regs), 1);
	u64 args[2];

	if (!p || !p->necbs)
		return;
	args[0] = args[1] = (u64)(s64)ret;
	dt_fire(p, args, 2);
}

void dt_syscall_fire_entry(struct pt_regs *regs, long nr)
{
	dt_sys_enter(NULL, regs, nr);
}

void dt_syscall_fire_return(struct pt_regs *regs, long ret)
{
	dt_sys_exit(NULL, regs, ret);
}

int dt_syscall_enable(void)
{
	int err;

	if (syscall_fallback || !dt_tp_enter || !dt_tp_exit) {
		if (!syscall_fallback)
			pr_info("dtracedrv: no sys_enter/sys_exit tracepoints in this kernel\n");
		err = dt_sysfb_enable();
		dt_fb_on = !err;
		return err;
	}
	err = tracepoint_probe_register(dt_tp_enter, dt_sys_enter, NULL);
	if (err)
		return err;
	err = tracepoint_probe_register(dt_tp_exit, dt_sys_exit, NULL);
	if (err)
		tracepoint_probe_unregister(dt_tp_enter, dt_sys_enter, NULL);
	return err;
}

void dt_syscall_disable(void)
{
	if (dt_fb_on) {
		dt_sysfb_disable();
		dt_fb_on = 0;
		return;
	}
	tracepoint_probe_unregister(dt_tp_enter, dt_sys_enter, NULL);
	tracepoint_probe_unregister(dt_tp_exit, dt_sys_exit, NULL);
}
