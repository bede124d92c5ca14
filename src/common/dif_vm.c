/*
 * dif_vm.c - the DIF interpreter (see dif_vm.h for the conventions).
 *
 * The dispatch loop keeps arithmetic inline in one switch; everything
 * that touches memory, variables or the tuple stack is out of line so the
 * hot loop stays small.
 */
#include "dif_impl.h"
#include "dt_dynvar.h"
#include "dt_aggbuf.h"

/* "no previous instruction" (the kernel has no UINT32_MAX) */
#define DIF_NOPC ((uint32_t)0xffffffffu)

/* what reads of a missing by-reference dynamic variable point at */
static const uint64_t dif_zeroes[8];

void dif_mstate_init(dif_mstate_t *ms, const dif_env_t *env, void *ctx,
		     void *scratch, uint32_t scratchsize, void *local,
		     void *tbuf, uint32_t tbufsize, struct dt_aggbuf *aggbuf)
{
	uint32_t n = 0;

	dt_port_memset(ms, 0, sizeof(*ms));
	ms->ms_env = env;
	ms->ms_ctx = ctx;
	/* allocations are 8-aligned in absolute terms (i386 only aligns
	 * uint64_t arrays to 4) */
	while (scratch != NULL && (dif_addr(scratch) & 7) && scratchsize) {
		scratch = (uint8_t *)scratch + 1;
		scratchsize--;
	}
	ms->ms_scratch = scratch;
	ms->ms_scratch_size = scratch ? scratchsize : 0;
	ms->ms_local = local;
	ms->ms_tbuf = tbuf;
	ms->ms_tbuf_size = tbuf ? tbufsize : 0;
	ms->ms_aggbuf = aggbuf;
	ms->ms_rand = 0x2545f4914f6cdd1dULL;

#define DIF_RANGE(p, sz)                                                       \
	do {                                                                   \
		if ((p) != NULL && (sz) != 0) {                                \
			ms->ms_ranges[n].dr_base = dif_addr(p);                \
			ms->ms_ranges[n].dr_end = dif_addr(p) + (sz);          \
			n++;                                                   \
		}                                                              \
	} while (0)
	/* scratch first: it is where most direct loads go */
	DIF_RANGE(scratch, scratchsize);
	DIF_RANGE(local, env->de_localsize);
	DIF_RANGE(tbuf, tbufsize);
	DIF_RANGE(env->de_glob, env->de_globsize);
	if (env->de_dynvars)
		DIF_RANGE(env->de_dynvars->dd_arena,
			  env->de_dynvars->dd_size);
	DIF_RANGE(dif_zeroes, sizeof(dif_zeroes));
#undef DIF_RANGE
	ms->ms_nranges = n;
	ms->ms_nfixed = n;
}

int dif_mstate_add_range(dif_mstate_t *ms, const void *base, uint32_t size)
{
	/* keep two slots for the per-exec strtab and record ranges */
	if (ms->ms_nfixed + 2 >= DIF_NRANGES)
		return -1;
	ms->ms_ranges[ms->ms_nfixed].dr_base = dif_addr(base);
	ms->ms_ranges[ms->ms_nfixed].dr_end = dif_addr(base) + size;
	ms->ms_nfixed++;
	ms->ms_nranges = ms->ms_nfixed;
	return 0;
}

void dif_mstate_seed(dif_mstate_t *ms, uint64_t seed)
{
	ms->ms_rand = seed ? seed : 0x2545f4914f6cdd1dULL;
}

void dif_mstate_fire(dif_mstate_t *ms)
{
	ms->ms_scratch_used = 0;
	if (ms->ms_local && ms->ms_env->de_localsize)
		dt_port_memset(ms->ms_local, 0, ms->ms_env->de_localsize);
}

uint32_t dif_pc_action(const difo_t *dp, uint32_t pc)
{
	uint32_t k = 0;

	while (k < dp->dtdo_nacts && dp->dtdo_actpc[k] <= pc)
		k++;
	return k;
}

const dif_var_t *dif_var_lookup(const dif_env_t *env, uint32_t id)
{
	uint32_t i;

	/* the compiler numbers variables densely: try the direct slot */
	if (id >= DIF_VAR_USER_BASE) {
		i = id - DIF_VAR_USER_BASE;
		if (i < env->de_nvars && env->de_vars[i].dv_id == id)
			return &env->de_vars[i];
	}
	for (i = 0; i < env->de_nvars; i++) {
		if (env->de_vars[i].dv_id == id)
			return &env->de_vars[i];
	}
	return NULL;
}

/* bytes a dynamic variable's value takes */
static uint32_t dif_valsize(const dif_var_t *v)
{
	return v->dv_type.dt_byref ? v->dv_type.dt_size : 8;
}

uint32_t dif_env_dynvar_maxsize(const dif_env_t *env)
{
	uint32_t i, m = 0;

	for (i = 0; i < env->de_nvars; i++) {
		const dif_var_t *v = &env->de_vars[i];
		uint32_t n;

		if (!v->dv_assoc && v->dv_scope != DIF_SCOPE_THREAD)
			continue;
		n = v->dv_keysize + dif_valsize(v);
		if (n > m)
			m = n;
	}
	return m;
}

/*
 * Memory access
 */
int dif_copyin_checked(dif_mstate_t *ms, void *dst, uint64_t addr,
		       uint64_t n)
{
	if (n == 0)
		return 0;
	if (dif_in_ranges(ms, addr, n)) {
		dt_port_memcpy(dst, dif_ptr(addr), (size_t)n);
		return 0;
	}
	return dt_port_load(dst, addr, (size_t)n) == 0 ? 0 : -1;
}

void *dif_scratch_alloc(dif_mstate_t *ms, uint64_t size)
{
	uint64_t need = (size + 7) & ~(uint64_t)7;
	void *p;

	if (need < size || need > ms->ms_scratch_size - ms->ms_scratch_used)
		return NULL;
	p = ms->ms_scratch + ms->ms_scratch_used;
	ms->ms_scratch_used += (uint32_t)need;
	return p;
}

