/*
 * test_consume.c - the consumer's output, byte for byte.
 *
 * Each case builds a dt_program_t / dt_ecb_t table and record buffers by
 * hand, runs the consumer into a memory stream and compares with the text
 * illumos DTrace prints for the same data.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dt_consume.h"
#include "dt_printf_fmt.h"

static int npass, nfail;

static void check(const char *name, const char *got, const char *want)
{
	if (strcmp(got, want) == 0) {
		npass++;
		return;
	}
	nfail++;
	printf("FAIL: %s\n--- want ---\n%s--- got ---\n%s--- end ---\n", name,
	       want, got);
}

/* ---- a tiny program builder ------------------------------------------ */

#define MAXSLOTS 16
#define MAXACTS 8

typedef struct tclause {
	dif_recslot_t slots[MAXSLOTS];
	dt_slotfmt_t fmts[MAXSLOTS];
	dt_action_t acts[MAXACTS];
	uint32_t nslots, nacts, off;
} tclause_t;

/* add a slot of size bytes; returns its index */
static uint32_t add_slot(tclause_t *t, dt_slotfmt_t fmt, uint32_t size)
{
	uint32_t i = t->nslots++;
	uint32_t al = size >= 8 ? 8 : size;

	t->off = (t->off + al - 1) / al * al;
	t->slots[i].rs_offset = t->off;
	t->slots[i].rs_size = size;
	t->slots[i].rs_byref = fmt == DT_FMT_STRING || fmt == DT_FMT_BYTES ||
			       fmt == DT_FMT_STACK || fmt == DT_FMT_USTACK;
	t->slots[i].rs_string = fmt == DT_FMT_STRING;
	t->fmts[i] = fmt;
	t->off += size;
	return i;
}

static dt_action_t *add_act(tclause_t *t, dt_actkind_t k, uint32_t slot,
			    uint32_t nslots, const char *fmt)
{
	dt_action_t *a = &t->acts[t->nacts++];

	memset(a, 0, sizeof(*a));
	a->da_kind = k;
	a->da_slot = slot;
	a->da_nslots = nslots;
	a->da_fmt = fmt;
	return a;
}

typedef struct tenv {
	tclause_t tc[4];
	dt_clause_t cl[4];
	dt_ecb_t ecb[4];
	dt_aggdesc_t aggs[8];
	dif_type_t ktypes[8][4];
	dt_slotfmt_t kfmts[8][4];
	dt_program_t prog;
	dt_consumer_conf_t conf;
	dt_consumer_t *c;
	char *out, *err;
	size_t outlen, errlen;
	FILE *ofp, *efp;
	unsigned char rec[8192];
	size_t reclen;
} tenv_t;

static tenv_t *env_new(int nclauses)
{
	tenv_t *e = calloc(1, sizeof(*e));
	static const char *names[] = { "BEGIN", "END", "tick-1s", "entry" };

	for (int i = 0; i < nclauses; i++) {
		e->ecb[i].ec_epid = (uint32_t)i + 1;
		e->ecb[i].ec_probeid = (uint32_t)i + 1;
		e->ecb[i].ec_prov = i == 2 ? "profile" : "dtrace";
		e->ecb[i].ec_mod = "";
		e->ecb[i].ec_func = "";
		e->ecb[i].ec_name = names[i];
		e->ecb[i].ec_clause = &e->cl[i];
	}
	e->prog.dp_clauses = e->cl;
	e->prog.dp_nclauses = (uint32_t)nclauses;
	e->prog.dp_aggs = e->aggs;
	e->conf.cc_prog = &e->prog;
	e->conf.cc_ecbs = e->ecb;
	e->conf.cc_necbs = (uint32_t)nclauses;
	return e;
}

/* declare aggregation id (1-based) with integer/string keys: 'i'/'I'
 * (signed/unsigned 4-byte), 'c' (signed 1-byte), 'h' 2-byte, 'l' 8-byte,
 * 's' (string of 32) */
static void env_agg(tenv_t *e, uint32_t id, unsigned func, const char *keys,
		    const dt_aggparams_t *p)
{
	dt_aggdesc_t *a = &e->aggs[id - 1];
	uint32_t n = 0, ks = 0;

	a->ag_id = id;
	a->ag_name = "a";
	a->ag_func = func;
	if (p != NULL)
		a->ag_params = *p;
	for (const char *k = keys; *k; k++, n++) {
		dif_type_t *t = &e->ktypes[id - 1][n];
		memset(t, 0, sizeof(*t));
		switch (*k) {
		case 's':
			t->dt_size = 32;
			t->dt_byref = t->dt_string = 1;
			e->kfmts[id - 1][n] = DT_FMT_STRING;
			ks += 32;
			continue;
		case 'c': t->dt_size = 1; t->dt_signed = 1; break;
		case 'h': t->dt_size = 2; t->dt_signed = 1; break;
		case 'l': t->dt_size = 8; t->dt_signed = 1; break;
		case 'I': t->dt_size = 4; break;
		default: t->dt_size = 4; t->dt_signed = 1; break;
		}
		e->kfmts[id - 1][n] = t->dt_signed ? DT_FMT_SINT : DT_FMT_UINT;
		ks += 8;
	}
	a->ag_nkeys = n;
	a->ag_keytypes = e->ktypes[id - 1];
	a->ag_keyfmt = e->kfmts[id - 1];
	a->ag_keysize = ks;
	a->ag_nvals = dt_agg_nvals(func, &a->ag_params);
	a->ag_signed = 1;
	if (id > e->prog.dp_naggs)
		e->prog.dp_naggs = id;
}

