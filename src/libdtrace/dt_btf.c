/*
 * dt_btf.c - import kernel types from BTF (see dt_btf.h).
 *
 * The BTF blob is read once and indexed: an offset per type id and a hash
 * of struct/union/enum names.  Types are converted on demand into the
 * compilation's type table; a struct reached through a pointer stays
 * incomplete until a member of it is used, so naming task_struct does not
 * drag in the whole kernel.  Bit-field members are left out (D cannot
 * load them yet); offsets and sizes come from BTF, not from our layout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dt_btf.h"

#define BTF_MAGIC 0xeB9F

enum {
	BTF_K_INT = 1, BTF_K_PTR, BTF_K_ARRAY, BTF_K_STRUCT, BTF_K_UNION,
	BTF_K_ENUM, BTF_K_FWD, BTF_K_TYPEDEF, BTF_K_VOLATILE, BTF_K_CONST,
	BTF_K_RESTRICT, BTF_K_FUNC, BTF_K_FUNC_PROTO, BTF_K_VAR,
	BTF_K_DATASEC, BTF_K_FLOAT, BTF_K_DECL_TAG, BTF_K_TYPE_TAG,
	BTF_K_ENUM64
};

typedef struct btf_hdr {
	uint16_t magic;
	uint8_t version, flags;
	uint32_t hdr_len, type_off, type_len, str_off, str_len;
} btf_hdr_t;

typedef struct btf_type {
	uint32_t name_off;
	uint32_t info;
	uint32_t size_type;
} btf_type_t;

typedef struct dt_btf {
	unsigned char *b_data;
	size_t b_len;
	const char *b_strs;
	uint32_t b_strlen;
	const btf_type_t **b_types; /* by id; [0] unused (void) */
	uint32_t b_ntypes;
	uint32_t *b_hash; /* struct/union/enum ids by name, 0 = empty */
	uint32_t b_hsize;
	/* enumerators by name: (enum type id, index) packed, built lazily */
	uint64_t *b_ehash;
	uint32_t b_ehsize;
} dt_btf_t;

/* what one compilation converted: type id -> dt_type_t */
typedef struct dt_btfconv {
	dt_btf_t *c_btf;
	dt_type_t **c_memo;
} dt_btfconv_t;

static int btf_kind(const btf_type_t *t) { return (t->info >> 24) & 0x1f; }
static int btf_vlen(const btf_type_t *t) { return t->info & 0xffff; }
static int btf_kflag(const btf_type_t *t) { return t->info >> 31; }

static const char *btf_name(const dt_btf_t *b, uint32_t off)
{
	return off < b->b_strlen ? b->b_strs + off : "";
}

/* bytes of kind-specific data after a btf_type */
static size_t btf_extra(const btf_type_t *t)
{
	switch (btf_kind(t)) {
	case BTF_K_INT: return 4;
	case BTF_K_ARRAY: return 12;
	case BTF_K_STRUCT:
	case BTF_K_UNION: return 12 * (size_t)btf_vlen(t);
	case BTF_K_ENUM: return 8 * (size_t)btf_vlen(t);
	case BTF_K_FUNC_PROTO: return 8 * (size_t)btf_vlen(t);
	case BTF_K_VAR: return 4;
	case BTF_K_DATASEC: return 12 * (size_t)btf_vlen(t);
	case BTF_K_DECL_TAG: return 4;
	case BTF_K_ENUM64: return 12 * (size_t)btf_vlen(t);
	default: return 0;
	}
}

