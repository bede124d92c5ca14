/* dt_types.c - the compiler's type table (see dt_types.h). */
#include <stdio.h>
#include <string.h>
#include "dt_types.h"

#define DT_TT_HASH 509

struct dt_typetab {
	dt_arena_t *tt_arena;
	dt_type_t *tt_hash[DT_TT_HASH];
	dt_type_t *tt_int, *tt_string, *tt_void;
	uint32_t tt_strsize;
	dt_typeimport_t tt_import;
	int tt_importing;
};

void dt_typetab_set_import(dt_typetab_t *tt, const dt_typeimport_t *ti)
{
	tt->tt_import = *ti;
}

dt_arena_t *dt_typetab_arena(dt_typetab_t *tt)
{
	return tt->tt_arena;
}

dt_type_t *dt_type_enumconst(dt_typetab_t *tt, const char *name,
			     int64_t *valp)
{
	dt_type_t *t = NULL;

	if (tt->tt_import.ti_enumconst != NULL && !tt->tt_importing) {
		tt->tt_importing = 1;
		t = tt->tt_import.ti_enumconst(tt->tt_import.ti_arg, tt, name,
		    valp);
		tt->tt_importing = 0;
	}
	return t;
}

dt_type_t *dt_type_symbol(dt_typetab_t *tt, const char *name)
{
	dt_type_t *t = NULL;

	if (tt->tt_import.ti_symtype != NULL && !tt->tt_importing) {
		tt->tt_importing = 1;
		t = tt->tt_import.ti_symtype(tt->tt_import.ti_arg, tt, name);
		tt->tt_importing = 0;
	}
	return t;
}

int dt_type_complete(dt_typetab_t *tt, dt_type_t *t)
{
	t = dt_type_base(t);
	if (t->dt_complete)
		return 1;
	if ((t->dt_kind == DT_TK_STRUCT || t->dt_kind == DT_TK_UNION) &&
	    tt->tt_import.ti_complete != NULL && !tt->tt_importing) {
		tt->tt_importing = 1;
		tt->tt_import.ti_complete(tt->tt_import.ti_arg, tt, t);
		tt->tt_importing = 0;
	}
	return t->dt_complete;
}

static unsigned dt_tt_hashname(const char *s)
{
	unsigned h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h % DT_TT_HASH;
}

static dt_type_t *dt_tt_new(dt_typetab_t *tt, dt_tkind_t k, const char *name)
{
	dt_type_t *t = dt_arena_alloc(tt->tt_arena, sizeof(*t));
	t->dt_kind = k;
	t->dt_complete = 1;
	if (name != NULL) {
		unsigned h = dt_tt_hashname(name);
		t->dt_name = dt_arena_strdup(tt->tt_arena, name);
		t->dt_hnext = tt->tt_hash[h];
		tt->tt_hash[h] = t;
	}
	return t;
}

/*
 * Only names shaped like the kernel's typedefs are looked up outside:
 * every identifier of a program passes through here (is it a type
 * name?), and a user variable must not turn into a kernel type.
 */
static int dt_tt_typedef_shaped(const char *name)
{
	size_t n = strlen(name);

	if (n > 2 && strcmp(name + n - 2, "_t") == 0)
		return 1;
	if (strncmp(name, "__", 2) == 0)
		name += 2;
	return (name[0] == 'u' || name[0] == 's') &&
	    (strcmp(name + 1, "8") == 0 || strcmp(name + 1, "16") == 0 ||
	    strcmp(name + 1, "32") == 0 || strcmp(name + 1, "64") == 0);
}

dt_type_t *dt_type_lookup(dt_typetab_t *tt, const char *name)
{
	dt_type_t *t;
	for (t = tt->tt_hash[dt_tt_hashname(name)]; t != NULL; t = t->dt_hnext)
		if (strcmp(t->dt_name, name) == 0)
			return t;
	if (tt->tt_import.ti_typedef != NULL && !tt->tt_importing &&
	    dt_tt_typedef_shaped(name)) {
		tt->tt_importing = 1;
		t = tt->tt_import.ti_typedef(tt->tt_import.ti_arg, tt, name);
		tt->tt_importing = 0;
		if (t != NULL)
			return dt_type_typedef(tt, dt_arena_strdup(tt->tt_arena,
			    name), t);
	}
	return NULL;
}