static void env_start(tenv_t *e)
{
	for (uint32_t i = 0; i < e->prog.dp_nclauses; i++) {
		tclause_t *t = &e->tc[i];
		dt_clause_t *c = &e->cl[i];
		c->dc_difo.dtdo_slots = t->slots;
		c->dc_difo.dtdo_nslots = t->nslots;
		c->dc_difo.dtdo_recsize = t->off;
		c->dc_slotfmt = t->fmts;
		c->dc_acts = t->acts;
		c->dc_nacts = t->nacts;
	}
	e->ofp = open_memstream(&e->out, &e->outlen);
	e->efp = open_memstream(&e->err, &e->errlen);
	e->conf.cc_out = e->ofp;
	e->conf.cc_err = e->efp;
	e->c = dt_consumer_create(&e->conf);
}

static void env_free(tenv_t *e)
{
	dt_consumer_destroy(e->c);
	fclose(e->ofp);
	fclose(e->efp);
	free(e->out);
	free(e->err);
	free(e);
}

static const char *env_out(tenv_t *e)
{
	fflush(e->ofp);
	return e->out ? e->out : "";
}

static const char *env_err(tenv_t *e)
{
	fflush(e->efp);
	return e->err ? e->err : "";
}

/* start a record of clause ci; returns a pointer to its data */
static unsigned char *rec_begin(tenv_t *e, uint32_t epid)
{
	dt_rechdr_t h = { epid, e->tc[epid - 1].off, 1000 };
	unsigned char *d;

	memcpy(e->rec + e->reclen, &h, sizeof(h));
	d = e->rec + e->reclen + sizeof(h);
	memset(d, 0, h.dr_size);
	e->reclen += (sizeof(h) + h.dr_size + 7) & ~(size_t)7;
	return d;
}

static void put(tenv_t *e, unsigned char *d, uint32_t ci, uint32_t slot,
		const void *v)
{
	const dif_recslot_t *rs = &e->tc[ci].slots[slot];

	if (rs->rs_string)
		strncpy((char *)d + rs->rs_offset, v, rs->rs_size);
	else
		memcpy(d + rs->rs_offset, v, rs->rs_size);
}

static void put_int(tenv_t *e, unsigned char *d, uint32_t ci, uint32_t slot,
		    int64_t v)
{
	const dif_recslot_t *rs = &e->tc[ci].slots[slot];
	/* little-endian: the low bytes come first */
	memcpy(d + rs->rs_offset, &v, rs->rs_size);
}

static int env_consume(tenv_t *e, int cpu)
{
	int rc = dt_consume_records(e->c, cpu, e->rec, e->reclen);
	e->reclen = 0;
	return rc;
}

/* feed value v (weight w) into aggregation id under a key */
static void agg_put(tenv_t *e, uint32_t id, const void *key, int64_t v,
		    int64_t w)
{
	const dt_aggdesc_t *a = &e->aggs[id - 1];
	int64_t vals[512];

	dt_agg_init(a->ag_func, &a->ag_params, vals);
	dt_agg_apply(a->ag_func, &a->ag_params, vals, v, w);
	dt_agg_add(e->c, id, key, vals);
}

static void agg_put_i(tenv_t *e, uint32_t id, int64_t k, int64_t v)
{
	agg_put(e, id, &k, v, 1);
}

static void agg_put_s(tenv_t *e, uint32_t id, const char *k, int64_t v)
{
	char key[32] = { 0 };
	strncpy(key, k, sizeof(key) - 1);
	agg_put(e, id, key, v, 1);
}

static char *sfmt(const char *f, ...)
{
	static char buf[8][4096];
	static int n;
	va_list ap;
	char *b = buf[n++ % 8];

	va_start(ap, f);
	vsnprintf(b, 4096, f, ap);
	va_end(ap);
	return b;
}

#define HDR "CPU     ID                    FUNCTION:NAME\n"
#define BEGINPFX "  0      1                           :BEGIN "

/* ---- cases ----------------------------------------------------------- */

static void t_default_line(void)
{
	tenv_t *e = env_new(1);
	env_start(e);
	rec_begin(e, 1);
	rec_begin(e, 1);
	env_consume(e, 0);
	check("default line, no data", env_out(e),
	      HDR BEGINPFX "\n" BEGINPFX "\n");
	env_free(e);
}

