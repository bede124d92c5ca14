/*
 * dt_printf_fmt.h - parse a D printf()/printa()/system()/freopen() format.
 *
 * The compiler calls dt_pf_parse() to check a format and the types of the
 * arguments against it; the consumer calls it again at run time to print.
 * A parsed format is a list of items: literal text, or a conversion.
 *
 * Conversion syntax:  % [flags] [width|*] [.prec|.*] [length] conv
 *   flags   - + space # 0 '  and DTrace's  ?  (width of a pointer, 16)
 *           and  @  (printa: this conversion prints the aggregation value)
 *   length  h hh l ll L j z t  (checked against the argument's type by the
 *           compiler; at run time the argument's own size decides)
 *   conv    a A c d i o u x X e E f F g G s S p k Y T %
 *
 * Each conversion takes one value argument, plus one integer argument
 * before it for each '*' (width first, then precision).  '%%' takes none;
 * a '%@' conversion takes an aggregation value in printa and no argument
 * from the argument list.
 */
#ifndef DT_PRINTF_FMT_H
#define DT_PRINTF_FMT_H

#include <stddef.h>
#include <stdint.h>

/* what kind of value argument a conversion accepts */
typedef enum dt_pfkind {
	DT_PFK_NONE = 0, /* %%: no argument */
	DT_PFK_SINT, /* d i: any integer (printed signed if its type is) */
	DT_PFK_UINT, /* o u x X: any integer, printed unsigned */
	DT_PFK_CHAR, /* c: any integer, printed as a character */
	DT_PFK_FLOAT, /* e E f F g G: floating type; an integer argument's
			 bits are taken as float (4 bytes)/double (8 bytes),
			 as DTrace does */
	DT_PFK_STRING, /* s: string or char array */
	DT_PFK_ESTRING, /* S: string, printed with C escapes */
	DT_PFK_POINTER, /* p: pointer or integer, printed as hex */
	DT_PFK_KSYM, /* a: pointer or integer, kernel symbol+offset */
	DT_PFK_USYM, /* A: pointer or integer, user symbol+offset */
	DT_PFK_STACK, /* k: a stack() value */
	DT_PFK_TIME, /* Y T: integer, ns since the epoch (walltimestamp) */
	DT_PFK_AGG /* @ flag: the aggregation value (printa only) */
} dt_pfkind_t;

/* flags */
#define DT_PFF_MINUS 0x01 /* '-' left-justify */
#define DT_PFF_PLUS 0x02 /* '+' */
#define DT_PFF_SPACE 0x04 /* ' ' */
#define DT_PFF_ALT 0x08 /* '#' */
#define DT_PFF_ZERO 0x10 /* '0' */
#define DT_PFF_GROUP 0x20 /* '\'' thousands grouping */
#define DT_PFF_AGG 0x40 /* '@' aggregation value */

#define DT_PF_NONE (-1) /* no width / precision given */
#define DT_PF_STAR (-2) /* width / precision taken from an argument */

typedef struct dt_pfconv {
	uint32_t pc_off; /* offset of the '%' in the format */
	uint32_t pc_len; /* bytes from '%' through the conversion char */
	uint32_t pc_flags; /* DT_PFF_* */
	int pc_width; /* >= 0, DT_PF_NONE or DT_PF_STAR ('?' sets 16) */
	int pc_prec; /* >= 0, DT_PF_NONE or DT_PF_STAR */
	char pc_length[3]; /* "", "h", "hh", "l", "ll", "L", "j", "z", "t" */
	char pc_conv; /* the conversion character */
	dt_pfkind_t pc_kind;
	/*
	 * The C type DTrace names as this conversion's prototype in its
	 * "argument #N is incompatible with conversion #M prototype" error
	 * (e.g. "int", "unsigned long", "char [] or string (or use stringof)").
	 */
	const char *pc_proto;
} dt_pfconv_t;

typedef struct dt_pfitem {
	int pi_isconv; /* 0: literal text, 1: conversion */
	uint32_t pi_off; /* literal: offset of the text in the format */
	uint32_t pi_len; /* literal: length of the text */
	dt_pfconv_t pi_conv; /* conversion */
} dt_pfitem_t;

typedef struct dt_pffmt {
	char *pf_text; /* copy of the format */
	dt_pfitem_t *pf_items;
	uint32_t pf_nitems;
	uint32_t pf_nconv; /* conversions, counting %% */
	uint32_t pf_nargs; /* value + '*' arguments taken, %@ and %% not */
	uint32_t pf_naggs; /* conversions with the @ flag */
} dt_pffmt_t;

/*
 * Parse fmt.  Returns NULL with a message in err (DTrace's wording, e.g.
 * "format conversion #2 is undefined: %q") on a bad format or no memory.
 */
dt_pffmt_t *dt_pf_parse(const char *fmt, char *err, size_t errlen);
void dt_pf_free(dt_pffmt_t *pf);

/*
 * For the compiler: what the argument at index argi (0-based, in the
 * argument list after the format) must be.  Returns the conversion that
 * consumes it and sets *is_star to 1 when the argument is a '*' width or
 * precision (an int).  NULL if the format takes fewer arguments.
 */
const dt_pfconv_t *dt_pf_arg(const dt_pffmt_t *pf, uint32_t argi,
			     int *is_star, uint32_t *convno);

/* the conversion's text as written, e.g. "-8.3ld", into buf (no '%') */
const char *dt_pf_convtext(const dt_pffmt_t *pf, const dt_pfconv_t *pc,
			   char *buf, size_t len);

#endif /* DT_PRINTF_FMT_H */
