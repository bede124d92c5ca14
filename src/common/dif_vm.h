/*
 * dif_vm.h - the DIF interpreter: runs one difo_t (one clause) against a
 * per-CPU machine state and a program-wide environment.
 *
 * Shared by user space (libdtrace's in-process executor, unit tests) and
 * the dtracedrv kernel module, so it only depends on dt_port.h.
 *
 * How a backend uses it:
 *   1. once per program: fill a dif_env_t (variables, global area,
 *      aggregation specs, dynamic variable state, strsize, host ops) and
 *      run dif_validate() on every DIFO; never execute a DIFO that failed.
 *   2. once per CPU: dif_mstate_init() with that CPU's scratch, this->
 *      area, tuple buffer and aggregation buffer.
 *   3. per probe firing: dif_mstate_fire() (resets scratch and this->),
 *      then dif_vm_exec() for each enabled clause with the record buffer
 *      (dtdo_recsize bytes) it should write.
 *
 * Conventions the compiler relies on (beyond dif.h):
 *   - LDGA/STGA/LDTA/STTA, AGG, CALL and LDGV of args[]/uregs[] use the
 *     whole tuple stack (keys in push order; args[] index = first entry)
 *     and leave it empty.
 *   - Packed keys: each PUSHTV entry is 8 bytes (native order), each
 *     PUSHTS entry exactly strsize bytes (NUL-padded), each PUSHTR entry
 *     its uimm bytes, concatenated in push order.  Aggregation keys are
 *     zero-padded up to the aggregation's keysize.
 *   - AGG with r2 == %r0 means weight/increment 1.
 *   - Dynamic variables (self->, associative arrays): a missing element
 *     reads as 0, or for by-reference types as the address of zeroed
 *     memory (so a missing string reads as "").  Storing 0 into an
 *     integer element or "" into a string element deletes it.
 *   - A clause's predicate is false when DROP runs, or when RET runs with
 *     a zero value, dtdo_nacts > 0, the RET is not at dtdo_actpc[0], and
 *     no instruction at pc >= dtdo_actpc[0] ran before it (the predicate
 *     branched over the actions to a final RET, or to a RET placed
 *     before the actions).  Compilers should prefer DROP.
 *   - Loads and stores of 2, 4 and 8 bytes must be naturally aligned
 *     (DIF_FAULT_BADALIGN otherwise), as in DTrace.
 */
#ifndef DIF_VM_H
#define DIF_VM_H

#include "dif.h"
#include "dt_agg.h"

struct dt_dynvars;
struct dt_aggbuf;

/* an aggregation as the VM needs it (dt_program.h is user space only) */
typedef struct dif_aggspec {
	uint32_t as_id; /* 1.. ; de_aggs[i].as_id == i + 1 */
	uint32_t as_func; /* enum dt_aggfunc */
	uint32_t as_keysize; /* bytes of the packed key */
	uint32_t as_nvals; /* dt_agg_nvals(as_func, &as_params) */
	dt_aggparams_t as_params;
} dif_aggspec_t;

/*
 * What only the backend knows.  ctx is the dif_mstate_t's ms_ctx (the
 * backend's per-firing context).  Any pointer may be NULL: the op then
 * faults DIF_FAULT_ILLOP.
 */
typedef struct dif_hostops {
	/*
	 * Built-in variable id (enum dif_builtin); ndx is the index of
	 * args[] and uregs[] (0 otherwise).  String built-ins return an
	 * address.  Returns 0, or an enum dif_fault.
	 */
	int (*ho_builtin)(void *ctx, unsigned id, uint64_t ndx, uint64_t *valp);
	/* key that identifies the current thread for self-> variables */
	uint64_t (*ho_threadkey)(void *ctx);
	/* speculation(): a free speculation id, 0 if none */
	uint64_t (*ho_spec_alloc)(void *ctx);
	/* commit()/discard() of speculation id; return 0 or a dif_fault */
	int (*ho_spec_commit)(void *ctx, uint64_t id);
	int (*ho_spec_discard)(void *ctx, uint64_t id);
	/* progenyof(pid): 1 if the current process is pid or descends from it */
	int (*ho_progenyof)(void *ctx, uint64_t pid);
	/*
	 * Appended (kmod): AGG passes the packed, zero-padded key of
	 * aggregation aggid (keysize bytes, writable) before the update, so
	 * the backend can put in what the DIF pushed as 0 (stack() and
	 * ustack() keys, dt_program.h).  NULL: the key is used as packed.
	 * Returns 0 or an enum dif_fault.
	 */
	int (*ho_aggkey)(void *ctx, uint32_t aggid, uint8_t *key,
			 uint32_t keysize);
} dif_hostops_t;

/* program-wide environment, shared by all CPUs (read-only during exec,
 * except the global area and the dynamic variable state) */
typedef struct dif_env {
	const dif_var_t *de_vars; /* every user variable */
	uint32_t de_nvars;
	uint8_t *de_glob; /* global scalar area, de_globsize bytes, zeroed */
	uint32_t de_globsize;
	const dif_aggspec_t *de_aggs;
	uint32_t de_naggs;
	struct dt_dynvars *de_dynvars; /* self-> and associative arrays */
	uint32_t de_strsize; /* the strsize option (bytes) */
	uint32_t de_localsize; /* bytes of the this-> area */
	const dif_hostops_t *de_ops;
} dif_env_t;

