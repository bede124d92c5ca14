/*
 * test_agg.c - aggregating functions (dt_agg.c): value layouts, folding,
 * merging, the quantization buckets and their labels at every edge.
 */
#include "unit.h"

#define I64_MIN ((int64_t)0x8000000000000000ULL)
#define I64_MAX ((int64_t)0x7fffffffffffffffULL)

static void apply_all(unsigned f, const dt_aggparams_t *p, int64_t *vals,
		      const int64_t *in, unsigned n)
{
	unsigned i;

	dt_agg_init(f, p, vals);
	for (i = 0; i < n; i++)
		dt_agg_apply(f, p, vals, in[i], 1);
}

static void test_simple(void)
{
	static const int64_t data[] = { 2, 4, 4, 4, 5, 5, 7, 9 };
	dt_aggparams_t p;
	int64_t v[4], w[4];

	memset(&p, 0, sizeof(p));
	CHECK_EQ(dt_agg_nvals(DT_AGG_COUNT, &p), 1);
	CHECK_EQ(dt_agg_nvals(DT_AGG_SUM, &p), 1);
	CHECK_EQ(dt_agg_nvals(DT_AGG_AVG, &p), 2);
	CHECK_EQ(dt_agg_nvals(DT_AGG_MIN, &p), 1);
	CHECK_EQ(dt_agg_nvals(DT_AGG_MAX, &p), 1);
	CHECK_EQ(dt_agg_nvals(DT_AGG_STDDEV, &p), 4);
	CHECK_EQ(dt_agg_nvals(DT_AGG_QUANTIZE, &p), 127);

	apply_all(DT_AGG_COUNT, &p, v, data, 8);
	CHECK_EQ(v[0], 8);
	apply_all(DT_AGG_SUM, &p, v, data, 8);
	CHECK_EQ(v[0], 40);
	apply_all(DT_AGG_AVG, &p, v, data, 8);
	CHECK_EQ(v[0], 8);
	CHECK_EQ(v[1], 40);
	dt_agg_init(DT_AGG_MIN, &p, v);
	CHECK_EQ(v[0], I64_MAX);
	apply_all(DT_AGG_MIN, &p, v, data, 8);
	CHECK_EQ(v[0], 2);
	dt_agg_init(DT_AGG_MAX, &p, v);
	CHECK_EQ(v[0], I64_MIN);
	apply_all(DT_AGG_MAX, &p, v, data, 8);
	CHECK_EQ(v[0], 9);
	apply_all(DT_AGG_STDDEV, &p, v, data, 8);
	CHECK_EQ(v[0], 8);
	CHECK_EQ(v[1], 40);
	CHECK_EQ(v[2], 0);
	CHECK_EQ(v[3], 232);
	CHECK_EQ(dt_agg_stddev(v, 1), 2);
	/* normalized by 2: squares scale by 2^2: 232/2/2/8 = 7,
	 * (40/2/8)^2 = 4, isqrt(3) = 1 */
	CHECK_EQ(dt_agg_stddev(v, 2), 1);

	/* merging */
	apply_all(DT_AGG_MIN, &p, w, data + 2, 3);
	dt_agg_init(DT_AGG_MIN, &p, v);
	dt_agg_apply(DT_AGG_MIN, &p, v, 3, 1);
	dt_agg_merge(DT_AGG_MIN, &p, v, w);
	CHECK_EQ(v[0], 3);
	dt_agg_apply(DT_AGG_MIN, &p, w, -1, 1);
	dt_agg_merge(DT_AGG_MIN, &p, v, w);
	CHECK_EQ(v[0], -1);
	dt_agg_init(DT_AGG_MAX, &p, v);
	dt_agg_init(DT_AGG_MAX, &p, w);
	dt_agg_merge(DT_AGG_MAX, &p, v, w);
	CHECK_EQ(v[0], I64_MIN);
	dt_agg_apply(DT_AGG_MAX, &p, w, -7, 1);
	dt_agg_merge(DT_AGG_MAX, &p, v, w);
	CHECK_EQ(v[0], -7);
	apply_all(DT_AGG_AVG, &p, v, data, 4);
	apply_all(DT_AGG_AVG, &p, w, data + 4, 4);
	dt_agg_merge(DT_AGG_AVG, &p, v, w);
	CHECK_EQ(v[0], 8);
	CHECK_EQ(v[1], 40);

	/* 128-bit sum of squares: carries into the high word */
	{
		int64_t big[] = { (int64_t)1 << 62, (int64_t)1 << 62 };

		apply_all(DT_AGG_STDDEV, &p, v, big, 2);
		CHECK_EQ(v[2], (int64_t)1 << 61);
		CHECK_EQ(v[3], 0);
		CHECK_EQ(dt_agg_stddev(v, 1), 0);
		apply_all(DT_AGG_STDDEV, &p, v, &big[0], 1);
		dt_agg_apply(DT_AGG_STDDEV, &p, v, I64_MIN, 1);
		/* 2^124 + 2^126 */
		CHECK_EQ(v[2], ((int64_t)1 << 60) + ((int64_t)1 << 62));
		CHECK_EQ(v[3], 0);
		/* mean -2^61, mean of squares 2^123 + 2^125:
		 * sqrt(2^123 + 2^125 - 2^122) = sqrt(9 * 2^122) = 3 * 2^61 */
		CHECK_EQ(dt_agg_stddev(v, 1), 3ULL << 61);
	}
	{
		int64_t pm[] = { 1000000000, -1000000000 };

		apply_all(DT_AGG_STDDEV, &p, v, pm, 2);
		CHECK_EQ(dt_agg_stddev(v, 1), 1000000000);
	}
	w[0] = 1;
	w[1] = 2;
	w[2] = 0;
	w[3] = (int64_t)0xffffffffffffffffULL;
	v[0] = 1;
	v[1] = 3;
	v[2] = 5;
	v[3] = 1;
	dt_agg_merge(DT_AGG_STDDEV, &p, v, w);
	CHECK_EQ(v[0], 2);
	CHECK_EQ(v[1], 5);
	CHECK_EQ(v[2], 6);
	CHECK_EQ(v[3], 0);
	v[0] = 0;
	CHECK_EQ(dt_agg_stddev(v, 1), 0);
}

