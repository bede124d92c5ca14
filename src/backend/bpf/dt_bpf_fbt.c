/*
 * dt_bpf_fbt.c - the fbt provider on BPF: kernel function entry and
 * return.  Not implemented yet: naming fbt says, once, why it cannot run
 * on this kernel (or that it is not there yet) and matches nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <bpf/bpf.h>
#include "dt_bpf_xl.h"

int dt_bpf_fbt_provide(dt_bpf_ptab_t *t, const dt_probedesc_t *pd)
{
	static int told;
	const char *why;

	(void)t;
	if (told || pd->pd_prov == NULL || strcmp(pd->pd_prov, "fbt") != 0)
		return 0;
	why = dt_bpf_fbt_unavailable();
	fprintf(stderr, "dtrace: fbt provider is not available with the BPF "
		"backend%s%s\n", why ? ": " : "", why ? why : " yet");
	told = 1;
	return 0;
}

int dt_bpf_fbt_ctx(const dt_bpf_probe_t *pr)
{
	return pr->p_kind == DT_BPF_P_FBT_RETURN ? DT_BPF_CTX_FEXIT :
						   DT_BPF_CTX_FENTRY;
}

enum bpf_prog_type dt_bpf_fbt_load_opts(const dt_bpf_probe_t *pr,
					struct bpf_prog_load_opts *o)
{
	(void)pr;
	(void)o;
	return BPF_PROG_TYPE_TRACING;
}

int dt_bpf_fbt_attach(const dt_bpf_probe_t *pr, dt_bpf_prog_t *bp)
{
	(void)pr;
	(void)bp;
	errno = EOPNOTSUPP;
	return -1;
}

void dt_bpf_fbt_arg(xl_t *x, int n)
{
	(void)n;
	E(MOV_I(R0, 0));
}