/* one tuple stack entry */
typedef struct dif_tuple {
	uint64_t tu_val; /* PUSHTV: the value; PUSHTS: the string's address (0 for
			 * NULL); PUSHTR: address of the copy */
	uint32_t tu_off; /* offset of the packed bytes in ms_tbuf */
	uint32_t tu_size; /* bytes in the packed key */
} dif_tuple_t;

/* a memory range the VM reads directly (its own storage) */
typedef struct dif_range {
	uint64_t dr_base;
	uint64_t dr_end;
} dif_range_t;

#define DIF_NRANGES 12

/* per-CPU machine state: one per CPU, never shared while executing */
typedef struct dif_mstate {
	const dif_env_t *ms_env;
	void *ms_ctx; /* passed to the host ops */
	uint8_t *ms_scratch;
	uint32_t ms_scratch_size;
	uint32_t ms_scratch_used;
	uint8_t *ms_local; /* this-> area, de_localsize bytes */
	uint8_t *ms_tbuf; /* packed tuple bytes */
	uint32_t ms_tbuf_size;
	uint32_t ms_tbuf_used;
	dif_tuple_t ms_tuple[DIF_TUPLE_MAX];
	uint32_t ms_ntuple;
	struct dt_aggbuf *ms_aggbuf;
	uint8_t *ms_rec; /* record buffer of the running clause */
	uint32_t ms_recsize;
	uint64_t ms_strtok; /* strtok(): where the next token search starts */
	uint64_t ms_rand; /* rand() state, never 0 */
	uint64_t ms_spec; /* speculation id set by SPEC in this clause */
	uint64_t ms_dyndrops; /* dynamic variable drops (stores that failed) */
	uint64_t ms_aggdrops; /* aggregation drops */
	uint32_t ms_nranges;
	uint32_t ms_nfixed; /* ranges set by init; the rest: strtab, host */
	dif_range_t ms_ranges[DIF_NRANGES];
} dif_mstate_t;

/* suggested size of the tuple buffer for a given strsize */
#define DIF_TBUF_SIZE(strsize) (DIF_TUPLE_MAX * ((strsize) + 16))

void dif_mstate_init(dif_mstate_t *ms, const dif_env_t *env, void *ctx,
		     void *scratch, uint32_t scratchsize, void *local,
		     void *tbuf, uint32_t tbufsize, struct dt_aggbuf *aggbuf);

/*
 * Declare host memory the VM may read directly (e.g. the buffer that
 * holds execname and the probe names); returns -1 when the table is full.
 */
int dif_mstate_add_range(dif_mstate_t *ms, const void *base, uint32_t size);

/* seed rand() (0 is replaced by a fixed non-zero seed) */
void dif_mstate_seed(dif_mstate_t *ms, uint64_t seed);

/* start of a probe firing: empty scratch, zero the this-> area */
void dif_mstate_fire(dif_mstate_t *ms);

enum dif_status {
	DIF_ST_DONE = 0, /* clause ran to RET: commit the record */
	DIF_ST_PREDFALSE, /* predicate false: no record */
	DIF_ST_FAULT /* runtime error: see the dr_fault* fields */
};

typedef struct dif_result {
	int dr_status; /* enum dif_status */
	uint64_t dr_rv; /* RET's value */
	uint64_t dr_spec; /* speculation id from SPEC, 0 if none */
	uint32_t dr_fault; /* enum dif_fault */
	uint32_t dr_pc; /* faulting instruction (DIF offset = pc * 8) */
	uint32_t dr_action; /* 0: predicate, else 1-based action number */
	uint64_t dr_addr; /* BADADDR/BADALIGN: the address */
} dif_result_t;

/*
 * Run one validated DIFO.  rec is dtdo_recsize bytes (may be NULL if
 * dtdo_recsize is 0); it is zeroed first.  Returns res->dr_status.
 */
int dif_vm_exec(dif_mstate_t *ms, const difo_t *dp, uint8_t *rec,
		dif_result_t *res);

/* the action number of pc: 0 for the predicate, else 1-based */
uint32_t dif_pc_action(const difo_t *dp, uint32_t pc);

/*
 * Check a DIFO before it may run: opcodes, registers, no write to %r0,
 * forward in-range branches, inttab/strtab/slot/variable/aggregation/
 * subroutine indexes, final RET or DROP.  env may be NULL (variable and
 * aggregation ids are then only range-checked loosely).  Returns 0, or
 * -1 with *pcp = the bad instruction and *whyp = a static reason.
 */
int dif_validate(const difo_t *dp, const dif_env_t *env, uint32_t *pcp,
		 const char **whyp);

/* the user variable with this id, NULL if none */
const dif_var_t *dif_var_lookup(const dif_env_t *env, uint32_t id);

/* the largest key + value bytes any dynamic variable of env needs */
uint32_t dif_env_dynvar_maxsize(const dif_env_t *env);

#endif /* DIF_VM_H */