static void t_trace_ints(void)
{
	tenv_t *e = env_new(1);
	tclause_t *t = &e->tc[0];
	uint32_t s1 = add_slot(t, DT_FMT_SINT, 1), s2 = add_slot(t, DT_FMT_SINT, 2);
	uint32_t s4 = add_slot(t, DT_FMT_UINT, 4), s8 = add_slot(t, DT_FMT_UINT, 8);
	add_act(t, DT_ACT_TRACE, s1, 1, NULL);
	add_act(t, DT_ACT_TRACE, s2, 1, NULL);
	add_act(t, DT_ACT_TRACE, s4, 1, NULL);
	add_act(t, DT_ACT_TRACE, s8, 1, NULL);
	env_start(e);
	unsigned char *d = rec_begin(e, 1);
	put_int(e, d, 0, s1, -2);
	put_int(e, d, 0, s2, 300);
	put_int(e, d, 0, s4, -1); /* unsigned: DTrace still prints -1 */
	put_int(e, d, 0, s8, 1234567890123LL);
	env_consume(e, 0);
	check("trace ints, not quiet", env_out(e),
	      HDR BEGINPFX " 254   300       -1    1234567890123\n");
	env_free(e);

	/* quiet: bare numbers; DTrace reads 1- and 2-byte data unsigned */
	e = env_new(1);
	t = &e->tc[0];
	s1 = add_slot(t, DT_FMT_SINT, 1);
	s2 = add_slot(t, DT_FMT_SINT, 2);
	s4 = add_slot(t, DT_FMT_SINT, 4);
	s8 = add_slot(t, DT_FMT_SINT, 8);
	uint32_t nl = add_slot(t, DT_FMT_STRING, 8);
	for (uint32_t s = s1; s <= s8; s++) {
		add_act(t, DT_ACT_TRACE, s, 1, NULL);
		add_act(t, DT_ACT_TRACE, nl, 1, NULL);
	}
	e->conf.cc_quiet = 1;
	env_start(e);
	d = rec_begin(e, 1);
	put_int(e, d, 0, s1, -2);
	put_int(e, d, 0, s2, -2);
	put_int(e, d, 0, s4, -2);
	put_int(e, d, 0, s8, -2);
	put(e, d, 0, nl, "\n");
	env_consume(e, 0);
	check("trace ints, quiet", env_out(e), "254\n65534\n-2\n-2\n");
	env_free(e);
}

static void t_trace_strings(void)
{
	tenv_t *e = env_new(1);
	tclause_t *t = &e->tc[0];
	uint32_t s = add_slot(t, DT_FMT_STRING, 64);
	add_act(t, DT_ACT_TRACE, s, 1, NULL);
	env_start(e);
	unsigned char *d = rec_begin(e, 1);
	put(e, d, 0, s, "hello");
	env_consume(e, 0);
	/* "  %-33s" after the prefix */
	check("trace string", env_out(e),
	      HDR BEGINPFX "  hello                            \n");
	env_free(e);

	/* not a string: the hex/ASCII dump */
	e = env_new(1);
	t = &e->tc[0];
	s = add_slot(t, DT_FMT_BYTES, 20);
	add_act(t, DT_ACT_TRACE, s, 1, NULL);
	e->conf.cc_quiet = 1;
	env_start(e);
	d = rec_begin(e, 1);
	for (int i = 0; i < 20; i++)
		d[i] = (unsigned char)(i == 0 ? 'A' : i == 1 ? 0x01 : 0x60 + i);
	env_consume(e, 0);
	check("trace bytes dump", env_out(e),
	      "\n"
	      "             0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f  0123456789abcdef\n"
	      "         0: 41 01 62 63 64 65 66 67 68 69 6a 6b 6c 6d 6e 6f  A.bcdefghijklmno\n"
	      "        10: 70 71 72 73                                      pqrs\n");
	env_free(e);
}

static int lookup(void *arg, int user, int64_t pid, uint64_t addr,
		  const char **mod, const char **sym, uint64_t *symaddr)
{
	if (addr >= 0x1000 && addr < 0x2000) {
		*mod = "genunix";
		*sym = "kmem_alloc";
		*symaddr = 0x1000;
		return 0;
	}
	if (addr >= 0x2000 && addr < 0x3000) {
		*mod = "unix";
		*sym = NULL;
		return 0;
	}
	return -1;
}

/* printf with one slot per argument */
static void t_printf_one(const char *name, const char *fmt,
			 dt_slotfmt_t sf, uint32_t size, int64_t v,
			 const char *str, const char *want)
{
	tenv_t *e = env_new(1);
	tclause_t *t = &e->tc[0];
	uint32_t s = add_slot(t, sf, size);
	add_act(t, DT_ACT_PRINTF, s, 1, fmt);
	e->conf.cc_quiet = 1;
	e->conf.cc_lookup = lookup;
	env_start(e);
	unsigned char *d = rec_begin(e, 1);
	if (str)
		put(e, d, 0, s, str);
	else
		put_int(e, d, 0, s, v);
	env_consume(e, 0);
	check(name, env_out(e), want);
	env_free(e);
}