dt_type_t *dt_type_int(dt_typetab_t *tt, const char *name, uint32_t size,
		       int is_signed)
{
	dt_type_t *t = dt_tt_new(tt, DT_TK_INT, name);
	t->dt_size = t->dt_align = size;
	t->dt_signed = is_signed != 0;
	return t;
}

static dt_type_t *dt_type_float(dt_typetab_t *tt, const char *name,
				uint32_t size)
{
	dt_type_t *t = dt_tt_new(tt, DT_TK_FLOAT, name);
	t->dt_size = t->dt_align = size;
	t->dt_signed = 1;
	return t;
}

dt_type_t *dt_type_typedef(dt_typetab_t *tt, const char *name, dt_type_t *r)
{
	dt_type_t *t = dt_tt_new(tt, DT_TK_TYPEDEF, name);
	t->dt_ref = r;
	t->dt_size = r->dt_size;
	t->dt_align = r->dt_align;
	t->dt_signed = r->dt_signed;
	return t;
}

dt_type_t *dt_type_alias(dt_typetab_t *tt, const char *name, dt_type_t *r)
{
	dt_type_t *t = dt_tt_new(tt, DT_TK_TYPEDEF, NULL);
	t->dt_name = dt_arena_strdup(tt->tt_arena, name);
	t->dt_ref = r;
	t->dt_size = r->dt_size;
	t->dt_align = r->dt_align;
	t->dt_signed = r->dt_signed;
	return t;
}

dt_type_t *dt_type_pointer(dt_typetab_t *tt, dt_type_t *r)
{
	dt_type_t *t;
	if (r->dt_ptrto != NULL)
		return r->dt_ptrto;
	t = dt_tt_new(tt, DT_TK_PTR, NULL);
	t->dt_ref = r;
	t->dt_size = t->dt_align = 8;
	r->dt_ptrto = t;
	return t;
}

dt_type_t *dt_type_array(dt_typetab_t *tt, dt_type_t *r, uint32_t n)
{
	dt_type_t *t = dt_tt_new(tt, DT_TK_ARRAY, NULL);
	t->dt_ref = r;
	t->dt_nelems = n;
	t->dt_size = r->dt_size * n;
	t->dt_align = r->dt_align ? r->dt_align : 1;
	return t;
}

dt_type_t *dt_type_func(dt_typetab_t *tt, dt_type_t *ret, dt_type_t **params,
			uint32_t n, int varargs)
{
	dt_type_t *t = dt_tt_new(tt, DT_TK_FUNC, NULL);
	t->dt_ref = ret;
	t->dt_params = dt_arena_alloc(tt->tt_arena, sizeof(*params) * (n + 1));
	if (n)
		memcpy(t->dt_params, params, sizeof(*params) * n);
	t->dt_nparams = n;
	t->dt_varargs = varargs != 0;
	t->dt_size = t->dt_align = 1;
	return t;
}

static const char *dt_tk_word(dt_tkind_t k)
{
	return k == DT_TK_STRUCT ? "struct" : k == DT_TK_UNION ? "union" : "enum";
}

dt_type_t *dt_type_tagged(dt_typetab_t *tt, dt_tkind_t kind, const char *tag)
{
	char name[512];
	dt_type_t *t;

	snprintf(name, sizeof(name), "%s %s", dt_tk_word(kind), tag);
	if ((t = dt_type_lookup(tt, name)) != NULL)
		return t;
	if (tt->tt_import.ti_tagged != NULL && !tt->tt_importing) {
		tt->tt_importing = 1;
		t = tt->tt_import.ti_tagged(tt->tt_import.ti_arg, tt, kind, tag);
		tt->tt_importing = 0;
		if (t != NULL)
			return t;
	}
	return dt_type_tagged_local(tt, kind, tag);
}

