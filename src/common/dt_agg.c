/*
 * dt_agg.c - aggregating functions and quantization bucket math
 * (see dt_agg.h).  Integer only; 64-bit division through the port.
 */
#include "dt_agg.h"

#define DT_I64_MAX ((int64_t)0x7fffffffffffffffULL)
#define DT_I64_MIN ((int64_t)(-DT_I64_MAX - 1))

/* 64x64 -> 128-bit unsigned product without compiler helpers */
static void agg_mul128(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
	uint64_t al = a & 0xffffffffu, ah = a >> 32;
	uint64_t bl = b & 0xffffffffu, bh = b >> 32;
	uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
	uint64_t mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);

	*lo = (ll & 0xffffffffu) | (mid << 32);
	*hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

static void agg_add128(int64_t *hip, int64_t *lop, uint64_t hi, uint64_t lo)
{
	uint64_t l = (uint64_t)*lop + lo;

	*hip = (int64_t)((uint64_t)*hip + hi + (l < lo));
	*lop = (int64_t)l;
}

static uint64_t agg_uabs(int64_t v)
{
	return v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
}

/* lquantize: number of step buckets */
static uint64_t lq_levels(const dt_aggparams_t *p)
{
	if (p->ap_step <= 0 || p->ap_limit <= p->ap_base)
		return 0;
	return dt_port_udiv64((uint64_t)p->ap_limit - (uint64_t)p->ap_base,
			      (uint64_t)p->ap_step);
}

uint32_t dt_agg_nvals(unsigned func, const dt_aggparams_t *p)
{
	switch (func) {
	case DT_AGG_COUNT:
	case DT_AGG_SUM:
	case DT_AGG_MIN:
	case DT_AGG_MAX:
		return 1;
	case DT_AGG_AVG:
		return 2;
	case DT_AGG_STDDEV:
		return 4;
	case DT_AGG_QUANTIZE:
		return DT_QUANTIZE_NBUCKETS;
	case DT_AGG_LQUANTIZE:
		return (uint32_t)lq_levels(p) + 2;
	case DT_AGG_LLQUANTIZE:
		return dt_llquantize_nbuckets(p);
	}
	return 0;
}

void dt_agg_init(unsigned func, const dt_aggparams_t *p, int64_t *vals)
{
	uint32_t n = dt_agg_nvals(func, p);

	dt_port_memset(vals, 0, (size_t)n * sizeof(int64_t));
	if (func == DT_AGG_MIN)
		vals[0] = DT_I64_MAX;
	else if (func == DT_AGG_MAX)
		vals[0] = DT_I64_MIN;
}

void dt_agg_apply(unsigned func, const dt_aggparams_t *p, int64_t *vals,
		  int64_t v, int64_t w)
{
	uint64_t hi, lo;

	switch (func) {
	case DT_AGG_COUNT:
		vals[0]++;
		break;
	case DT_AGG_SUM:
		vals[0] = (int64_t)((uint64_t)vals[0] + (uint64_t)v);
		break;
	case DT_AGG_AVG:
		vals[0]++;
		vals[1] = (int64_t)((uint64_t)vals[1] + (uint64_t)v);
		break;
	case DT_AGG_MIN:
		if (v < vals[0])
			vals[0] = v;
		break;
	case DT_AGG_MAX:
		if (v > vals[0])
			vals[0] = v;
		break;
	case DT_AGG_STDDEV:
		vals[0]++;
		vals[1] = (int64_t)((uint64_t)vals[1] + (uint64_t)v);
		agg_mul128(agg_uabs(v), agg_uabs(v), &hi, &lo);
		agg_add128(&vals[2], &vals[3], hi, lo);
		break;
	case DT_AGG_QUANTIZE:
		vals[dt_quantize_bucket(v)] += w;
		break;
	case DT_AGG_LQUANTIZE:
		vals[dt_lquantize_bucket(p, v)] += w;
		break;
	case DT_AGG_LLQUANTIZE:
		vals[dt_llquantize_bucket(p, v)] += w;
		break;
	}
}

void dt_agg_merge(unsigned func, const dt_aggparams_t *p, int64_t *dst,
		  const int64_t *src)
{
	uint32_t i, n;

	switch (func) {
	case DT_AGG_MIN:
		if (src[0] < dst[0])
			dst[0] = src[0];
		return;
	case DT_AGG_MAX:
		if (src[0] > dst[0])
			dst[0] = src[0];
		return;
	case DT_AGG_STDDEV:
		dst[0] += src[0];
		dst[1] = (int64_t)((uint64_t)dst[1] + (uint64_t)src[1]);
		agg_add128(&dst[2], &dst[3], (uint64_t)src[2], (uint64_t)src[3]);
		return;
	}
	n = dt_agg_nvals(func, p);
	for (i = 0; i < n; i++)
		dst[i] = (int64_t)((uint64_t)dst[i] + (uint64_t)src[i]);
}