static void t_printf(void)
{
	t_printf_one("%d", "[%d]", DT_FMT_SINT, 4, -42, NULL, "[-42]");
	t_printf_one("%i", "[%i]", DT_FMT_SINT, 8, -42, NULL, "[-42]");
	t_printf_one("%5d", "[%5d]", DT_FMT_SINT, 4, 42, NULL, "[   42]");
	t_printf_one("%-5d", "[%-5d]", DT_FMT_SINT, 4, 42, NULL, "[42   ]");
	t_printf_one("%05d", "[%05d]", DT_FMT_SINT, 4, -42, NULL, "[-0042]");
	t_printf_one("%+d", "[%+d]", DT_FMT_SINT, 4, 42, NULL, "[+42]");
	t_printf_one("% d", "[% d]", DT_FMT_SINT, 4, 42, NULL, "[ 42]");
	t_printf_one("%.4d", "[%.4d]", DT_FMT_SINT, 4, 42, NULL, "[0042]");
	t_printf_one("%ld of int", "[%ld]", DT_FMT_SINT, 8, -5, NULL, "[-5]");
	t_printf_one("%d of uchar", "[%d]", DT_FMT_UINT, 1, 0xff, NULL, "[255]");
	t_printf_one("%d of char", "[%d]", DT_FMT_SINT, 1, -1, NULL, "[-1]");
	t_printf_one("%d of uint", "[%d]", DT_FMT_UINT, 4, 0xffffffff, NULL,
		     "[-1]");
	t_printf_one("%u of int -1", "[%u]", DT_FMT_SINT, 4, -1, NULL,
		     "[4294967295]");
	t_printf_one("%u of long -1", "[%u]", DT_FMT_SINT, 8, -1, NULL,
		     "[18446744073709551615]");
	t_printf_one("%x", "[%x]", DT_FMT_SINT, 4, -1, NULL, "[ffffffff]");
	t_printf_one("%X", "[%X]", DT_FMT_UINT, 8, 0xabcdef, NULL, "[ABCDEF]");
	t_printf_one("%#x", "[%#x]", DT_FMT_UINT, 4, 255, NULL, "[0xff]");
	t_printf_one("%o", "[%o]", DT_FMT_UINT, 4, 97, NULL, "[141]");
	t_printf_one("%hx of short -1", "[%hx]", DT_FMT_SINT, 2, -1, NULL,
		     "[ffff]");
	t_printf_one("%c", "[%c]", DT_FMT_SINT, 4, 'a', NULL, "[a]");
	t_printf_one("%3c", "[%3c]", DT_FMT_SINT, 1, 'a', NULL, "[  a]");
	t_printf_one("%s", "[%s]", DT_FMT_STRING, 32, 0, "hello", "[hello]");
	t_printf_one("%10s", "[%10s]", DT_FMT_STRING, 32, 0, "hello",
		     "[     hello]");
	t_printf_one("%-10s", "[%-10s]", DT_FMT_STRING, 32, 0, "hello",
		     "[hello     ]");
	t_printf_one("%.3s", "[%.3s]", DT_FMT_STRING, 32, 0, "hello", "[hel]");
	t_printf_one("%S", "[%S]", DT_FMT_STRING, 32, 0, "a\tb\n\"c\\\001",
		     "[a\\tb\\n\\\"c\\\\\\001]");
	t_printf_one("%p", "[%p]", DT_FMT_PTR, 8, 0x61, NULL, "[61]");
	t_printf_one("%a sym+off", "[%a]", DT_FMT_PTR, 8, 0x1010, NULL,
		     "[genunix`kmem_alloc+0x10]");
	t_printf_one("%a exact", "[%a]", DT_FMT_PTR, 8, 0x1000, NULL,
		     "[genunix`kmem_alloc]");
	t_printf_one("%a module only", "[%a]", DT_FMT_PTR, 8, 0x2010, NULL,
		     "[unix`0x2010]");
	t_printf_one("%a unknown", "[%a]", DT_FMT_PTR, 8, 0xdead, NULL,
		     "[0xdead]");
	t_printf_one("%-20a", "[%-20a]", DT_FMT_PTR, 8, 0xdead, NULL,
		     "[0xdead              ]");
	/* 2026 Nov 22 01:02:03 UTC; 2026 Nov 2 shows %e's padding */
	t_printf_one("%Y", "[%Y]", DT_FMT_UINT, 8, 1795309323LL * 1000000000LL,
		     NULL, "[2026 Nov 22 01:02:03]");
	t_printf_one("%Y day < 10", "[%Y]", DT_FMT_UINT, 8,
		     1793581323LL * 1000000000LL, NULL, "[2026 Nov  2 01:02:03]");
	t_printf_one("%%", "[%%]", DT_FMT_SINT, 4, 0, NULL, "[%]");
	/* integers under %e/%f/%g: their bits are a float/double */
	t_printf_one("%e of int 10", "[%e]", DT_FMT_SINT, 4, 10, NULL,
		     "[1.401298e-44]");
	t_printf_one("%f of int 10", "[%f]", DT_FMT_SINT, 4, 10, NULL,
		     "[0.000000]");
	t_printf_one("%g of double bits", "[%g]", DT_FMT_UINT, 8,
		     0x3ff8000000000000LL, NULL, "[1.5]");

	/* '*' width and precision come from the arguments */
	tenv_t *e = env_new(1);
	tclause_t *t = &e->tc[0];
	uint32_t w = add_slot(t, DT_FMT_SINT, 4), p = add_slot(t, DT_FMT_SINT, 4);
	uint32_t s = add_slot(t, DT_FMT_STRING, 32);
	add_act(t, DT_ACT_PRINTF, w, 3, "[%*.*s]");
	e->conf.cc_quiet = 1;
	env_start(e);
	unsigned char *d = rec_begin(e, 1);
	put_int(e, d, 0, w, 8);
	put_int(e, d, 0, p, 3);
	put(e, d, 0, s, "abcdef");
	env_consume(e, 0);
	check("%*.*s", env_out(e), "[     abc]");
	env_free(e);
}

static void t_printf_prefix(void)
{
	/* not quiet: printf output follows the probe prefix on its line */
	tenv_t *e = env_new(1);
	tclause_t *t = &e->tc[0];
	uint32_t s = add_slot(t, DT_FMT_SINT, 4);
	add_act(t, DT_ACT_PRINTF, s, 1, "x=%d\n");
	env_start(e);
	unsigned char *d = rec_begin(e, 1);
	put_int(e, d, 0, s, 7);
	env_consume(e, 0);
	check("printf after prefix", env_out(e), HDR BEGINPFX "x=7\n\n");
	env_free(e);
}

