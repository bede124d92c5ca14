/*
 * dt_consume.c - walk the per-CPU record buffers and print each record as
 * DTrace does: the "CPU ID FUNCTION:NAME" prefix (unless quiet), the data
 * of every action on the same line, a newline at the end of the record.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dt_consume_impl.h"

#define DT_STACKINDENT 14 /* DTrace's stackindent default */

void dt_snapshot(dt_consumer_t *c)
{
	if (c->c_conf.cc_snapshot != NULL)
		c->c_conf.cc_snapshot(c->c_conf.cc_arg);
}

static uint32_t nformats(const dt_program_t *p)
{
	uint32_t n = 0;

	for (uint32_t i = 0; p != NULL && i < p->dp_nclauses; i++)
		n += p->dp_clauses[i].dc_nacts;
	return n;
}

dt_consumer_t *dt_consumer_create(const dt_consumer_conf_t *conf)
{
	dt_consumer_t *c = calloc(1, sizeof(*c));
	uint32_t nf;

	if (c == NULL)
		return NULL;
	c->c_conf = *conf;
	if (c->c_conf.cc_out == NULL)
		c->c_conf.cc_out = stdout;
	if (c->c_conf.cc_err == NULL)
		c->c_conf.cc_err = stderr;
	c->c_out = c->c_conf.cc_out;
	c->c_quiet = conf->cc_quiet;
	c->c_flowindent = conf->cc_flowindent;
	c->c_aggsortkey = conf->cc_aggsortkey;
	c->c_aggsortrev = conf->cc_aggsortrev;
	c->c_aggsortpos = conf->cc_aggsortpos;
	c->c_aggsortkeypos = conf->cc_aggsortkeypos;
	c->c_stackindent =
		conf->cc_stackindent > 0 ? conf->cc_stackindent : DT_STACKINDENT;
	c->c_rawbytes = conf->cc_rawbytes;
	nf = nformats(conf->cc_prog);
	if (nf > 0 && (c->c_fmtcache = calloc(nf, sizeof(dt_pffmt_t *))) == NULL)
		goto fail;
	if (dt_aggs_init(c) != 0)
		goto fail;
	return c;
fail:
	free(c->c_fmtcache);
	free(c);
	return NULL;
}

void dt_consumer_destroy(dt_consumer_t *c)
{
	uint32_t nf;

	if (c == NULL)
		return;
	nf = nformats(c->c_conf.cc_prog);
	for (uint32_t i = 0; c->c_fmtcache != NULL && i < nf; i++)
		dt_pf_free(c->c_fmtcache[i]);
	free(c->c_fmtcache);
	dt_aggs_fini(c);
	if (c->c_ownfp != NULL)
		fclose(c->c_ownfp);
	free(c);
}

int dt_consumer_exit_status(const dt_consumer_t *c)
{
	return c->c_status;
}

/*
 * DTrace's printing of a datum that is not an integer: a string if it is
 * printable characters then NULs, else a hex and ASCII dump.
 */
void dt_print_bytes(dt_consumer_t *c, FILE *fp, const void *addr, size_t n,
		    int width, int quiet, int forceraw)
{
	const unsigned char *s = addr;
	const int margin = 5;
	size_t i, j;

	if (n == 0)
		return;
	if (!forceraw && !c->c_rawbytes) {
		for (i = 0; i < n; i++) {
			if (isprint(s[i]) || isspace(s[i]) || s[i] == '\b' ||
			    s[i] == '\a')
				continue;
			if (s[i] == '\0' && i > 0) {
				/* only NULs may follow for it to be a string */
				for (j = i + 1; j < n && s[j] == '\0'; j++)
					;
				if (j != n)
					break;
				if (quiet)
					fprintf(fp, "%s", (const char *)s);
				else
					fprintf(fp, " %s%*s", width < 0 ? " " : "",
						width, (const char *)s);
				return;
			}
			break;
		}
	}

	fprintf(fp, "\n%*s      ", margin, "");
	for (i = 0; i < 16; i++)
		fprintf(fp, "  %c", "0123456789abcdef"[i]);
	fprintf(fp, "  0123456789abcdef\n");
	for (i = 0; i < n; i += 16) {
		fprintf(fp, "%*s%5zx:", margin, "", i);
		for (j = i; j < i + 16 && j < n; j++)
			fprintf(fp, " %02x", s[j]);
		for (; j % 16 != 0; j++)
			fprintf(fp, "   ");
		fprintf(fp, "  ");
		for (j = i; j < i + 16 && j < n; j++)
			fputc(s[j] < ' ' || s[j] > '~' ? '.' : s[j], fp);
		fputc('\n', fp);
	}
}

