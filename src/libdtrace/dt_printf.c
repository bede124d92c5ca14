/*
 * dt_printf.c - the printf engine: applies a parsed format (dt_printf_fmt.h)
 * to recorded values the way DTrace prints them.
 *
 * DTrace's rules kept here:
 *  - the length modifier written in the format only matters to the
 *    compiler; the recorded size of the argument decides how it prints;
 *  - %d/%i of a 1- or 2-byte value follow its signedness, of a 4- or
 *    8-byte value print signed; %u %o %x %X print the value masked to
 *    its size;
 *  - %e %f %g of an integer take its bits as a float (4 bytes) or a
 *    double (8 bytes): DTrace has no conversion from integers;
 *  - %p prints hex without "0x" (as %x does; the # flag adds it);
 *  - %a prints mod`sym+0xoff, %Y the wall time "2026 Nov  2 01:02:03".
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dt_consume_impl.h"

void dt_pf_addr2str(dt_consumer_t *c, int user, int64_t pid, uint64_t addr,
		    int withoff, char *buf, size_t len)
{
	const char *mod = NULL, *sym = NULL;
	uint64_t symaddr = 0;

	if (c->c_conf.cc_lookup != NULL &&
	    c->c_conf.cc_lookup(c->c_conf.cc_arg, user, pid, addr, &mod, &sym,
				&symaddr) == 0 && mod != NULL) {
		if (sym == NULL)
			snprintf(buf, len, "%s`0x%" PRIx64, mod, addr);
		else if (withoff && addr > symaddr)
			snprintf(buf, len, "%s`%s+0x%" PRIx64, mod, sym,
				 addr - symaddr);
		else
			snprintf(buf, len, "%s`%s", mod, sym);
		return;
	}
	snprintf(buf, len, "0x%" PRIx64, addr);
}

/*
 * A value recorded by sym()/usym()/mod()/umod() (or a %a-like key): the
 * symbol, or only the module, of its address.  User addresses are recorded
 * as (pid, address) in 16 bytes.
 */
void dt_pf_symval(dt_consumer_t *c, const dt_pfval_t *pv, char *buf,
		  size_t len)
{
	int user = pv->pv_fmt == DT_FMT_USYM || pv->pv_fmt == DT_FMT_UMOD;
	int64_t pid = 0;
	uint64_t addr = (uint64_t)pv->pv_int;
	const char *mod = NULL, *sym = NULL;
	uint64_t sa;

	if (user && pv->pv_data != NULL && pv->pv_size >= 16)
		memcpy(&pid, pv->pv_data, 8);
	if (pv->pv_fmt != DT_FMT_MOD && pv->pv_fmt != DT_FMT_UMOD) {
		dt_pf_addr2str(c, user, pid, addr, 0, buf, len);
		return;
	}
	if (c->c_conf.cc_lookup != NULL &&
	    c->c_conf.cc_lookup(c->c_conf.cc_arg, user, pid, addr, &mod, &sym,
				&sa) == 0 && mod != NULL)
		snprintf(buf, len, "%s", mod);
	else
		snprintf(buf, len, "0x%" PRIx64, addr);
}

/*
 * Print a stack()/ustack() datum.  fmt NULL: DTrace's trace layout (a
 * newline, then one frame per line indented by stackindent); otherwise
 * each frame is printed with fmt (a %s-like conversion) and a newline.
 */
int dt_pf_stack(dt_consumer_t *c, FILE *fp, const char *fmt, int user,
		const void *data, uint32_t size)
{
	const unsigned char *p = data;
	int64_t pid = 0;
	uint32_t n, i;
	char buf[512];

	if (user) {
		if (size < 8)
			return 0;
		memcpy(&pid, p, 8);
		p += 8;
		size -= 8;
	}
	n = size / 8;
	if (fmt == NULL)
		fputc('\n', fp);
	for (i = 0; i < n; i++) {
		uint64_t pc;

		memcpy(&pc, p + i * 8, 8);
		if (pc == 0)
			break;
		dt_pf_addr2str(c, user, pid, pc, 1, buf, sizeof(buf));
		if (fmt == NULL) {
			fprintf(fp, "%*s%s\n", c->c_stackindent, "", buf);
		} else {
			fprintf(fp, fmt, buf);
			fputc('\n', fp);
		}
	}
	return 0;
}