int dif_in_scratch(const dif_mstate_t *ms, uint64_t addr, uint64_t size)
{
	uint64_t base = dif_addr(ms->ms_scratch);

	return ms->ms_scratch != NULL && addr >= base && addr + size >= addr &&
	       addr + size <= base + ms->ms_scratch_used;
}

/* load n bytes (1,2,4,8) at addr, zero-extended; 0 or a fault */
static int dif_load(dif_mstate_t *ms, uint64_t addr, uint32_t n,
		    uint64_t *valp)
{
	union {
		uint8_t b;
		uint16_t h;
		uint32_t w;
		uint64_t x;
	} u;

	if (addr & (n - 1))
		return DIF_FAULT_BADALIGN;
	if (dif_in_ranges(ms, addr, n)) {
		dt_port_memcpy(&u, dif_ptr(addr), n);
	} else if (dt_port_load(&u, addr, n) != 0) {
		return DIF_FAULT_BADADDR;
	}
	switch (n) {
	case 1:
		*valp = u.b;
		break;
	case 2:
		*valp = u.h;
		break;
	case 4:
		*valp = u.w;
		break;
	default:
		*valp = u.x;
		break;
	}
	return 0;
}

/*
 * Besides scratch, a store may go into the storage of a global or clause-
 * local variable (members of a struct, elements of an array): both areas
 * are plain bytes laid out by the compiler, with nothing of ours inside.
 */
static int dif_in_area(uint64_t addr, uint32_t n, const void *base,
		       uint32_t size)
{
	uint64_t b = dif_addr(base);

	return base != NULL && addr >= b && addr <= b + size &&
	       n <= b + size - addr;
}

static int dif_store(dif_mstate_t *ms, uint64_t addr, uint32_t n,
		     uint64_t val)
{
	uint8_t b = (uint8_t)val;
	uint16_t h = (uint16_t)val;
	uint32_t w = (uint32_t)val;
	void *p = dif_ptr(addr);
	const dif_env_t *env = ms->ms_env;

	if (!dif_in_scratch(ms, addr, n) &&
	    !dif_in_area(addr, n, env->de_glob, env->de_globsize) &&
	    !dif_in_area(addr, n, ms->ms_local, env->de_localsize))
		return DIF_FAULT_BADADDR;
	if (addr & (n - 1))
		return DIF_FAULT_BADALIGN;
	switch (n) {
	case 1:
		dt_port_memcpy(p, &b, 1);
		break;
	case 2:
		dt_port_memcpy(p, &h, 2);
		break;
	case 4:
		dt_port_memcpy(p, &w, 4);
		break;
	default:
		dt_port_memcpy(p, &val, 8);
		break;
	}
	return 0;
}

/* length of the string at p, at most max, p known readable for max */
static uint32_t dif_strnlen(const char *p, uint32_t max)
{
	uint32_t n = 0;

	while (n < max && p[n] != '\0')
		n++;
	return n;
}

/*
 * Read up to max bytes of a string at addr into dst (max + 1 bytes), NUL
 * terminated.  Unsafe memory is read in pieces that never cross a 64-byte
 * boundary, so a string ending just before an unmapped page is readable.
 */
static int dif_str_fetch(dif_mstate_t *ms, uint64_t addr, uint32_t max,
			 int user, char *dst, uint32_t *lenp, uint64_t *faddr)
{
	uint32_t len = 0;

	while (len < max) {
		uint64_t a = addr + len;
		uint32_t piece = 64 - (uint32_t)(a & 63), i;
		int rv;

		if (piece > max - len)
			piece = max - len;
		if (!user && dif_in_ranges(ms, a, piece)) {
			dt_port_memcpy(dst + len, dif_ptr(a), piece);
			rv = 0;
		} else {
			rv = user ? dt_port_uload(dst + len, a, piece)
				  : dt_port_load(dst + len, a, piece);
		}
		if (rv != 0) {
			*faddr = a;
			return DIF_FAULT_BADADDR;
		}
		for (i = 0; i < piece; i++) {
			if (dst[len + i] == '\0') {
				*lenp = len + i;
				return 0;
			}
		}
		len += piece;
	}
	dst[len] = '\0';
	*lenp = len;
	return 0;
}

int dif_str_copy(dif_mstate_t *ms, uint64_t addr, uint32_t max, int user,
		 char **dstp, uint32_t *lenp, uint64_t *faddr)
{
	char *d = dif_scratch_alloc(ms, (uint64_t)max + 1);

	if (d == NULL)
		return DIF_FAULT_NOSCRATCH;
	*dstp = d;
	return dif_str_fetch(ms, addr, max, user, d, lenp, faddr);
}

int dif_str_get(dif_mstate_t *ms, uint64_t addr, const char **sp,
		uint32_t *lenp, uint64_t *faddr)
{
	uint32_t max = ms->ms_env->de_strsize, i;
	char *copy;

	for (i = 0; i < ms->ms_nranges; i++) {
		const dif_range_t *r = &ms->ms_ranges[i];

		if (addr >= r->dr_base && addr < r->dr_end) {
			uint64_t room = r->dr_end - addr;
			uint32_t n = dif_strnlen(dif_ptr(addr),
						 room < max ? (uint32_t)room
							    : max);

			/* a string running into the range's end is copied */
			if (n < room) {
				*sp = dif_ptr(addr);
				*lenp = n;
				return 0;
			}
			break;
		}
	}
	*faddr = addr;
	i = (uint32_t)dif_str_copy(ms, addr, max, 0, &copy, lenp, faddr);
	*sp = copy;
	return (int)i;
}

/*
 * Tuple stack
 */
