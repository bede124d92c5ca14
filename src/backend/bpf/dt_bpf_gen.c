/*
 * dt_bpf_gen.c - instruction buffer and forward/backward label fix-ups.
 */
#include <stdlib.h>
#include "dt_bpf_gen.h"

static int grow(void **p, uint32_t *cap, uint32_t need, size_t elt)
{
	uint32_t nc;
	void *np;

	if (need <= *cap)
		return 0;
	nc = *cap ? *cap * 2 : 256;
	while (nc < need)
		nc *= 2;
	np = realloc(*p, (size_t)nc * elt);
	if (np == NULL)
		return -1;
	*p = np;
	*cap = nc;
	return 0;
}

void dt_bpf_emit(dt_bpf_gen_t *g, struct bpf_insn i)
{
	if (grow((void **)&g->g_in, &g->g_cap, g->g_n + 1, sizeof(i)) != 0) {
		g->g_oom = 1;
		return;
	}
	g->g_in[g->g_n++] = i;
}

uint32_t dt_bpf_label(dt_bpf_gen_t *g)
{
	if (grow((void **)&g->g_lab, &g->g_labcap, g->g_nlab + 1,
		 sizeof(*g->g_lab)) != 0) {
		g->g_oom = 1;
		return 0;
	}
	g->g_lab[g->g_nlab] = -1;
	return g->g_nlab++;
}

void dt_bpf_place(dt_bpf_gen_t *g, uint32_t lab)
{
	if (lab < g->g_nlab)
		g->g_lab[lab] = g->g_n;
}

void dt_bpf_emit_jump(dt_bpf_gen_t *g, struct bpf_insn i, uint32_t lab)
{
	if (grow((void **)&g->g_fix, &g->g_fixcap, g->g_nfix + 1,
		 sizeof(*g->g_fix)) != 0) {
		g->g_oom = 1;
		return;
	}
	g->g_fix[g->g_nfix].f_at = g->g_n;
	g->g_fix[g->g_nfix].f_lab = lab;
	g->g_nfix++;
	dt_bpf_emit(g, i);
}

int dt_bpf_resolve(dt_bpf_gen_t *g)
{
	uint32_t k;

	if (g->g_oom)
		return -1;
	for (k = 0; k < g->g_nfix; k++) {
		const dt_bpf_fix_t *f = &g->g_fix[k];
		int64_t to, off;

		if (f->f_lab >= g->g_nlab || g->g_lab[f->f_lab] < 0)
			return -1;
		to = g->g_lab[f->f_lab];
		off = to - ((int64_t)f->f_at + 1);
		if (off < -32768 || off > 32767)
			return -1;
		g->g_in[f->f_at].off = (int16_t)off;
	}
	return 0;
}

void dt_bpf_gen_free(dt_bpf_gen_t *g)
{
	free(g->g_lab);
	free(g->g_fix);
	g->g_lab = NULL;
	g->g_fix = NULL;
	g->g_nlab = g->g_labcap = g->g_nfix = g->g_fixcap = 0;
}
