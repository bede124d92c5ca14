/*
 * dt_bpf_pid.c - the pid provider (and USDT) on BPF: user function entry,
 * return and instruction offsets on uprobes.  Not implemented yet: pid
 * descriptions match no probe.
 */
#include <errno.h>
#include "dt_bpf_xl.h"

int dt_bpf_pid_provide(dt_bpf_ptab_t *t, const dt_probedesc_t *pd)
{
	(void)t;
	(void)pd;
	return 0;
}

int dt_bpf_pid_ctx(const dt_bpf_probe_t *pr)
{
	return pr->p_kind == DT_BPF_P_PID_RETURN ? DT_BPF_CTX_URETPROBE :
						   DT_BPF_CTX_UPROBE;
}

int dt_bpf_pid_attach(const dt_bpf_probe_t *pr, dt_bpf_prog_t *bp)
{
	(void)pr;
	(void)bp;
	errno = EOPNOTSUPP;
	return -1;
}

void dt_bpf_pid_arg(xl_t *x, int n)
{
	(void)n;
	E(MOV_I(R0, 0));
}