static int dif_tpush(dif_mstate_t *ms, uint32_t size, uint8_t **dstp)
{
	dif_tuple_t *t;

	if (ms->ms_ntuple >= DIF_TUPLE_MAX ||
	    size > ms->ms_tbuf_size - ms->ms_tbuf_used)
		return DIF_FAULT_TUPOFLOW;
	t = &ms->ms_tuple[ms->ms_ntuple++];
	t->tu_off = ms->ms_tbuf_used;
	t->tu_size = size;
	*dstp = ms->ms_tbuf + ms->ms_tbuf_used;
	t->tu_val = dif_addr(*dstp);
	ms->ms_tbuf_used += size;
	return 0;
}

static inline void dif_tflush(dif_mstate_t *ms)
{
	ms->ms_ntuple = 0;
	ms->ms_tbuf_used = 0;
}

static __attribute__((__noinline__)) int
dif_op_push(dif_mstate_t *ms, unsigned op, uint64_t v, uint32_t uimm,
	    uint64_t *faddr)
{
	uint32_t strsize = ms->ms_env->de_strsize, len;
	uint8_t *d;
	int f;

	switch (op) {
	case DIF_OP_PUSHTV:
		if ((f = dif_tpush(ms, 8, &d)) != 0)
			return f;
		dt_port_memcpy(d, &v, 8);
		ms->ms_tuple[ms->ms_ntuple - 1].tu_val = v;
		return 0;
	case DIF_OP_PUSHTS:
		/* strsize bytes of key, plus a NUL that is not part of it */
		if (ms->ms_tbuf_size - ms->ms_tbuf_used < strsize + 8)
			return DIF_FAULT_TUPOFLOW;
		if ((f = dif_tpush(ms, strsize, &d)) != 0)
			return f;
		/* NULL: an empty key, and a NULL argument (strtok(NULL, d)
		 * goes on where the last call stopped) */
		if (v == 0) {
			dt_port_memset(d, 0, strsize + 1);
			ms->ms_tuple[ms->ms_ntuple - 1].tu_val = 0;
			return 0;
		}
		f = dif_str_fetch(ms, v, strsize, 0, (char *)d, &len, faddr);
		if (f != 0) {
			ms->ms_ntuple--;
			ms->ms_tbuf_used -= strsize;
			return f;
		}
		dt_port_memset(d + len, 0, strsize + 1 - len);
		/* subroutines read the string where it lives, so strtok()
		 * can keep a position in it past this tuple */
		ms->ms_tuple[ms->ms_ntuple - 1].tu_val = v;
		return 0;
	case DIF_OP_PUSHTR:
		if ((f = dif_tpush(ms, uimm, &d)) != 0)
			return f;
		if (dif_copyin_checked(ms, d, v, uimm) != 0) {
			ms->ms_ntuple--;
			ms->ms_tbuf_used -= uimm;
			*faddr = v;
			return DIF_FAULT_BADADDR;
		}
		return 0;
	case DIF_OP_POPTS:
		if (ms->ms_ntuple > 0) {
			ms->ms_ntuple--;
			ms->ms_tbuf_used = ms->ms_tuple[ms->ms_ntuple].tu_off;
		}
		return 0;
	default: /* FLUSHTS */
		dif_tflush(ms);
		return 0;
	}
}

/*
 * Variables
 */

/* read an integer of the variable's width at p, sign-extended if signed */
static uint64_t dif_int_read(const dif_type_t *t, const void *p)
{
	int8_t b;
	int16_t h;
	int32_t w;
	uint64_t x;

	switch (t->dt_size) {
	case 1:
		dt_port_memcpy(&b, p, 1);
		return t->dt_signed ? (uint64_t)(int64_t)b : (uint8_t)b;
	case 2:
		dt_port_memcpy(&h, p, 2);
		return t->dt_signed ? (uint64_t)(int64_t)h : (uint16_t)h;
	case 4:
		dt_port_memcpy(&w, p, 4);
		return t->dt_signed ? (uint64_t)(int64_t)w : (uint32_t)w;
	default:
		dt_port_memcpy(&x, p, 8);
		return x;
	}
}

static void dif_int_write(uint32_t size, void *p, uint64_t v)
{
	uint8_t b = (uint8_t)v;
	uint16_t h = (uint16_t)v;
	uint32_t w = (uint32_t)v;

	switch (size) {
	case 1:
		dt_port_memcpy(p, &b, 1);
		break;
	case 2:
		dt_port_memcpy(p, &h, 2);
		break;
	case 4:
		dt_port_memcpy(p, &w, 4);
		break;
	default:
		dt_port_memcpy(p, &v, 8);
		break;
	}
}

/*
 * Copy a by-reference value from D address src into dst (size bytes):
 * strings up to their NUL (bounded by size and strsize) and zero-padded.
 */
static int dif_byref_copy(dif_mstate_t *ms, const dif_type_t *t, void *dst,
			  uint32_t size, uint64_t src, int user,
			  uint64_t *faddr)
{
	uint32_t len = 0, max;
	const char *s;
	int f;

	if (t->dt_string) {
		max = size < ms->ms_env->de_strsize ? size
						    : ms->ms_env->de_strsize;
		if (!user) {
			if ((f = dif_str_get(ms, src, &s, &len, faddr)) != 0)
				return f;
			if (len > max)
				len = max;
			dt_port_memcpy(dst, s, len);
		} else {
			uint32_t used = ms->ms_scratch_used;
			char *tmp;

			f = dif_str_copy(ms, src, max, 1, &tmp, &len, faddr);
			if (f == 0)
				dt_port_memcpy(dst, tmp, len);
			ms->ms_scratch_used = used;
			if (f != 0)
				return f;
		}
		dt_port_memset((uint8_t *)dst + len, 0, size - len);
		return 0;
	}
	if (user ? dt_port_uload(dst, src, size) != 0
		 : dif_copyin_checked(ms, dst, src, size) != 0) {
		*faddr = src;
		return DIF_FAULT_BADADDR;
	}
	return 0;
}