dt_type_t *dt_type_tagged_local(dt_typetab_t *tt, dt_tkind_t kind,
				const char *tag)
{
	char name[512];
	dt_type_t *t;

	snprintf(name, sizeof(name), "%s %s", dt_tk_word(kind), tag);
	if ((t = dt_type_lookup(tt, name)) != NULL)
		return t;
	t = dt_tt_new(tt, kind, name);
	t->dt_complete = 0;
	t->dt_align = 1;
	if (kind == DT_TK_ENUM) {
		t->dt_size = t->dt_align = 4;
		t->dt_signed = 1;
	}
	return t;
}

dt_type_t *dt_type_anon(dt_typetab_t *tt, dt_tkind_t kind)
{
	dt_type_t *t = dt_tt_new(tt, kind, NULL);
	t->dt_complete = 0;
	t->dt_align = 1;
	if (kind == DT_TK_ENUM) {
		t->dt_size = t->dt_align = 4;
		t->dt_signed = 1;
	}
	return t;
}

static dt_member_t *dt_type_newmember(dt_typetab_t *tt, dt_type_t *t,
				      const char *name)
{
	if (name != NULL && dt_type_member(t, name) != NULL)
		return NULL;
	if (t->dt_nmembers == t->dt_maxmembers) {
		uint32_t n = t->dt_maxmembers ? t->dt_maxmembers * 2 : 8;
		dt_member_t *m = dt_arena_alloc(tt->tt_arena, n * sizeof(*m));
		if (t->dt_nmembers)
			memcpy(m, t->dt_members,
			       t->dt_nmembers * sizeof(*m));
		t->dt_members = m;
		t->dt_maxmembers = n;
	}
	return &t->dt_members[t->dt_nmembers++];
}

int dt_type_add_member(dt_typetab_t *tt, dt_type_t *sou, const char *name,
		       dt_type_t *mt)
{
	dt_member_t *m = dt_type_newmember(tt, sou, name);
	uint32_t al = mt->dt_align ? mt->dt_align : 1;

	if (m == NULL)
		return -1;
	m->dm_name = name ? dt_arena_strdup(tt->tt_arena, name) : NULL;
	m->dm_type = mt;
	sou->dt_bitend = 0;
	if (sou->dt_kind == DT_TK_STRUCT) {
		m->dm_offset = (sou->dt_size + al - 1) / al * al;
		sou->dt_size = m->dm_offset + mt->dt_size;
	} else {
		m->dm_offset = 0;
		if (mt->dt_size > sou->dt_size)
			sou->dt_size = mt->dt_size;
	}
	if (al > sou->dt_align)
		sou->dt_align = al;
	return 0;
}

int dt_type_add_bitfield(dt_typetab_t *tt, dt_type_t *sou, const char *name,
			 dt_type_t *mt, uint32_t width)
{
	dt_type_t *b = dt_type_base(mt);
	uint32_t unit = (b->dt_size ? b->dt_size : 4) * 8, pos;
	uint32_t al = b->dt_align ? b->dt_align : 1;
	dt_member_t *m;

	if (name != NULL && dt_type_member(sou, name) != NULL)
		return -1;
	if (sou->dt_kind != DT_TK_STRUCT) {
		pos = 0;
		if (unit / 8 > sou->dt_size)
			sou->dt_size = unit / 8;
	} else {
		pos = sou->dt_bitend ? sou->dt_bitend : sou->dt_size * 8;
		/* a field never straddles a unit of its type; width 0 ends
		 * the unit */
		if (width == 0 || pos / unit != (pos + width - 1) / unit)
			pos = (pos + unit - 1) / unit * unit;
		sou->dt_bitend = pos + width;
		sou->dt_size = (pos + width + 7) / 8;
	}
	if (al > sou->dt_align)
		sou->dt_align = al;
	if (width == 0)
		return 0;
	m = dt_type_newmember(tt, sou, NULL);
	m->dm_name = name ? dt_arena_strdup(tt->tt_arena, name) : NULL;
	m->dm_type = mt;
	m->dm_offset = pos / unit * (unit / 8);
	m->dm_bitoff = pos % unit;
	m->dm_bits = width;
	return 0;
}