/* the value of slot si of a record as the printf engine takes it */
static void slot_val(const dt_clause_t *cl, const unsigned char *data,
		     uint32_t size, uint32_t si, dt_pfval_t *pv)
{
	const dif_recslot_t *rs = &cl->dc_difo.dtdo_slots[si];
	const unsigned char *p = data + rs->rs_offset;

	memset(pv, 0, sizeof(*pv));
	pv->pv_fmt = cl->dc_slotfmt ? cl->dc_slotfmt[si] : DT_FMT_SINT;
	pv->pv_size = rs->rs_size;
	if ((uint64_t)rs->rs_offset + rs->rs_size > size) {
		pv->pv_size = 0;
		return;
	}
	pv->pv_data = p;
	if (!rs->rs_byref && !rs->rs_string && rs->rs_size <= 8) {
		switch (rs->rs_size) {
		case 1: {
			uint8_t u = p[0];
			pv->pv_int = pv->pv_fmt == DT_FMT_SINT ? (int8_t)u : u;
			break;
		}
		case 2: {
			uint16_t u;
			memcpy(&u, p, 2);
			pv->pv_int = pv->pv_fmt == DT_FMT_SINT ? (int16_t)u : u;
			break;
		}
		case 4: {
			uint32_t u;
			memcpy(&u, p, 4);
			pv->pv_int = pv->pv_fmt == DT_FMT_SINT ? (int64_t)(int32_t)u
								 : (int64_t)u;
			break;
		}
		default: {
			uint64_t u = 0;
			memcpy(&u, p, rs->rs_size);
			pv->pv_int = (int64_t)u;
			break;
		}
		}
	} else if (pv->pv_fmt == DT_FMT_SYM || pv->pv_fmt == DT_FMT_MOD) {
		memcpy(&pv->pv_int, p, 8);
	} else if (pv->pv_fmt == DT_FMT_USYM || pv->pv_fmt == DT_FMT_UMOD) {
		if (rs->rs_size >= 16)
			memcpy(&pv->pv_int, p + 8, 8);
	}
}

/* trace(): DTrace prints integers by size, all as signed numbers */
static void print_trace(dt_consumer_t *c, FILE *fp, const dt_pfval_t *pv)
{
	int q = c->c_quiet;
	char buf[512];

	switch (pv->pv_fmt) {
	case DT_FMT_STRING:
	case DT_FMT_BYTES:
		dt_print_bytes(c, fp, pv->pv_data, pv->pv_size, -33, q, 0);
		return;
	case DT_FMT_STACK:
	case DT_FMT_USTACK:
		dt_pf_stack(c, fp, NULL, pv->pv_fmt == DT_FMT_USTACK,
			    pv->pv_data, pv->pv_size);
		return;
	case DT_FMT_SYM:
	case DT_FMT_USYM:
	case DT_FMT_MOD:
	case DT_FMT_UMOD:
		dt_pf_symval(c, pv, buf, sizeof(buf));
		fprintf(fp, q ? "%s" : "  %-50s", buf);
		return;
	default:
		break;
	}
	/* DTrace reads 1- and 2-byte data unsigned, 4 and 8 bytes signed */
	switch (pv->pv_size) {
	case 1:
		fprintf(fp, q ? "%d" : " %3d", (int)(uint8_t)pv->pv_int);
		break;
	case 2:
		fprintf(fp, q ? "%d" : " %5d", (int)(uint16_t)pv->pv_int);
		break;
	case 4:
		fprintf(fp, q ? "%d" : " %8d", (int)(int32_t)pv->pv_int);
		break;
	case 8:
		fprintf(fp, q ? "%lld" : " %16lld", (long long)pv->pv_int);
		break;
	default:
		dt_print_bytes(c, fp, pv->pv_data, pv->pv_size, -33, q, 0);
		break;
	}
}

