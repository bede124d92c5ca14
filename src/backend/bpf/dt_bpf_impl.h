/*
 * dt_bpf_impl.h - what the parts of the BPF backend share: the layout of
 * the per-CPU scratch area and the constant map, the probe table, the
 * translator's entry point, and the backend state.
 */
#ifndef DT_BPF_IMPL_H
#define DT_BPF_IMPL_H

#include <stdint.h>
#include <stddef.h>
#include <linux/bpf.h>
#include "backend.h"

/* what a BPF program's context is, which decides how args are fetched */
enum dt_bpf_ctx {
	DT_BPF_CTX_DTRACE = 1, /* BEGIN/END, run with BPF_PROG_TEST_RUN */
	DT_BPF_CTX_SYSENTER, /* raw_tp sys_enter: args[0]=regs, args[1]=nr */
	DT_BPF_CTX_SYSEXIT, /* raw_tp sys_exit: args[0]=regs, args[1]=ret */
	DT_BPF_CTX_PERF, /* perf cpu-clock: struct bpf_perf_event_data */
	DT_BPF_CTX_RAWTP, /* sdt: raw tracepoint, args[i] */
	DT_BPF_CTX_FENTRY, /* fbt entry on fentry: args[i] */
	DT_BPF_CTX_FEXIT, /* fbt return on fexit: args[i], then the result */
	DT_BPF_CTX_KPROBE, /* fbt entry on a kprobe: struct pt_regs */
	DT_BPF_CTX_KRETPROBE, /* fbt return on a kretprobe: struct pt_regs */
	DT_BPF_CTX_UPROBE, /* pid/USDT on a uprobe: user struct pt_regs */
	DT_BPF_CTX_URETPROBE /* pid return on a uretprobe */
};

/* probe kinds in our table */
enum dt_bpf_pkind {
	DT_BPF_P_BEGIN = 1,
	DT_BPF_P_END,
	DT_BPF_P_ERROR,
	DT_BPF_P_PROFILE, /* every CPU */
	DT_BPF_P_TICK, /* one CPU */
	DT_BPF_P_SYSENTRY,
	DT_BPF_P_SYSRETURN,
	DT_BPF_P_SDT,
	DT_BPF_P_FBT_ENTRY, /* dt_bpf_fbt.c */
	DT_BPF_P_FBT_RETURN,
	DT_BPF_P_PID_ENTRY, /* dt_bpf_pid.c */
	DT_BPF_P_PID_RETURN,
	DT_BPF_P_PID_OFFSET,
	DT_BPF_P_USDT
};

#define DT_BPF_ABI_X64 0
#define DT_BPF_ABI_X32 1
/* syscall match key: abi << 16 | nr */
#define DT_BPF_SYSKEY(abi, nr) (((uint32_t)(abi) << 16) | (uint32_t)(nr))

typedef struct dt_bpf_probe {
	dt_probeinfo_t p_info;
	int p_kind;
	int p_abi; /* syscalls */
	int p_nr; /* syscalls: number; sdt: raw tracepoint arg count */
	uint64_t p_period_ns; /* profile/tick */
	void *p_priv; /* provider's own data (fbt, pid), freed with free() */
} dt_bpf_probe_t;

/* ring buffer message: this prefix, then a dt_rechdr_t and its data */
typedef struct dt_bpf_msg {
	uint32_t m_cpu;
	uint32_t m_tag; /* 0, or DT_BPF_TAG_* | speculation id */
} dt_bpf_msg_t;
#define DT_BPF_TAG_SPEC 0x10000u /* record belongs to speculation id */
#define DT_BPF_TAG_COMMIT 0x20000u /* commit speculation id */
#define DT_BPF_TAG_DISCARD 0x30000u /* discard speculation id */
#define DT_BPF_TAG_KIND 0xffff0000u

/* per-CPU statistics words (stats map, one u64 each) */
enum { DT_BPF_ST_DROPS, DT_BPF_ST_NESTED, DT_BPF_ST_DYNDROPS,
       DT_BPF_ST_SPECDROPS, DT_BPF_ST_SPECUNAVAIL, DT_BPF_ST_NSTATS };

/* constant map: per-ECB probe description strings, then string tables */
#define DT_BPF_ECB_STRIDE 256 /* u32 probe id, then 4 x 60-byte strings */
#define DT_BPF_ECB_PROV 16
#define DT_BPF_ECB_MOD 76
#define DT_BPF_ECB_FUNC 136
#define DT_BPF_ECB_NAME 196
#define DT_BPF_ECB_STRMAX 60

