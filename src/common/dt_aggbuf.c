/*
 * dt_aggbuf.c - per-CPU aggregation buffer (see dt_aggbuf.h).
 */
#include "dt_aggbuf.h"

/* element header; the key follows (padded to 8), then nvals int64s */
typedef struct dt_aggelem {
	uint32_t ae_next; /* hash chain: offset + 1 */
	uint32_t ae_order; /* insertion order: offset + 1 */
	uint32_t ae_aggid;
	uint32_t ae_hash;
} dt_aggelem_t;

#define DT_AB_ALIGN(x) (((x) + 7u) & ~(uint64_t)7u)

static inline dt_aggelem_t *ab_elem(const dt_aggbuf_t *ab, uint32_t ref)
{
	return (dt_aggelem_t *)(ab->ab_arena + (ref - 1));
}

static inline const dif_aggspec_t *ab_spec(const dt_aggbuf_t *ab,
					   uint32_t aggid)
{
	if (aggid == 0 || aggid > ab->ab_nspecs)
		return NULL;
	return &ab->ab_specs[aggid - 1];
}

static inline int64_t *ab_vals(dt_aggelem_t *e, uint32_t keysize)
{
	return (int64_t *)((uint8_t *)(e + 1) + DT_AB_ALIGN(keysize));
}

static uint32_t ab_hash(uint32_t aggid, const uint8_t *key, uint32_t n)
{
	uint32_t h = 2166136261u ^ aggid;
	uint32_t i;

	for (i = 0; i < n; i++)
		h = (h ^ key[i]) * 16777619u;
	return h * 16777619u;
}

int dt_aggbuf_init(dt_aggbuf_t *ab, void *arena, uint32_t size,
		   const dif_aggspec_t *specs, uint32_t nspecs)
{
	uint32_t nb = 16, table;

	dt_port_memset(ab, 0, sizeof(*ab));
	if (arena == NULL)
		return -1;
	/* one bucket per ~256 bytes of arena, a power of two */
	while (nb < 65536 && (uint64_t)nb * 512 <= size)
		nb *= 2;
	table = (uint32_t)DT_AB_ALIGN((uint64_t)nb * sizeof(uint32_t));
	if (table + sizeof(dt_aggelem_t) + 8 > size)
		return -1;
	ab->ab_arena = arena;
	ab->ab_size = size;
	ab->ab_hash = arena;
	ab->ab_nbuckets = nb;
	ab->ab_first = table;
	ab->ab_used = table;
	ab->ab_specs = specs;
	ab->ab_nspecs = nspecs;
	dt_port_memset(arena, 0, table);
	return 0;
}

static dt_aggelem_t *ab_find(const dt_aggbuf_t *ab, uint32_t aggid,
			     const uint8_t *key, uint32_t keysize, uint32_t h)
{
	uint32_t ref;
	uint32_t i;

	for (ref = ab->ab_hash[h & (ab->ab_nbuckets - 1)]; ref != 0;) {
		dt_aggelem_t *e = ab_elem(ab, ref);
		const uint8_t *k = (const uint8_t *)(e + 1);

		if (e->ae_hash == h && e->ae_aggid == aggid) {
			for (i = 0; i < keysize && k[i] == key[i]; i++)
				;
			if (i == keysize)
				return e;
		}
		ref = e->ae_next;
	}
	return NULL;
}

const int64_t *dt_aggbuf_lookup(const dt_aggbuf_t *ab, uint32_t aggid,
				const void *key)
{
	const dif_aggspec_t *s = ab_spec(ab, aggid);
	dt_aggelem_t *e;

	if (s == NULL)
		return NULL;
	e = ab_find(ab, aggid, key, s->as_keysize,
		    ab_hash(aggid, key, s->as_keysize));
	return e ? ab_vals(e, s->as_keysize) : NULL;
}

int dt_aggbuf_update(dt_aggbuf_t *ab, uint32_t aggid, const void *key,
		     int64_t v, int64_t w)
{
	const dif_aggspec_t *s = ab_spec(ab, aggid);
	uint32_t h, ref;
	uint64_t need;
	dt_aggelem_t *e;

	if (s == NULL) {
		ab->ab_drops++;
		return -1;
	}
	h = ab_hash(aggid, key, s->as_keysize);
	e = ab_find(ab, aggid, key, s->as_keysize, h);
	if (e == NULL) {
		need = sizeof(dt_aggelem_t) + DT_AB_ALIGN(s->as_keysize) +
		       (uint64_t)s->as_nvals * sizeof(int64_t);
		if (need > (uint64_t)ab->ab_size - ab->ab_used) {
			ab->ab_drops++;
			return -1;
		}
		ref = ab->ab_used + 1;
		ab->ab_used += (uint32_t)need;
		e = ab_elem(ab, ref);
		e->ae_aggid = aggid;
		e->ae_hash = h;
		e->ae_order = 0;
		if (s->as_keysize)
			dt_port_memcpy(e + 1, key, s->as_keysize);
		dt_agg_init(s->as_func, &s->as_params,
			    ab_vals(e, s->as_keysize));
		e->ae_next = ab->ab_hash[h & (ab->ab_nbuckets - 1)];
		ab->ab_hash[h & (ab->ab_nbuckets - 1)] = ref;
		if (ab->ab_tail)
			ab_elem(ab, ab->ab_tail)->ae_order = ref;
		else
			ab->ab_head = ref;
		ab->ab_tail = ref;
		ab->ab_count++;
	}
	dt_agg_apply(s->as_func, &s->as_params, ab_vals(e, s->as_keysize), v,
		     w);
	return 0;
}

uint32_t dt_aggbuf_drain(dt_aggbuf_t *ab, dt_aggbuf_cb_t *cb, void *arg)
{
	uint32_t ref, n = 0;

	for (ref = ab->ab_head; ref != 0;) {
		dt_aggelem_t *e = ab_elem(ab, ref);
		const dif_aggspec_t *s = ab_spec(ab, e->ae_aggid);

		if (cb)
			cb(arg, e->ae_aggid, e + 1, s->as_keysize,
			   ab_vals(e, s->as_keysize), s->as_nvals);
		n++;
		ref = e->ae_order;
	}
	dt_port_memset(ab->ab_hash, 0,
		       (size_t)ab->ab_nbuckets * sizeof(uint32_t));
	ab->ab_used = ab->ab_first;
	ab->ab_head = ab->ab_tail = 0;
	ab->ab_count = 0;
	return n;
}
