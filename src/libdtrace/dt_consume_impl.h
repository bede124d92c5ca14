/*
 * dt_consume_impl.h - the consumer's private state, shared by its files:
 * dt_consume.c (records, trace, actions), dt_printf.c (printf engine),
 * dt_aggprint.c (aggregation totals, sorting, printing) and dt_errmsg.c
 * (runtime error and drop messages).
 */
#ifndef DT_CONSUME_IMPL_H
#define DT_CONSUME_IMPL_H

#include <stdio.h>
#include <stdint.h>
#include "dt_consume.h"
#include "dt_printf_fmt.h"

/* one element of an aggregation: packed key + running totals */
typedef struct dt_aggent {
	struct dt_aggent *ae_next; /* hash chain */
	uint64_t ae_hash;
	unsigned char *ae_key; /* ag_keysize bytes */
	int64_t *ae_vals; /* ag_nvals words */
} dt_aggent_t;

/* the totals of one aggregation */
typedef struct dt_aggtab {
	const dt_aggdesc_t *at_desc;
	dt_aggent_t **at_buckets;
	uint32_t at_nbuckets;
	uint32_t at_nents;
	int64_t at_normal; /* normalize() factor, 1 by default */
	int at_printed; /* printa'd: skip it in the exit print */
} dt_aggtab_t;

/* a value handed to the printf engine (from a record slot or a key) */
typedef struct dt_pfval {
	dt_slotfmt_t pv_fmt; /* how the value was recorded */
	uint32_t pv_size; /* bytes of the datum */
	int64_t pv_int; /* integers: the value, extended per pv_fmt */
	const void *pv_data; /* by-ref data (string, bytes, stack) */
} dt_pfval_t;

struct dt_consumer {
	dt_consumer_conf_t c_conf;
	FILE *c_out; /* where output goes now (freopen changes it) */
	FILE *c_ownfp; /* file opened by freopen, closed on restore */
	int c_quiet;
	int c_flowindent;
	int c_indent; /* flowindent depth */
	int c_hdrdone; /* the CPU/ID header was printed */
	int c_exited;
	int c_status;
	int c_aggsortkey, c_aggsortrev, c_aggsortpos, c_aggsortkeypos;
	int c_stackindent;
	int c_rawbytes;
	dt_aggtab_t *c_aggs; /* one per dp_aggs entry */
	uint32_t c_naggs;
	dt_pffmt_t **c_fmtcache; /* parsed formats, by (clause, action) */
};

/* dt_printf.c */
int dt_pf_print(dt_consumer_t *c, FILE *fp, const dt_pffmt_t *pf,
		const dt_pfval_t *args, uint32_t nargs, dt_aggtab_t **aggs,
		const dt_aggent_t *const *ents, uint32_t naggs);
/* "mod`sym+0x10", "mod`0x10" or "0x10" for an address */
void dt_pf_addr2str(dt_consumer_t *c, int user, int64_t pid, uint64_t addr,
		    int withoff, char *buf, size_t len);
/* the text of a sym()/usym()/mod()/umod() value */
void dt_pf_symval(dt_consumer_t *c, const dt_pfval_t *pv, char *buf,
		  size_t len);
int dt_pf_stack(dt_consumer_t *c, FILE *fp, const char *fmt, int user,
		const void *data, uint32_t size);

/* dt_aggprint.c */
int dt_aggs_init(dt_consumer_t *c);
void dt_aggs_fini(dt_consumer_t *c);
dt_aggtab_t *dt_agg_lookup_tab(dt_consumer_t *c, uint32_t aggid);
void dt_agg_print_value(dt_consumer_t *c, FILE *fp, const dt_aggtab_t *at,
			const dt_aggent_t *e, const char *convfmt);
int dt_printa(dt_consumer_t *c, const char *fmt, const uint32_t *aggids,
	      uint32_t naggids);
void dt_agg_clear(dt_consumer_t *c, uint32_t aggid);
void dt_agg_trunc(dt_consumer_t *c, uint32_t aggid, int64_t n);
void dt_agg_normalize(dt_consumer_t *c, uint32_t aggid, int64_t n);

/* dt_consume.c */
void dt_print_bytes(dt_consumer_t *c, FILE *fp, const void *addr, size_t n,
		    int width, int quiet, int forceraw);
void dt_snapshot(dt_consumer_t *c);

/* dt_errmsg.c */
const char *dt_fault_str(uint32_t fault);

#endif /* DT_CONSUME_IMPL_H */