static void test_quantize(void)
{
	static const struct {
		int64_t v;
		int bucket;
	} q[] = {
		{ 0, 63 },
		{ 1, 64 },
		{ 2, 65 },
		{ 3, 65 },
		{ 4, 66 },
		{ 7, 66 },
		{ 8, 67 },
		{ 1023, 73 },
		{ 1024, 74 },
		{ -1, 62 },
		{ -2, 61 },
		{ -3, 61 },
		{ -4, 60 },
		{ -5, 60 },
		{ -8, 59 },
		{ I64_MAX, 126 },
		{ (int64_t)1 << 62, 126 },
		{ ((int64_t)1 << 62) - 1, 125 },
		{ I64_MIN, 0 },
		{ -((int64_t)1 << 62), 0 },
		{ -((int64_t)1 << 62) + 1, 1 },
	};
	dt_aggparams_t p;
	int64_t v[DT_QUANTIZE_NBUCKETS];
	unsigned i;

	for (i = 0; i < sizeof(q) / sizeof(q[0]); i++) {
		if (dt_quantize_bucket(q[i].v) != q[i].bucket) {
			char m[96];

			snprintf(m, sizeof(m), "quantize(%lld) = %d, want %d",
				 (long long)q[i].v, dt_quantize_bucket(q[i].v),
				 q[i].bucket);
			unit_fail_at(__FILE__, __LINE__, m);
		} else {
			unit_passed++;
		}
	}
	CHECK_EQ(dt_quantize_bucket_min(63), 0);
	CHECK_EQ(dt_quantize_bucket_min(64), 1);
	CHECK_EQ(dt_quantize_bucket_min(65), 2);
	CHECK_EQ(dt_quantize_bucket_min(66), 4);
	CHECK_EQ(dt_quantize_bucket_min(126), (int64_t)1 << 62);
	CHECK_EQ(dt_quantize_bucket_min(62), -1);
	CHECK_EQ(dt_quantize_bucket_min(61), -2);
	CHECK_EQ(dt_quantize_bucket_min(60), -4);
	CHECK_EQ(dt_quantize_bucket_min(0), -((int64_t)1 << 62));
	/* every bucket's label maps back to that bucket */
	for (i = 0; i < DT_QUANTIZE_NBUCKETS; i++)
		CHECK_EQ(dt_quantize_bucket(dt_quantize_bucket_min((int)i)), i);

	memset(&p, 0, sizeof(p));
	dt_agg_init(DT_AGG_QUANTIZE, &p, v);
	dt_agg_apply(DT_AGG_QUANTIZE, &p, v, 5, 1);
	dt_agg_apply(DT_AGG_QUANTIZE, &p, v, 6, 10);
	dt_agg_apply(DT_AGG_QUANTIZE, &p, v, -6, 1);
	CHECK_EQ(v[66], 11);
	CHECK_EQ(v[60], 1);
	CHECK_EQ(v[63], 0);
}