static void t_exit(void)
{
	tenv_t *e = env_new(1);
	tclause_t *t = &e->tc[0];
	uint32_t s = add_slot(t, DT_FMT_SINT, 4);
	add_act(t, DT_ACT_EXIT, s, 1, NULL);
	env_start(e);
	unsigned char *d = rec_begin(e, 1);
	put_int(e, d, 0, s, 3);
	int rc = env_consume(e, 1);
	check("exit record line", env_out(e),
	      HDR "  1      1                           :BEGIN \n");
	check("exit rc", sfmt("%d %d", rc, dt_consumer_exit_status(e->c)),
	      "1 3");
	env_free(e);
}

static void t_errors(void)
{
	tenv_t *e = env_new(1);
	e->ecb[0].ec_probeid = 1;
	env_start(e);
	dt_rechdr_t h = { 0, sizeof(dt_errrec_t), 0 };
	dt_errrec_t er = { 1, 1, 16, DIF_FAULT_BADADDR, 0 };
	memcpy(e->rec, &h, sizeof(h));
	memcpy(e->rec + sizeof(h), &er, sizeof(er));
	e->reclen = sizeof(h) + sizeof(er);
	env_consume(e, 0);
	er.de_fault = DIF_FAULT_DIVZERO;
	er.de_action = 2;
	er.de_offset = 24;
	memcpy(e->rec + sizeof(h), &er, sizeof(er));
	e->reclen = sizeof(h) + sizeof(er);
	env_consume(e, 0);
	er.de_fault = DIF_FAULT_BADALIGN;
	er.de_addr = 0x1001;
	memcpy(e->rec + sizeof(h), &er, sizeof(er));
	e->reclen = sizeof(h) + sizeof(er);
	env_consume(e, 0);
	er.de_fault = DIF_FAULT_NOSCRATCH;
	memcpy(e->rec + sizeof(h), &er, sizeof(er));
	e->reclen = sizeof(h) + sizeof(er);
	env_consume(e, 0);
	er.de_fault = DIF_FAULT_ILLOP;
	er.de_action = 0;
	er.de_offset = 8;
	memcpy(e->rec + sizeof(h), &er, sizeof(er));
	e->reclen = sizeof(h) + sizeof(er);
	env_consume(e, 0);
	check("runtime errors", env_err(e),
	      "dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): "
	      "invalid address (0x0) in action #1 at DIF offset 16\n"
	      "dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): "
	      "divide-by-zero in action #2 at DIF offset 24\n"
	      "dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): "
	      "invalid alignment (0x1001) in action #2 at DIF offset 24\n"
	      "dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): "
	      "out of scratch space in action #2 at DIF offset 24\n"
	      "dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): "
	      "illegal operation in predicate at DIF offset 8\n");
	check("errors print nothing on stdout", env_out(e), "");
	env_free(e);
}

static void t_drops(void)
{
	tenv_t *e = env_new(1);
	env_start(e);
	dt_consume_drops(e->c, 1, 1);
	dt_consume_drops(e->c, 0, 12);
	dt_consume_drops(e->c, 0, 0);
	dt_consume_drop(e->c, DT_DROP_AGGREGATION, 1, 3);
	dt_consume_drop(e->c, DT_DROP_DYNAMIC, 0, 5);
	dt_consume_drop(e->c, DT_DROP_DYNDIRTY, 0, 1);
	dt_consume_drop(e->c, DT_DROP_SPEC, 0, 2);
	check("drops", env_err(e),
	      "dtrace: 1 drop on CPU 1\n"
	      "dtrace: 12 drops on CPU 0\n"
	      "dtrace: 3 aggregation drops on CPU 1\n"
	      "dtrace: 5 dynamic variable drops\n"
	      "dtrace: 1 dynamic variable drop with non-empty dirty list\n"
	      "dtrace: 2 speculative drops\n");
	env_free(e);
}

/* the exit print: a newline, then each aggregation, keys then value */
static void t_agg_count_keys(void)
{
	tenv_t *e = env_new(1);
	env_agg(e, 1, DT_AGG_COUNT, "s", NULL);
	env_start(e);
	agg_put_s(e, 1, "sshd", 1);
	agg_put_s(e, 1, "bash", 1);
	agg_put_s(e, 1, "bash", 1);
	agg_put_s(e, 1, "dtrace", 1);
	agg_put_s(e, 1, "bash", 1);
	agg_put_s(e, 1, "sshd", 1);
	dt_consume_final_aggs(e->c);
	check("count by string key", env_out(e),
	      sfmt("\n  %-50s %16d\n  %-50s %16d\n  %-50s %16d\n", "dtrace", 1,
		   "sshd", 2, "bash", 3));
	env_free(e);
}