static unsigned btf_hashname(int su, const char *s)
{
	unsigned h = 2166136261u ^ (unsigned)su;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* 0: struct, 1: union, 2: enum, 3: typedef, 4: function; -1: others */
static int btf_tagclass(const btf_type_t *t)
{
	switch (btf_kind(t)) {
	case BTF_K_STRUCT: return 0;
	case BTF_K_UNION: return 1;
	case BTF_K_ENUM:
	case BTF_K_ENUM64: return 2;
	case BTF_K_TYPEDEF: return 3;
	case BTF_K_FUNC: return 4;
	default: return -1;
	}
}

static dt_btf_t *btf_load(const char *path)
{
	FILE *f = fopen(path, "rb");
	dt_btf_t *b;
	const btf_hdr_t *h;
	size_t off, end, cap = 1024;
	uint32_t i;

	if (f == NULL)
		return NULL;
	if ((b = calloc(1, sizeof(*b))) == NULL) {
		fclose(f);
		return NULL;
	}
	/* sysfs files have no useful size: read until EOF */
	b->b_data = malloc(cap = 1 << 20);
	while (b->b_data != NULL) {
		size_t r = fread(b->b_data + b->b_len, 1, cap - b->b_len, f);
		b->b_len += r;
		if (r == 0)
			break;
		if (b->b_len == cap) {
			unsigned char *n = realloc(b->b_data, cap *= 2);
			if (n == NULL) {
				free(b->b_data);
				b->b_data = NULL;
			}
			b->b_data = n;
		}
	}
	fclose(f);
	if (b->b_data == NULL || b->b_len < sizeof(btf_hdr_t))
		goto bad;
	h = (const btf_hdr_t *)b->b_data;
	if (h->magic != BTF_MAGIC || h->hdr_len > b->b_len ||
	    (uint64_t)h->hdr_len + h->type_off + h->type_len > b->b_len ||
	    (uint64_t)h->hdr_len + h->str_off + h->str_len > b->b_len)
		goto bad;
	b->b_strs = (const char *)b->b_data + h->hdr_len + h->str_off;
	b->b_strlen = h->str_len;
	/* index the types: id 1 is the first */
	b->b_types = calloc(cap = 4096, sizeof(*b->b_types));
	if (b->b_types == NULL)
		goto bad;
	b->b_ntypes = 1;
	off = h->hdr_len + h->type_off;
	end = off + h->type_len;
	while (off + sizeof(btf_type_t) <= end) {
		const btf_type_t *t = (const btf_type_t *)(b->b_data + off);
		if (b->b_ntypes == cap) {
			const btf_type_t **n = realloc(b->b_types,
			    sizeof(*n) * (cap *= 2));
			if (n == NULL)
				goto bad;
			b->b_types = n;
		}
		b->b_types[b->b_ntypes++] = t;
		off += sizeof(btf_type_t) + btf_extra(t);
	}
	/* hash struct/union/enum names (a definition beats a FWD) */
	for (b->b_hsize = 1; b->b_hsize < b->b_ntypes * 2; b->b_hsize <<= 1)
		;
	if ((b->b_hash = calloc(b->b_hsize, sizeof(uint32_t))) == NULL)
		goto bad;
	for (i = 1; i < b->b_ntypes; i++) {
		const btf_type_t *t = b->b_types[i];
		int c = btf_tagclass(t);
		const char *nm = btf_name(b, t->name_off);
		unsigned k;
		if (c < 0 || *nm == '\0')
			continue;
		for (k = btf_hashname(c, nm) & (b->b_hsize - 1); b->b_hash[k];
		    k = (k + 1) & (b->b_hsize - 1)) {
			const btf_type_t *o = b->b_types[b->b_hash[k]];
			if (btf_tagclass(o) == c &&
			    strcmp(btf_name(b, o->name_off), nm) == 0)
				break;
		}
		if (b->b_hash[k] == 0 || (btf_vlen(b->b_types[b->b_hash[k]]) == 0 &&
		    btf_vlen(t) > 0))
			b->b_hash[k] = i;
	}
	return b;
bad:
	free(b->b_hash);
	free(b->b_types);
	free(b->b_data);
	free(b);
	return NULL;
}

static uint32_t btf_find(const dt_btf_t *b, int c, const char *nm)
{
	unsigned k;
	for (k = btf_hashname(c, nm) & (b->b_hsize - 1); b->b_hash[k];
	    k = (k + 1) & (b->b_hsize - 1)) {
		const btf_type_t *o = b->b_types[b->b_hash[k]];
		if (btf_tagclass(o) == c &&
		    strcmp(btf_name(b, o->name_off), nm) == 0)
			return b->b_hash[k];
	}
	return 0;
}

static dt_btf_t *btf_get(void)
{
	static int tried;
	static dt_btf_t *btf;
	const char *path;

	if (tried)
		return btf;
	tried = 1;
	path = getenv("DTRACE_BTF");
	if (path == NULL || *path == '\0')
		path = "/sys/kernel/btf/vmlinux";
	if (strcmp(path, "none") != 0)
		btf = btf_load(path);
	return btf;
}

static dt_type_t *btf_conv(dt_btfconv_t *c, dt_typetab_t *tt, uint32_t id);
static void btf_members(dt_btfconv_t *c, dt_typetab_t *tt, dt_type_t *t,
			uint32_t id, uint32_t base);

static dt_type_t *btf_int(dt_typetab_t *tt, const btf_type_t *bt,
			  const char *nm)
{
	uint32_t enc = *(const uint32_t *)(bt + 1);
	int sgn = (enc >> 24) & 1, isbool = (enc >> 24) & 4;
	static const char *const s[] = { "signed char", "short", "int", "long" };
	static const char *const u[] = { "unsigned char", "unsigned short",
		"unsigned int", "unsigned long" };

	if (isbool)
		return dt_type_lookup(tt, "_Bool");
	if (strcmp(nm, "char") == 0)
		return dt_type_lookup(tt, "char");
	switch (bt->size_type) {
	case 1: return dt_type_lookup(tt, sgn ? s[0] : u[0]);
	case 2: return dt_type_lookup(tt, sgn ? s[1] : u[1]);
	case 4: return dt_type_lookup(tt, sgn ? s[2] : u[2]);
	case 8: return dt_type_lookup(tt, sgn ? s[3] : u[3]);
	default:
		return dt_type_array(tt, dt_type_lookup(tt, "unsigned char"),
		    bt->size_type);
	}
}

static dt_type_t *btf_conv(dt_btfconv_t *c, dt_typetab_t *tt, uint32_t id)
{
	dt_btf_t *b = c->c_btf;
	const btf_type_t *bt;
	const char *nm;
	dt_type_t *t;
	int depth = 0;

	if (id == 0 || id >= b->b_ntypes)
		return dt_type_builtin_void(tt);
	if (c->c_memo[id] != NULL)
		return c->c_memo[id];
	bt = b->b_types[id];
	nm = btf_name(b, bt->name_off);
	switch (btf_kind(bt)) {
	case BTF_K_INT:
		t = btf_int(tt, bt, nm);
		break;
	case BTF_K_PTR:
		t = dt_type_pointer(tt, btf_conv(c, tt, bt->size_type));
		break;
	case BTF_K_ARRAY: {
		const uint32_t *a = (const uint32_t *)(bt + 1);
		t = dt_type_array(tt, btf_conv(c, tt, a[0]), a[2]);
		break;
	}
	case BTF_K_STRUCT:
	case BTF_K_UNION: {
		dt_tkind_t k = btf_kind(bt) == BTF_K_STRUCT ? DT_TK_STRUCT :
		    DT_TK_UNION;
		if (*nm != '\0') {
			/* filled in when first needed (dt_type_complete) */
			t = dt_type_tagged_local(tt, k, nm);
			if (!t->dt_complete) {
				t->dt_size = bt->size_type;
				t->dt_align = bt->size_type >= 8 ? 8 :
				    bt->size_type ? bt->size_type : 1;
			}
			c->c_memo[id] = t;
			return t;
		}
		t = dt_type_anon(tt, k);
		c->c_memo[id] = t;
		btf_members(c, tt, t, id, 0);
		t->dt_size = bt->size_type;
		t->dt_complete = 1;
		return t;
	}
	case BTF_K_FWD:
		t = dt_type_tagged_local(tt, btf_kflag(bt) ? DT_TK_UNION :
		    DT_TK_STRUCT, nm);
		break;
	case BTF_K_ENUM:
	case BTF_K_ENUM64: {
		int i, n = btf_vlen(bt), w = btf_kind(bt) == BTF_K_ENUM ? 8 : 12;
		const unsigned char *e = (const unsigned char *)(bt + 1);
		t = *nm ? dt_type_tagged_local(tt, DT_TK_ENUM, nm) :
		    dt_type_anon(tt, DT_TK_ENUM);
		if (t->dt_nmembers == 0)
			for (i = 0; i < n; i++) {
				const uint32_t *v = (const uint32_t *)(e + i * w);
				int64_t val = w == 8 ? (int64_t)(int32_t)v[1] :
				    (int64_t)((uint64_t)v[2] << 32 | v[1]);
				dt_type_add_enumerator(tt, t,
				    btf_name(b, v[0]), val);
			}
		t->dt_size = t->dt_align = bt->size_type ? bt->size_type : 4;
		t->dt_complete = 1;
		break;
	}
	case BTF_K_TYPEDEF:
		/* a typedef chain is short; guard against a loop anyway */
		c->c_memo[id] = dt_type_builtin_void(tt);
		t = dt_type_alias(tt, nm, btf_conv(c, tt, bt->size_type));
		break;
	case BTF_K_VOLATILE:
	case BTF_K_CONST:
	case BTF_K_RESTRICT:
	case BTF_K_TYPE_TAG:
	case BTF_K_FUNC:
		c->c_memo[id] = dt_type_builtin_void(tt);
		t = btf_conv(c, tt, bt->size_type);
		break;
	case BTF_K_FUNC_PROTO:
		t = dt_type_func(tt, btf_conv(c, tt, bt->size_type), NULL, 0, 1);
		break;
	case BTF_K_FLOAT:
		t = dt_type_lookup(tt, bt->size_type == 4 ? "float" :
		    bt->size_type == 8 ? "double" : "long double");
		break;
	default:
		t = dt_type_builtin_void(tt);
	}
	(void)depth;
	c->c_memo[id] = t;
	return t;
}

/* members of struct/union id into t, offsets shifted by base bytes */
static void btf_members(dt_btfconv_t *c, dt_typetab_t *tt, dt_type_t *t,
			uint32_t id, uint32_t base)
{
	dt_btf_t *b = c->c_btf;
	const btf_type_t *bt = b->b_types[id];
	const uint32_t *m = (const uint32_t *)(bt + 1);
	int i, n = btf_vlen(bt);

	for (i = 0; i < n; i++, m += 3) {
		const char *nm = btf_name(b, m[0]);
		uint32_t bits = btf_kflag(bt) ? m[2] & 0xffffff : m[2];
		uint32_t bsize = btf_kflag(bt) ? m[2] >> 24 : 0;
		uint32_t tid = m[1];
		const btf_type_t *mt;

		if (bsize != 0 || bits % 8 != 0) {
			/* a bit-field: located in a unit of its type's size */
			dt_type_t *ft = btf_conv(c, tt, m[1]);
			uint32_t us = dt_type_base(ft)->dt_size * 8;
			uint32_t abs = base * 8 + bits;
			if (*nm == '\0' || bsize == 0 || !dt_type_is_integer(ft) ||
			    (us != 8 && us != 16 && us != 32 && us != 64) ||
			    abs % us + bsize > us)
				continue;
			if (dt_type_add_member_at(tt, t, nm, ft,
			    abs / us * (us / 8)) == 0) {
				t->dt_members[t->dt_nmembers - 1].dm_bits = bsize;
				t->dt_members[t->dt_nmembers - 1].dm_bitoff =
				    abs % us;
			}
			continue;
		}
		/* skip qualifiers to see an anonymous struct/union */
		while (tid > 0 && tid < b->b_ntypes &&
		    (btf_kind(b->b_types[tid]) == BTF_K_CONST ||
		    btf_kind(b->b_types[tid]) == BTF_K_VOLATILE ||
		    btf_kind(b->b_types[tid]) == BTF_K_TYPE_TAG))
			tid = b->b_types[tid]->size_type;
		mt = tid < b->b_ntypes ? b->b_types[tid] : NULL;
		if (*nm == '\0' && mt != NULL && tid != 0 &&
		    (btf_kind(mt) == BTF_K_STRUCT ||
		    btf_kind(mt) == BTF_K_UNION)) {
			btf_members(c, tt, t, tid, base + bits / 8);
			continue;
		}
		if (*nm == '\0')
			continue;
		dt_type_add_member_at(tt, t, nm, btf_conv(c, tt, m[1]),
		    base + bits / 8);
	}
}

static dt_btfconv_t *btf_conv_ctx(void *arg, dt_typetab_t *tt)
{
	dt_btfconv_t *c = arg;
	if (c->c_btf == NULL) {
		if ((c->c_btf = btf_get()) == NULL)
			return NULL;
		c->c_memo = dt_arena_alloc(dt_typetab_arena(tt),
		    sizeof(dt_type_t *) * c->c_btf->b_ntypes);
	}
	return c;
}

static dt_type_t *btf_tagged(void *arg, dt_typetab_t *tt, dt_tkind_t kind,
			     const char *tag)
{
	dt_btfconv_t *c = btf_conv_ctx(arg, tt);
	uint32_t id;

	if (c == NULL)
		return NULL;
	id = btf_find(c->c_btf, kind == DT_TK_STRUCT ? 0 :
	    kind == DT_TK_UNION ? 1 : 2, tag);
	return id ? btf_conv(c, tt, id) : NULL;
}

static int btf_complete(void *arg, dt_typetab_t *tt, dt_type_t *t)
{
	dt_btfconv_t *c = btf_conv_ctx(arg, tt);
	const char *tag;
	uint32_t id;

	if (c == NULL || t->dt_name == NULL || (tag = strchr(t->dt_name, ' ')) ==
	    NULL)
		return -1;
	id = btf_find(c->c_btf, t->dt_kind == DT_TK_STRUCT ? 0 : 1, tag + 1);
	if (id == 0 || btf_vlen(c->c_btf->b_types[id]) == 0 ||
	    t->dt_nmembers != 0)
		return -1;
	btf_members(c, tt, t, id, 0);
	t->dt_size = c->c_btf->b_types[id]->size_type;
	t->dt_complete = 1;
	return 0;
}

/* the name and value of enumerator i of enum type t */
static const char *btf_enumerator(const dt_btf_t *b, const btf_type_t *t,
				  int i, int64_t *valp)
{
	const uint32_t *v;

	if (btf_kind(t) == BTF_K_ENUM) {
		v = (const uint32_t *)((const unsigned char *)(t + 1) + 8 * i);
		*valp = btf_kflag(t) ? (int64_t)v[1] : (int64_t)(int32_t)v[1];
	} else {
		v = (const uint32_t *)((const unsigned char *)(t + 1) + 12 * i);
		*valp = (int64_t)((uint64_t)v[2] << 32 | v[1]);
	}
	return btf_name(b, v[0]);
}

static void btf_index_enums(dt_btf_t *b)
{
	uint32_t i, n = 0;
	int k;
	int64_t v;

	for (i = 1; i < b->b_ntypes; i++)
		if (btf_tagclass(b->b_types[i]) == 2)
			n += (uint32_t)btf_vlen(b->b_types[i]);
	for (b->b_ehsize = 1; b->b_ehsize < n * 2 + 2; b->b_ehsize <<= 1)
		;
	if ((b->b_ehash = calloc(b->b_ehsize, sizeof(uint64_t))) == NULL) {
		b->b_ehsize = 0;
		return;
	}
	for (i = 1; i < b->b_ntypes; i++) {
		const btf_type_t *t = b->b_types[i];
		if (btf_tagclass(t) != 2)
			continue;
		for (k = 0; k < btf_vlen(t); k++) {
			const char *nm = btf_enumerator(b, t, k, &v);
			unsigned h = btf_hashname(3, nm) & (b->b_ehsize - 1);
			while (b->b_ehash[h] != 0)
				h = (h + 1) & (b->b_ehsize - 1);
			b->b_ehash[h] = (uint64_t)i << 32 | (uint32_t)k;
		}
	}
}

static dt_type_t *btf_enumconst(void *arg, dt_typetab_t *tt, const char *nm,
				int64_t *valp)
{
	dt_btfconv_t *c = btf_conv_ctx(arg, tt);
	dt_btf_t *b;
	unsigned h;

	if (c == NULL)
		return NULL;
	b = c->c_btf;
	if (b->b_ehash == NULL && b->b_ehsize == 0)
		btf_index_enums(b);
	if (b->b_ehash == NULL)
		return NULL;
	for (h = btf_hashname(3, nm) & (b->b_ehsize - 1); b->b_ehash[h];
	    h = (h + 1) & (b->b_ehsize - 1)) {
		uint32_t id = (uint32_t)(b->b_ehash[h] >> 32);
		int k = (int)(uint32_t)b->b_ehash[h];
		if (strcmp(btf_enumerator(b, b->b_types[id], k, valp), nm) == 0)
			return btf_conv(c, tt, id);
	}
	return NULL;
}

static dt_type_t *btf_typedef(void *arg, dt_typetab_t *tt, const char *nm)
{
	dt_btfconv_t *c = btf_conv_ctx(arg, tt);
	uint32_t id;

	if (c == NULL || (id = btf_find(c->c_btf, 3, nm)) == 0)
		return NULL;
	return btf_conv(c, tt, c->c_btf->b_types[id]->size_type);
}

static dt_type_t *btf_symtype(void *arg, dt_typetab_t *tt, const char *nm)
{
	dt_btfconv_t *c = btf_conv_ctx(arg, tt);
	uint32_t id;

	if (c == NULL || (id = btf_find(c->c_btf, 4, nm)) == 0)
		return NULL;
	/* a FUNC's type is its FUNC_PROTO */
	return btf_conv(c, tt, c->c_btf->b_types[id]->size_type);
}

void dt_btf_attach(dt_typetab_t *tt)
{
	dt_typeimport_t ti;
	dt_btfconv_t *c = dt_arena_alloc(dt_typetab_arena(tt), sizeof(*c));

	ti.ti_tagged = btf_tagged;
	ti.ti_complete = btf_complete;
	ti.ti_enumconst = btf_enumconst;
	ti.ti_typedef = btf_typedef;
	ti.ti_symtype = btf_symtype;
	ti.ti_arg = c;
	dt_typetab_set_import(tt, &ti);
}
