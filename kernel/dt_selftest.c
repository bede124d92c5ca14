// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_selftest.c - small load-time proofs of what the probes claimed: the
 * chosen 64-bit divide gives the right answer and a kprobe (GPL-only export,
 * usable under "Dual MIT/GPL") can be registered and removed.
 */
#include <linux/kernel.h>
#include <linux/kprobes.h>
#include "dt_kmod.h"
#include "dt_port.h"

static char dt_div_result[96];
static char dt_kprobe_result[96];

void dt_selftest_run(void)
{
	/* volatile: make the compiler emit the division at run time. */
	volatile uint64_t a = 1000000000000000007ULL, b = 1000;
	uint64_t q = dt_port_udiv64(a, b), r = dt_port_umod64(a, b);

	snprintf(dt_div_result, sizeof(dt_div_result), "%s %s (%llu / %llu = %llu rem %llu)",
		 q == 1000000000000000ULL && r == 7 ? "ok" : "WRONG", DT_PORT_UDIV64_HOW,
		 (unsigned long long)a, (unsigned long long)b,
		 (unsigned long long)q, (unsigned long long)r);
#ifdef HAVE_KPROBES
	{
		static struct kprobe kp = { .symbol_name = "kfree" };
		int err = register_kprobe(&kp);

		if (err == 0) {
			unregister_kprobe(&kp);
			snprintf(dt_kprobe_result, sizeof(dt_kprobe_result), "ok (kfree)");
		} else {
			snprintf(dt_kprobe_result, sizeof(dt_kprobe_result), "failed (%d)", err);
		}
	}
#else
	snprintf(dt_kprobe_result, sizeof(dt_kprobe_result), "no kprobes in this kernel");
#endif
}

void dt_selftest_show(struct seq_file *m)
{
	seq_printf(m, "udiv64: %s\n", dt_div_result);
	seq_printf(m, "kprobe_selftest: %s\n", dt_kprobe_result);
}
