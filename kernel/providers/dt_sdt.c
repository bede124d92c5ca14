// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_sdt.c - the sdt provider: every kernel tracepoint is sdt:::NAME.
 * One handler serves all of them: a tracepoint calls its probes with
 * (data, arg1, ...), and on x86-64, i386 (regparm) and ARM EABI reading up
 * to six word-sized arguments is harmless even when fewer were passed;
 * arguments wider than a word (u64 on 32-bit kernels) show up split, a
 * documented limit until typed translators exist.
 */
#include <linux/kernel.h>
#include <linux/tracepoint.h>
#include "dt_trace.h"

static void dt_sdt_add(struct tracepoint *tp, void *priv)
{
	struct dt_probe *p;
	int *err = priv;

	if (*err)
		return;
	p = dt_probe_add(DT_PROV_SDT, "vmlinux", "", tp->name);
	if (!p)
		*err = -ENOMEM;
	else
		p->tp = tp;
}

int dt_sdt_init(void)
{
	int err = 0;

	for_each_kernel_tracepoint(dt_sdt_add, &err);
	return err;
}

static void dt_sdt_fn(void *data, unsigned long a0, unsigned long a1, unsigned long a2,
		      unsigned long a3, unsigned long a4, unsigned long a5)
{
	u64 args[6] = { a0, a1, a2, a3, a4, a5 };

	dt_fire(data, args, 6);
}

int dt_sdt_enable(struct dt_probe *p)
{
	int err = tracepoint_probe_register(p->tp, dt_sdt_fn, p);

	if (!err)
		p->pdata = p; /* marks it attached */
	return err;
}

void dt_sdt_disable(struct dt_probe *p)
{
	tracepoint_probe_unregister(p->tp, dt_sdt_fn, p);
	p->pdata = NULL;
}
