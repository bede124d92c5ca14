/*
 * test_store.c - the dynamic variable store and the aggregation buffer
 * used directly (the VM tests use them through the ops).
 */
#include "unit.h"

static uint64_t arena[2048];

void test_dynvar(void)
{
	dt_dynvars_t dv;
	uint64_t k1 = 1, k2 = 2, *v, *w;
	uint32_t i, n;

	CHECK_EQ(dt_dynvar_init(&dv, arena, 16, 8), -1); /* too small */
	CHECK_EQ(dt_dynvar_init(&dv, arena, sizeof(arena), 16), 0);
	n = dv.dd_nchunks;
	CHECK(n > 100);
	CHECK_EQ(dv.dd_chunksize % 8, 0);

	/* lookup of a missing element: NULL, nothing created */
	CHECK(dt_dynvar_get(&dv, 300, 0, &k1, 8, 8, 0) == NULL);
	CHECK_EQ(dv.dd_count, 0);
	/* create: zeroed, 8-aligned, found again */
	v = dt_dynvar_get(&dv, 300, 0, &k1, 8, 8, 1);
	CHECK(v != NULL && *v == 0);
	CHECK_EQ((uintptr_t)v % 8, 0);
	*v = 99;
	CHECK(dt_dynvar_get(&dv, 300, 0, &k1, 8, 8, 0) == v);
	CHECK(dt_dynvar_get(&dv, 300, 0, &k1, 8, 8, 1) == v);
	/* id, thread key and key bytes all distinguish elements */
	CHECK(dt_dynvar_get(&dv, 301, 0, &k1, 8, 8, 0) == NULL);
	CHECK(dt_dynvar_get(&dv, 300, 5, &k1, 8, 8, 0) == NULL);
	CHECK(dt_dynvar_get(&dv, 300, 0, &k2, 8, 8, 0) == NULL);
	CHECK(dt_dynvar_get(&dv, 300, 0, &k1, 4, 8, 0) == NULL);
	/* empty keys (self-> scalars) */
	w = dt_dynvar_get(&dv, 302, 9, NULL, 0, 8, 1);
	CHECK(w != NULL && w != v);
	CHECK_EQ(dv.dd_count, 2);
	/* too big for a chunk: a drop */
	CHECK(dt_dynvar_get(&dv, 303, 0, &k1, 8, 16, 1) == NULL);
	CHECK_EQ(dv.dd_drops, 1);
	/* delete */
	CHECK_EQ(dt_dynvar_delete(&dv, 300, 0, &k1, 8), 1);
	CHECK_EQ(dt_dynvar_delete(&dv, 300, 0, &k1, 8), 0);
	CHECK(dt_dynvar_get(&dv, 300, 0, &k1, 8, 8, 0) == NULL);
	CHECK_EQ(dv.dd_count, 1);

	/* fill to exhaustion: exactly nchunks live elements */
	dt_dynvar_init(&dv, arena, sizeof(arena), 16);
	for (i = 0; i < n; i++) {
		uint64_t k = i;

		v = dt_dynvar_get(&dv, 400, 0, &k, 8, 8, 1);
		if (v == NULL)
			break;
		*v = i * 3;
	}
	CHECK_EQ(i, n);
	CHECK_EQ(dv.dd_drops, 0);
	k1 = n;
	CHECK(dt_dynvar_get(&dv, 400, 0, &k1, 8, 8, 1) == NULL);
	CHECK_EQ(dv.dd_drops, 1);
	/* every element still holds its own value */
	for (i = 0; i < n; i++) {
		uint64_t k = i;

		v = dt_dynvar_get(&dv, 400, 0, &k, 8, 8, 0);
		if (v == NULL || *v != i * 3)
			break;
	}
	CHECK_EQ(i, n);
	/* freed chunks are reused */
	k2 = 7;
	CHECK_EQ(dt_dynvar_delete(&dv, 400, 0, &k2, 8), 1);
	v = dt_dynvar_get(&dv, 400, 0, &k1, 8, 8, 1);
	CHECK(v != NULL && *v == 0);
	CHECK_EQ(dv.dd_drops, 1);

	/* purge a thread's elements only */
	dt_dynvar_init(&dv, arena, sizeof(arena), 16);
	for (i = 0; i < 10; i++) {
		uint64_t k = i;

		dt_dynvar_get(&dv, 500, 1 + (i % 2), &k, 8, 8, 1);
	}
	CHECK_EQ(dt_dynvar_purge_thread(&dv, 2), 5);
	CHECK_EQ(dv.dd_count, 5);
	k1 = 2;
	CHECK(dt_dynvar_get(&dv, 500, 1, &k1, 8, 8, 0) != NULL);
	k1 = 3;
	CHECK(dt_dynvar_get(&dv, 500, 2, &k1, 8, 8, 0) == NULL);
}