/* a C format for one conversion: flags, width, precision, then tail */
static void build_fmt(char *out, size_t len, const dt_pfconv_t *pc, int width,
		      int prec, const char *tail)
{
	char *o = out;
	size_t left = len;
	int n;

#define PUT(...)                                                               \
	do {                                                                   \
		n = snprintf(o, left, __VA_ARGS__);                            \
		if (n > 0 && (size_t)n < left) {                               \
			o += n;                                                \
			left -= (size_t)n;                                     \
		}                                                              \
	} while (0)

	PUT("%%");
	if (pc->pc_flags & DT_PFF_MINUS)
		PUT("-");
	if (pc->pc_flags & DT_PFF_PLUS)
		PUT("+");
	if (pc->pc_flags & DT_PFF_SPACE)
		PUT(" ");
	if (pc->pc_flags & DT_PFF_ALT)
		PUT("#");
	if (pc->pc_flags & DT_PFF_ZERO)
		PUT("0");
	if (pc->pc_flags & DT_PFF_GROUP)
		PUT("'");
	if (width >= 0)
		PUT("%d", width);
	if (prec >= 0)
		PUT(".%d", prec);
	PUT("%s", tail);
#undef PUT
}

/* DTrace's %S: the string with C escapes for what would not print */
static char *escape_str(const char *s, size_t n)
{
	char *out = malloc(n * 4 + 1), *o = out;

	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < n && s[i] != '\0'; i++) {
		unsigned char ch = (unsigned char)s[i];
		const char *e = NULL;

		switch (ch) {
		case '\a': e = "\\a"; break;
		case '\b': e = "\\b"; break;
		case '\f': e = "\\f"; break;
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		case '\t': e = "\\t"; break;
		case '\v': e = "\\v"; break;
		case '\\': e = "\\\\"; break;
		case '"': e = "\\\""; break;
		default: break;
		}
		if (e != NULL) {
			strcpy(o, e);
			o += strlen(e);
		} else if (ch < ' ' || ch > '~') {
			o += sprintf(o, "\\%03o", ch);
		} else {
			*o++ = (char)ch;
		}
	}
	*o = '\0';
	return out;
}

/* the bytes of a string argument, NUL-bounded by its recorded size */
static char *str_arg(const dt_pfval_t *v)
{
	const char *s = v->pv_data;
	size_t n = 0;
	char *out;

	if (s != NULL)
		while (n < v->pv_size && s[n] != '\0')
			n++;
	out = malloc(n + 1);
	if (out == NULL)
		return NULL;
	if (n > 0)
		memcpy(out, s, n);
	out[n] = '\0';
	return out;
}

static uint64_t mask_to(uint64_t v, uint32_t size)
{
	return size >= 8 ? v : v & ((1ULL << (size * 8)) - 1);
}