/* 1 if storing this value deletes a dynamic variable element */
static int dif_is_zero_value(dif_mstate_t *ms, const dif_var_t *v,
			     uint64_t val, int *fp, uint64_t *faddr)
{
	uint8_t c;

	if (!v->dv_type.dt_byref)
		return val == 0;
	if (!v->dv_type.dt_string)
		return 0;
	if (dif_copyin_checked(ms, &c, val, 1) != 0) {
		*fp = DIF_FAULT_BADADDR;
		*faddr = val;
		return 0;
	}
	return c == 0;
}

static __attribute__((__noinline__)) int
dif_op_var(dif_mstate_t *ms, unsigned op, uint32_t id, uint64_t in,
	   uint64_t *outp, uint64_t *faddr)
{
	const dif_env_t *env = ms->ms_env;
	const dif_var_t *v;
	uint8_t *p;
	uint64_t tkey = 0;
	const void *key = NULL;
	uint32_t keysize = 0;
	int f = 0, load;

	if (op == DIF_OP_LDGV && id < DIF_VAR_BUILTIN_MAX) {
		uint64_t ndx = 0;

		if (id == DIF_VAR_ARGS || id == DIF_VAR_UREGS) {
			if (ms->ms_ntuple > 0)
				ndx = ms->ms_tuple[0].tu_val;
			dif_tflush(ms);
		}
		if (env->de_ops == NULL || env->de_ops->ho_builtin == NULL)
			return DIF_FAULT_ILLOP;
		return env->de_ops->ho_builtin(ms->ms_ctx, id, ndx, outp);
	}
	if ((v = dif_var_lookup(env, id)) == NULL)
		return DIF_FAULT_ILLOP;

	switch (op) {
	case DIF_OP_LDGV:
	case DIF_OP_STGV:
	case DIF_OP_LDLV:
	case DIF_OP_STLV:
		p = (op == DIF_OP_LDGV || op == DIF_OP_STGV ? env->de_glob
							    : ms->ms_local) +
		    v->dv_offset;
		if (op == DIF_OP_LDGV || op == DIF_OP_LDLV) {
			*outp = v->dv_type.dt_byref ? dif_addr(p)
						    : dif_int_read(&v->dv_type, p);
			return 0;
		}
		if (v->dv_type.dt_byref)
			return dif_byref_copy(ms, &v->dv_type, p,
					      v->dv_type.dt_size, in, 0, faddr);
		dif_int_write(v->dv_type.dt_size, p, in);
		return 0;
	}

	/* dynamic variables: self-> scalars and associative arrays */
	if (op == DIF_OP_LDTV || op == DIF_OP_STTV || op == DIF_OP_LDTA ||
	    op == DIF_OP_STTA) {
		if (env->de_ops == NULL || env->de_ops->ho_threadkey == NULL)
			return DIF_FAULT_ILLOP;
		tkey = env->de_ops->ho_threadkey(ms->ms_ctx);
	}
	if (op == DIF_OP_LDGA || op == DIF_OP_STGA || op == DIF_OP_LDTA ||
	    op == DIF_OP_STTA) {
		key = ms->ms_tbuf;
		keysize = ms->ms_tbuf_used;
	}
	if (env->de_dynvars == NULL) {
		dif_tflush(ms);
		return DIF_FAULT_ILLOP;
	}
	load = (op == DIF_OP_LDTV || op == DIF_OP_LDGA || op == DIF_OP_LDTA);
	if (load) {
		p = dt_dynvar_get(env->de_dynvars, id, tkey, key, keysize,
				  dif_valsize(v), 0);
		if (p == NULL) {
			*outp = 0;
			if (v->dv_type.dt_byref) {
				/* strings need one zero byte; other types all */
				if (v->dv_type.dt_string ||
				    v->dv_type.dt_size <= sizeof(dif_zeroes)) {
					*outp = dif_addr(dif_zeroes);
				} else {
					p = dif_scratch_alloc(ms,
							      v->dv_type.dt_size);
					if (p == NULL)
						f = DIF_FAULT_NOSCRATCH;
					else
						dt_port_memset(p, 0,
							       v->dv_type.dt_size);
					*outp = dif_addr(p);
				}
			}
		} else {
			*outp = v->dv_type.dt_byref ? dif_addr(p)
						    : dif_int_read(&v->dv_type, p);
		}
		dif_tflush(ms);
		return f;
	}
	if (dif_is_zero_value(ms, v, in, &f, faddr)) {
		dt_dynvar_delete(env->de_dynvars, id, tkey, key, keysize);
	} else if (f == 0) {
		p = dt_dynvar_get(env->de_dynvars, id, tkey, key, keysize,
				  dif_valsize(v), 1);
		if (p == NULL) {
			ms->ms_dyndrops++;
		} else if (v->dv_type.dt_byref) {
			f = dif_byref_copy(ms, &v->dv_type, p,
					   v->dv_type.dt_size, in, 0, faddr);
		} else {
			dif_int_write(8, p, in);
			/* reads use the declared width */
			if (v->dv_type.dt_size < 8)
				dif_int_write(v->dv_type.dt_size, p, in);
		}
	}
	dif_tflush(ms);
	return f;
}

/*
 * Records, aggregations, speculations, scratch
 */
static __attribute__((__noinline__)) int
dif_op_rec(dif_mstate_t *ms, const difo_t *dp, uint32_t slot, uint64_t v,
	   uint64_t *faddr)
{
	const dif_recslot_t *rs = &dp->dtdo_slots[slot];
	uint8_t *dst = ms->ms_rec + rs->rs_offset;
	dif_type_t t = { 0 };

	if (!rs->rs_byref) {
		dif_int_write(rs->rs_size, dst, v);
		return 0;
	}
	t.dt_byref = 1;
	t.dt_string = rs->rs_string;
	return dif_byref_copy(ms, &t, dst, rs->rs_size, v, rs->rs_user, faddr);
}

