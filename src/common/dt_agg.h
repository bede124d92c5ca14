/*
 * dt_agg.h - aggregating functions: the value layout each keeps and the
 * bucket math of the quantizations.  Shared by every backend (they all
 * accumulate the same int64 arrays) and by the consumer (which merges the
 * per-CPU arrays and prints them).
 */
#ifndef DT_AGG_H
#define DT_AGG_H

#include "dt_port.h"

enum dt_aggfunc {
	DT_AGG_COUNT = 1, /* [count] */
	DT_AGG_SUM, /* [sum] */
	DT_AGG_AVG, /* [count, sum] */
	DT_AGG_MIN, /* [min]  (starts at INT64_MAX) */
	DT_AGG_MAX, /* [max]  (starts at INT64_MIN) */
	DT_AGG_STDDEV, /* [count, sum, sumsq_hi, sumsq_lo] 128-bit sum of squares */
	DT_AGG_QUANTIZE, /* DT_QUANTIZE_NBUCKETS counts */
	DT_AGG_LQUANTIZE, /* (limit-base)/step + 2 counts: under, steps, over */
	DT_AGG_LLQUANTIZE /* dt_llquantize_nbuckets() counts */
};

/*
 * quantize: power-of-two buckets.  Bucket DT_QUANTIZE_ZERO holds 0;
 * bucket ZERO+k (k = 1..63) holds values in [2^(k-1), 2^k); bucket
 * ZERO-k holds values in (-2^k, -2^(k-1)].
 */
#define DT_QUANTIZE_ZERO 63
#define DT_QUANTIZE_NBUCKETS 127

/* parameters of lquantize/llquantize, fixed at compile time */
typedef struct dt_aggparams {
	int64_t ap_base; /* lquantize: lower bound */
	int64_t ap_limit; /* lquantize: upper bound */
	int64_t ap_step; /* lquantize: step (> 0) */
	int64_t ap_factor; /* llquantize */
	int64_t ap_low; /* llquantize: low magnitude */
	int64_t ap_high; /* llquantize: high magnitude */
	int64_t ap_nsteps; /* llquantize: steps per magnitude */
} dt_aggparams_t;

/* number of int64 words an aggregating function keeps */
uint32_t dt_agg_nvals(unsigned func, const dt_aggparams_t *p);
/* initial value of a fresh element (min/max start at the extremes) */
void dt_agg_init(unsigned func, const dt_aggparams_t *p, int64_t *vals);
/* fold one datum in: value v with weight/increment w (1 unless given) */
void dt_agg_apply(unsigned func, const dt_aggparams_t *p, int64_t *vals,
		  int64_t v, int64_t w);
/* merge src into dst (per-CPU merge in the consumer) */
void dt_agg_merge(unsigned func, const dt_aggparams_t *p, int64_t *dst,
		  const int64_t *src);

/* bucket helpers (also used by the printers to label rows) */
int dt_quantize_bucket(int64_t v);
int64_t dt_quantize_bucket_min(int bucket);
int dt_lquantize_bucket(const dt_aggparams_t *p, int64_t v);
uint32_t dt_llquantize_nbuckets(const dt_aggparams_t *p);
int dt_llquantize_bucket(const dt_aggparams_t *p, int64_t v);
int64_t dt_llquantize_bucket_min(const dt_aggparams_t *p, int bucket);

/*
 * Row labels.  dt_quantize_bucket_min() is the value DTrace prints for the
 * row: for negative buckets the end nearest zero (-1, -2, -4, ...).
 * lquantize: levels = (limit-base)/step; bucket 0 holds v < base, bucket
 * i (1..levels) holds [base+(i-1)*step, base+i*step), bucket levels+1
 * holds v >= base+levels*step.  For the under/overflow buckets of
 * lquantize and llquantize the *_bucket_min helpers return the bound
 * printed next to '<' / '>=' (base and base+levels*step; factor^low and
 * factor^(high+1)).
 */
int64_t dt_lquantize_bucket_min(const dt_aggparams_t *p, int bucket);

/*
 * stddev() as DTrace prints it: integer sqrt(E[x^2] - E[x]^2) with the
 * 128-bit sum of squares, after dividing by the normalization factor
 * (1 when not normalized).
 */
uint64_t dt_agg_stddev(const int64_t *vals, uint64_t normal);

#endif /* DT_AGG_H */