/* print one value argument with conversion pc */
static void print_one(dt_consumer_t *c, FILE *fp, const dt_pfconv_t *pc,
		      int width, int prec, const dt_pfval_t *v)
{
	char f[64], buf[512];
	uint32_t size = v->pv_size ? v->pv_size : 8;
	int byref = v->pv_fmt == DT_FMT_STRING || v->pv_fmt == DT_FMT_BYTES ||
		    v->pv_fmt == DT_FMT_STACK || v->pv_fmt == DT_FMT_USTACK;

	if (size > 8 && !byref && v->pv_fmt != DT_FMT_USYM &&
	    v->pv_fmt != DT_FMT_UMOD)
		size = 8;

	switch (pc->pc_kind) {
	case DT_PFK_SINT: {
		int64_t x = v->pv_int;
		int issigned = v->pv_fmt == DT_FMT_SINT;

		if (size == 4)
			x = (int32_t)(uint32_t)x;
		else if (size == 2)
			x = issigned ? (int16_t)(uint16_t)x : (uint16_t)x;
		else if (size == 1)
			x = issigned ? (int8_t)(uint8_t)x : (uint8_t)x;
		char tail[4] = { 'l', 'l', pc->pc_conv, 0 };
		build_fmt(f, sizeof(f), pc, width, prec, tail);
		fprintf(fp, f, (long long)x);
		break;
	}
	case DT_PFK_UINT: {
		char tail[4] = { 'l', 'l', pc->pc_conv, 0 };
		build_fmt(f, sizeof(f), pc, width, prec, tail);
		fprintf(fp, f, (unsigned long long)mask_to((uint64_t)v->pv_int,
							   size));
		break;
	}
	case DT_PFK_POINTER:
		build_fmt(f, sizeof(f), pc, width, prec, "llx");
		fprintf(fp, f, (unsigned long long)mask_to((uint64_t)v->pv_int,
							   size));
		break;
	case DT_PFK_CHAR:
		build_fmt(f, sizeof(f), pc, width, prec, "c");
		fprintf(fp, f, (int)(unsigned char)v->pv_int);
		break;
	case DT_PFK_FLOAT: {
		double d;
		char tail[2] = { pc->pc_conv, 0 };

		if (size == 4) {
			uint32_t u = (uint32_t)v->pv_int;
			float fl;
			memcpy(&fl, &u, 4);
			d = fl;
		} else {
			uint64_t u = (uint64_t)v->pv_int;
			memcpy(&d, &u, 8);
		}
		build_fmt(f, sizeof(f), pc, width, prec, tail);
		fprintf(fp, f, d);
		break;
	}
	case DT_PFK_STRING:
	case DT_PFK_ESTRING: {
		char *s, *e = NULL;

		if (!byref) {
			/* not a string: print the number as text */
			snprintf(buf, sizeof(buf), "%lld", (long long)v->pv_int);
			s = strdup(buf);
		} else {
			s = str_arg(v);
		}
		if (s == NULL)
			return;
		if (pc->pc_kind == DT_PFK_ESTRING) {
			e = escape_str(s, strlen(s));
			if (e == NULL) {
				free(s);
				return;
			}
		}
		build_fmt(f, sizeof(f), pc, width, prec, "s");
		fprintf(fp, f, e ? e : s);
		free(e);
		free(s);
		break;
	}
	case DT_PFK_KSYM:
	case DT_PFK_USYM: {
		int user = pc->pc_kind == DT_PFK_USYM;
		int64_t pid = 0;
		uint64_t addr = (uint64_t)v->pv_int;

		if ((v->pv_fmt == DT_FMT_USYM || v->pv_fmt == DT_FMT_UMOD) &&
		    v->pv_data != NULL && v->pv_size >= 16) {
			memcpy(&pid, v->pv_data, 8);
			memcpy(&addr, (const char *)v->pv_data + 8, 8);
		}
		dt_pf_addr2str(c, user, pid, addr, 1, buf, sizeof(buf));
		build_fmt(f, sizeof(f), pc, width, prec, "s");
		fprintf(fp, f, buf);
		break;
	}
	case DT_PFK_STACK:
		build_fmt(f, sizeof(f), pc, width, prec, "s");
		if (v->pv_data != NULL)
			dt_pf_stack(c, fp, f, v->pv_fmt == DT_FMT_USTACK,
				    v->pv_data, v->pv_size);
		break;
	case DT_PFK_TIME: {
		time_t sec = (time_t)((uint64_t)v->pv_int / 1000000000ULL);
		struct tm tm;

		localtime_r(&sec, &tm);
		if (pc->pc_conv == 'T')
			strftime(buf, sizeof(buf), "%a, %d %b %G %T %Z", &tm);
		else
			strftime(buf, sizeof(buf), "%Y %b %e %T", &tm);
		build_fmt(f, sizeof(f), pc, width, prec, "s");
		fprintf(fp, f, buf);
		break;
	}
	default:
		break;
	}
}

int dt_pf_print(dt_consumer_t *c, FILE *fp, const dt_pffmt_t *pf,
		const dt_pfval_t *args, uint32_t nargs, dt_aggtab_t **aggs,
		const dt_aggent_t *const *ents, uint32_t naggs)
{
	uint32_t a = 0, g = 0;

	for (uint32_t i = 0; i < pf->pf_nitems; i++) {
		const dt_pfitem_t *it = &pf->pf_items[i];
		const dt_pfconv_t *pc = &it->pi_conv;
		int width = pc->pc_width, prec = pc->pc_prec;

		if (!it->pi_isconv) {
			fwrite(pf->pf_text + it->pi_off, 1, it->pi_len, fp);
			continue;
		}
		if (pc->pc_kind == DT_PFK_NONE) {
			fputc('%', fp);
			continue;
		}
		if (width == DT_PF_STAR) {
			if (a >= nargs)
				return -1;
			width = (int)args[a++].pv_int;
			if (width < 0) {
				/* a negative '*' width left-justifies, as in C */
				width = -width;
			}
		}
		if (prec == DT_PF_STAR) {
			if (a >= nargs)
				return -1;
			prec = (int)args[a++].pv_int;
			if (prec < 0)
				prec = DT_PF_NONE;
		}
		if (pc->pc_flags & DT_PFF_AGG) {
			char f[64], tail[4] = { 'l', 'l', pc->pc_conv, 0 };

			if (g >= naggs)
				return -1;
			build_fmt(f, sizeof(f), pc, width, prec, tail);
			if (ents[g] != NULL)
				dt_agg_print_value(c, fp, aggs[g], ents[g], f);
			else
				dt_agg_print_value(c, fp, aggs[g], NULL, f);
			g++;
			continue;
		}
		if (a >= nargs)
			return -1;
		if (pc->pc_width == DT_PF_STAR &&
		    (int)args[a - 1 - (pc->pc_prec == DT_PF_STAR)].pv_int < 0) {
			dt_pfconv_t neg = *pc;
			neg.pc_flags |= DT_PFF_MINUS;
			print_one(c, fp, &neg, width, prec, &args[a++]);
		} else {
			print_one(c, fp, pc, width, prec, &args[a++]);
		}
	}
	return 0;
}