static void t_agg_scalar(void)
{
	tenv_t *e = env_new(1);
	env_agg(e, 1, DT_AGG_COUNT, "", NULL);
	env_agg(e, 2, DT_AGG_SUM, "", NULL);
	env_agg(e, 3, DT_AGG_AVG, "", NULL);
	env_agg(e, 4, DT_AGG_MIN, "", NULL);
	env_agg(e, 5, DT_AGG_MAX, "", NULL);
	env_agg(e, 6, DT_AGG_STDDEV, "", NULL);
	env_agg(e, 7, DT_AGG_COUNT, "", NULL); /* never written: not printed */
	env_start(e);
	int64_t vals[] = { 2, 4, 4, 4, 5, 5, 7, 9 };
	for (int i = 0; i < 8; i++)
		for (uint32_t id = 1; id <= 6; id++)
			agg_put(e, id, NULL, vals[i], 1);
	dt_consume_final_aggs(e->c);
	/* no blank lines between aggregations (as in DTrace's exit print) */
	check("count sum avg min max stddev", env_out(e),
	      "\n"
	      "                8\n"
	      "               40\n"
	      "                5\n"
	      "                2\n"
	      "                9\n"
	      "                2\n");
	env_free(e);
}

static void t_agg_signedkeys(void)
{
	/* keys of each size sort as unsigned; 1/2-byte print unsigned */
	tenv_t *e = env_new(1);
	env_agg(e, 1, DT_AGG_SUM, "c", NULL);
	env_agg(e, 2, DT_AGG_SUM, "h", NULL);
	env_agg(e, 3, DT_AGG_SUM, "i", NULL);
	env_agg(e, 4, DT_AGG_SUM, "l", NULL);
	e->conf.cc_quiet = 1;
	e->conf.cc_aggsortkey = 1;
	env_start(e);
	for (int id = 1; id <= 4; id++)
		for (int64_t k = -2; k <= 2; k++)
			agg_put_i(e, (uint32_t)id, k, k);
	dt_consume_final_aggs(e->c);
	check("signed keys", env_out(e),
	      "\n"
	      "   0                0\n"
	      "   1                1\n"
	      "   2                2\n"
	      " 254               -2\n"
	      " 255               -1\n"
	      "     0                0\n"
	      "     1                1\n"
	      "     2                2\n"
	      " 65534               -2\n"
	      " 65535               -1\n"
	      "        0                0\n"
	      "        1                1\n"
	      "        2                2\n"
	      "       -2               -2\n"
	      "       -1               -1\n"
	      "                0                0\n"
	      "                1                1\n"
	      "                2                2\n"
	      "               -2               -2\n"
	      "               -1               -1\n");
	env_free(e);
}

static tenv_t *sort_env(int key, int rev, int pos, int keypos)
{
	tenv_t *e = env_new(1);
	env_agg(e, 1, DT_AGG_SUM, "ii", NULL);
	e->conf.cc_aggsortkey = key;
	e->conf.cc_aggsortrev = rev;
	e->conf.cc_aggsortpos = pos;
	e->conf.cc_aggsortkeypos = keypos;
	env_start(e);
	int64_t k[][3] = { { 1, 9, 30 }, { 2, 8, 10 }, { 3, 7, 20 }, { 1, 7, 20 } };
	for (int i = 0; i < 4; i++) {
		int64_t key2[2] = { k[i][0], k[i][1] };
		agg_put(e, 1, key2, k[i][2], 1);
	}
	return e;
}

static void t_agg_sort(void)
{
	tenv_t *e = sort_env(0, 0, 0, 0);
	dt_consume_final_aggs(e->c);
	/* by value; the tie 20/20 broken by key (1,7) < (3,7) */
	check("sort by value", env_out(e),
	      "\n"
	      "        2        8               10\n"
	      "        1        7               20\n"
	      "        3        7               20\n"
	      "        1        9               30\n");
	env_free(e);

	e = sort_env(0, 1, 0, 0);
	dt_consume_final_aggs(e->c);
	check("aggsortrev", env_out(e),
	      "\n"
	      "        1        9               30\n"
	      "        3        7               20\n"
	      "        1        7               20\n"
	      "        2        8               10\n");
	env_free(e);

	e = sort_env(1, 0, 0, 0);
	dt_consume_final_aggs(e->c);
	check("aggsortkey", env_out(e),
	      "\n"
	      "        1        7               20\n"
	      "        1        9               30\n"
	      "        2        8               10\n"
	      "        3        7               20\n");
	env_free(e);

	e = sort_env(1, 0, 0, 1);
	dt_consume_final_aggs(e->c);
	check("aggsortkey + aggsortkeypos=1", env_out(e),
	      "\n"
	      "        1        7               20\n"
	      "        3        7               20\n"
	      "        2        8               10\n"
	      "        1        9               30\n");
	env_free(e);
}

static void t_printa_multi(void)
{
	/* printa("%d %@d %@d\n", @a, @b): keys joined, aggsortpos picks */
	tenv_t *e = env_new(1);
	tclause_t *t = &e->tc[0];
	uint32_t s1 = add_slot(t, DT_FMT_UINT, 4), s2 = add_slot(t, DT_FMT_UINT, 4);
	add_act(t, DT_ACT_PRINTA, s1, 2, "%d: %@d %@d\n");
	add_act(t, DT_ACT_PRINTA, s1, 2, NULL);
	env_agg(e, 1, DT_AGG_SUM, "i", NULL);
	env_agg(e, 2, DT_AGG_COUNT, "i", NULL);
	e->conf.cc_quiet = 1;
	e->conf.cc_aggsortpos = 1;
	env_start(e);
	agg_put_i(e, 1, 1, 100);
	agg_put_i(e, 1, 2, 50);
	agg_put_i(e, 1, 3, 10);
	agg_put_i(e, 2, 1, 0);
	agg_put_i(e, 2, 2, 0);
	agg_put_i(e, 2, 2, 0);
	agg_put_i(e, 2, 2, 0);
	agg_put_i(e, 2, 4, 0);
	agg_put_i(e, 2, 4, 0);
	unsigned char *d = rec_begin(e, 1);
	put_int(e, d, 0, s1, 1);
	put_int(e, d, 0, s2, 2);
	env_consume(e, 0);
	dt_consume_final_aggs(e->c);
	check("printa joined", env_out(e),
	      "3: 10 0\n"
	      "1: 100 1\n"
	      "4: 0 2\n"
	      "2: 50 3\n"
	      "\n"
	      "        3               10                0\n"
	      "        1              100                1\n"
	      "        4                0                2\n"
	      "        2               50                3\n"
	      "\n");
	env_free(e);
}

