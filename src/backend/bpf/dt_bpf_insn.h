/*
 * dt_bpf_insn.h - building eBPF instructions by hand.
 *
 * The translator emits raw struct bpf_insn arrays (no clang at run time);
 * these macros spell each instruction form once so the translator reads
 * like assembly.
 */
#ifndef DT_BPF_INSN_H
#define DT_BPF_INSN_H

#include <linux/bpf.h>

#define BI(c, d, s, o, i)                                                      \
	((struct bpf_insn){ .code = (c), .dst_reg = (d), .src_reg = (s),       \
			    .off = (o), .imm = (i) })

/* 64-bit ALU: dst op= src / dst op= imm */
#define ALU_R(op, d, s) BI(BPF_ALU64 | (op) | BPF_X, d, s, 0, 0)
#define ALU_I(op, d, i) BI(BPF_ALU64 | (op) | BPF_K, d, 0, 0, i)
#define ALU32_I(op, d, i) BI(BPF_ALU | (op) | BPF_K, d, 0, 0, i)
#define ALU32_R(op, d, s) BI(BPF_ALU | (op) | BPF_X, d, s, 0, 0)
#define MOV_R(d, s) ALU_R(BPF_MOV, d, s)
#define MOV_I(d, i) ALU_I(BPF_MOV, d, i)
/* signed division/modulo (cpu v4: off = 1) */
#define SDIV_R(d, s) BI(BPF_ALU64 | BPF_DIV | BPF_X, d, s, 1, 0)
#define SMOD_R(d, s) BI(BPF_ALU64 | BPF_MOD | BPF_X, d, s, 1, 0)
/* byte swap to big endian of 16/32/64 bits */
#define BSWAP_BE(d, bits) BI(BPF_ALU | BPF_END | BPF_TO_BE, d, 0, 0, bits)

/* memory: dst = *(size *)(src + off); *(size *)(dst + off) = src/imm */
#define LDX(sz, d, s, o) BI(BPF_LDX | (sz) | BPF_MEM, d, s, o, 0)
#define STX(sz, d, s, o) BI(BPF_STX | (sz) | BPF_MEM, d, s, o, 0)
#define ST(sz, d, o, i) BI(BPF_ST | (sz) | BPF_MEM, d, 0, o, i)

/* 64-bit immediate: two instruction slots */
#define LD64_A(d, v) BI(BPF_LD | BPF_DW | BPF_IMM, d, 0, 0, (int32_t)(uint32_t)(v))
#define LD64_B(v) BI(0, 0, 0, 0, (int32_t)(uint32_t)((uint64_t)(v) >> 32))
#define LDMAP_A(d, fd) BI(BPF_LD | BPF_DW | BPF_IMM, d, BPF_PSEUDO_MAP_FD, 0, fd)

/* jumps: off is relative to the next instruction */
#define JA(o) BI(BPF_JMP | BPF_JA, 0, 0, o, 0)
#define J_R(op, d, s, o) BI(BPF_JMP | (op) | BPF_X, d, s, o, 0)
#define J_I(op, d, i, o) BI(BPF_JMP | (op) | BPF_K, d, 0, o, i)
#define CALL(f) BI(BPF_JMP | BPF_CALL, 0, 0, 0, f)
#define EXIT() BI(BPF_JMP | BPF_EXIT, 0, 0, 0, 0)

#endif /* DT_BPF_INSN_H */