static dt_pffmt_t *get_fmt(dt_consumer_t *c, const dt_clause_t *cl,
			   uint32_t ai)
{
	const dt_program_t *p = c->c_conf.cc_prog;
	uint32_t idx = 0, ci = (uint32_t)(cl - p->dp_clauses);
	char err[128];

	if (cl->dc_acts[ai].da_fmt == NULL)
		return NULL;
	for (uint32_t i = 0; i < ci; i++)
		idx += p->dp_clauses[i].dc_nacts;
	idx += ai;
	if (c->c_fmtcache[idx] == NULL)
		c->c_fmtcache[idx] =
			dt_pf_parse(cl->dc_acts[ai].da_fmt, err, sizeof(err));
	return c->c_fmtcache[idx];
}

/* printf-like actions: format the slots of act into a memory string */
static char *format_to_string(dt_consumer_t *c, const dt_clause_t *cl,
			      uint32_t ai, const unsigned char *data,
			      uint32_t size)
{
	const dt_action_t *a = &cl->dc_acts[ai];
	dt_pffmt_t *pf = get_fmt(c, cl, ai);
	dt_pfval_t args[64];
	char *buf = NULL;
	size_t len = 0;
	FILE *mf;
	uint32_t n = a->da_nslots < 64 ? a->da_nslots : 64;

	if (pf == NULL)
		return NULL;
	for (uint32_t i = 0; i < n; i++)
		slot_val(cl, data, size, a->da_slot + i, &args[i]);
	mf = open_memstream(&buf, &len);
	if (mf == NULL)
		return NULL;
	dt_pf_print(c, mf, pf, args, n, NULL, NULL, 0);
	fclose(mf);
	return buf;
}

static void do_setopt(dt_consumer_t *c, const char *name, const char *val)
{
	int on = val == NULL || strcmp(val, "0") != 0;
	int num = val ? atoi(val) : 0;

	if (strcmp(name, "quiet") == 0)
		c->c_quiet = on;
	else if (strcmp(name, "flowindent") == 0)
		c->c_flowindent = on;
	else if (strcmp(name, "aggsortkey") == 0)
		c->c_aggsortkey = on;
	else if (strcmp(name, "aggsortrev") == 0)
		c->c_aggsortrev = on;
	else if (strcmp(name, "aggsortpos") == 0)
		c->c_aggsortpos = num;
	else if (strcmp(name, "aggsortkeypos") == 0)
		c->c_aggsortkeypos = num;
	else if (strcmp(name, "stackindent") == 0)
		c->c_stackindent = num;
	else if (strcmp(name, "rawbytes") == 0)
		c->c_rawbytes = on;
	if (c->c_conf.cc_setopt != NULL)
		c->c_conf.cc_setopt(c->c_conf.cc_arg, name, val);
}

static void do_freopen(dt_consumer_t *c, const char *path)
{
	FILE *nf;

	fflush(c->c_out);
	if (path == NULL || path[0] == '\0') {
		/* freopen("") goes back to the original output */
		if (c->c_ownfp != NULL)
			fclose(c->c_ownfp);
		c->c_ownfp = NULL;
		c->c_out = c->c_conf.cc_out;
		return;
	}
	nf = fopen(path, "a");
	if (nf == NULL) {
		fprintf(c->c_conf.cc_err,
			"dtrace: failed to freopen \"%s\": %s\n", path,
			"cannot open file");
		return;
	}
	if (c->c_ownfp != NULL)
		fclose(c->c_ownfp);
	c->c_ownfp = nf;
	c->c_out = nf;
}