#define QHDR "\n           value  ------------- Distribution ------------- count    \n"

static void t_quantize(void)
{
	tenv_t *e = env_new(1);
	env_agg(e, 1, DT_AGG_QUANTIZE, "", NULL);
	env_start(e);
	agg_put(e, 1, NULL, 1, 1);
	agg_put(e, 1, NULL, 2, 1);
	agg_put(e, 1, NULL, 3, 1);
	agg_put(e, 1, NULL, 4, 1);
	dt_consume_final_aggs(e->c);
	check("quantize", env_out(e),
	      "\n" QHDR
	      "               0 |                                         0        \n"
	      "               1 |@@@@@@@@@@                               1        \n"
	      "               2 |@@@@@@@@@@@@@@@@@@@@                     2        \n"
	      "               4 |@@@@@@@@@@                               1        \n"
	      "               8 |                                         0        \n"
	      "\n");
	env_free(e);

	/* negative values have their own rows below 0 */
	e = env_new(1);
	env_agg(e, 1, DT_AGG_QUANTIZE, "", NULL);
	env_start(e);
	agg_put(e, 1, NULL, -5, 1);
	agg_put(e, 1, NULL, -1, 1);
	agg_put(e, 1, NULL, 0, 2);
	dt_consume_final_aggs(e->c);
	check("quantize negatives", env_out(e),
	      "\n" QHDR
	      "              -8 |                                         0        \n"
	      "              -4 |@@@@@@@@@@                               1        \n"
	      "              -2 |                                         0        \n"
	      "              -1 |@@@@@@@@@@                               1        \n"
	      "               0 |@@@@@@@@@@@@@@@@@@@@                     2        \n"
	      "               1 |                                         0        \n"
	      "\n");
	env_free(e);

	/* negative counts (quantize(x, -1)): bars grow left of the line */
	e = env_new(1);
	env_agg(e, 1, DT_AGG_QUANTIZE, "", NULL);
	env_start(e);
	agg_put(e, 1, NULL, 1, 1);
	agg_put(e, 1, NULL, 2, -1);
	dt_consume_final_aggs(e->c);
	check("quantize mixed-sign counts", env_out(e),
	      "\n" QHDR
	      "               0                     |                     0        \n"
	      "               1                     |@@@@@@@@@@           1        \n"
	      "               2           @@@@@@@@@@|                     -1       \n"
	      "               4                     |                     0        \n"
	      "\n");
	env_free(e);
}

static void t_lquantize(void)
{
	dt_aggparams_t p = { .ap_base = 0, .ap_limit = 10, .ap_step = 2 };
	tenv_t *e = env_new(1);
	env_agg(e, 1, DT_AGG_LQUANTIZE, "", &p);
	env_start(e);
	agg_put(e, 1, NULL, -1, 1);
	agg_put(e, 1, NULL, 3, 2);
	agg_put(e, 1, NULL, 100, 1);
	dt_consume_final_aggs(e->c);
	check("lquantize under/overflow", env_out(e),
	      "\n" QHDR
	      "             < 0 |@@@@@@@@@@                               1        \n"
	      "               0 |                                         0        \n"
	      "               2 |@@@@@@@@@@@@@@@@@@@@                     2        \n"
	      "               4 |                                         0        \n"
	      "               6 |                                         0        \n"
	      "               8 |                                         0        \n"
	      "           >= 10 |@@@@@@@@@@                               1        \n"
	      "\n");
	env_free(e);

	/* trimmed to one empty row each side of what was hit */
	e = env_new(1);
	env_agg(e, 1, DT_AGG_LQUANTIZE, "", &p);
	env_start(e);
	agg_put(e, 1, NULL, 5, 1);
	dt_consume_final_aggs(e->c);
	check("lquantize trimmed", env_out(e),
	      "\n" QHDR
	      "               2 |                                         0        \n"
	      "               4 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 1        \n"
	      "               6 |                                         0        \n"
	      "\n");
	env_free(e);
}

static void t_llquantize(void)
{
	/* factor 10, magnitudes 0..2, 10 steps: rows 1..9, 10..90, 100..900 */
	dt_aggparams_t p = { .ap_factor = 10, .ap_low = 0, .ap_high = 2,
			     .ap_nsteps = 10 };
	tenv_t *e = env_new(1);
	env_agg(e, 1, DT_AGG_LLQUANTIZE, "", &p);
	env_start(e);
	agg_put(e, 1, NULL, 15, 1);
	agg_put(e, 1, NULL, 25, 3);
	dt_consume_final_aggs(e->c);
	check("llquantize", env_out(e),
	      "\n" QHDR
	      "               9 |                                         0        \n"
	      "              10 |@@@@@@@@@@                               1        \n"
	      "              20 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@           3        \n"
	      "              30 |                                         0        \n"
	      "\n");
	env_free(e);
}