/*
 * quantize.  v > 0 lands in ZERO + k where 2^(k-1) <= v < 2^k, and v < 0
 * in ZERO - k where 2^(k-1) <= -v < 2^k: in both cases k is the bit
 * length of |v|.  -2^63 has k = 64 and shares the last bucket with
 * (-2^63, -2^62].
 */
static int agg_bitlen(uint64_t u)
{
	int n = 0;

	while (u) {
		n++;
		u >>= 1;
	}
	return n;
}

int dt_quantize_bucket(int64_t v)
{
	int k;

	if (v == 0)
		return DT_QUANTIZE_ZERO;
	k = agg_bitlen(agg_uabs(v));
	if (v > 0)
		return DT_QUANTIZE_ZERO + k;
	if (k > DT_QUANTIZE_ZERO)
		k = DT_QUANTIZE_ZERO;
	return DT_QUANTIZE_ZERO - k;
}

int64_t dt_quantize_bucket_min(int bucket)
{
	if (bucket == DT_QUANTIZE_ZERO)
		return 0;
	if (bucket > DT_QUANTIZE_ZERO)
		return (int64_t)(1ULL << (bucket - DT_QUANTIZE_ZERO - 1));
	return -(int64_t)(1ULL << (DT_QUANTIZE_ZERO - 1 - bucket));
}

/* lquantize: 0 below base, 1 + (v - base) / step, levels + 1 at/over */
int dt_lquantize_bucket(const dt_aggparams_t *p, int64_t v)
{
	uint64_t levels = lq_levels(p), ndx;

	if (v < p->ap_base)
		return 0;
	ndx = dt_port_udiv64((uint64_t)v - (uint64_t)p->ap_base,
			     (uint64_t)p->ap_step);
	if (ndx >= levels)
		return (int)levels + 1;
	return (int)ndx + 1;
}

int64_t dt_lquantize_bucket_min(const dt_aggparams_t *p, int bucket)
{
	uint64_t levels = lq_levels(p);

	if (bucket <= 0)
		return p->ap_base;
	if ((uint64_t)bucket > levels)
		bucket = (int)levels + 1;
	return (int64_t)((uint64_t)p->ap_base +
			 (uint64_t)(bucket - 1) * (uint64_t)p->ap_step);
}

/*
 * llquantize.  Bucket 0 holds v < factor^low.  Then for each magnitude m
 * from low to high the range [factor^m, factor^(m+1)) is cut into steps
 * of width factor^(m+1) / min(nsteps, factor^(m+1)); the lower part of
 * that range already belongs to magnitude m-1's cut, so magnitude m adds
 * n - n/factor buckets.  The last bucket holds v >= factor^(high+1).
 * As in DTrace, when factor^(m+2) overflows, values of magnitude m are
 * clamped to factor^(m+1) - 1.
 */
typedef struct llq_walk {
	int64_t lw_last; /* factor^m */
	int64_t lw_this; /* factor^(m+1) */
	int64_t lw_width;
	int lw_base; /* first bucket of magnitude m */
	int lw_count; /* buckets of magnitude m */
	int lw_ovf; /* factor^(m+2) overflows */
} llq_walk_t;

static int llq_valid(const dt_aggparams_t *p)
{
	return p->ap_factor >= 2 && p->ap_nsteps >= 1 && p->ap_low >= 0 &&
	       p->ap_high >= p->ap_low && p->ap_high < 64;
}

static int llq_mul_ovf(int64_t a, int64_t f, int64_t *r)
{
	uint64_t hi, lo;

	agg_mul128((uint64_t)a, (uint64_t)f, &hi, &lo);
	if (hi != 0 || lo > (uint64_t)DT_I64_MAX)
		return 1;
	*r = (int64_t)lo;
	return 0;
}

/* f^e, or -1 on overflow */
static int64_t llq_pow(int64_t f, int64_t e)
{
	int64_t r = 1;

	while (e-- > 0) {
		if (llq_mul_ovf(r, f, &r))
			return -1;
	}
	return r;
}

static void llq_order(const dt_aggparams_t *p, llq_walk_t *w)
{
	int64_t n = w->lw_this > p->ap_nsteps ? p->ap_nsteps : w->lw_this;
	int64_t next;

	w->lw_width = (int64_t)dt_port_udiv64((uint64_t)w->lw_this,
					      (uint64_t)n);
	w->lw_count = (int)(n - (int64_t)dt_port_udiv64((uint64_t)n,
							(uint64_t)p->ap_factor));
	w->lw_ovf = llq_mul_ovf(w->lw_this, p->ap_factor, &next);
}

static int llq_next(const dt_aggparams_t *p, llq_walk_t *w)
{
	int64_t next;

	w->lw_base += w->lw_count;
	if (llq_mul_ovf(w->lw_this, p->ap_factor, &next))
		return -1;
	w->lw_last = w->lw_this;
	w->lw_this = next;
	return 0;
}