/* the "CPU ID FUNCTION:NAME" part of a record's line */
static void print_prefix(dt_consumer_t *c, int cpu, const dt_ecb_t *e)
{
	FILE *fp = c->c_out;
	char name[512];

	if (!c->c_flowindent) {
		if (!c->c_hdrdone)
			fprintf(fp, "%3s %6s %32s\n", "CPU", "ID",
				"FUNCTION:NAME");
		c->c_hdrdone = 1;
		snprintf(name, sizeof(name), "%s:%s", e->ec_func, e->ec_name);
		fprintf(fp, "%3d %6u %32s ", cpu, e->ec_probeid, name);
		return;
	}

	if (!c->c_hdrdone)
		fprintf(fp, "%3s %-41s\n", "CPU", "FUNCTION");
	c->c_hdrdone = 1;
	if (strcmp(e->ec_name, "entry") == 0) {
		snprintf(name, sizeof(name), "%*s-> %s", c->c_indent, "",
			 e->ec_func);
		c->c_indent += 2;
	} else if (strcmp(e->ec_name, "return") == 0) {
		if (c->c_indent >= 2)
			c->c_indent -= 2;
		snprintf(name, sizeof(name), "%*s<- %s", c->c_indent, "",
			 e->ec_func);
	} else {
		snprintf(name, sizeof(name), "%*s| %s:%s", c->c_indent, "",
			 e->ec_func, e->ec_name);
	}
	fprintf(fp, "%3d %-41s ", cpu, name);
}

static int slot_int(const dt_clause_t *cl, const unsigned char *data,
		    uint32_t size, const dt_action_t *a, uint32_t k,
		    int64_t *out)
{
	dt_pfval_t pv;

	if (k >= a->da_nslots)
		return -1;
	slot_val(cl, data, size, a->da_slot + k, &pv);
	*out = pv.pv_int;
	return 0;
}

static void do_actions(dt_consumer_t *c, const dt_ecb_t *e,
		       const unsigned char *data, uint32_t size)
{
	const dt_clause_t *cl = e->ec_clause;

	for (uint32_t ai = 0; ai < cl->dc_nacts; ai++) {
		const dt_action_t *a = &cl->dc_acts[ai];
		FILE *fp = c->c_out;
		dt_pfval_t pv;
		int64_t v;
		char *s;

		switch (a->da_kind) {
		case DT_ACT_TRACE:
		case DT_ACT_PRINT:
			if (a->da_nslots == 0)
				break;
			slot_val(cl, data, size, a->da_slot, &pv);
			print_trace(c, fp, &pv);
			break;
		case DT_ACT_STACK:
		case DT_ACT_USTACK:
			if (a->da_nslots == 0)
				break;
			slot_val(cl, data, size, a->da_slot, &pv);
			dt_pf_stack(c, fp, NULL, a->da_kind == DT_ACT_USTACK,
				    pv.pv_data, pv.pv_size);
			break;
		case DT_ACT_TRACEMEM: {
			size_t n;

			if (a->da_nslots == 0)
				break;
			slot_val(cl, data, size, a->da_slot, &pv);
			n = pv.pv_size;
			/* tracemem(addr, size, dsize): print dsize bytes */
			if (slot_int(cl, data, size, a, 1, &v) == 0 && v >= 0 &&
			    (uint64_t)v < n)
				n = (size_t)v;
			dt_print_bytes(c, fp, pv.pv_data, n, 0, c->c_quiet, 1);
			break;
		}
		case DT_ACT_PRINTF: {
			dt_pffmt_t *pf = get_fmt(c, cl, ai);
			dt_pfval_t args[64];
			uint32_t n = a->da_nslots < 64 ? a->da_nslots : 64;

			if (pf == NULL)
				break;
			for (uint32_t i = 0; i < n; i++)
				slot_val(cl, data, size, a->da_slot + i,
					 &args[i]);
			dt_pf_print(c, fp, pf, args, n, NULL, NULL, 0);
			break;
		}
		case DT_ACT_PRINTA: {
			uint32_t ids[16], n = 0;

			for (uint32_t i = 0; i < a->da_nslots && n < 16; i++)
				if (slot_int(cl, data, size, a, i, &v) == 0)
					ids[n++] = (uint32_t)v;
			if (n == 0)
				ids[n++] = a->da_aggid;
			dt_printa(c, a->da_fmt, ids, n);
			break;
		}
		case DT_ACT_EXIT:
			if (slot_int(cl, data, size, a, 0, &v) != 0)
				v = 0;
			c->c_status = (int)v;
			c->c_exited = 1;
			break;
		case DT_ACT_CLEAR:
			dt_agg_clear(c, a->da_aggid);
			break;
		case DT_ACT_TRUNC:
			if (slot_int(cl, data, size, a, 0, &v) != 0)
				v = 0;
			dt_agg_trunc(c, a->da_aggid, v);
			break;
		case DT_ACT_NORMALIZE:
			if (slot_int(cl, data, size, a, 0, &v) != 0)
				v = 1;
			dt_snapshot(c);
			dt_agg_normalize(c, a->da_aggid, v);
			break;
		case DT_ACT_DENORMALIZE:
			dt_agg_normalize(c, a->da_aggid, 1);
			break;
		case DT_ACT_SETOPT: {
			char *val = NULL;

			if (a->da_nslots > 0) {
				slot_val(cl, data, size, a->da_slot, &pv);
				if (pv.pv_data != NULL)
					val = strndup(pv.pv_data, pv.pv_size);
			}
			if (a->da_fmt != NULL)
				do_setopt(c, a->da_fmt, val);
			free(val);
			break;
		}
		case DT_ACT_SYSTEM:
			s = format_to_string(c, cl, ai, data, size);
			if (s == NULL)
				break;
			/* what we printed so far comes before the command's */
			fflush(c->c_out);
			fflush(stdout);
			if (system(s) == -1)
				fprintf(c->c_conf.cc_err,
					"dtrace: failed to run \"%s\"\n", s);
			free(s);
			break;
		case DT_ACT_FREOPEN:
			s = format_to_string(c, cl, ai, data, size);
			do_freopen(c, s);
			free(s);
			break;
		case DT_ACT_FTRUNCATE:
			fflush(c->c_out);
			if (ftruncate(fileno(c->c_out), 0) == 0)
				rewind(c->c_out);
			break;
		case DT_ACT_RAISE:
		case DT_ACT_STOP:
		case DT_ACT_BREAKPOINT:
		case DT_ACT_PANIC:
		case DT_ACT_CHILL:
			v = 0;
			(void)slot_int(cl, data, size, a, 0, &v);
			if (c->c_conf.cc_action != NULL)
				c->c_conf.cc_action(c->c_conf.cc_arg, a->da_kind,
						    v);
			break;
		default:
			/* speculate/commit/discard, printm: nothing to print */
			break;
		}
	}
}