static void t_clear_trunc_normalize(void)
{
	tenv_t *e = env_new(1);
	tclause_t *t = &e->tc[0];
	uint32_t s = add_slot(t, DT_FMT_SINT, 8);
	add_act(t, DT_ACT_NORMALIZE, s, 1, NULL)->da_aggid = 1;
	add_act(t, DT_ACT_TRUNC, s, 1, NULL)->da_aggid = 2;
	add_act(t, DT_ACT_CLEAR, 0, 0, NULL)->da_aggid = 3;
	env_agg(e, 1, DT_AGG_SUM, "i", NULL);
	env_agg(e, 2, DT_AGG_SUM, "i", NULL);
	env_agg(e, 3, DT_AGG_MAX, "i", NULL);
	e->conf.cc_quiet = 1;
	env_start(e);
	for (int k = 1; k <= 5; k++) {
		agg_put_i(e, 1, k, k * 100);
		agg_put_i(e, 2, k, k * 10);
		agg_put_i(e, 3, k, k);
	}
	unsigned char *d = rec_begin(e, 1);
	put_int(e, d, 0, s, 2); /* normalize(@1, 2); trunc(@2, 2) */
	env_consume(e, 0);
	dt_consume_final_aggs(e->c);
	check("normalize trunc clear", env_out(e),
	      "\n"
	      "        1               50\n"
	      "        2              100\n"
	      "        3              150\n"
	      "        4              200\n"
	      "        5              250\n"
	      "        4               40\n"
	      "        5               50\n"
	      "        1 -9223372036854775808\n"
	      "        2 -9223372036854775808\n"
	      "        3 -9223372036854775808\n"
	      "        4 -9223372036854775808\n"
	      "        5 -9223372036854775808\n");
	env_free(e);
}

static void t_printa_default_and_exit(void)
{
	/* printa(@a) prints a blank line first; at exit @a is not reprinted */
	tenv_t *e = env_new(1);
	tclause_t *t = &e->tc[0];
	add_act(t, DT_ACT_PRINTA, 0, 0, NULL)->da_aggid = 1;
	env_agg(e, 1, DT_AGG_COUNT, "i", NULL);
	env_agg(e, 2, DT_AGG_COUNT, "", NULL);
	e->conf.cc_quiet = 1;
	env_start(e);
	agg_put_i(e, 1, 5, 0);
	agg_put(e, 2, NULL, 0, 1);
	rec_begin(e, 1);
	env_consume(e, 0);
	dt_consume_final_aggs(e->c);
	check("printa then exit", env_out(e),
	      "\n"
	      "        5                1\n"
	      "\n"
	      "                1\n");
	env_free(e);
}

static void t_pf_parse(void)
{
	char err[128];
	dt_pffmt_t *pf = dt_pf_parse("a%-*.3lld%%%@8u%s", err, sizeof(err));
	int star = -1;
	uint32_t cn = 0;

	check("parse ok", pf ? "ok" : err, "ok");
	if (pf == NULL)
		return;
	check("parse counts",
	      sfmt("%u %u %u %u", pf->pf_nitems, pf->pf_nconv, pf->pf_nargs,
		   pf->pf_naggs),
	      "5 4 3 1");
	const dt_pfconv_t *pc = dt_pf_arg(pf, 0, &star, &cn);
	check("arg0 is a star", sfmt("%c %d %u", pc->pc_conv, star, cn), "d 1 1");
	pc = dt_pf_arg(pf, 1, &star, &cn);
	check("arg1 is %lld", sfmt("%c %d %s %s", pc->pc_conv, star, pc->pc_length,
				   pc->pc_proto),
	      "d 0 ll long long");
	pc = dt_pf_arg(pf, 2, &star, &cn);
	check("arg2 is %s", sfmt("%c %u", pc->pc_conv, cn), "s 4");
	check("no arg3", dt_pf_arg(pf, 3, &star, &cn) ? "some" : "none", "none");
	dt_pf_free(pf);

	pf = dt_pf_parse("x %q", err, sizeof(err));
	check("bad conversion", pf ? "parsed" : err,
	      "format conversion #1 is undefined: %q");
	pf = dt_pf_parse("x %5", err, sizeof(err));
	check("truncated conversion", pf ? "parsed" : err,
	      "format conversion #1 is missing a conversion character");
	pf = dt_pf_parse("%hs", err, sizeof(err));
	check("bad length", pf ? "parsed" : err,
	      "format conversion #1 is undefined: %hs");
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	t_pf_parse();
	t_default_line();
	t_trace_ints();
	t_trace_strings();
	t_printf();
	t_printf_prefix();
	t_exit();
	t_errors();
	t_drops();
	t_agg_count_keys();
	t_agg_scalar();
	t_agg_signedkeys();
	t_agg_sort();
	t_printa_multi();
	t_quantize();
	t_lquantize();
	t_llquantize();
	t_clear_trunc_normalize();
	t_printa_default_and_exit();
	printf("%d passed, %d failed\n", npass, nfail);
	return nfail ? 1 : 0;
}