int dt_type_add_member_at(dt_typetab_t *tt, dt_type_t *sou, const char *name,
			  dt_type_t *mt, uint32_t offset)
{
	dt_member_t *m = dt_type_newmember(tt, sou, name);
	uint32_t al = mt->dt_align ? mt->dt_align : 1;

	if (m == NULL)
		return -1;
	m->dm_name = name ? dt_arena_strdup(tt->tt_arena, name) : NULL;
	m->dm_type = mt;
	m->dm_offset = offset;
	if (al > sou->dt_align && al <= 8)
		sou->dt_align = al;
	return 0;
}

int dt_type_add_enumerator(dt_typetab_t *tt, dt_type_t *e, const char *name,
			   int64_t value)
{
	dt_member_t *m = dt_type_newmember(tt, e, name);
	if (m == NULL)
		return -1;
	m->dm_name = dt_arena_strdup(tt->tt_arena, name);
	m->dm_value = value;
	m->dm_type = e;
	return 0;
}

void dt_type_close(dt_type_t *t)
{
	uint32_t al = t->dt_align ? t->dt_align : 1;
	t->dt_size = (t->dt_size + al - 1) / al * al;
	t->dt_complete = 1;
}

const dt_member_t *dt_type_member(const dt_type_t *t, const char *name)
{
	uint32_t i;
	for (i = 0; i < t->dt_nmembers; i++)
		if (t->dt_members[i].dm_name != NULL &&
		    strcmp(t->dt_members[i].dm_name, name) == 0)
			return &t->dt_members[i];
	return NULL;
}

dt_type_t *dt_type_builtin_int(dt_typetab_t *tt) { return tt->tt_int; }
dt_type_t *dt_type_builtin_string(dt_typetab_t *tt) { return tt->tt_string; }
dt_type_t *dt_type_builtin_void(dt_typetab_t *tt) { return tt->tt_void; }
uint32_t dt_typetab_strsize(const dt_typetab_t *tt) { return tt->tt_strsize; }