static void test_lquantize(void)
{
	dt_aggparams_t p;
	int64_t v[16];

	memset(&p, 0, sizeof(p));
	p.ap_base = 0;
	p.ap_limit = 10;
	p.ap_step = 2;
	CHECK_EQ(dt_agg_nvals(DT_AGG_LQUANTIZE, &p), 7);
	CHECK_EQ(dt_lquantize_bucket(&p, -1), 0);
	CHECK_EQ(dt_lquantize_bucket(&p, I64_MIN), 0);
	CHECK_EQ(dt_lquantize_bucket(&p, 0), 1);
	CHECK_EQ(dt_lquantize_bucket(&p, 1), 1);
	CHECK_EQ(dt_lquantize_bucket(&p, 2), 2);
	CHECK_EQ(dt_lquantize_bucket(&p, 9), 5);
	CHECK_EQ(dt_lquantize_bucket(&p, 10), 6);
	CHECK_EQ(dt_lquantize_bucket(&p, I64_MAX), 6);
	CHECK_EQ(dt_lquantize_bucket_min(&p, 0), 0);
	CHECK_EQ(dt_lquantize_bucket_min(&p, 1), 0);
	CHECK_EQ(dt_lquantize_bucket_min(&p, 2), 2);
	CHECK_EQ(dt_lquantize_bucket_min(&p, 5), 8);
	CHECK_EQ(dt_lquantize_bucket_min(&p, 6), 10);

	p.ap_base = -10;
	p.ap_limit = 10;
	p.ap_step = 5;
	CHECK_EQ(dt_agg_nvals(DT_AGG_LQUANTIZE, &p), 6);
	CHECK_EQ(dt_lquantize_bucket(&p, -11), 0);
	CHECK_EQ(dt_lquantize_bucket(&p, -10), 1);
	CHECK_EQ(dt_lquantize_bucket(&p, -6), 1);
	CHECK_EQ(dt_lquantize_bucket(&p, -5), 2);
	CHECK_EQ(dt_lquantize_bucket(&p, 0), 3);
	CHECK_EQ(dt_lquantize_bucket(&p, 9), 4);
	CHECK_EQ(dt_lquantize_bucket(&p, 10), 5);
	CHECK_EQ(dt_lquantize_bucket(&p, I64_MAX), 5);
	CHECK_EQ(dt_lquantize_bucket_min(&p, 1), -10);
	CHECK_EQ(dt_lquantize_bucket_min(&p, 3), 0);
	CHECK_EQ(dt_lquantize_bucket_min(&p, 5), 10);

	/* a range that is not a multiple of the step */
	p.ap_base = 0;
	p.ap_limit = 10;
	p.ap_step = 3;
	CHECK_EQ(dt_agg_nvals(DT_AGG_LQUANTIZE, &p), 5);
	CHECK_EQ(dt_lquantize_bucket(&p, 8), 3);
	CHECK_EQ(dt_lquantize_bucket(&p, 9), 4);
	CHECK_EQ(dt_lquantize_bucket_min(&p, 4), 9);

	/* extreme bounds */
	p.ap_base = I64_MIN;
	p.ap_limit = I64_MAX;
	p.ap_step = (int64_t)1 << 62;
	CHECK_EQ(dt_agg_nvals(DT_AGG_LQUANTIZE, &p), 5);
	CHECK_EQ(dt_lquantize_bucket(&p, I64_MIN), 1);
	CHECK_EQ(dt_lquantize_bucket(&p, -1), 2);
	CHECK_EQ(dt_lquantize_bucket(&p, 0), 3);
	CHECK_EQ(dt_lquantize_bucket(&p, I64_MAX), 4);

	p.ap_base = 0;
	p.ap_limit = 10;
	p.ap_step = 2;
	dt_agg_init(DT_AGG_LQUANTIZE, &p, v);
	dt_agg_apply(DT_AGG_LQUANTIZE, &p, v, 3, 4);
	dt_agg_apply(DT_AGG_LQUANTIZE, &p, v, 30, 1);
	dt_agg_apply(DT_AGG_LQUANTIZE, &p, v, -30, 1);
	CHECK_EQ(v[2], 4);
	CHECK_EQ(v[6], 1);
	CHECK_EQ(v[0], 1);
}

