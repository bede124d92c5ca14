/*
 * dt_program.h - a compiled D program: what the compiler hands to the
 * backends and to the consumer.
 *
 *  compiler ──► dt_program_t ──► backend (runs each clause's DIFO when a
 *                                matching probe fires, writes records)
 *                          └───► consumer (reads records by epid, formats
 *                                them with the actions described here)
 *
 * One clause = one DIFO (predicate + statements) + the list of actions
 * that tell the consumer what each slot of its record means.
 */
#ifndef DT_PROGRAM_H
#define DT_PROGRAM_H

#include <stdint.h>
#include <stddef.h>
#include "dif.h"
#include "dt_agg.h"

/* a probe description pattern: each field may hold globs; "" matches all */
typedef struct dt_probedesc {
	char *pd_prov;
	char *pd_mod;
	char *pd_func;
	char *pd_name;
	char *pd_text; /* as written, for messages */
	int pd_line;
} dt_probedesc_t;

/* what the consumer must do with a record slot (how to print it) */
typedef enum dt_slotfmt {
	DT_FMT_SINT = 1, /* signed integer of rs_size bytes */
	DT_FMT_UINT, /* unsigned integer */
	DT_FMT_PTR, /* pointer (prints as hex in trace) */
	DT_FMT_STRING, /* NUL-padded string of rs_size bytes */
	DT_FMT_BYTES, /* raw memory (structs, tracemem): printed as a dump */
	DT_FMT_STACK, /* kernel stack: rs_size/8 pcs, 0-terminated */
	DT_FMT_USTACK, /* user stack: pid, then pcs */
	DT_FMT_SYM, /* kernel address to print as symbol (sym(), %a) */
	DT_FMT_USYM, /* user address: pid, addr */
	DT_FMT_MOD,
	DT_FMT_UMOD
} dt_slotfmt_t;

/* what a statement does, as seen by the consumer */
typedef enum dt_actkind {
	DT_ACT_TRACE = 1, /* trace(x): one slot */
	DT_ACT_PRINTF, /* printf(fmt, ...): one slot per argument */
	DT_ACT_PRINTA, /* printa([fmt,] @a...): slots hold aggregation ids */
	DT_ACT_TRACEMEM, /* tracemem(addr, size [, dsize]) */
	DT_ACT_STACK, /* stack() */
	DT_ACT_USTACK, /* ustack() */
	DT_ACT_EXIT, /* exit(n): one slot */
	DT_ACT_CLEAR, /* clear(@a) */
	DT_ACT_TRUNC, /* trunc(@a [, n]): slot = n (absent: 0) */
	DT_ACT_NORMALIZE, /* normalize(@a, n): slot = n */
	DT_ACT_DENORMALIZE, /* denormalize(@a) */
	DT_ACT_SETOPT, /* setopt(name [, value]): format = name */
	DT_ACT_SYSTEM, /* system(fmt, ...): like printf, run by the consumer */
	DT_ACT_FREOPEN, /* freopen(fmt, ...) */
	DT_ACT_RAISE, /* raise(sig) */
	DT_ACT_STOP, /* stop() */
	DT_ACT_BREAKPOINT,
	DT_ACT_PANIC,
	DT_ACT_CHILL,
	DT_ACT_FTRUNCATE,
	DT_ACT_PRINTM,
	DT_ACT_SPECULATE, /* speculate(id): no slot, marks the clause */
	DT_ACT_COMMIT,
	DT_ACT_DISCARD,
	DT_ACT_PRINT /* print(x) */
} dt_actkind_t;

typedef struct dt_action {
	dt_actkind_t da_kind;
	uint32_t da_slot; /* first slot (index into the clause DIFO's slots) */
	uint32_t da_nslots;
	const char *da_fmt; /* printf/printa/system/freopen format; NULL if none */
	uint32_t da_aggid; /* clear/trunc/normalize/denormalize/printa(single) */
	int da_line; /* source line, for messages */
} dt_action_t;

typedef struct dt_clause {
	dt_probedesc_t *dc_probes;
	uint32_t dc_nprobes;
	difo_t dc_difo; /* predicate + statements */
	dt_slotfmt_t *dc_slotfmt; /* one per slot of dc_difo */
	dt_action_t *dc_acts;
	uint32_t dc_nacts;
	/*
	 * 1 if every statement is an aggregation: such a clause writes no
	 * record at all (DTrace prints nothing per firing for it).
	 */
	uint8_t dc_aggonly;
	int dc_line;
	/*
	 * Appended (compiler, for dtrace -v): the stability attributes of
	 * what the predicate and statements use, as name stability, data
	 * stability and dependency class (dt_stability.h); dc_usesargs: args[]
	 * is used, so the provider's argument attributes lower them too.
	 */
	uint8_t dc_attr[3];
	uint8_t dc_usesargs;
} dt_clause_t;

