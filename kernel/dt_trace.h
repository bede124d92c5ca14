/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * dt_trace.h - the tracing core's state: the probe table, the one
 * consumer session (loaded program, per-CPU buffers) and the providers'
 * hooks.  See doc/dtrace-device.md for the design.
 */
#ifndef DT_TRACE_H
#define DT_TRACE_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include "dtrace_ioctl.h"
#include "dif_vm.h"
#include "dt_dynvar.h"
#include "dt_aggbuf.h"

enum dt_prov {
	DT_PROV_DTRACE = 0,
	DT_PROV_PROFILE,
	DT_PROV_SYSCALL,
	DT_PROV_SDT,
	DT_PROV_FBT,
	DT_PROV_PID,
	DT_PROV_NPROV
};

#define DT_PROBE_BEGIN 1
#define DT_PROBE_END 2
#define DT_PROBE_ERROR 3

struct dt_probe {
	u32 id;
	u8 prov; /* enum dt_prov */
	u8 ret; /* syscall/fbt: the return probe */
	u16 abi; /* syscall: index of the ABI table */
	u32 nr; /* syscall number */
	u64 period; /* profile: ns */
	u8 tick; /* profile: tick-N (one CPU) */
	void *tp; /* sdt: struct tracepoint */
	char *upath; /* pid: the executable (kmalloc'd, shared by entry/return) */
	u64 uoff; /* pid: file offset of the function */
	const char *mod; /* pid: kmalloc'd, owned by the entry probe */
	char func[DTD_FUNCLEN];
	char name[DTD_NAMELEN];
	/* set while a program is enabled (ECB list, provider's object) */
	u32 *ecbs; /* epids */
	u32 necbs;
	void *pdata;
};

/* what the built-in variables read while a clause runs */
struct dt_fctx {
	const struct dt_probe *probe;
	u32 epid;
	u64 args[10];
	u64 errno_val;
	/* a whole 64-byte window: the VM reads strings in 64-byte aligned
	 * pieces, and a piece inside a registered range is a plain copy
	 * instead of a nofault load (the predicate execname == "x") */
	char execname[64] __aligned(64);
	char prov[DTD_PROVLEN]; /* probeprov of pid probes: "pidNNN" */
	char zonename[8];
	char empty[8];
};

/*
 * One principal buffer half.  switch and fill append at len; ring wraps:
 * records live in [tail, end) then [0, len) once wrapped, else [0, len).
 */
struct dt_pbuf {
	u8 *data;
	u32 len;
	u32 tail, end;
	int wrapped;
	u64 drops;
};

#define DT_MAXFRAMES 256 /* deepest stack kept (kernel or user) */

/* one CPU's machine: only that CPU touches it from probe context */
struct dt_cpu {
	struct dt_sess *sess;
	int cpu;
	int busy; /* a probe is firing on this CPU: no recursion */
	int in_error;
	dif_mstate_t ms;
	void *scratch, *local, *tbuf;
	u8 *rec;
	struct dt_fctx fire;
	struct dt_pbuf buf[2];
	int cur; /* buf[cur] is written by probes; the consumer swaps */
	dt_aggbuf_t agg[2];
	void *aggarena[2];
	int aggcur;
	u64 fired; /* firings that ran clauses (this CPU only: no atomics) */
	u64 recursion; /* firings dropped: this CPU was already firing */
	int full; /* bufpolicy=fill: this CPU's buffer filled */
	/* this firing's stacks, walked once on first use (dt_stack.c) */
	int nkstk, nustk; /* -1: not walked yet */
	unsigned long *kstk, *ustk;
	char *symname; /* KSYM_SYMBOL_LEN: a frame's symbol */
	char *path; /* cwd/root (dt_cwd.c), PATH_MAX bytes */
};

struct dt_spec {
	raw_spinlock_t lock;
	int busy;
	u32 len, cap;
	u8 *data;
};