int dt_consume_records(dt_consumer_t *c, int cpu, const void *buf, size_t len)
{
	const unsigned char *p = buf, *end = p + len;

	while (p < end) {
		dt_rechdr_t h;
		const unsigned char *data;
		size_t recl;

		if ((size_t)(end - p) < sizeof(h))
			return -1;
		memcpy(&h, p, sizeof(h));
		data = p + sizeof(h);
		if ((size_t)(end - data) < h.dr_size)
			return -1;
		recl = (sizeof(h) + h.dr_size + 7) & ~(size_t)7;
		p += recl > (size_t)(end - p) ? (size_t)(end - p) : recl;

		if (h.dr_epid == 0) {
			dt_errrec_t er;
			char msg[512];

			if (h.dr_size < sizeof(er))
				return -1;
			memcpy(&er, data, sizeof(er));
			dt_consume_errmsg(c, &er, msg, sizeof(msg));
			fflush(c->c_out);
			fprintf(c->c_conf.cc_err, "dtrace: %s\n", msg);
			fflush(c->c_conf.cc_err);
			continue;
		}
		if (h.dr_epid > c->c_conf.cc_necbs)
			return -1;

		const dt_ecb_t *e = &c->c_conf.cc_ecbs[h.dr_epid - 1];
		if (e->ec_clause == NULL)
			return -1;
		/* a setopt("quiet") in this record acts from the next one */
		int quiet = c->c_quiet;

		if (!quiet)
			print_prefix(c, cpu, e);
		do_actions(c, e, data, h.dr_size);
		if (!quiet)
			fputc('\n', c->c_out);
	}
	fflush(c->c_out);
	return c->c_exited ? 1 : 0;
}
