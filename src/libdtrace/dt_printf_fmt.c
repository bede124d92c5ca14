/*
 * dt_printf_fmt.c - split a D format into literal text and conversions.
 * See dt_printf_fmt.h for the syntax accepted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dt_printf_fmt.h"

/* the kind and the prototype name of one conversion character */
static int conv_lookup(char conv, const char *length, dt_pfkind_t *kind,
		       const char **proto)
{
	int intlen = 1; /* which length modifiers this conversion admits */

	switch (conv) {
	case 'd':
	case 'i':
		*kind = DT_PFK_SINT;
		break;
	case 'o':
	case 'u':
	case 'x':
	case 'X':
		*kind = DT_PFK_UINT;
		break;
	case 'c':
		*kind = DT_PFK_CHAR;
		intlen = 0;
		break;
	case 'e':
	case 'E':
	case 'f':
	case 'F':
	case 'g':
	case 'G':
		*kind = DT_PFK_FLOAT;
		intlen = 0;
		break;
	case 's':
		*kind = DT_PFK_STRING;
		intlen = 0;
		break;
	case 'S':
		*kind = DT_PFK_ESTRING;
		intlen = 0;
		break;
	case 'p':
		*kind = DT_PFK_POINTER;
		intlen = 0;
		break;
	case 'a':
		*kind = DT_PFK_KSYM;
		intlen = 0;
		break;
	case 'A':
		*kind = DT_PFK_USYM;
		intlen = 0;
		break;
	case 'k':
		*kind = DT_PFK_STACK;
		intlen = 0;
		break;
	case 'Y':
	case 'T':
		*kind = DT_PFK_TIME;
		intlen = 0;
		break;
	case '%':
		*kind = DT_PFK_NONE;
		intlen = 0;
		break;
	default:
		return -1;
	}

	if (length[0] == '\0') {
		switch (*kind) {
		/* the prototypes DTrace names in D_PRINTF_ARG_TYPE */
		case DT_PFK_SINT:
		case DT_PFK_UINT:
			*proto = "char, short, int, long, or long long";
			break;
		case DT_PFK_CHAR:
			*proto = "char, short, or int";
			break;
		case DT_PFK_FLOAT:
			*proto = "float, double, or long double";
			break;
		case DT_PFK_STRING:
		case DT_PFK_ESTRING:
			*proto = "char [] or string (or use stringof)";
			break;
		case DT_PFK_POINTER:
		case DT_PFK_KSYM:
			*proto = "pointer or integer";
			break;
		case DT_PFK_USYM:
			*proto = "pointer or integer (with -p/-c) or _usymaddr "
				 "(without -p/-c)";
			break;
		case DT_PFK_STACK:
			*proto = "stack";
			break;
		case DT_PFK_TIME:
			*proto = "int64_t";
			break;
		default:
			*proto = "void";
			break;
		}
		return 0;
	}

	if (intlen) {
		/* DTrace names %hx, %lx, %llx by the signed type */
		int s = *kind == DT_PFK_SINT || conv == 'x' || conv == 'X';
		static const struct {
			const char *len, *sproto, *uproto;
		} lens[] = {
			{ "hh", "char", "unsigned char" },
			{ "h", "short", "unsigned short" },
			{ "l", "long", "unsigned long" },
			{ "ll", "long long", "unsigned long long" },
			{ "j", "intmax_t", "uintmax_t" },
			{ "z", "ssize_t", "size_t" },
			{ "t", "ptrdiff_t", "ptrdiff_t" },
		};
		for (size_t i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
			if (strcmp(length, lens[i].len) == 0) {
				*proto = s ? lens[i].sproto : lens[i].uproto;
				return 0;
			}
		}
		return -1;
	}
	if (*kind == DT_PFK_FLOAT && strcmp(length, "L") == 0) {
		*proto = "long double";
		return 0;
	}
	if (*kind == DT_PFK_FLOAT && strcmp(length, "l") == 0) {
		*proto = "double";
		return 0;
	}
	if (*kind == DT_PFK_CHAR && strcmp(length, "l") == 0) {
		*proto = "int";
		return 0;
	}
	return -1;
}

static int add_item(dt_pffmt_t *pf, uint32_t *cap, const dt_pfitem_t *it)
{
	if (pf->pf_nitems == *cap) {
		uint32_t ncap = *cap ? *cap * 2 : 8;
		dt_pfitem_t *n = realloc(pf->pf_items, ncap * sizeof(*n));
		if (n == NULL)
			return -1;
		pf->pf_items = n;
		*cap = ncap;
	}
	pf->pf_items[pf->pf_nitems++] = *it;
	return 0;
}

/* read a decimal number; returns -1 if it overflows an int */
static int read_num(const char **pp)
{
	long v = 0;
	const char *p = *pp;

	while (*p >= '0' && *p <= '9') {
		v = v * 10 + (*p - '0');
		if (v > 1000000)
			return -1;
		p++;
	}
	*pp = p;
	return (int)v;
}

#define FAIL(...)                                                               \
	do {                                                                   \
		if (err != NULL && errlen > 0)                                 \
			snprintf(err, errlen, __VA_ARGS__);                    \
		goto fail;                                                     \
	} while (0)