dt_typetab_t *dt_typetab_create(dt_arena_t *a, uint32_t strsize)
{
	static const struct {
		const char *n;
		uint32_t sz;
		int sgn;
	} ints[] = {
		{ "char", 1, 1 },	   { "signed char", 1, 1 },
		{ "unsigned char", 1, 0 }, { "short", 2, 1 },
		{ "unsigned short", 2, 0 }, { "int", 4, 1 },
		{ "unsigned int", 4, 0 },  { "long", 8, 1 },
		{ "unsigned long", 8, 0 }, { "long long", 8, 1 },
		{ "unsigned long long", 8, 0 }, { "_Bool", 1, 0 },
	};
	static const struct {
		const char *n, *to;
	} tds[] = {
		{ "int8_t", "signed char" },	 { "int16_t", "short" },
		{ "int32_t", "int" },		 { "int64_t", "long long" },
		{ "uint8_t", "unsigned char" }, { "uint16_t", "unsigned short" },
		{ "uint32_t", "unsigned int" }, { "uint64_t", "unsigned long long" },
		{ "intptr_t", "long" },	 { "uintptr_t", "unsigned long" },
		{ "size_t", "unsigned long" },	 { "ssize_t", "long" },
		{ "off_t", "long" },		 { "off64_t", "long" },
		{ "loff_t", "long long" },	 { "pid_t", "int" },
		{ "tid_t", "int" },		 { "id_t", "int" },
		{ "uid_t", "unsigned int" },	 { "gid_t", "unsigned int" },
		{ "mode_t", "unsigned int" },	 { "dev_t", "unsigned long" },
		{ "ino_t", "unsigned long" },	 { "time_t", "long" },
		{ "clock_t", "long" },	 { "hrtime_t", "long long" },
		{ "processorid_t", "int" },	 { "zoneid_t", "int" },
		{ "projid_t", "int" },		 { "taskid_t", "int" },
		{ "major_t", "unsigned int" },	 { "minor_t", "unsigned int" },
		{ "uchar_t", "unsigned char" }, { "ushort_t", "unsigned short" },
		{ "uint_t", "unsigned int" },	 { "ulong_t", "unsigned long" },
		{ "longlong_t", "long long" },	 { "u_longlong_t", "unsigned long long" },
		{ "u_int", "unsigned int" },	 { "u_long", "unsigned long" },
		{ "u8", "unsigned char" },	 { "u16", "unsigned short" },
		{ "u32", "unsigned int" },	 { "u64", "unsigned long long" },
		{ "s8", "signed char" },	 { "s16", "short" },
		{ "s32", "int" },		 { "s64", "long long" },
		{ "__u8", "unsigned char" },	 { "__u16", "unsigned short" },
		{ "__u32", "unsigned int" },	 { "__u64", "unsigned long long" },
		{ "ipaddr_t", "unsigned int" },	 { "in_port_t", "unsigned short" },
		{ "__s8", "signed char" },	 { "__s16", "short" },
		{ "__s32", "int" },		 { "__s64", "long long" },
	};
	dt_typetab_t *tt = dt_arena_alloc(a, sizeof(*tt));
	dt_type_t *t;
	size_t i;

	tt->tt_arena = a;
	tt->tt_strsize = strsize;
	for (i = 0; i < sizeof(ints) / sizeof(ints[0]); i++)
		dt_type_int(tt, ints[i].n, ints[i].sz, ints[i].sgn);
	dt_type_float(tt, "float", 4);
	dt_type_float(tt, "double", 8);
	dt_type_float(tt, "long double", 16);
	for (i = 0; i < sizeof(tds) / sizeof(tds[0]); i++)
		dt_type_typedef(tt, tds[i].n, dt_type_lookup(tt, tds[i].to));
	tt->tt_void = dt_tt_new(tt, DT_TK_VOID, "void");
	tt->tt_void->dt_size = 0;
	tt->tt_void->dt_align = 1;
	tt->tt_string = t = dt_tt_new(tt, DT_TK_STRING, "string");
	t->dt_size = strsize;
	t->dt_align = 1;
	tt->tt_int = dt_type_lookup(tt, "int");
	dt_type_typedef(tt, "caddr_t",
			dt_type_pointer(tt, dt_type_lookup(tt, "char")));
	return tt;
}

dt_type_t *dt_type_base(dt_type_t *t)
{
	while (t != NULL && t->dt_kind == DT_TK_TYPEDEF)
		t = t->dt_ref;
	return t;
}

int dt_type_is_integer(dt_type_t *t)
{
	t = dt_type_base(t);
	return t->dt_kind == DT_TK_INT || t->dt_kind == DT_TK_ENUM;
}

int dt_type_is_arith(dt_type_t *t)
{
	return dt_type_is_integer(t) || dt_type_base(t)->dt_kind == DT_TK_FLOAT;
}

int dt_type_is_pointer(dt_type_t *t)
{
	t = dt_type_base(t);
	return t->dt_kind == DT_TK_PTR || t->dt_kind == DT_TK_ARRAY;
}

int dt_type_is_scalar(dt_type_t *t)
{
	return dt_type_is_integer(t) || dt_type_is_pointer(t);
}

int dt_type_is_string(dt_type_t *t)
{
	return dt_type_base(t)->dt_kind == DT_TK_STRING;
}

int dt_type_is_sou(dt_type_t *t)
{
	t = dt_type_base(t);
	return t->dt_kind == DT_TK_STRUCT || t->dt_kind == DT_TK_UNION;
}

int dt_type_is_void(dt_type_t *t)
{
	return dt_type_base(t)->dt_kind == DT_TK_VOID;
}

int dt_type_is_byref(dt_type_t *t)
{
	t = dt_type_base(t);
	return t->dt_kind == DT_TK_STRING || t->dt_kind == DT_TK_STRUCT ||
	       t->dt_kind == DT_TK_UNION || t->dt_kind == DT_TK_ARRAY;
}