static void llq(dt_aggparams_t *p, int64_t f, int64_t lo, int64_t hi,
		int64_t n)
{
	memset(p, 0, sizeof(*p));
	p->ap_factor = f;
	p->ap_low = lo;
	p->ap_high = hi;
	p->ap_nsteps = n;
}

static void test_llquantize(void)
{
	static const struct {
		int64_t v;
		int b;
		int64_t min;
	} t[] = {
		{ -5, 0, 1 },   { 0, 0, 1 },      { 1, 1, 1 },
		{ 9, 9, 9 },    { 10, 10, 10 },   { 19, 10, 10 },
		{ 20, 11, 20 }, { 99, 18, 90 },   { 100, 19, 100 },
		{ 999, 27, 900 }, { 1000, 28, 1000 }, { 5000, 28, 1000 },
	};
	dt_aggparams_t p;
	int64_t v[64];
	unsigned i;

	llq(&p, 10, 0, 2, 10);
	CHECK_EQ(dt_llquantize_nbuckets(&p), 29);
	CHECK_EQ(dt_agg_nvals(DT_AGG_LLQUANTIZE, &p), 29);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		CHECK_EQ(dt_llquantize_bucket(&p, t[i].v), t[i].b);
		CHECK_EQ(dt_llquantize_bucket_min(&p, t[i].b), t[i].min);
	}
	CHECK_EQ(dt_llquantize_bucket(&p, I64_MAX), 28);
	CHECK_EQ(dt_llquantize_bucket(&p, I64_MIN), 0);

	/* factor 10, 20 steps: the upper magnitudes step by 5, 50, ... */
	llq(&p, 10, 0, 3, 20);
	CHECK_EQ(dt_llquantize_nbuckets(&p), 1 + 9 + 18 + 18 + 18 + 1);
	CHECK_EQ(dt_llquantize_bucket(&p, 9), 9);
	CHECK_EQ(dt_llquantize_bucket(&p, 10), 10);
	CHECK_EQ(dt_llquantize_bucket(&p, 14), 10);
	CHECK_EQ(dt_llquantize_bucket(&p, 15), 11);
	CHECK_EQ(dt_llquantize_bucket(&p, 99), 27);
	CHECK_EQ(dt_llquantize_bucket(&p, 100), 28);
	CHECK_EQ(dt_llquantize_bucket(&p, 150), 29);
	CHECK_EQ(dt_llquantize_bucket_min(&p, 11), 15);
	CHECK_EQ(dt_llquantize_bucket_min(&p, 29), 150);
	CHECK_EQ(dt_llquantize_bucket_min(&p, 63), 9500);
	CHECK_EQ(dt_llquantize_bucket(&p, 9999), 63);
	CHECK_EQ(dt_llquantize_bucket(&p, 10000), 64);
	CHECK_EQ(dt_llquantize_bucket_min(&p, 64), 10000);

	/* low magnitude above zero: the first bucket is "< 10" */
	llq(&p, 10, 1, 2, 10);
	CHECK_EQ(dt_llquantize_nbuckets(&p), 1 + 9 + 9 + 1);
	CHECK_EQ(dt_llquantize_bucket(&p, 9), 0);
	CHECK_EQ(dt_llquantize_bucket(&p, 10), 1);
	CHECK_EQ(dt_llquantize_bucket(&p, 99), 9);
	CHECK_EQ(dt_llquantize_bucket(&p, 100), 10);
	CHECK_EQ(dt_llquantize_bucket(&p, 1000), 19);
	CHECK_EQ(dt_llquantize_bucket_min(&p, 0), 10);
	CHECK_EQ(dt_llquantize_bucket_min(&p, 10), 100);
	CHECK_EQ(dt_llquantize_bucket_min(&p, 19), 1000);

	/* factor 2: magnitudes narrower than nsteps use width 1 */
	llq(&p, 2, 0, 3, 4);
	CHECK_EQ(dt_llquantize_nbuckets(&p), 9);
	{
		static const int want[] = { 0, 1, 2, 3, 4, 4, 5, 5, 6,
					    6, 6, 6, 7, 7, 7, 7, 8, 8 };

		for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
			CHECK_EQ(dt_llquantize_bucket(&p, i), want[i]);
	}
	CHECK_EQ(dt_llquantize_bucket_min(&p, 4), 4);
	CHECK_EQ(dt_llquantize_bucket_min(&p, 5), 6);
	CHECK_EQ(dt_llquantize_bucket_min(&p, 7), 12);
	CHECK_EQ(dt_llquantize_bucket_min(&p, 8), 16);

	/* the highest magnitude whose next power overflows: DTrace clamps
	 * its values into the last bucket of that magnitude */
	llq(&p, 10, 17, 17, 10);
	CHECK_EQ(dt_llquantize_nbuckets(&p), 11);
	CHECK_EQ(dt_llquantize_bucket(&p, 99999999999999999LL), 0);
	CHECK_EQ(dt_llquantize_bucket(&p, 100000000000000000LL), 9);
	CHECK_EQ(dt_llquantize_bucket(&p, I64_MAX), 9);

	/* bad parameters give no buckets rather than a crash */
	llq(&p, 1, 0, 2, 10);
	CHECK_EQ(dt_llquantize_nbuckets(&p), 0);
	llq(&p, 10, 0, 30, 10);
	CHECK_EQ(dt_llquantize_nbuckets(&p), 0);

	llq(&p, 10, 0, 2, 10);
	dt_agg_init(DT_AGG_LLQUANTIZE, &p, v);
	dt_agg_apply(DT_AGG_LLQUANTIZE, &p, v, 55, 2);
	dt_agg_apply(DT_AGG_LLQUANTIZE, &p, v, 55, 1);
	CHECK_EQ(v[14], 3);
}

void test_agg(void)
{
	test_simple();
	test_quantize();
	test_lquantize();
	test_llquantize();
}
