/*
 * dt_dynvar.h - dynamic variables: self-> scalars and associative arrays
 * (global and thread-local), kept in one fixed arena given at init.
 *
 * An element is identified by (variable id, thread key, packed key bytes):
 * thread key 0 for global associative arrays, the thread's key for self->
 * variables; self-> scalars have an empty packed key.  The arena is cut
 * into equal chunks (header + the largest key + value), chained in a hash
 * table at the front of the arena; deleted chunks go back to a free list.
 * No allocation ever happens after init: a full arena makes the store
 * fail and counts a drop.
 *
 * Concurrency: the state is shared by all CPUs.  If the host sets
 * dd_lock/dd_unlock they are called around every lookup, insert and
 * delete; pointers returned stay valid until that element is deleted.
 */
#ifndef DT_DYNVAR_H
#define DT_DYNVAR_H

#include "dt_port.h"

typedef struct dt_dynvars {
	uint8_t *dd_arena;
	uint64_t dd_size;
	uint32_t *dd_hash; /* dd_nbuckets chunk offsets + 1 (0: empty) */
	uint32_t dd_nbuckets;
	uint32_t dd_chunksize; /* bytes per chunk */
	uint32_t dd_maxdata; /* key + value bytes a chunk holds */
	uint32_t dd_first; /* offset of the first chunk */
	uint32_t dd_nchunks;
	uint32_t dd_free; /* free list head (offset + 1; 0: none) */
	uint32_t dd_unused; /* chunks never handed out yet */
	uint32_t dd_count; /* live elements */
	uint64_t dd_drops;
	void (*dd_lock)(void *arg);
	void (*dd_unlock)(void *arg);
	void *dd_lockarg;
} dt_dynvars_t;

/*
 * arena: size bytes, 8-byte aligned; maxdata: the largest key+value of any
 * dynamic variable (dif_env_dynvar_maxsize()).  Returns 0, or -1 if the
 * arena cannot hold the table and at least one chunk.
 */
int dt_dynvar_init(dt_dynvars_t *dv, void *arena, uint64_t size,
		   uint32_t maxdata);

/*
 * The value of (id, tkey, key[keysize]): valsize bytes, 8-byte aligned.
 * If absent: NULL, unless create, which adds a zeroed element (NULL and a
 * drop if the arena is full or keysize + valsize > maxdata).
 */
void *dt_dynvar_get(dt_dynvars_t *dv, uint32_t id, uint64_t tkey,
		    const void *key, uint32_t keysize, uint32_t valsize,
		    int create);

/* delete the element if present; returns 1 if it was */
int dt_dynvar_delete(dt_dynvars_t *dv, uint32_t id, uint64_t tkey,
		     const void *key, uint32_t keysize);

/* delete every element of a thread (its self-> variables), e.g. at exit */
uint32_t dt_dynvar_purge_thread(dt_dynvars_t *dv, uint64_t tkey);

static inline uint64_t dt_dynvar_drops(const dt_dynvars_t *dv)
{
	return dv->dd_drops;
}

#endif /* DT_DYNVAR_H */