static __attribute__((__noinline__)) int dif_op_agg(dif_mstate_t *ms,
						uint32_t aggid, int64_t v,
						int64_t w)
{
	const dif_env_t *env = ms->ms_env;
	const dif_aggspec_t *s;
	uint8_t *key = ms->ms_tbuf;

	if (aggid == 0 || aggid > env->de_naggs || ms->ms_aggbuf == NULL) {
		dif_tflush(ms);
		return DIF_FAULT_ILLOP;
	}
	s = &env->de_aggs[aggid - 1];
	if (ms->ms_tbuf_used > s->as_keysize) {
		dif_tflush(ms);
		return DIF_FAULT_ILLOP;
	}
	if (ms->ms_tbuf_used < s->as_keysize) {
		/* zero-pad the packed key up to the aggregation's keysize */
		if (s->as_keysize > ms->ms_tbuf_size) {
			dif_tflush(ms);
			return DIF_FAULT_TUPOFLOW;
		}
		dt_port_memset(key + ms->ms_tbuf_used, 0,
			       s->as_keysize - ms->ms_tbuf_used);
	}
	if (env->de_ops != NULL && env->de_ops->ho_aggkey != NULL) {
		int f = env->de_ops->ho_aggkey(ms->ms_ctx, aggid, key,
					       s->as_keysize);
		if (f != 0) {
			dif_tflush(ms);
			return f;
		}
	}
	if (dt_aggbuf_update(ms->ms_aggbuf, aggid, key, v, w) != 0)
		ms->ms_aggdrops++;
	dif_tflush(ms);
	return 0;
}

static __attribute__((__noinline__)) int
dif_op_misc(dif_mstate_t *ms, unsigned op, uint64_t a, uint64_t b,
	    uint32_t uimm, uint64_t *outp, uint64_t *faddr)
{
	const dif_hostops_t *ho = ms->ms_env->de_ops;
	void *p;

	switch (op) {
	case DIF_OP_SPEC:
		ms->ms_spec = a;
		return 0;
	case DIF_OP_COMMIT:
		if (ho == NULL || ho->ho_spec_commit == NULL)
			return DIF_FAULT_ILLOP;
		return ho->ho_spec_commit(ms->ms_ctx, a);
	case DIF_OP_DISCARD:
		if (ho == NULL || ho->ho_spec_discard == NULL)
			return DIF_FAULT_ILLOP;
		return ho->ho_spec_discard(ms->ms_ctx, a);
	case DIF_OP_ALLOCS:
		if ((p = dif_scratch_alloc(ms, a)) == NULL)
			return DIF_FAULT_NOSCRATCH;
		dt_port_memset(p, 0, (size_t)a);
		*outp = dif_addr(p);
		return 0;
	case DIF_OP_COPYS:
		/* a: source, b: destination in scratch */
		if (!dif_in_scratch(ms, b, uimm)) {
			*faddr = b;
			return DIF_FAULT_BADADDR;
		}
		if (dif_copyin_checked(ms, dif_ptr(b), a, uimm) != 0) {
			*faddr = a;
			return DIF_FAULT_BADADDR;
		}
		return 0;
	}
	return DIF_FAULT_ILLOP;
}

static __attribute__((__noinline__)) int dif_op_scmp(dif_mstate_t *ms,
						 uint64_t a, uint64_t b,
						 uint64_t *outp,
						 uint64_t *faddr)
{
	uint32_t used = ms->ms_scratch_used, la = 0, lb = 0, i;
	const char *sa = "", *sb = "";
	int f = 0;

	/* a NULL string compares as the empty one (s == NULL) */
	if ((a == 0 || (f = dif_str_get(ms, a, &sa, &la, faddr)) == 0) &&
	    (b == 0 || (f = dif_str_get(ms, b, &sb, &lb, faddr)) == 0)) {
		*outp = 0;
		for (i = 0; i < la || i < lb; i++) {
			uint8_t ca = i < la ? (uint8_t)sa[i] : 0;
			uint8_t cb = i < lb ? (uint8_t)sb[i] : 0;

			if (ca != cb) {
				*outp = ca < cb ? (uint64_t)-1 : 1;
				break;
			}
		}
	}
	ms->ms_scratch_used = used; /* the copies were only for comparing */
	return f;
}

static __attribute__((__noinline__)) int dif_op_call(dif_mstate_t *ms,
						 uint32_t subr, uint64_t *outp,
						 uint64_t *faddr)
{
	int f = dif_subr_call(ms, subr, outp, faddr);

	dif_tflush(ms);
	return f;
}

/*
 * The interpreter.  Dispatch is a switch, or with GCC/Clang a computed goto
 * (labels-as-values, as the kernel's own BPF interpreter uses); define
 * DIF_VM_NO_CGOTO to force the switch.
 */
#if defined(__GNUC__) && !defined(DIF_VM_NO_CGOTO)
#define DIF_VM_CGOTO 1
#define DIF_CASE(op) case DIF_OP_##op: lbl_##op
#define DIF_DEFAULT default: lbl_default
#define DIF_DISPATCH_JUMP() goto *dif_jump[DIF_INSTR_OP(in)]
#define DIF_NEXT()                                                             \
	do {                                                                   \
		prev = pc++;                                                   \
		in = text[pc];                                                 \
		rd = DIF_INSTR_RD(in);                                         \
		r1 = DIF_INSTR_R1(in);                                         \
		r2 = DIF_INSTR_R2(in);                                         \
		goto *dif_jump[DIF_INSTR_OP(in)];                              \
	} while (0)