dt_pffmt_t *dt_pf_parse(const char *fmt, char *err, size_t errlen)
{
	dt_pffmt_t *pf = calloc(1, sizeof(*pf));
	uint32_t cap = 0;
	const char *p, *lit;

	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (pf == NULL || (pf->pf_text = strdup(fmt)) == NULL)
		FAIL("out of memory");

	p = lit = pf->pf_text;
	for (;;) {
		dt_pfitem_t it;
		dt_pfconv_t *pc = &it.pi_conv;
		const char *start;
		int n;

		if (*p != '%' && *p != '\0') {
			p++;
			continue;
		}
		if (p > lit) {
			memset(&it, 0, sizeof(it));
			it.pi_off = (uint32_t)(lit - pf->pf_text);
			it.pi_len = (uint32_t)(p - lit);
			if (add_item(pf, &cap, &it) != 0)
				FAIL("out of memory");
		}
		if (*p == '\0')
			break;

		memset(&it, 0, sizeof(it));
		it.pi_isconv = 1;
		start = p++;
		pf->pf_nconv++;
		pc->pc_off = (uint32_t)(start - pf->pf_text);
		pc->pc_width = DT_PF_NONE;
		pc->pc_prec = DT_PF_NONE;

		for (;; p++) {
			if (*p == '-')
				pc->pc_flags |= DT_PFF_MINUS;
			else if (*p == '+')
				pc->pc_flags |= DT_PFF_PLUS;
			else if (*p == ' ')
				pc->pc_flags |= DT_PFF_SPACE;
			else if (*p == '#')
				pc->pc_flags |= DT_PFF_ALT;
			else if (*p == '0')
				pc->pc_flags |= DT_PFF_ZERO;
			else if (*p == '\'')
				pc->pc_flags |= DT_PFF_GROUP;
			else if (*p == '@')
				pc->pc_flags |= DT_PFF_AGG;
			else if (*p == '?')
				pc->pc_width = 16; /* a pointer's hex width */
			else
				break;
		}

		if (*p == '*') {
			pc->pc_width = DT_PF_STAR;
			p++;
		} else if (*p >= '1' && *p <= '9') {
			if ((n = read_num(&p)) < 0)
				FAIL("format conversion #%u has a width that is "
				     "too large", pf->pf_nconv);
			pc->pc_width = n;
		}
		if (*p == '.') {
			p++;
			if (*p == '*') {
				pc->pc_prec = DT_PF_STAR;
				p++;
			} else if ((n = read_num(&p)) < 0) {
				FAIL("format conversion #%u has a precision "
				     "that is too large", pf->pf_nconv);
			} else {
				pc->pc_prec = n;
			}
			if (*p == '.')
				FAIL("format conversion #%u has more than one "
				     "'.' specifier", pf->pf_nconv);
		}

		/* DTrace also takes the '@' after the width: "%4@d" */
		if (*p == '@') {
			pc->pc_flags |= DT_PFF_AGG;
			p++;
		}

		if ((p[0] == 'h' && p[1] == 'h') || (p[0] == 'l' && p[1] == 'l')) {
			memcpy(pc->pc_length, p, 2);
			p += 2;
		} else if (*p != '\0' && strchr("hlLjzt", *p) != NULL) {
			pc->pc_length[0] = *p++;
		}

		if (*p == '\0')
			FAIL("format conversion #%u is missing a conversion "
			     "character", pf->pf_nconv);
		pc->pc_conv = *p++;
		pc->pc_len = (uint32_t)(p - start);

		if (conv_lookup(pc->pc_conv, pc->pc_length, &pc->pc_kind,
				&pc->pc_proto) != 0)
			FAIL("format conversion #%u is undefined: %%%s%c",
			     pf->pf_nconv, pc->pc_length, pc->pc_conv);
		if (pc->pc_kind == DT_PFK_NONE && (pc->pc_len != 2))
			FAIL("format conversion #%u is undefined: %.*s",
			     pf->pf_nconv, (int)pc->pc_len, start);

		if (pc->pc_flags & DT_PFF_AGG) {
			/* the value comes from the aggregation, not an arg */
			pf->pf_naggs++;
		} else if (pc->pc_kind != DT_PFK_NONE) {
			pf->pf_nargs++;
		}
		if (pc->pc_width == DT_PF_STAR)
			pf->pf_nargs++;
		if (pc->pc_prec == DT_PF_STAR)
			pf->pf_nargs++;

		if (add_item(pf, &cap, &it) != 0)
			FAIL("out of memory");
		lit = p;
	}
	return pf;

fail:
	dt_pf_free(pf);
	return NULL;
}

void dt_pf_free(dt_pffmt_t *pf)
{
	if (pf == NULL)
		return;
	free(pf->pf_text);
	free(pf->pf_items);
	free(pf);
}

const dt_pfconv_t *dt_pf_arg(const dt_pffmt_t *pf, uint32_t argi,
			     int *is_star, uint32_t *convno)
{
	uint32_t a = 0, cn = 0;

	for (uint32_t i = 0; i < pf->pf_nitems; i++) {
		const dt_pfconv_t *pc = &pf->pf_items[i].pi_conv;

		if (!pf->pf_items[i].pi_isconv)
			continue;
		cn++;
		if (convno != NULL)
			*convno = cn;
		if (pc->pc_width == DT_PF_STAR && a++ == argi) {
			*is_star = 1;
			return pc;
		}
		if (pc->pc_prec == DT_PF_STAR && a++ == argi) {
			*is_star = 1;
			return pc;
		}
		if (pc->pc_kind == DT_PFK_NONE || (pc->pc_flags & DT_PFF_AGG))
			continue;
		if (a++ == argi) {
			*is_star = 0;
			return pc;
		}
	}
	return NULL;
}

const char *dt_pf_convtext(const dt_pffmt_t *pf, const dt_pfconv_t *pc,
			   char *buf, size_t len)
{
	snprintf(buf, len, "%.*s", (int)pc->pc_len - 1,
		 pf->pf_text + pc->pc_off + 1);
	return buf;
}
