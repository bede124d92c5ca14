/*
 * dt_bpf_gen.h - a growing eBPF instruction buffer with labels, so the
 * translator can jump forward (DIF branches, fault exits) before it knows
 * where the target lands.
 */
#ifndef DT_BPF_GEN_H
#define DT_BPF_GEN_H

#include <stdint.h>
#include <linux/bpf.h>

typedef struct dt_bpf_fix {
	uint32_t f_at; /* jump instruction */
	uint32_t f_lab;
} dt_bpf_fix_t;

typedef struct dt_bpf_gen {
	struct bpf_insn *g_in;
	uint32_t g_n, g_cap;
	int64_t *g_lab; /* instruction index, -1 until placed */
	uint32_t g_nlab, g_labcap;
	dt_bpf_fix_t *g_fix;
	uint32_t g_nfix, g_fixcap;
	int g_oom;
} dt_bpf_gen_t;

void dt_bpf_emit(dt_bpf_gen_t *g, struct bpf_insn i);
uint32_t dt_bpf_label(dt_bpf_gen_t *g);
void dt_bpf_place(dt_bpf_gen_t *g, uint32_t lab);
/* emit a jump whose offset is filled in when lab is placed */
void dt_bpf_emit_jump(dt_bpf_gen_t *g, struct bpf_insn i, uint32_t lab);
/* patch every jump; -1 if a label was never placed or is out of reach */
int dt_bpf_resolve(dt_bpf_gen_t *g);
void dt_bpf_gen_free(dt_bpf_gen_t *g);

#endif /* DT_BPF_GEN_H */
