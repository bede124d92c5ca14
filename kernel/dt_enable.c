// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_enable.c - attach the providers for every probe a session enables,
 * and detach them all again.  Detaching ends with the providers' own
 * synchronisation (tracepoint_synchronize_unregister, unregister_kprobes,
 * hrtimer_cancel) plus a grace period, after which no probe handler can
 * still be running and the session may be freed.
 */
#include <linux/kernel.h>
#include <linux/rcupdate.h>
#include <linux/tracepoint.h>
#include <linux/sched/signal.h>
#include "dt_trace.h"

int dt_sess_enable(struct dt_sess *s)
{
	u32 i;
	int err = 0;

	for (i = 0; i < dt_nprobes && !err; i++) {
		struct dt_probe *p = &dt_probes[i];

		if (!p->necbs)
			continue;
		/* thousands of kprobes take a while: a signal (SIGINT,
		 * SIGKILL) stops the enabling, and what was attached is
		 * detached again below */
		if (signal_pending(current)) {
			err = -EINTR;
			break;
		}
		switch (p->prov) {
		case DT_PROV_PROFILE:
			err = dt_profile_enable(p);
			break;
		case DT_PROV_SYSCALL:
			if (!s->syscalls_on) {
				err = dt_syscall_enable();
				s->syscalls_on = !err;
			}
			break;
		case DT_PROV_SDT:
			err = dt_sdt_enable(p);
			break;
		case DT_PROV_FBT:
			/* a function the kernel will not kprobe is skipped and
			 * counted, so fbt:::entry takes what it can get */
			if (dt_fbt_enable(p))
				s->fbt_failed++;
			break;
		case DT_PROV_PID:
			err = dt_pid_enable(p);
			break;
		}
	}
	if (err) {
		dt_sess_disable(s);
		dt_fbt_reap_start();
	}
	return err;
}

void dt_sess_disable(struct dt_sess *s)
{
	u32 i;

	dt_fbt_disable_all();
	for (i = 0; i < dt_nprobes; i++) {
		struct dt_probe *p = &dt_probes[i];

		if (!p->pdata)
			continue;
		switch (p->prov) {
		case DT_PROV_PROFILE:
			dt_profile_disable(p);
			break;
		case DT_PROV_SDT:
			dt_sdt_disable(p);
			break;
		case DT_PROV_FBT:
			dt_fbt_disable(p);
			break;
		case DT_PROV_PID:
			dt_pid_disable(p);
			break;
		}
	}
	if (s->syscalls_on) {
		dt_syscall_disable();
		s->syscalls_on = 0;
	}
	tracepoint_synchronize_unregister();
	synchronize_rcu();
}