/* fixed offsets in the scratch value (see README.md) */
#define SC_BUSY 0 /* nesting guard */
#define SC_SELF 8 /* holds its own address: read back as a plain number */
#define SC_TMPP 16 /* pointer -> number conversion */
#define SC_HDR 64 /* everything after this is laid out per program */

typedef struct dt_bpf_layout {
	uint32_t sc_rec, sc_err, sc_tup, sc_tupv, sc_locals, sc_val, sc_zero,
		sc_stra, sc_strb, sc_spool, sc_pool, sc_size;
	uint32_t maxrec, maxkey, maxval, spool_size, pool_size, strsize;
	uint32_t co_strtab0, co_agginit, co_zonename, co_size;
	uint32_t *co_strtab; /* per clause: offset of its strtab */
	uint32_t *co_agginit_off; /* per agg id: offset of its init values */
	uint32_t gl_data, gl_size; /* globals map: header, then variables */
	int status_off; /* task_struct -> thread_info.status (TS_COMPAT) */
	int parent_off, tgid_off; /* task_struct real_parent, tgid */
} dt_bpf_layout_t;

typedef struct dt_bpf_maps {
	int scratch, globals, consts, stats, rb, spec;
	int *agg; /* per agg id (index id-1) */
	int *var; /* per user variable (index in dp_vars) for tls/assoc */
} dt_bpf_maps_t;

/* one clause as it runs on one attach point: which ECBs */
typedef struct dt_bpf_inst {
	const dt_clause_t *in_clause;
	uint32_t in_clidx;
	uint32_t *in_epid;
	uint32_t *in_key; /* syscall keys (DT_BPF_SYSKEY) parallel to in_epid */
	uint32_t in_n;
	/* many syscall ECBs: array map abi*1024+nr -> epid (else -1) */
	int in_mapfd;
} dt_bpf_inst_t;

/* what the translator needs to know about the whole run */
typedef struct dt_bpf_xenv {
	const dt_program_t *prog;
	const dt_ecb_t *ecbs;
	uint32_t necbs;
	const dt_bpf_layout_t *lay;
	const dt_bpf_maps_t *maps;
	const dt_bpf_inst_t *errinst; /* ERROR clauses, inlined on faults */
	uint32_t nerrinst;
	uint32_t nspec;
	int ncpus;
	int use_perfbuf; /* records through perf_event_output, not ringbuf */
	const struct dt_bpf_ptab *pt; /* the probe table */
	const struct dt_bpf_prog *bp; /* the program being translated */
} dt_bpf_xenv_t;

/*
 * Translate every clause instance of one attach point into one program.
 * Returns 0 and sets insns and ninsns (malloc'd), or -1 with a one-line
 * reason in err and *badclause set to the offending instance index.
 */
int dt_bpf_xlate(const dt_bpf_xenv_t *env, int ctxkind,
		 const dt_bpf_inst_t *inst, uint32_t ninst,
		 struct bpf_insn **insns, uint32_t *ninsns, char *err,
		 size_t errlen, uint32_t *badclause);

/* probes (dt_bpf_probes.c) */
typedef struct dt_bpf_ptab {
	dt_bpf_probe_t *pt;
	uint32_t n, cap;
	int sdt_done; /* sdt probes appended */
	int provided; /* bo_provide was used (matching, not listing) */
} dt_bpf_ptab_t;
int dt_bpf_probes_init(dt_bpf_ptab_t *t);
int dt_bpf_probes_provide(dt_bpf_ptab_t *t, const dt_probedesc_t *pd);
/* append a probe (strings copied); its id is t->n afterwards */
int dt_bpf_probe_add(dt_bpf_ptab_t *t, const char *prov, const char *mod,
		     const char *func, const char *name, int kind);
void dt_bpf_probes_sdt(dt_bpf_ptab_t *t);
void dt_bpf_probes_free(dt_bpf_ptab_t *t);
const dt_bpf_probe_t *dt_bpf_probe_byid(const dt_bpf_ptab_t *t, uint32_t id);
int dt_bpf_sdt_nargs(const char *tp);

/*
 * One BPF program: every clause instance of one attach point, or for
 * uprobes with uprobe_multi links, of every probe of one object in one
 * process (entry and offset probes in one program, return probes in
 * another, USDT probes in a third).  Such a program is told which probe fired by its attach
 * cookie: the low 32 bits are the probe's index in bp_probes, the high 32
 * a USDT probe's argument slot + 1 (0 for pid probes).
 */
typedef struct dt_bpf_prog {
	int bp_ctx; /* enum dt_bpf_ctx */
	uint32_t bp_probe; /* perf/sdt/fbt/uprobe: the (first) probe id */
	uint32_t *bp_probes; /* uprobes: every probe id, by cookie index */
	uint32_t bp_nprobes;
	dt_bpf_inst_t *bp_inst;
	uint32_t bp_ninst;
	int bp_fd;
	int *bp_links;
	int bp_nlinks;
} dt_bpf_prog_t;

