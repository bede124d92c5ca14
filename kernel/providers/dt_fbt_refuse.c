// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_fbt_refuse.c - kernel functions fbt will not probe, beyond the
 * kernel's own kprobe blacklist, each with the reason.  They are what a
 * firing itself runs: probing them would make every firing recurse (the
 * per-CPU guard would drop the nested firing, but each would still pay a
 * breakpoint trap), or they run where a kprobe cannot be handled.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include "dt_trace.h"

static const struct {
	const char *name;
	int prefix;
	const char *why;
} dt_refuse[] = {
	{ "copy_from_kernel_nofault", 0, "every D load from kernel memory" },
	{ "copy_from_kernel_nofault_allowed", 0, "every D load from kernel memory" },
	{ "copy_from_user_nofault", 0, "every copyin()/copyinstr()" },
	{ "__copy_from_user_inatomic", 0, "copyin() on older kernels" },
	{ "ktime_get_mono_fast_ns", 0, "timestamp in every firing" },
	{ "ktime_get_real_fast_ns", 0, "walltimestamp" },
	{ "arch_local_irq_", 1, "local_irq_save/restore around every firing" },
	{ "native_irq_", 1, "paravirt interrupt-state ops (local_irq_save)" },
	{ "native_save_fl", 0, "paravirt interrupt-state ops (local_irq_save)" },
	{ "native_restore_fl", 0, "paravirt interrupt-state ops" },
	{ "xen_", 1, "paravirt callbacks under local_irq_save on Xen" },
	{ "_raw_spin_", 1, "dynamic-variable and speculation locks" },
	{ "do_raw_spin_", 1, "dynamic-variable and speculation locks" },
	{ "rcu_", 1, "the grace periods buffer switching relies on" },
	{ "__rcu_", 1, "the grace periods buffer switching relies on" },
	{ "synchronize_rcu", 1, "buffer switches" },
	{ "preempt_count_", 1, "called by every probe entry" },
	{ "get_kretprobe", 0, "fbt return probes" },
	{ "kretprobe_", 1, "fbt return probes" },
	{ "__kretprobe_", 1, "fbt return probes" },
	{ "kprobe_", 1, "kprobe handling" },
	{ "get_kprobe", 0, "runs in the int3 handler (kprobes, text patching)" },
	{ "text_poke", 1, "kernel text patching: ftrace's own updates of fbt sites" },
	{ "dif_", 1, "the DIF VM (module code)" },
	{ "dt_", 1, "dtracedrv itself" },
	{ "hrtimer_forward", 0, "profile timers re-arm from probe context" },
	{ "memcpy", 0, "records are copied with it" },
	{ "memset", 0, "every firing clears state with it" },
	{ "__memcpy", 0, "records are copied with it" },
	{ "__memset", 0, "every firing clears state with it" },
	{ "strscpy", 0, "probe table strings" },
};

const char *dt_fbt_refused(const char *func)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(dt_refuse); i++) {
		size_t n = strlen(dt_refuse[i].name);

		if (dt_refuse[i].prefix ? strncmp(func, dt_refuse[i].name, n) == 0 :
					  strcmp(func, dt_refuse[i].name) == 0)
			return dt_refuse[i].why;
	}
	return NULL;
}
