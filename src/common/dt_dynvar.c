/*
 * dt_dynvar.c - dynamic variable store: a chained hash of fixed-size
 * chunks inside one arena (see dt_dynvar.h).
 */
#include "dt_dynvar.h"

/* chunk header; the packed key follows, then the value (8-aligned) */
typedef struct dt_dvchunk {
	uint32_t dc_next; /* next in bucket or free list: offset + 1 */
	uint32_t dc_id;
	uint64_t dc_tkey;
	uint32_t dc_hash;
	uint32_t dc_keysize;
} dt_dvchunk_t;

#define DT_DV_ALIGN(x) (((x) + 7u) & ~(uint64_t)7u)

static inline dt_dvchunk_t *dv_chunk(const dt_dynvars_t *dv, uint32_t ref)
{
	return (dt_dvchunk_t *)(dv->dd_arena + (ref - 1));
}

static inline uint8_t *dv_key(dt_dvchunk_t *c)
{
	return (uint8_t *)(c + 1);
}

static inline void *dv_value(dt_dvchunk_t *c)
{
	return dv_key(c) + DT_DV_ALIGN(c->dc_keysize);
}

static uint32_t dv_hash(uint32_t id, uint64_t tkey, const uint8_t *key,
			uint32_t keysize)
{
	uint32_t h = 2166136261u;
	uint32_t i;

	/* FNV-1a over the id, the thread key and the packed key */
	for (i = 0; i < 4; i++)
		h = (h ^ ((id >> (i * 8)) & 0xff)) * 16777619u;
	for (i = 0; i < 8; i++)
		h = (h ^ (uint32_t)((tkey >> (i * 8)) & 0xff)) * 16777619u;
	for (i = 0; i < keysize; i++)
		h = (h ^ key[i]) * 16777619u;
	return h;
}

static int dv_keyeq(const uint8_t *a, const uint8_t *b, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++) {
		if (a[i] != b[i])
			return 0;
	}
	return 1;
}

int dt_dynvar_init(dt_dynvars_t *dv, void *arena, uint64_t size,
		   uint32_t maxdata)
{
	uint64_t chunk, nb, table, nchunks;

	dt_port_memset(dv, 0, sizeof(*dv));
	if (size > 0xfffffff0u)
		size = 0xfffffff0u; /* offsets are 32-bit */
	/* room for key padding to 8 bytes before the value */
	chunk = sizeof(dt_dvchunk_t) + DT_DV_ALIGN((uint64_t)maxdata) + 8;
	if (chunk > 0xffffffu || arena == NULL)
		return -1;
	/* about one bucket per two chunks, a power of two */
	nb = 1;
	while (nb * 2 * chunk * 2 <= size)
		nb *= 2;
	table = DT_DV_ALIGN(nb * sizeof(uint32_t));
	if (table + chunk > size)
		return -1;
	nchunks = dt_port_udiv64(size - table, chunk);

	dv->dd_arena = arena;
	dv->dd_size = size;
	dv->dd_hash = arena;
	dv->dd_nbuckets = (uint32_t)nb;
	dv->dd_chunksize = (uint32_t)chunk;
	dv->dd_maxdata = maxdata;
	dv->dd_first = (uint32_t)table;
	dv->dd_nchunks = (uint32_t)nchunks;
	dv->dd_unused = (uint32_t)nchunks;
	dt_port_memset(arena, 0, table);
	return 0;
}

static inline void dv_lock(dt_dynvars_t *dv)
{
	if (dv->dd_lock)
		dv->dd_lock(dv->dd_lockarg);
}

static inline void dv_unlock(dt_dynvars_t *dv)
{
	if (dv->dd_unlock)
		dv->dd_unlock(dv->dd_lockarg);
}

