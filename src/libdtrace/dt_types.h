/*
 * dt_types.h - the D type system of the compiler: integers of every width,
 * pointers, arrays, structs, unions, enums, typedefs, D's string and
 * function types.  A type table maps names ("int", "struct foo", "uint8_t")
 * to types.  Types are built through constructor calls only, so a later
 * importer (kernel BTF for args[]) can fill the same table.
 */
#ifndef DT_TYPES_H
#define DT_TYPES_H

#include <stdint.h>
#include "dt_arena.h"

typedef enum dt_tkind {
	DT_TK_VOID = 0,
	DT_TK_INT,
	DT_TK_FLOAT, /* parsed and sized, but D refuses arithmetic on it */
	DT_TK_PTR,
	DT_TK_ARRAY,
	DT_TK_STRUCT,
	DT_TK_UNION,
	DT_TK_ENUM,
	DT_TK_TYPEDEF,
	DT_TK_STRING,
	DT_TK_FUNC
} dt_tkind_t;

struct dt_type;

typedef struct dt_member {
	const char *dm_name;
	struct dt_type *dm_type; /* struct/union members */
	uint32_t dm_offset; /* bytes from the start */
	int64_t dm_value; /* enumerators */
	uint32_t dm_bits; /* a bit-field of this many bits (0: not one) */
	uint32_t dm_bitoff; /* bit-field: first bit (from the LSB) of the
			       unit of its type's size at dm_offset */
} dt_member_t;

typedef struct dt_type {
	dt_tkind_t dt_kind;
	const char *dt_name; /* "int", "struct foo", "foo_t"; NULL: derived */
	uint32_t dt_size;
	uint32_t dt_align;
	uint8_t dt_signed; /* integers */
	uint8_t dt_complete; /* struct/union/enum: body seen */
	uint8_t dt_userland; /* pointer into user space */
	struct dt_type *dt_ref; /* pointee, element, typedef target, return */
	uint32_t dt_nelems; /* arrays */
	dt_member_t *dt_members; /* struct/union members, enumerators */
	uint32_t dt_nmembers, dt_maxmembers;
	struct dt_type **dt_params; /* functions */
	uint32_t dt_nparams;
	uint8_t dt_varargs;
	struct dt_type *dt_ptrto; /* cached pointer-to-this */
	uint32_t dt_bitend; /* struct: bits used if the last member is a
			       bit-field, else 0 */
	struct dt_type *dt_hnext; /* name hash chain */
} dt_type_t;

typedef struct dt_typetab dt_typetab_t;

/*
 * An importer of types from outside the program (kernel BTF): asked for
 * struct/union/enum tags the program did not declare, and to fill in the
 * members of such a type when they are first needed.
 */
typedef struct dt_typeimport {
	/* a type for "kind tag" (complete or not), or NULL if unknown */
	dt_type_t *(*ti_tagged)(void *arg, dt_typetab_t *tt, dt_tkind_t kind,
				const char *tag);
	/* lay out the members of incomplete t; 0 if it could */
	int (*ti_complete)(void *arg, dt_typetab_t *tt, dt_type_t *t);
	/* an enumerator constant by name: its enum type and value */
	dt_type_t *(*ti_enumconst)(void *arg, dt_typetab_t *tt,
				   const char *name, int64_t *valp);
	/* a kernel symbol's type (functions: their prototype), or NULL */
	dt_type_t *(*ti_symtype)(void *arg, dt_typetab_t *tt,
				 const char *name);
	/* a typedef name (umode_t, loff_t ...): its type, or NULL */
	dt_type_t *(*ti_typedef)(void *arg, dt_typetab_t *tt,
				 const char *name);
	void *ti_arg;
} dt_typeimport_t;

/* a table with D's built-in types (LP64), strings of strsize bytes */
dt_typetab_t *dt_typetab_create(dt_arena_t *a, uint32_t strsize);

/*
 * A type by name; a name that looks like a kernel typedef (ends in _t, or
 * u8 ... s64 with or without "__") and is not known is asked of the
 * importer, and entered in the table if it has it.
 */