/* an aggregation (@name) */
typedef struct dt_aggdesc {
	uint32_t ag_id; /* 1.. */
	const char *ag_name; /* without '@'; "" for the anonymous @ */
	unsigned ag_func; /* enum dt_aggfunc */
	dt_aggparams_t ag_params;
	uint32_t ag_nkeys;
	dif_type_t *ag_keytypes; /* ag_nkeys types */
	dt_slotfmt_t *ag_keyfmt; /* ag_nkeys, how to print each key */
	uint32_t ag_keysize; /* bytes of the packed key (8 per integer,
				 dt_size per string/by-ref, in order) */
	uint32_t ag_nvals; /* dt_agg_nvals() */
	uint8_t ag_signed; /* value is signed (sum/min/max of unsigned: 0) */
} dt_aggdesc_t;

typedef struct dt_option {
	const char *op_name;
	const char *op_value; /* NULL for a boolean set */
} dt_option_t;

typedef struct dt_program {
	dt_clause_t *dp_clauses;
	uint32_t dp_nclauses;
	dif_var_t *dp_vars; /* every user variable */
	uint32_t dp_nvars;
	const char *dp_strtab; /* names of variables */
	uint32_t dp_strlen;
	dt_aggdesc_t *dp_aggs; /* dp_aggs[i].ag_id == i + 1 */
	uint32_t dp_naggs;
	uint32_t dp_globsize; /* bytes of the global scalar area */
	uint32_t dp_localsize; /* bytes of the clause-local (this->) area */
	dt_option_t *dp_opts; /* #pragma D option ... in source order */
	uint32_t dp_nopts;
} dt_program_t;

/*
 * Appended by the compiler: what each action's slots hold, as dt_compile()
 * lays them out (every slot's dt_slotfmt_t is in dc_slotfmt).
 *
 *  trace(x), print(x)   1 slot: x (integers at their own size, pointers 8
 *                       bytes DT_FMT_PTR, strings strsize bytes, char arrays
 *                       their size as DT_FMT_STRING, structs DT_FMT_BYTES)
 *  sym(x)/func(x)/mod(x) as a statement: DT_ACT_TRACE, 1 slot of 8 bytes
 *                       DT_FMT_SYM/DT_FMT_MOD; usym/ufunc/uaddr/umod: 16
 *                       bytes (pid, address) DT_FMT_USYM/DT_FMT_UMOD
 *  printf/system/freopen(fmt, a, ...)  da_fmt = fmt, 1 slot per argument
 *                       ('*' width/precision arguments included, in order)
 *  printa(@a)           no slot, da_aggid = @a
 *  printa(@a, @b ...)   da_aggid = @a, one 4-byte DT_FMT_UINT slot per
 *                       further aggregation holding its id
 *  printa(fmt, @a, @b ...) da_fmt = fmt, da_aggid = @a, then as above
 *  exit(n), raise(sig)  1 slot: 4-byte int
 *  chill(ns)            1 slot: 8-byte int
 *  clear(@a), denormalize(@a)  da_aggid, no slot
 *  trunc(@a [, n]), normalize(@a, n)  da_aggid, 1 slot: 8-byte n (trunc
 *                       without n records 0)
 *  setopt(name [, value])  da_fmt = name; value, if given, in 1 string slot
 *  tracemem(addr, size [, dsize])  1 slot of size bytes (DT_FMT_BYTES, the
 *                       REC copies from addr); dsize in a 2nd 8-byte slot
 *  stack([n]), ustack([n [, strsize]]), jstack  1 slot DT_FMT_STACK of
 *                       n*8 bytes (default 20 frames) / DT_FMT_USTACK of
 *                       (n+1)*8 bytes (default 100 frames): REC with %r0,
 *                       the backend fills it in
 *  speculate(id)        DIF_OP_SPEC, no slot
 *  commit(id), discard(id)  1 slot: the 8-byte id, then DIF_OP_COMMIT /
 *                       DIF_OP_DISCARD
 *  stop(), breakpoint(), panic(), ftruncate()  no slot
 *
 * Aggregation keys made by stack()/ustack() are pushed as 0 (PUSHTV %r0)
 * and described by ag_keyfmt DT_FMT_STACK/DT_FMT_USTACK with a by-ref
 * ag_keytypes entry of the stack's size: the backend must put the stack
 * there.  Integer keys have their own size in ag_keytypes (for printing)
 * and take 8 bytes of the packed key.
 */

#endif /* DT_PROGRAM_H */