/* a fresh chunk (offset + 1), 0 if the arena is full */
static uint32_t dv_alloc(dt_dynvars_t *dv)
{
	uint32_t ref;

	if (dv->dd_free) {
		ref = dv->dd_free;
		dv->dd_free = dv_chunk(dv, ref)->dc_next;
		return ref;
	}
	if (dv->dd_unused == 0)
		return 0;
	ref = dv->dd_first +
	      (dv->dd_nchunks - dv->dd_unused) * dv->dd_chunksize + 1;
	dv->dd_unused--;
	return ref;
}

void *dt_dynvar_get(dt_dynvars_t *dv, uint32_t id, uint64_t tkey,
		    const void *key, uint32_t keysize, uint32_t valsize,
		    int create)
{
	uint32_t h = dv_hash(id, tkey, key, keysize);
	uint32_t b = h & (dv->dd_nbuckets - 1);
	uint32_t ref;
	dt_dvchunk_t *c;
	void *val = NULL;

	dv_lock(dv);
	for (ref = dv->dd_hash[b]; ref != 0; ref = c->dc_next) {
		c = dv_chunk(dv, ref);
		if (c->dc_hash == h && c->dc_id == id && c->dc_tkey == tkey &&
		    c->dc_keysize == keysize && dv_keyeq(dv_key(c), key, keysize)) {
			val = dv_value(c);
			goto out;
		}
	}
	if (!create)
		goto out;
	if ((uint64_t)keysize + valsize > dv->dd_maxdata ||
	    (ref = dv_alloc(dv)) == 0) {
		dv->dd_drops++;
		goto out;
	}
	c = dv_chunk(dv, ref);
	c->dc_id = id;
	c->dc_tkey = tkey;
	c->dc_hash = h;
	c->dc_keysize = keysize;
	if (keysize) /* self-> scalars have no key (NULL) */
		dt_port_memcpy(dv_key(c), key, keysize);
	val = dv_value(c);
	dt_port_memset(val, 0, valsize);
	c->dc_next = dv->dd_hash[b];
	dv->dd_hash[b] = ref;
	dv->dd_count++;
out:
	dv_unlock(dv);
	return val;
}

/* unlink the chunk *linkp points at and free it */
static void dv_unlink(dt_dynvars_t *dv, uint32_t *linkp)
{
	uint32_t ref = *linkp;
	dt_dvchunk_t *c = dv_chunk(dv, ref);

	*linkp = c->dc_next;
	c->dc_next = dv->dd_free;
	dv->dd_free = ref;
	dv->dd_count--;
}

int dt_dynvar_delete(dt_dynvars_t *dv, uint32_t id, uint64_t tkey,
		     const void *key, uint32_t keysize)
{
	uint32_t h = dv_hash(id, tkey, key, keysize);
	uint32_t *linkp = &dv->dd_hash[h & (dv->dd_nbuckets - 1)];
	int found = 0;

	dv_lock(dv);
	while (*linkp != 0) {
		dt_dvchunk_t *c = dv_chunk(dv, *linkp);

		if (c->dc_hash == h && c->dc_id == id && c->dc_tkey == tkey &&
		    c->dc_keysize == keysize && dv_keyeq(dv_key(c), key, keysize)) {
			dv_unlink(dv, linkp);
			found = 1;
			break;
		}
		linkp = &c->dc_next;
	}
	dv_unlock(dv);
	return found;
}

uint32_t dt_dynvar_purge_thread(dt_dynvars_t *dv, uint64_t tkey)
{
	uint32_t b, n = 0;

	dv_lock(dv);
	for (b = 0; b < dv->dd_nbuckets; b++) {
		uint32_t *linkp = &dv->dd_hash[b];

		while (*linkp != 0) {
			dt_dvchunk_t *c = dv_chunk(dv, *linkp);

			if (c->dc_tkey == tkey) {
				dv_unlink(dv, linkp);
				n++;
			} else {
				linkp = &c->dc_next;
			}
		}
	}
	dv_unlock(dv);
	return n;
}