dt_type_t *dt_type_lookup(dt_typetab_t *tt, const char *name);
dt_type_t *dt_type_int(dt_typetab_t *tt, const char *name, uint32_t size,
		       int is_signed);
dt_type_t *dt_type_typedef(dt_typetab_t *tt, const char *name, dt_type_t *t);
dt_type_t *dt_type_pointer(dt_typetab_t *tt, dt_type_t *t);
dt_type_t *dt_type_array(dt_typetab_t *tt, dt_type_t *t, uint32_t n);
dt_type_t *dt_type_func(dt_typetab_t *tt, dt_type_t *ret, dt_type_t **params,
			uint32_t n, int varargs);
/* struct/union/enum by tag: finds or creates an incomplete one */
dt_type_t *dt_type_tagged(dt_typetab_t *tt, dt_tkind_t kind, const char *tag);
/* the same, never asking the importer (for importers themselves) */
dt_type_t *dt_type_tagged_local(dt_typetab_t *tt, dt_tkind_t kind,
				const char *tag);
/* an anonymous struct/union/enum */
dt_type_t *dt_type_anon(dt_typetab_t *tt, dt_tkind_t kind);
/* a typedef whose name is not entered in the table (imported types) */
dt_type_t *dt_type_alias(dt_typetab_t *tt, const char *name, dt_type_t *t);
/* a bit-field of width bits laid out as the SysV ABI does (name may be
 * NULL: padding); -1 if the name is taken */
int dt_type_add_bitfield(dt_typetab_t *tt, dt_type_t *sou, const char *name,
			 dt_type_t *mt, uint32_t width);
/* a member at an explicit byte offset (imported layouts) */
int dt_type_add_member_at(dt_typetab_t *tt, dt_type_t *sou, const char *name,
			  dt_type_t *mt, uint32_t offset);
void dt_typetab_set_import(dt_typetab_t *tt, const dt_typeimport_t *ti);
/* the type of kernel symbol name, from the importer; NULL if unknown */
dt_type_t *dt_type_symbol(dt_typetab_t *tt, const char *name);
/* an imported enumerator (kernel enum constant); NULL if none */
dt_type_t *dt_type_enumconst(dt_typetab_t *tt, const char *name,
			     int64_t *valp);
/* complete t through the importer if it is an incomplete struct/union */
int dt_type_complete(dt_typetab_t *tt, dt_type_t *t);
dt_arena_t *dt_typetab_arena(dt_typetab_t *tt);
/* append a member, laying it out as C does; -1 if the name is taken */
int dt_type_add_member(dt_typetab_t *tt, dt_type_t *sou, const char *name,
		       dt_type_t *mt);
int dt_type_add_enumerator(dt_typetab_t *tt, dt_type_t *e, const char *name,
			   int64_t value);
void dt_type_close(dt_type_t *sou); /* pad the size, mark complete */
const dt_member_t *dt_type_member(const dt_type_t *sou, const char *name);

/* well-known types */
dt_type_t *dt_type_builtin_int(dt_typetab_t *tt);
dt_type_t *dt_type_builtin_string(dt_typetab_t *tt);
dt_type_t *dt_type_builtin_void(dt_typetab_t *tt);
uint32_t dt_typetab_strsize(const dt_typetab_t *tt);

/* strip typedefs */
dt_type_t *dt_type_base(dt_type_t *t);
int dt_type_is_integer(dt_type_t *t); /* int, enum */
int dt_type_is_arith(dt_type_t *t);
int dt_type_is_pointer(dt_type_t *t); /* pointer or array */
int dt_type_is_scalar(dt_type_t *t); /* integer or pointer */
int dt_type_is_string(dt_type_t *t);
int dt_type_is_sou(dt_type_t *t);
int dt_type_is_void(dt_type_t *t);
/* 1 if values of t are held in a register as an address (by reference) */
int dt_type_is_byref(dt_type_t *t);
int dt_type_is_signed(dt_type_t *t);
/* structurally the same type */
int dt_type_compat(dt_type_t *a, dt_type_t *b);

/* C spelling of a type, e.g. "int *", "char [16]", "struct foo" */
const char *dt_type_name(dt_type_t *t, char *buf, size_t len);

#endif /* DT_TYPES_H */