int dt_type_is_signed(dt_type_t *t)
{
	t = dt_type_base(t);
	return (t->dt_kind == DT_TK_INT || t->dt_kind == DT_TK_ENUM ||
		t->dt_kind == DT_TK_FLOAT) && t->dt_signed;
}

int dt_type_compat(dt_type_t *a, dt_type_t *b)
{
	a = dt_type_base(a);
	b = dt_type_base(b);
	if (a == b)
		return 1;
	if (a->dt_kind != b->dt_kind)
		return 0;
	switch (a->dt_kind) {
	case DT_TK_INT:
	case DT_TK_FLOAT:
		return a->dt_size == b->dt_size && a->dt_signed == b->dt_signed;
	case DT_TK_PTR:
		return dt_type_is_void(a->dt_ref) || dt_type_is_void(b->dt_ref) ||
		       dt_type_compat(a->dt_ref, b->dt_ref);
	case DT_TK_ARRAY:
		return a->dt_nelems == b->dt_nelems &&
		       dt_type_compat(a->dt_ref, b->dt_ref);
	case DT_TK_STRING:
	case DT_TK_VOID:
		return 1;
	case DT_TK_STRUCT:
	case DT_TK_UNION:
	case DT_TK_ENUM:
		return a->dt_name != NULL && b->dt_name != NULL &&
		       strcmp(a->dt_name, b->dt_name) == 0;
	default:
		return 0;
	}
}

/* bounded copy that never truncates silently into a warning */
static void dt_type_cpy(char *d, size_t len, const char *s)
{
	size_t n = strlen(s);
	if (n >= len)
		n = len - 1;
	memcpy(d, s, n);
	d[n] = '\0';
}

/* prefix part (before the declarator) and suffix (arrays) of a C name */
static void dt_type_spell(dt_type_t *t, char *pre, size_t plen, char *suf,
			  size_t slen)
{
	char tmp[256];

	if (t->dt_name != NULL) {
		dt_type_cpy(pre, plen, t->dt_name);
		suf[0] = '\0';
		return;
	}
	switch (t->dt_kind) {
	case DT_TK_PTR:
		dt_type_spell(t->dt_ref, pre, plen, suf, slen);
		if (dt_type_base(t->dt_ref)->dt_kind == DT_TK_ARRAY &&
		    t->dt_ref->dt_name == NULL) {
			snprintf(tmp, sizeof(tmp), "%s(*)", pre);
		} else {
			size_t n = strlen(pre);
			snprintf(tmp, sizeof(tmp), "%s%s*", pre,
				 n && pre[n - 1] == '*' ? "" : " ");
		}
		dt_type_cpy(pre, plen, tmp);
		break;
	case DT_TK_ARRAY:
		dt_type_spell(t->dt_ref, pre, plen, suf, slen);
		snprintf(tmp, sizeof(tmp), "[%u]%s", t->dt_nelems, suf);
		dt_type_cpy(suf, slen, tmp);
		break;
	case DT_TK_FUNC:
		dt_type_spell(t->dt_ref, pre, plen, suf, slen);
		snprintf(tmp, sizeof(tmp), "%s()", pre);
		dt_type_cpy(pre, plen, tmp);
		break;
	case DT_TK_STRUCT:
		snprintf(pre, plen, "struct <anon>");
		suf[0] = '\0';
		break;
	case DT_TK_UNION:
		snprintf(pre, plen, "union <anon>");
		suf[0] = '\0';
		break;
	case DT_TK_ENUM:
		snprintf(pre, plen, "enum <anon>");
		suf[0] = '\0';
		break;
	default:
		snprintf(pre, plen, "<?>");
		suf[0] = '\0';
	}
}

const char *dt_type_name(dt_type_t *t, char *buf, size_t len)
{
	char pre[256], suf[128];

	dt_type_spell(t, pre, sizeof(pre), suf, sizeof(suf));
	if (suf[0] != '\0')
		snprintf(buf, len, "%s %s", pre, suf);
	else
		snprintf(buf, len, "%s", pre);
	return buf;
}
