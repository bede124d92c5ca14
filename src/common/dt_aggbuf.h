/*
 * dt_aggbuf.h - a per-CPU aggregation buffer: (aggregation id, packed
 * key) -> int64 values, in a fixed arena.
 *
 * DIF_OP_AGG folds data in with dt_aggbuf_update(); the backend hands the
 * accumulated elements to the consumer with dt_aggbuf_drain(), which
 * empties the buffer, so what the consumer receives are deltas since the
 * previous drain (see dt_consume.h).  Elements are allocated by bumping a
 * pointer and only freed all at once by the drain; a full arena counts an
 * aggregation drop.  One buffer per CPU: no locking inside.  A host that
 * drains from another CPU must switch buffers first (double buffering).
 */
#ifndef DT_AGGBUF_H
#define DT_AGGBUF_H

#include "dif_vm.h"

typedef struct dt_aggbuf {
	uint8_t *ab_arena;
	uint32_t ab_size;
	uint32_t *ab_hash; /* ab_nbuckets element offsets + 1 (0: empty) */
	uint32_t ab_nbuckets;
	uint32_t ab_first; /* offset where elements start */
	uint32_t ab_used; /* bump pointer (offset) */
	uint32_t ab_head; /* first element in insertion order (off + 1) */
	uint32_t ab_tail;
	uint32_t ab_count;
	uint64_t ab_drops;
	const dif_aggspec_t *ab_specs; /* ab_specs[id - 1] */
	uint32_t ab_nspecs;
} dt_aggbuf_t;

/* arena: size bytes, 8-byte aligned.  Returns 0, or -1 if too small. */
int dt_aggbuf_init(dt_aggbuf_t *ab, void *arena, uint32_t size,
		   const dif_aggspec_t *specs, uint32_t nspecs);

/*
 * Fold value v with weight w into element (aggid, key).  key is
 * as_keysize bytes.  Returns 0, or -1 (and a drop) when the arena is full
 * or aggid is unknown.
 */
int dt_aggbuf_update(dt_aggbuf_t *ab, uint32_t aggid, const void *key,
		     int64_t v, int64_t w);

/* the values of (aggid, key), NULL if not present (tests, debugging) */
const int64_t *dt_aggbuf_lookup(const dt_aggbuf_t *ab, uint32_t aggid,
				const void *key);

typedef void dt_aggbuf_cb_t(void *arg, uint32_t aggid, const void *key,
			    uint32_t keysize, const int64_t *vals,
			    uint32_t nvals);

/* call cb for every element in insertion order, then empty the buffer;
 * returns the number of elements drained */
uint32_t dt_aggbuf_drain(dt_aggbuf_t *ab, dt_aggbuf_cb_t *cb, void *arg);

#endif /* DT_AGGBUF_H */