struct dt_sess {
	int state; /* enum dtd_state */
	void *blob; /* the serialized program; the DIFOs point into it */
	struct dtd_prog_hdr *hdr;
	difo_t *difos;
	u8 *aggonly;
	u32 nclauses;
	struct dtd_ecb *ecbs;
	u32 necbs;
	dif_env_t env;
	dif_hostops_t ops;
	dt_dynvars_t dyn;
	void *dynarena;
	raw_spinlock_t dynlock;
	unsigned long dynflags;
	struct dt_cpu **cpus; /* nr_cpu_ids, NULL for impossible CPUs */
	struct dt_spec *specs;
	u32 nspec;
	u32 bufsize;
	u32 bufpolicy; /* 0 switch, 1 fill, 2 ring */
	u32 endreserve; /* fill: bytes kept for END's records */
	const struct dtd_slotx **slotfmt; /* per clause, NULL if no stack slot */
	const struct dtd_aggkey **aggkeys; /* per aggregation, NULL if no stack key */
	u32 *aggnkeys; /* entries of aggkeys[i] */
	u8 *exitcl; /* per clause: it calls exit() */
	int exiting; /* a clause with exit() completed */
	atomic64_t errors, specdrops, specbusy;
	u64 fbt_failed;
	int syscalls_on;
};

/* dt_probes.c: the module-wide probe table */
extern struct mutex dt_lock; /* probe table and session changes */
extern struct dt_probe *dt_probes; /* dt_probes[id - 1] */
extern u32 dt_nprobes;
extern struct dt_sess *dt_active; /* the running session (RCU-free reads
				     under local_irq_save) */
int dt_probes_init(void);
void dt_probes_exit(void);
struct dt_probe *dt_probe_lookup(u32 id);
struct dt_probe *dt_probe_add(u8 prov, const char *mod, const char *func,
			      const char *name);
int dt_probes_list(struct dtd_ubuf *ub);
int dt_provide(struct dtd_provide *pq);

/* dt_load.c: parse and check a serialized program */
struct dt_sess *dt_sess_load(const void __user *ubuf, u64 len, int *errp);
void dt_sess_free(struct dt_sess *s);

/* dt_stack.c: the firing probe's registers, set around dt_fire();
   returns the previous */
struct pt_regs;
struct pt_regs *dt_stack_probe_regs(struct pt_regs *regs);

/* dt_fire.c: the probe path */
void dt_fire(struct dt_probe *p, const u64 *args, int nargs);
void dt_fire_forced(struct dt_sess *s, struct dt_probe *p);
int dt_sess_bufsnap(struct dt_sess *s, struct dtd_ubuf *ub);
int dt_sess_aggsnap(struct dt_sess *s, struct dtd_ubuf *ub);
void dt_sess_status(struct dt_sess *s, struct dtd_status *st);
int dt_sess_cpus_alloc(struct dt_sess *s);

/* dt_buf.c: principal buffer policies */
#define DT_POLICY_SWITCH 0
#define DT_POLICY_FILL 1
#define DT_POLICY_RING 2
int dt_buf_reserve(struct dt_cpu *c, u32 n);
void dt_buf_append(struct dt_cpu *c, int half, const void *p, u32 n);
u32 dt_buf_bytes(const struct dt_pbuf *b);
u32 dt_buf_copyout(struct dt_pbuf *b, u8 __user *dst);
void dt_buf_reset(struct dt_pbuf *b);

/* dt_stack.c: stack(), ustack(), caller, stackdepth, stack keys */
int dt_stack_alloc(struct dt_cpu *c);
void dt_stack_free(struct dt_cpu *c);
void dt_stack_fill(struct dt_cpu *c, const difo_t *dp, const struct dtd_slotx *sx, u8 *rec);
int dt_stack_builtin(struct dt_cpu *c, unsigned int id, u64 *valp);
int dt_stack_aggkey(void *ctx, uint32_t aggid, uint8_t *key, uint32_t keysize);

/* dt_cwd.c: cwd and root */
int dt_cwd(struct dt_cpu *c, int root, u64 *valp);

/* dt_enable.c: attach/detach the providers for a session's ECBs */
int dt_sess_enable(struct dt_sess *s);
void dt_sess_disable(struct dt_sess *s);

/* providers/ */
int dt_profile_enable(struct dt_probe *p);
void dt_profile_start(struct dt_probe *p);
void dt_profile_disable(struct dt_probe *p);
int dt_syscall_init(void);
void dt_syscall_exit(void);
int dt_syscall_enable(void);
void dt_syscall_disable(void);
int dt_sdt_init(void);
int dt_sdt_enable(struct dt_probe *p);
void dt_sdt_disable(struct dt_probe *p);
int dt_fbt_enable(struct dt_probe *p);
void dt_fbt_disable(struct dt_probe *p);
void dt_fbt_disable_all(void);
void dt_fbt_reap_wait(void);
void dt_fbt_reap_start(void);
const char *dt_fbt_refused(const char *func);
int dt_pid_enable(struct dt_probe *p);
void dt_pid_disable(struct dt_probe *p);

#endif /* DT_TRACE_H */