#else
#define DIF_CASE(op) case DIF_OP_##op
#define DIF_DEFAULT default
#define DIF_DISPATCH_JUMP() do { } while (0)
#define DIF_NEXT() goto next
#endif
int dif_vm_exec(dif_mstate_t *ms, const difo_t *dp, uint8_t *rec,
		dif_result_t *res)
{
	const dif_instr_t *text = dp->dtdo_buf;
	uint64_t r[DIF_NREGS];
	uint64_t faddr = 0, v;
	uint32_t pc = 0, prev = DIF_NOPC;
	unsigned rd, r1, r2;
	dif_instr_t in;
	int fault = 0;
#ifdef DIF_VM_CGOTO
	/* one indirect jump per handler predicts far better than one shared */
	static const void *const dif_jump[256] = {
		[DIF_OP_NOP] = &&lbl_NOP,
		[DIF_OP_ADD] = &&lbl_ADD,
		[DIF_OP_SUB] = &&lbl_SUB,
		[DIF_OP_MUL] = &&lbl_MUL,
		[DIF_OP_SDIV] = &&lbl_SDIV,
		[DIF_OP_UDIV] = &&lbl_UDIV,
		[DIF_OP_SREM] = &&lbl_SREM,
		[DIF_OP_UREM] = &&lbl_UREM,
		[DIF_OP_AND] = &&lbl_AND,
		[DIF_OP_OR] = &&lbl_OR,
		[DIF_OP_XOR] = &&lbl_XOR,
		[DIF_OP_SHL] = &&lbl_SHL,
		[DIF_OP_SRL] = &&lbl_SRL,
		[DIF_OP_SRA] = &&lbl_SRA,
		[DIF_OP_NOT] = &&lbl_NOT,
		[DIF_OP_MOV] = &&lbl_MOV,
		[DIF_OP_SEXT] = &&lbl_SEXT,
		[DIF_OP_ZEXT] = &&lbl_ZEXT,
		[DIF_OP_LDI] = &&lbl_LDI,
		[DIF_OP_SETX] = &&lbl_SETX,
		[DIF_OP_SETS] = &&lbl_SETS,
		[DIF_OP_BA] = &&lbl_BA,
		[DIF_OP_BEQ] = &&lbl_BEQ,
		[DIF_OP_BNE] = &&lbl_BNE,
		[DIF_OP_BLT] = &&lbl_BLT,
		[DIF_OP_BLE] = &&lbl_BLE,
		[DIF_OP_BGT] = &&lbl_BGT,
		[DIF_OP_BGE] = &&lbl_BGE,
		[DIF_OP_BLTU] = &&lbl_BLTU,
		[DIF_OP_BLEU] = &&lbl_BLEU,
		[DIF_OP_BGTU] = &&lbl_BGTU,
		[DIF_OP_BGEU] = &&lbl_BGEU,
		[DIF_OP_SCMP] = &&lbl_SCMP,
		[DIF_OP_LDSB] = &&lbl_LDSB,
		[DIF_OP_LDUB] = &&lbl_LDUB,
		[DIF_OP_LDSH] = &&lbl_LDSH,
		[DIF_OP_LDUH] = &&lbl_LDUH,
		[DIF_OP_LDSW] = &&lbl_LDSW,
		[DIF_OP_LDUW] = &&lbl_LDUW,
		[DIF_OP_LDX] = &&lbl_LDX,
		[DIF_OP_STB] = &&lbl_STB,
		[DIF_OP_STH] = &&lbl_STH,
		[DIF_OP_STW] = &&lbl_STW,
		[DIF_OP_STX] = &&lbl_STX,
		[DIF_OP_LDGV] = &&lbl_LDGV,
		[DIF_OP_LDTV] = &&lbl_LDTV,
		[DIF_OP_LDLV] = &&lbl_LDLV,
		[DIF_OP_LDGA] = &&lbl_LDGA,
		[DIF_OP_LDTA] = &&lbl_LDTA,
		[DIF_OP_STGV] = &&lbl_STGV,
		[DIF_OP_STTV] = &&lbl_STTV,
		[DIF_OP_STLV] = &&lbl_STLV,
		[DIF_OP_STGA] = &&lbl_STGA,
		[DIF_OP_STTA] = &&lbl_STTA,
		[DIF_OP_PUSHTV] = &&lbl_PUSHTV,
		[DIF_OP_PUSHTS] = &&lbl_PUSHTS,
		[DIF_OP_PUSHTR] = &&lbl_PUSHTR,
		[DIF_OP_POPTS] = &&lbl_POPTS,
		[DIF_OP_FLUSHTS] = &&lbl_FLUSHTS,
		[DIF_OP_CALL] = &&lbl_CALL,
		[DIF_OP_REC] = &&lbl_REC,
		[DIF_OP_AGG] = &&lbl_AGG,
		[DIF_OP_SPEC] = &&lbl_SPEC,
		[DIF_OP_COMMIT] = &&lbl_COMMIT,
		[DIF_OP_DISCARD] = &&lbl_DISCARD,
		[DIF_OP_ALLOCS] = &&lbl_ALLOCS,
		[DIF_OP_COPYS] = &&lbl_COPYS,
		[DIF_OP_RET] = &&lbl_RET,
		[DIF_OP_DROP] = &&lbl_DROP,
		[DIF_OP_MAX ... 255] = &&lbl_default,
	};
#endif

	dt_port_memset(r, 0, sizeof(r));
	ms->ms_rec = rec;
	ms->ms_recsize = dp->dtdo_recsize;
	ms->ms_spec = 0;
	dif_tflush(ms);
	if (rec != NULL && dp->dtdo_recsize)
		dt_port_memset(rec, 0, dp->dtdo_recsize);
	/* this DIFO's string table and record are our own memory too */
	ms->ms_nranges = ms->ms_nfixed;
	if (dp->dtdo_strlen) {
		ms->ms_ranges[ms->ms_nranges].dr_base = dif_addr(dp->dtdo_strtab);
		ms->ms_ranges[ms->ms_nranges++].dr_end =
			dif_addr(dp->dtdo_strtab) + dp->dtdo_strlen;
	}
	if (rec != NULL && dp->dtdo_recsize) {
		ms->ms_ranges[ms->ms_nranges].dr_base = dif_addr(rec);
		ms->ms_ranges[ms->ms_nranges++].dr_end =
			dif_addr(rec) + dp->dtdo_recsize;
	}

	for (;;) {
		in = text[pc];
		rd = DIF_INSTR_RD(in);
		r1 = DIF_INSTR_R1(in);
		r2 = DIF_INSTR_R2(in);
		DIF_DISPATCH_JUMP();
		switch (DIF_INSTR_OP(in)) {
		DIF_CASE(NOP):
			DIF_NEXT();
		DIF_CASE(ADD):
			r[rd] = r[r1] + r[r2];
			DIF_NEXT();
		DIF_CASE(SUB):
			r[rd] = r[r1] - r[r2];
			DIF_NEXT();
		DIF_CASE(MUL):
			r[rd] = r[r1] * r[r2];
			DIF_NEXT();
		DIF_CASE(SDIV):
			if (r[r2] == 0)
				goto divzero;
			r[rd] = (uint64_t)dif_sdiv((int64_t)r[r1],
						   (int64_t)r[r2]);
			DIF_NEXT();
		DIF_CASE(UDIV):
			if (r[r2] == 0)
				goto divzero;
			r[rd] = dt_port_udiv64(r[r1], r[r2]);
			DIF_NEXT();
		DIF_CASE(SREM):
			if (r[r2] == 0)
				goto divzero;
			r[rd] = (uint64_t)dif_srem((int64_t)r[r1],
						   (int64_t)r[r2]);
			DIF_NEXT();
		DIF_CASE(UREM):
			if (r[r2] == 0)
				goto divzero;
			r[rd] = dt_port_umod64(r[r1], r[r2]);
			DIF_NEXT();
		DIF_CASE(AND):
			r[rd] = r[r1] & r[r2];
			DIF_NEXT();
		DIF_CASE(OR):
			r[rd] = r[r1] | r[r2];
			DIF_NEXT();
		DIF_CASE(XOR):
			r[rd] = r[r1] ^ r[r2];
			DIF_NEXT();
		DIF_CASE(SHL):
			r[rd] = r[r1] << (r[r2] & 63);
			DIF_NEXT();
		DIF_CASE(SRL):
			r[rd] = r[r1] >> (r[r2] & 63);
			DIF_NEXT();
		DIF_CASE(SRA):
			/* arithmetic shift written without relying on >> of
			 * negative values */
			v = r[r2] & 63;
			r[rd] = (int64_t)r[r1] < 0 ? ~(~r[r1] >> v) : r[r1] >> v;
			DIF_NEXT();
		DIF_CASE(NOT):
			r[rd] = ~r[r1];
			DIF_NEXT();
		DIF_CASE(MOV):
			r[rd] = r[r1];
			DIF_NEXT();
		DIF_CASE(SEXT):
			switch (DIF_INSTR_UIMM(in)) {
			case 8:
				r[rd] = (uint64_t)(int64_t)(int8_t)r[r1];
				break;
			case 16:
				r[rd] = (uint64_t)(int64_t)(int16_t)r[r1];
				break;
			case 32:
				r[rd] = (uint64_t)(int64_t)(int32_t)r[r1];
				break;
			default:
				r[rd] = r[r1];
				break;
			}
			DIF_NEXT();
		DIF_CASE(ZEXT):
			switch (DIF_INSTR_UIMM(in)) {
			case 8:
				r[rd] = (uint8_t)r[r1];
				break;
			case 16:
				r[rd] = (uint16_t)r[r1];
				break;
			case 32:
				r[rd] = (uint32_t)r[r1];
				break;
			default:
				r[rd] = r[r1];
				break;
			}
			DIF_NEXT();
		DIF_CASE(LDI):
			r[rd] = (uint64_t)(int64_t)DIF_INSTR_IMM(in);
			DIF_NEXT();
		DIF_CASE(SETX):
			r[rd] = dp->dtdo_inttab[DIF_INSTR_UIMM(in)];
			DIF_NEXT();
		DIF_CASE(SETS):
			r[rd] = dif_addr(dp->dtdo_strtab + DIF_INSTR_UIMM(in));
			DIF_NEXT();

		DIF_CASE(BA):
			goto branch;
		DIF_CASE(BEQ):
			if (r[r1] == r[r2])
				goto branch;
			DIF_NEXT();
		DIF_CASE(BNE):
			if (r[r1] != r[r2])
				goto branch;
			DIF_NEXT();
		DIF_CASE(BLT):
			if ((int64_t)r[r1] < (int64_t)r[r2])
				goto branch;
			DIF_NEXT();
		DIF_CASE(BLE):
			if ((int64_t)r[r1] <= (int64_t)r[r2])
				goto branch;
			DIF_NEXT();
		DIF_CASE(BGT):
			if ((int64_t)r[r1] > (int64_t)r[r2])
				goto branch;
			DIF_NEXT();
		DIF_CASE(BGE):
			if ((int64_t)r[r1] >= (int64_t)r[r2])
				goto branch;
			DIF_NEXT();
		DIF_CASE(BLTU):
			if (r[r1] < r[r2])
				goto branch;
			DIF_NEXT();
		DIF_CASE(BLEU):
			if (r[r1] <= r[r2])
				goto branch;
			DIF_NEXT();
		DIF_CASE(BGTU):
			if (r[r1] > r[r2])
				goto branch;
			DIF_NEXT();
		DIF_CASE(BGEU):
			if (r[r1] >= r[r2])
				goto branch;
			DIF_NEXT();

		DIF_CASE(SCMP):
			fault = dif_op_scmp(ms, r[r1], r[r2], &v, &faddr);
			if (fault)
				goto out;
			r[rd] = v;
			DIF_NEXT();

		DIF_CASE(LDSB):
		DIF_CASE(LDUB):
			faddr = r[r1] + (uint64_t)(int64_t)DIF_INSTR_IMM(in);
			if ((fault = dif_load(ms, faddr, 1, &v)) != 0)
				goto out;
			r[rd] = DIF_INSTR_OP(in) == DIF_OP_LDSB
					? (uint64_t)(int64_t)(int8_t)v
					: v;
			DIF_NEXT();
		DIF_CASE(LDSH):
		DIF_CASE(LDUH):
			faddr = r[r1] + (uint64_t)(int64_t)DIF_INSTR_IMM(in);
			if ((fault = dif_load(ms, faddr, 2, &v)) != 0)
				goto out;
			r[rd] = DIF_INSTR_OP(in) == DIF_OP_LDSH
					? (uint64_t)(int64_t)(int16_t)v
					: v;
			DIF_NEXT();
		DIF_CASE(LDSW):
		DIF_CASE(LDUW):
			faddr = r[r1] + (uint64_t)(int64_t)DIF_INSTR_IMM(in);
			if ((fault = dif_load(ms, faddr, 4, &v)) != 0)
				goto out;
			r[rd] = DIF_INSTR_OP(in) == DIF_OP_LDSW
					? (uint64_t)(int64_t)(int32_t)v
					: v;
			DIF_NEXT();
		DIF_CASE(LDX):
			faddr = r[r1] + (uint64_t)(int64_t)DIF_INSTR_IMM(in);
			if ((fault = dif_load(ms, faddr, 8, &v)) != 0)
				goto out;
			r[rd] = v;
			DIF_NEXT();

		DIF_CASE(STB):
		DIF_CASE(STH):
		DIF_CASE(STW):
		DIF_CASE(STX):
			faddr = r[rd] + (uint64_t)(int64_t)DIF_INSTR_IMM(in);
			fault = dif_store(ms, faddr,
					  1u << (DIF_INSTR_OP(in) - DIF_OP_STB),
					  r[r1]);
			if (fault)
				goto out;
			DIF_NEXT();

		DIF_CASE(LDGV):
		DIF_CASE(LDTV):
		DIF_CASE(LDLV):
		DIF_CASE(LDGA):
		DIF_CASE(LDTA):
			fault = dif_op_var(ms, DIF_INSTR_OP(in),
					   DIF_INSTR_UIMM(in), 0, &v, &faddr);
			if (fault)
				goto out;
			r[rd] = v;
			DIF_NEXT();
		DIF_CASE(STGV):
		DIF_CASE(STTV):
		DIF_CASE(STLV):
		DIF_CASE(STGA):
		DIF_CASE(STTA):
			fault = dif_op_var(ms, DIF_INSTR_OP(in),
					   DIF_INSTR_UIMM(in), r[r1], &v,
					   &faddr);
			if (fault)
				goto out;
			DIF_NEXT();

		DIF_CASE(PUSHTV):
		DIF_CASE(PUSHTS):
		DIF_CASE(PUSHTR):
		DIF_CASE(POPTS):
		DIF_CASE(FLUSHTS):
			fault = dif_op_push(ms, DIF_INSTR_OP(in), r[r1],
					    DIF_INSTR_UIMM(in), &faddr);
			if (fault)
				goto out;
			DIF_NEXT();

		DIF_CASE(CALL):
			fault = dif_op_call(ms, DIF_INSTR_UIMM(in), &v, &faddr);
			if (fault)
				goto out;
			r[rd] = v;
			DIF_NEXT();

		DIF_CASE(REC):
			fault = dif_op_rec(ms, dp, DIF_INSTR_UIMM(in), r[r1],
					   &faddr);
			if (fault)
				goto out;
			DIF_NEXT();

		DIF_CASE(AGG):
			fault = dif_op_agg(ms, DIF_INSTR_UIMM(in),
					   (int64_t)r[r1],
					   r2 == 0 ? 1 : (int64_t)r[r2]);
			if (fault)
				goto out;
			DIF_NEXT();

		DIF_CASE(SPEC):
		DIF_CASE(COMMIT):
		DIF_CASE(DISCARD):
		DIF_CASE(ALLOCS):
		DIF_CASE(COPYS):
			fault = dif_op_misc(ms, DIF_INSTR_OP(in), r[r1], r[rd],
					    DIF_INSTR_UIMM(in), &v, &faddr);
			if (fault)
				goto out;
			if (DIF_INSTR_OP(in) == DIF_OP_ALLOCS)
				r[rd] = v;
			DIF_NEXT();

		DIF_CASE(RET):
			res->dr_rv = r[r1];
			res->dr_spec = ms->ms_spec;
			/*
			 * Zero from the predicate: no instruction of the
			 * actions ran (a RET at the first action's pc is the
			 * actions, reached by a predicate that held).
			 */
			if (r[r1] == 0 && dp->dtdo_nacts > 0 &&
			    pc != dp->dtdo_actpc[0] &&
			    (prev == DIF_NOPC || prev < dp->dtdo_actpc[0]))
				res->dr_status = DIF_ST_PREDFALSE;
			else
				res->dr_status = DIF_ST_DONE;
			return res->dr_status;
		DIF_CASE(DROP):
			res->dr_rv = 0;
			res->dr_spec = 0;
			res->dr_status = DIF_ST_PREDFALSE;
			return res->dr_status;

		DIF_DEFAULT:
			fault = DIF_FAULT_ILLOP;
			goto out;
		}
#ifndef DIF_VM_CGOTO
next:
#endif
		prev = pc++;
		continue;
branch:
		prev = pc;
		pc = DIF_INSTR_UIMM(in);
		continue;
divzero:
		fault = DIF_FAULT_DIVZERO;
		goto out;
	}
out:
	dif_tflush(ms);
	res->dr_status = DIF_ST_FAULT;
	res->dr_fault = (uint32_t)fault;
	res->dr_pc = pc;
	res->dr_action = dif_pc_action(dp, pc);
	res->dr_addr = (fault == DIF_FAULT_BADADDR ||
			fault == DIF_FAULT_BADALIGN)
			       ? faddr
			       : 0;
	res->dr_rv = 0;
	res->dr_spec = ms->ms_spec;
	return DIF_ST_FAULT;
}