/*
 * attaching (dt_bpf_attach.c): the context kind of a probe kind, whether
 * each probe of that context gets its own program, the program type and
 * load options for a program, and attaching a loaded program (links are
 * added to bp->bp_links; every one is a file descriptor of ours).
 */
struct bpf_prog_load_opts;
int dt_bpf_ctx_of(const dt_bpf_probe_t *pr);
int dt_bpf_ctx_per_probe(int ctx);
enum bpf_prog_type dt_bpf_load_opts(const dt_bpf_ptab_t *pt,
				    const dt_bpf_prog_t *bp,
				    struct bpf_prog_load_opts *o);
int dt_bpf_attach(const dt_bpf_ptab_t *pt, int ncpus, dt_bpf_prog_t *bp);
/* keep link (or perf event) fd in bp; closes it and fails if out of memory */
int dt_bpf_add_link(dt_bpf_prog_t *bp, int fd);
/* run bp on perf event fd, enable it and keep it (closed on failure) */
int dt_bpf_perf_link(dt_bpf_prog_t *bp, int fd);

/*
 * Providers in their own files (dt_bpf_fbt.c, dt_bpf_pid.c), called from
 * dt_bpf_probes.c (provide: add the probes pd may name), dt_bpf_attach.c
 * (context kind, program type and load options, attach) and
 * dt_bpf_args.c (argument fetch, through the translator's state).
 */
struct xl;
int dt_bpf_fbt_provide(dt_bpf_ptab_t *t, const dt_probedesc_t *pd);
int dt_bpf_fbt_ctx(const dt_bpf_probe_t *pr);
enum bpf_prog_type dt_bpf_fbt_load_opts(const dt_bpf_probe_t *pr,
					struct bpf_prog_load_opts *o);
int dt_bpf_fbt_attach(const dt_bpf_probe_t *pr, dt_bpf_prog_t *bp);
int dt_bpf_fbt_skip(const dt_bpf_probe_t *pr);
void dt_bpf_fbt_arg(struct xl *x, int n);
int dt_bpf_pid_provide(dt_bpf_ptab_t *t, const dt_probedesc_t *pd);
int dt_bpf_pid_ctx(const dt_bpf_probe_t *pr);
int dt_bpf_pid_attach(const dt_bpf_ptab_t *pt, dt_bpf_prog_t *bp);
/* 1 if probes a and b go in one program (one uprobe_multi link) */
int dt_bpf_pid_same_prog(const dt_bpf_probe_t *a, const dt_bpf_probe_t *b);
void dt_bpf_pid_arg(struct xl *x, int n);

/*
 * The record channel (dt_bpf_perfbuf.c): a BPF ring buffer when the kernel
 * has one, else a perf event array (or when DTRACE_BPF_BUFFER=perf).
 * dt_bpf_xl_output emits the output call: R2 = data, R3 = size; R0 = 0
 * once the record is out; R1-R5 clobbered.
 */
void dt_bpf_xl_output(struct xl *x);

/* bo_argtype (dt_bpf_argtype.c): args[n]'s C type for sdt and fbt probes */
const char *dt_bpf_argtype(dt_backend_t *be, const dt_probedesc_t *pds,
			   uint32_t npds, int n);

/* kernel facts found through BTF (dt_bpf_btf.c) */
int dt_bpf_btf_offsets(dt_bpf_layout_t *lay, char *err, size_t errlen);
const char *dt_bpf_fbt_unavailable(void);
/* 1 if fentry/fexit programs load on this kernel (tested once) */
int dt_bpf_fentry_works(void);
/* a kernel function's BTF id (-1 if none) and its parameter count */
int dt_bpf_btf_func(const char *name, int *nargs);
/* 1 if fentry/fexit can attach to it (few, scalar or pointer args) */
int dt_bpf_btf_fentry_ok(int funcid);
/* every function vmlinux BTF describes, by name, each once */
int dt_bpf_btf_funcs(void (*cb)(const char *name, void *arg), void *arg);
/* C type of parameter n (n < 0: the result), NULL if D cannot name it */
const char *dt_bpf_btf_argtype(int funcid, int n);
/* the C type of args[n] of an fbt probe (for bo_argtype), or NULL */
const char *dt_bpf_fbt_argtype(const dt_bpf_probe_t *pr, int n);
/* the same for clause descriptions that name fbt probes literally */
const char *dt_bpf_fbt_argtypes(const dt_probedesc_t *pds, uint32_t npds,
				int n);



#endif /* DT_BPF_IMPL_H */