typedef struct drained {
	uint32_t n;
	uint32_t aggid[64];
	int64_t key[64];
	int64_t v0[64];
	uint32_t nvals[64];
} drained_t;

static void drain_cb(void *arg, uint32_t aggid, const void *key,
		     uint32_t keysize, const int64_t *vals, uint32_t nvals)
{
	drained_t *d = arg;

	d->aggid[d->n] = aggid;
	d->key[d->n] = 0;
	if (keysize >= 8)
		memcpy(&d->key[d->n], key, 8);
	d->v0[d->n] = vals[0];
	d->nvals[d->n] = nvals;
	d->n++;
}

void test_aggbuf(void)
{
	static uint64_t aarena[1024];
	dif_aggspec_t specs[3];
	dt_aggbuf_t ab;
	drained_t d;
	int64_t key;
	uint32_t i;
	const int64_t *v;

	memset(specs, 0, sizeof(specs));
	specs[0].as_id = 1;
	specs[0].as_func = DT_AGG_COUNT;
	specs[0].as_nvals = 1;
	specs[1].as_id = 2;
	specs[1].as_func = DT_AGG_MAX;
	specs[1].as_keysize = 8;
	specs[1].as_nvals = 1;
	specs[2].as_id = 3;
	specs[2].as_func = DT_AGG_QUANTIZE;
	specs[2].as_keysize = 8;
	specs[2].as_nvals = DT_QUANTIZE_NBUCKETS;

	CHECK_EQ(dt_aggbuf_init(&ab, aarena, 32, specs, 3), -1);
	CHECK_EQ(dt_aggbuf_init(&ab, aarena, sizeof(aarena), specs, 3), 0);
	dt_aggbuf_update(&ab, 1, NULL, 0, 1);
	dt_aggbuf_update(&ab, 1, NULL, 0, 1);
	key = 10;
	dt_aggbuf_update(&ab, 2, &key, -5, 1);
	dt_aggbuf_update(&ab, 2, &key, -9, 1);
	key = 20;
	dt_aggbuf_update(&ab, 2, &key, 3, 1);
	dt_aggbuf_update(&ab, 1, NULL, 0, 1);
	key = 10;
	v = dt_aggbuf_lookup(&ab, 2, &key);
	CHECK(v != NULL && v[0] == -5); /* max starts at INT64_MIN */
	CHECK(dt_aggbuf_lookup(&ab, 9, &key) == NULL);
	CHECK_EQ(dt_aggbuf_update(&ab, 9, &key, 1, 1), -1); /* unknown id */
	CHECK_EQ(ab.ab_drops, 1);

	memset(&d, 0, sizeof(d));
	CHECK_EQ(dt_aggbuf_drain(&ab, drain_cb, &d), 3);
	CHECK_EQ(d.n, 3);
	/* insertion order */
	CHECK_EQ(d.aggid[0], 1);
	CHECK_EQ(d.v0[0], 3);
	CHECK_EQ(d.aggid[1], 2);
	CHECK_EQ(d.key[1], 10);
	CHECK_EQ(d.v0[1], -5);
	CHECK_EQ(d.aggid[2], 2);
	CHECK_EQ(d.key[2], 20);
	CHECK_EQ(d.v0[2], 3);
	/* drained: empty, and the next values are deltas */
	CHECK_EQ(ab.ab_count, 0);
	CHECK(dt_aggbuf_lookup(&ab, 1, NULL) == NULL);
	dt_aggbuf_update(&ab, 1, NULL, 0, 1);
	memset(&d, 0, sizeof(d));
	CHECK_EQ(dt_aggbuf_drain(&ab, drain_cb, &d), 1);
	CHECK_EQ(d.v0[0], 1);

	/* fill: big quantize elements until the arena is full */
	for (i = 0; i < 100; i++) {
		key = i;
		if (dt_aggbuf_update(&ab, 3, &key, 1, 1) != 0)
			break;
	}
	/* 8 KiB minus the hash table: 7 elements of header + key + 127 words */
	CHECK_EQ(i, 7);
	CHECK_EQ(i, (sizeof(aarena) - ab.ab_first) /
			    (16 + 8 + DT_QUANTIZE_NBUCKETS * 8));
	CHECK_EQ(ab.ab_drops, 2);
	/* an existing element still updates when full */
	key = 0;
	CHECK_EQ(dt_aggbuf_update(&ab, 3, &key, 1, 1), 0);
	v = dt_aggbuf_lookup(&ab, 3, &key);
	CHECK(v != NULL && v[DT_QUANTIZE_ZERO + 1] == 2);
	memset(&d, 0, sizeof(d));
	CHECK_EQ(dt_aggbuf_drain(&ab, drain_cb, &d), i);
	CHECK_EQ(d.nvals[0], DT_QUANTIZE_NBUCKETS);
	CHECK_EQ(dt_aggbuf_update(&ab, 3, &key, 1, 1), 0);
}