static int llq_start(const dt_aggparams_t *p, llq_walk_t *w)
{
	if (!llq_valid(p))
		return -1;
	w->lw_last = llq_pow(p->ap_factor, p->ap_low);
	if (w->lw_last < 0 ||
	    llq_mul_ovf(w->lw_last, p->ap_factor, &w->lw_this))
		return -1;
	w->lw_base = 1;
	return 0;
}

uint32_t dt_llquantize_nbuckets(const dt_aggparams_t *p)
{
	llq_walk_t w;
	int64_t m;

	if (llq_start(p, &w) < 0)
		return 0;
	for (m = p->ap_low; m <= p->ap_high; m++) {
		llq_order(p, &w);
		if (m == p->ap_high) {
			w.lw_base += w.lw_count;
			break;
		}
		if (llq_next(p, &w) < 0)
			return 0;
	}
	return (uint32_t)w.lw_base + 1;
}

int dt_llquantize_bucket(const dt_aggparams_t *p, int64_t v)
{
	llq_walk_t w;
	int64_t m;

	if (llq_start(p, &w) < 0 || v < w.lw_last)
		return 0;
	for (m = p->ap_low; m <= p->ap_high; m++) {
		llq_order(p, &w);
		if (w.lw_ovf)
			v = w.lw_this - 1;
		if (v < w.lw_this)
			return w.lw_base +
			       (int)dt_port_udiv64((uint64_t)(v - w.lw_last),
						   (uint64_t)w.lw_width);
		if (m == p->ap_high) {
			w.lw_base += w.lw_count;
			break;
		}
		if (llq_next(p, &w) < 0)
			return 0;
	}
	return w.lw_base;
}

int64_t dt_llquantize_bucket_min(const dt_aggparams_t *p, int bucket)
{
	llq_walk_t w;
	int64_t m;

	if (llq_start(p, &w) < 0 || bucket <= 0)
		return llq_valid(p) ? llq_pow(p->ap_factor, p->ap_low) : 0;
	for (m = p->ap_low; m <= p->ap_high; m++) {
		llq_order(p, &w);
		if (bucket < w.lw_base + w.lw_count)
			return w.lw_last +
			       (int64_t)(bucket - w.lw_base) * w.lw_width;
		if (m == p->ap_high) {
			w.lw_base += w.lw_count;
			break;
		}
		if (llq_next(p, &w) < 0)
			return DT_I64_MAX;
	}
	return w.lw_this;
}

/* 128-bit helpers for the standard deviation */
static void u128_shl1(uint64_t *hi, uint64_t *lo)
{
	*hi = (*hi << 1) | (*lo >> 63);
	*lo <<= 1;
}

/* (hi:lo) / d, quotient in (hi:lo); bit by bit, no divide helpers */
static void u128_div64(uint64_t *hi, uint64_t *lo, uint64_t d)
{
	uint64_t qh = 0, ql = 0, r = 0;
	int i;

	for (i = 127; i >= 0; i--) {
		uint64_t bit = i >= 64 ? (*hi >> (i - 64)) & 1 : (*lo >> i) & 1;
		int carry = (int)(r >> 63);

		r = (r << 1) | bit;
		u128_shl1(&qh, &ql);
		if (carry || r >= d) {
			r -= d;
			ql |= 1;
		}
	}
	*hi = qh;
	*lo = ql;
}

/* floor(sqrt(hi:lo)) */
static uint64_t u128_sqrt(uint64_t hi, uint64_t lo)
{
	uint64_t res = 0;
	int b;

	/* build the root bit by bit from the top: keep res^2 <= n */
	for (b = 63; b >= 0; b--) {
		uint64_t cand = res | (1ULL << b);
		uint64_t sh, sl;

		agg_mul128(cand, cand, &sh, &sl);
		if (sh < hi || (sh == hi && sl <= lo))
			res = cand;
	}
	return res;
}

uint64_t dt_agg_stddev(const int64_t *vals, uint64_t normal)
{
	uint64_t ah = (uint64_t)vals[2], al = (uint64_t)vals[3];
	uint64_t sh, sl, avg;
	int64_t a;

	if (vals[0] == 0 || normal == 0)
		return 0;
	/* sqrt(mean of squares - square of mean); normalizing divides the
	 * sum of squares by normal twice (x^2 scales by normal^2) */
	u128_div64(&ah, &al, normal);
	u128_div64(&ah, &al, normal);
	u128_div64(&ah, &al, (uint64_t)vals[0]);
	a = vals[1];
	avg = dt_port_udiv64(agg_uabs(a), normal);
	avg = dt_port_udiv64(avg, (uint64_t)vals[0]);
	agg_mul128(avg, avg, &sh, &sl);
	if (sh > ah || (sh == ah && sl > al))
		return 0;
	ah = ah - sh - (al < sl);
	al = al - sl;
	return u128_sqrt(ah, al);
}
