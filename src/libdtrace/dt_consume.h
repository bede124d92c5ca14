/*
 * dt_consume.h - the consumer: turns what a backend produced (record
 * buffers and aggregation snapshots) into DTrace's output, byte for byte.
 *
 * Every backend hands over the same two things:
 *
 *  1. Record buffers, one stream per CPU: a sequence of records, each
 *     a dt_rechdr_t followed by dr_size bytes of data (the clause's record
 *     laid out by its DIFO slots), the whole record padded to 8 bytes.
 *     Epid 0 is a runtime-error record whose data is a dt_errrec_t.
 *
 *  2. Aggregation data: per CPU, (aggregation id, packed key, int64 value
 *     array) elements accumulated SINCE THE LAST SNAPSHOT (backends drain
 *     their aggregation buffers).  The consumer keeps the running totals,
 *     merging with dt_agg_merge(); clear(), trunc() and normalize() act on
 *     those totals; it sorts and prints as DTrace does.
 */
#ifndef DT_CONSUME_H
#define DT_CONSUME_H

#include <stdio.h>
#include <stdint.h>
#include "dt_program.h"

typedef struct dt_rechdr {
	uint32_t dr_epid; /* enabled probe id; 0: runtime error record */
	uint32_t dr_size; /* bytes of data after the header */
	uint64_t dr_timestamp; /* ns, when the probe fired */
} dt_rechdr_t;

typedef struct dt_errrec {
	uint32_t de_epid; /* the enabled probe that faulted */
	uint32_t de_action; /* action number, 1-based */
	uint32_t de_offset; /* DIF byte offset (pc * 8) */
	uint32_t de_fault; /* enum dif_fault */
	uint64_t de_addr; /* faulting address (BADADDR, BADALIGN) */
} dt_errrec_t;

/* an enabled probe: one (clause, probe) pair, numbered from 1 */
typedef struct dt_ecb {
	uint32_t ec_epid;
	uint32_t ec_probeid; /* the ID column */
	const char *ec_prov;
	const char *ec_mod;
	const char *ec_func;
	const char *ec_name;
	const dt_clause_t *ec_clause;
} dt_ecb_t;

typedef struct dt_consumer dt_consumer_t;

/* what the consumer needs to know about the run */
typedef struct dt_consumer_conf {
	const dt_program_t *cc_prog;
	const dt_ecb_t *cc_ecbs; /* cc_ecbs[i].ec_epid == i + 1 */
	uint32_t cc_necbs;
	FILE *cc_out; /* stdout or -o file */
	FILE *cc_err; /* stderr */
	int cc_quiet; /* -q / quiet option */
	int cc_flowindent; /* -F */
	/* options that shape output (as set by -x or #pragma) */
	int cc_aggsortkey, cc_aggsortrev, cc_aggsortpos, cc_aggsortkeypos;
	uint32_t cc_strsize;
	/*
	 * Ask the backend to drain its aggregation buffers now, calling
	 * dt_agg_add() for each element (before printa and the final print).
	 */
	void (*cc_snapshot)(void *arg);
	/* called for actions the consumer cannot do by itself */
	int (*cc_setopt)(void *arg, const char *name, const char *value);
	void *cc_arg;
	/* --- appended by the consumer (cons) --- */
	/*
	 * Symbol lookup for %a/%A, sym()/usym(), stack()/ustack() frames
	 * (user != 0: in process pid).  Returns 0 with *mod set (and *sym,
	 * *symaddr if a symbol covers addr, else *sym = NULL), -1 if unknown:
	 * the consumer then prints the bare address as DTrace does.  NULL:
	 * nothing is ever known.
	 */
	int (*cc_lookup)(void *arg, int user, int64_t pid, uint64_t addr,
			 const char **mod, const char **sym, uint64_t *symaddr);
	/*
	 * Actions the backend carries out when their record is consumed:
	 * DT_ACT_RAISE (value = signal), DT_ACT_STOP, DT_ACT_BREAKPOINT,
	 * DT_ACT_PANIC, DT_ACT_CHILL (value = ns).  NULL: ignored.
	 */
	void (*cc_action)(void *arg, dt_actkind_t kind, int64_t value);
	int cc_stackindent; /* stackindent option; 0 means DTrace's 14 */
	int cc_rawbytes; /* rawbytes option: trace() of bytes always dumps */
} dt_consumer_conf_t;

dt_consumer_t *dt_consumer_create(const dt_consumer_conf_t *conf);
void dt_consumer_destroy(dt_consumer_t *c);

/*
 * Consume one CPU's records.  Returns 0, or 1 once an exit() record was
 * seen (the caller stops tracing, then prints aggregations), or -1 on a
 * malformed buffer.
 */
int dt_consume_records(dt_consumer_t *c, int cpu, const void *buf, size_t len);

/* the exit status the last exit() record asked for */
int dt_consumer_exit_status(const dt_consumer_t *c);

/*
 * Fold one drained aggregation element (one CPU's delta) into the totals.
 * key is ag_keysize bytes, vals ag_nvals words of aggregation aggid.
 */
void dt_agg_add(dt_consumer_t *c, uint32_t aggid, const void *key,
		const int64_t *vals);

/* print every aggregation not yet printed, as DTrace does at exit */
void dt_consume_final_aggs(dt_consumer_t *c);

/* "dtrace: N drops on CPU k" and friends, on cc_err */
void dt_consume_drops(dt_consumer_t *c, int cpu, uint64_t drops);

/* --- appended by the consumer (cons) --- */

/* the kinds of drop a backend reports, worded as DTrace words them */
enum dt_dropkind {
	DT_DROP_PRINCIPAL = 0, /* N drops on CPU k (same as dt_consume_drops) */
	DT_DROP_AGGREGATION, /* N aggregation drops on CPU k */
	DT_DROP_DYNAMIC, /* N dynamic variable drops */
	DT_DROP_DYNRINSE, /* ... with non-empty rinsing list */
	DT_DROP_DYNDIRTY, /* ... with non-empty dirty list */
	DT_DROP_SPEC, /* N speculative drops */
	DT_DROP_SPECBUSY, /* N failed speculations (available buffer(s) still busy) */
	DT_DROP_SPECUNAVAIL, /* N failed speculations (no speculative buffer available) */
	DT_DROP_STKSTROVERFLOW, /* N jstack()/ustack() string table overflows */
	DT_DROP_DBLERROR /* N errors in ERROR probe enabling */
};
/* print one drop message on cc_err (nothing when n == 0); cpu is used by
 * the per-CPU kinds only */
void dt_consume_drop(dt_consumer_t *c, enum dt_dropkind kind, int cpu,
		     uint64_t n);

/*
 * The runtime error message for an error record, without the "dtrace: "
 * prefix and newline, into buf (also what dt_consume_records prints).
 */
void dt_consume_errmsg(const dt_consumer_t *c, const dt_errrec_t *er,
		       char *buf, size_t len);

/* the fault's text as DTrace words it ("invalid address", ...) */
const char *dt_fault_str(uint32_t fault);

#endif /* DT_CONSUME_H */
