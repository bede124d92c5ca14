/*
 * dt_aggprint.c - aggregation totals in the consumer: merging the drained
 * per-CPU deltas, clear/trunc/normalize, DTrace's sort order, and the
 * printing of printa() and of the exit print.
 *
 * DTrace's rules kept here:
 *  - elements sort by value (then key); aggsortkey sorts by key (then
 *    value); aggsortkeypos names the key compared first, aggsortpos the
 *    aggregation whose value decides in a multi-aggregation printa;
 *    aggsortrev reverses every comparison;
 *  - integer keys compare as unsigned numbers of the key's size; 1- and
 *    2-byte keys print unsigned, 4- and 8-byte keys signed;
 *  - keys print as " %3d"/" %5d"/" %8d"/" %16lld" by size, strings as
 *    "  %-50s"; values as " %16lld";
 *  - histograms: "value  --- Distribution --- count" with 40-column bars
 *    and one empty row kept on each side of the used range.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* qsort_r */
#endif
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dt_consume_impl.h"

#define AGG_NBUCKETS0 64

static uint64_t key_hash(const void *key, uint32_t n)
{
	const unsigned char *p = key;
	uint64_t h = 1469598103934665603ULL;

	for (uint32_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

int dt_aggs_init(dt_consumer_t *c)
{
	const dt_program_t *p = c->c_conf.cc_prog;

	c->c_naggs = p ? p->dp_naggs : 0;
	if (c->c_naggs == 0)
		return 0;
	c->c_aggs = calloc(c->c_naggs, sizeof(dt_aggtab_t));
	if (c->c_aggs == NULL)
		return -1;
	for (uint32_t i = 0; i < c->c_naggs; i++) {
		c->c_aggs[i].at_desc = &p->dp_aggs[i];
		c->c_aggs[i].at_normal = 1;
	}
	return 0;
}

static void ent_free(dt_aggent_t *e)
{
	free(e->ae_key);
	free(e->ae_vals);
	free(e);
}

void dt_aggs_fini(dt_consumer_t *c)
{
	for (uint32_t i = 0; i < c->c_naggs; i++) {
		dt_aggtab_t *at = &c->c_aggs[i];

		for (uint32_t b = 0; b < at->at_nbuckets; b++) {
			dt_aggent_t *e = at->at_buckets[b], *n;
			for (; e != NULL; e = n) {
				n = e->ae_next;
				ent_free(e);
			}
		}
		free(at->at_buckets);
	}
	free(c->c_aggs);
	c->c_aggs = NULL;
	c->c_naggs = 0;
}

dt_aggtab_t *dt_agg_lookup_tab(dt_consumer_t *c, uint32_t aggid)
{
	if (aggid == 0 || aggid > c->c_naggs)
		return NULL;
	return &c->c_aggs[aggid - 1];
}

static dt_aggent_t *ent_find(const dt_aggtab_t *at, const void *key)
{
	uint32_t ks = at->at_desc->ag_keysize;
	uint64_t h = key_hash(key, ks);

	if (at->at_nbuckets == 0)
		return NULL;
	for (dt_aggent_t *e = at->at_buckets[h % at->at_nbuckets]; e != NULL;
	     e = e->ae_next)
		if (e->ae_hash == h &&
		    (ks == 0 || memcmp(e->ae_key, key, ks) == 0))
			return e;
	return NULL;
}

static int tab_grow(dt_aggtab_t *at)
{
	uint32_t nb = at->at_nbuckets ? at->at_nbuckets * 2 : AGG_NBUCKETS0;
	dt_aggent_t **b = calloc(nb, sizeof(*b));

	if (b == NULL)
		return -1;
	for (uint32_t i = 0; i < at->at_nbuckets; i++) {
		dt_aggent_t *e = at->at_buckets[i], *n;
		for (; e != NULL; e = n) {
			n = e->ae_next;
			e->ae_next = b[e->ae_hash % nb];
			b[e->ae_hash % nb] = e;
		}
	}
	free(at->at_buckets);
	at->at_buckets = b;
	at->at_nbuckets = nb;
	return 0;
}

void dt_agg_add(dt_consumer_t *c, uint32_t aggid, const void *key,
		const int64_t *vals)
{
	dt_aggtab_t *at = dt_agg_lookup_tab(c, aggid);
	const dt_aggdesc_t *ad;
	dt_aggent_t *e;

	if (at == NULL)
		return;
	ad = at->at_desc;
	e = ent_find(at, key);
	if (e == NULL) {
		if (at->at_nents >= at->at_nbuckets && tab_grow(at) != 0)
			return;
		e = calloc(1, sizeof(*e));
		if (e == NULL)
			return;
		e->ae_key = malloc(ad->ag_keysize ? ad->ag_keysize : 1);
		e->ae_vals = calloc(ad->ag_nvals ? ad->ag_nvals : 1,
				    sizeof(int64_t));
		if (e->ae_key == NULL || e->ae_vals == NULL) {
			ent_free(e);
			return;
		}
		if (ad->ag_keysize)
			memcpy(e->ae_key, key, ad->ag_keysize);
		dt_agg_init(ad->ag_func, &ad->ag_params, e->ae_vals);
		e->ae_hash = key_hash(e->ae_key, ad->ag_keysize);
		e->ae_next = at->at_buckets[e->ae_hash % at->at_nbuckets];
		at->at_buckets[e->ae_hash % at->at_nbuckets] = e;
		at->at_nents++;
	}
	dt_agg_merge(ad->ag_func, &ad->ag_params, e->ae_vals, vals);
}

/* ---- values -------------------------------------------------------- */

/* DTrace's stddev, in integers on every target (src/common/dt_agg.c) */
static uint64_t agg_stddev(const int64_t *v, int64_t normal)
{
	return dt_agg_stddev(v, (uint64_t)normal);
}

static int64_t agg_avg(const int64_t *v, int64_t normal)
{
	return v[0] ? v[1] / normal / v[0] : 0;
}

/* quantize row label: the smallest magnitude a bucket holds */
static int64_t q_label(int b)
{
	if (b == DT_QUANTIZE_ZERO)
		return 0;
	if (b > DT_QUANTIZE_ZERO)
		return (int64_t)(1ULL << (b - DT_QUANTIZE_ZERO - 1));
	return -(int64_t)(1ULL << (DT_QUANTIZE_ZERO - 1 - b));
}

static const char ats[] = "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@";
static const char spaces[] = "                                        ";

/* one histogram row's bar and count (after the label) */
static void quant_line(FILE *fp, int64_t val, int64_t normal,
		       long double total, int pos, int neg)
{
	unsigned len = 40, depth;
	long double f;
	long double a = val < 0 ? -(long double)val : (long double)val;

	if (!neg) {
		depth = 0;
		if (pos) {
			f = a * len / total;
			depth = (unsigned)(f + 0.5L);
		}
		fprintf(fp, "|%s%s %-9lld\n", ats + len - depth, spaces + depth,
			(long long)(val / normal));
		return;
	}
	if (!pos) {
		f = a * len / total;
		depth = (unsigned)(f + 0.5L);
		fprintf(fp, "%s%s| %-9lld\n", spaces + depth, ats + len - depth,
			(long long)(val / normal));
		return;
	}
	/* both signs: half-size bars either side of a centre line */
	len /= 2;
	f = a * len / total;
	depth = (unsigned)(f + 0.5L);
	if (val <= 0)
		fprintf(fp, "%s%s|%*s %-9lld\n", spaces + 20 + depth,
			ats + 20 + len - depth, (int)len, "",
			(long long)(val / normal));
	else
		fprintf(fp, "%20s|%s%s %-9lld\n", "", ats + 20 + len - depth,
			spaces + 20 + depth, (long long)(val / normal));
}

static void print_hist(dt_consumer_t *c, FILE *fp, const dt_aggdesc_t *ad,
		       const int64_t *v, int64_t normal)
{
	const dt_aggparams_t *p = &ad->ag_params;
	int n = (int)ad->ag_nvals, first, last, i, pos = 0, neg = 0;
	long double total = 0;
	char lab[64];

	for (first = 0; first < n && v[first] == 0; first++)
		;
	if (first == n) {
		/* nothing recorded: a few empty rows around the origin */
		if (ad->ag_func == DT_AGG_QUANTIZE) {
			first = DT_QUANTIZE_ZERO - 1;
			last = DT_QUANTIZE_ZERO + 1;
		} else if (ad->ag_func == DT_AGG_LQUANTIZE) {
			first = 0;
			last = n > 2 ? 2 : n - 1;
		} else {
			first = 0;
			last = n > 1 ? 1 : n - 1;
		}
	} else {
		if (first > 0)
			first--;
		for (last = n - 1; last > 0 && v[last] == 0; last--)
			;
		if (last < n - 1)
			last++;
	}
	for (i = first; i <= last; i++) {
		pos |= v[i] > 0;
		neg |= v[i] < 0;
		total += v[i] < 0 ? -(long double)v[i] : (long double)v[i];
	}

	fprintf(fp, "\n%16s %41s %-9s\n", "value",
		"------------- Distribution -------------", "count");
	for (i = first; i <= last; i++) {
		switch (ad->ag_func) {
		case DT_AGG_QUANTIZE:
			fprintf(fp, "%16lld ", (long long)q_label(i));
			break;
		case DT_AGG_LQUANTIZE:
			if (i == 0)
				snprintf(lab, sizeof(lab), "< %lld",
					 (long long)p->ap_base);
			else if (i == n - 1)
				snprintf(lab, sizeof(lab), ">= %lld",
					 (long long)(p->ap_base +
						     (int64_t)(n - 2) *
							     p->ap_step));
			else
				snprintf(lab, sizeof(lab), "%lld",
					 (long long)(p->ap_base +
						     (int64_t)(i - 1) *
							     p->ap_step));
			fprintf(fp, "%16s ", lab);
			break;
		default:
			if (i == 0)
				snprintf(lab, sizeof(lab), "< %lld",
					 (long long)dt_llquantize_bucket_min(p,
									     1));
			else if (i == n - 1)
				snprintf(lab, sizeof(lab), ">= %lld",
					 (long long)dt_llquantize_bucket_min(p,
									     i));
			else
				snprintf(lab, sizeof(lab), "%lld",
					 (long long)dt_llquantize_bucket_min(p,
									     i));
			fprintf(fp, "%16s ", lab);
			break;
		}
		quant_line(fp, v[i], normal, total, pos, neg);
	}
	(void)c;
}

/*
 * Print an element's value: DTrace's default layout when convfmt is NULL,
 * else with the %@ conversion (a C format taking a long long).  e NULL:
 * the aggregation has no such key (joined printa): print zeroes.
 */
void dt_agg_print_value(dt_consumer_t *c, FILE *fp, const dt_aggtab_t *at,
			const dt_aggent_t *e, const char *convfmt)
{
	const dt_aggdesc_t *ad = at->at_desc;
	int64_t normal = at->at_normal ? at->at_normal : 1;
	int64_t zero[DT_QUANTIZE_NBUCKETS > 4 ? 4 : 4] = { 0 };
	int64_t *zv = NULL;
	const int64_t *v;
	long long x;

	if (e != NULL) {
		v = e->ae_vals;
	} else if (ad->ag_nvals <= 4) {
		v = zero;
	} else {
		zv = calloc(ad->ag_nvals, sizeof(int64_t));
		if (zv == NULL)
			return;
		v = zv;
	}

	switch (ad->ag_func) {
	case DT_AGG_QUANTIZE:
	case DT_AGG_LQUANTIZE:
	case DT_AGG_LLQUANTIZE:
		print_hist(c, fp, ad, v, normal);
		free(zv);
		return;
	case DT_AGG_AVG:
		x = (long long)agg_avg(v, normal);
		break;
	case DT_AGG_STDDEV:
		x = (long long)agg_stddev(v, normal);
		if (convfmt == NULL) {
			fprintf(fp, " %16llu", (unsigned long long)x);
			free(zv);
			return;
		}
		break;
	default:
		x = (long long)(v[0] / normal);
		break;
	}
	if (convfmt == NULL)
		fprintf(fp, " %16lld", x);
	else
		fprintf(fp, convfmt, x);
	free(zv);
}

/* ---- keys ---------------------------------------------------------- */

static uint32_t key_off(const dt_aggdesc_t *ad, uint32_t k)
{
	uint32_t off = 0;

	for (uint32_t i = 0; i < k; i++)
		off += ad->ag_keytypes[i].dt_byref ? ad->ag_keytypes[i].dt_size
						   : 8;
	return off;
}

static void key_val(const dt_aggdesc_t *ad, const unsigned char *key,
		    uint32_t k, dt_pfval_t *pv)
{
	const dif_type_t *t = &ad->ag_keytypes[k];
	uint32_t off = key_off(ad, k);

	memset(pv, 0, sizeof(*pv));
	pv->pv_fmt = ad->ag_keyfmt ? ad->ag_keyfmt[k]
				   : (t->dt_string ? DT_FMT_STRING
				      : t->dt_byref  ? DT_FMT_BYTES
				      : t->dt_signed ? DT_FMT_SINT
						     : DT_FMT_UINT);
	pv->pv_size = t->dt_size;
	if (t->dt_byref) {
		pv->pv_data = key + off;
		if (pv->pv_fmt == DT_FMT_USYM || pv->pv_fmt == DT_FMT_UMOD ||
		    pv->pv_fmt == DT_FMT_SYM || pv->pv_fmt == DT_FMT_MOD)
			memcpy(&pv->pv_int, key + off + (t->dt_size >= 16 ? 8 : 0),
			       8);
	} else {
		memcpy(&pv->pv_int, key + off, 8);
	}
}

static void print_key(dt_consumer_t *c, FILE *fp, const dt_aggdesc_t *ad,
		      const unsigned char *key, uint32_t k)
{
	dt_pfval_t pv;
	char buf[512];

	key_val(ad, key, k, &pv);
	switch (pv.pv_fmt) {
	case DT_FMT_STACK:
	case DT_FMT_USTACK:
		dt_pf_stack(c, fp, NULL, pv.pv_fmt == DT_FMT_USTACK, pv.pv_data,
			    pv.pv_size);
		return;
	case DT_FMT_SYM:
	case DT_FMT_USYM:
	case DT_FMT_MOD:
	case DT_FMT_UMOD:
		dt_pf_symval(c, &pv, buf, sizeof(buf));
		fprintf(fp, "  %-50s", buf);
		return;
	case DT_FMT_STRING:
	case DT_FMT_BYTES:
		dt_print_bytes(c, fp, pv.pv_data, pv.pv_size, -50, 0, 0);
		return;
	default:
		break;
	}
	switch (pv.pv_size) {
	case 1:
		fprintf(fp, " %3d", (int)(uint8_t)pv.pv_int);
		break;
	case 2:
		fprintf(fp, " %5d", (int)(uint16_t)pv.pv_int);
		break;
	case 4:
		fprintf(fp, " %8d", (int)(int32_t)(uint32_t)pv.pv_int);
		break;
	default:
		fprintf(fp, " %16lld", (long long)pv.pv_int);
		break;
	}
}

/* ---- sorting ------------------------------------------------------- */

/* one printed line: a key and, per aggregation of the printa, its entry */
typedef struct agg_row {
	const unsigned char *ar_key;
	const dt_aggent_t **ar_ents;
} agg_row_t;

typedef struct sort_ctx {
	dt_consumer_t *sc_c;
	dt_aggtab_t **sc_tabs;
	uint32_t sc_ntabs;
} sort_ctx_t;

static int cmp_i64(int64_t a, int64_t b)
{
	return a < b ? -1 : a > b;
}

static int cmp_ld(long double a, long double b)
{
	return a < b ? -1 : a > b;
}

/* what a histogram "weighs": sum of bucket value * count */
static long double hist_sum(const dt_aggdesc_t *ad, const int64_t *v)
{
	long double s = 0;
	const dt_aggparams_t *p = &ad->ag_params;
	int n = (int)ad->ag_nvals;

	for (int i = 0; i < n; i++) {
		long double b;

		if (v[i] == 0)
			continue;
		if (ad->ag_func == DT_AGG_QUANTIZE)
			b = (long double)q_label(i);
		else if (ad->ag_func == DT_AGG_LQUANTIZE)
			b = i == 0 ? (long double)p->ap_base - 1
				   : (long double)p->ap_base +
					     (long double)(i - 1) * p->ap_step;
		else
			b = (long double)dt_llquantize_bucket_min(p, i);
		s += b * (long double)v[i];
	}
	return s;
}

static int val_cmp(const dt_aggtab_t *at, const dt_aggent_t *l,
		   const dt_aggent_t *r)
{
	const dt_aggdesc_t *ad = at->at_desc;
	static const int64_t z[4];
	const int64_t *lv = l ? l->ae_vals : NULL, *rv = r ? r->ae_vals : NULL;
	int rc;

	if (lv == NULL && rv == NULL)
		return 0;
	switch (ad->ag_func) {
	case DT_AGG_AVG:
		return cmp_i64(agg_avg(lv ? lv : z, 1), agg_avg(rv ? rv : z, 1));
	case DT_AGG_STDDEV: {
		uint64_t a = agg_stddev(lv ? lv : z, 1);
		uint64_t b = agg_stddev(rv ? rv : z, 1);
		return a < b ? -1 : a > b;
	}
	case DT_AGG_QUANTIZE:
	case DT_AGG_LQUANTIZE:
	case DT_AGG_LLQUANTIZE: {
		long double a = lv ? hist_sum(ad, lv) : 0;
		long double b = rv ? hist_sum(ad, rv) : 0;
		if ((rc = cmp_ld(a, b)) != 0)
			return rc;
		if (ad->ag_func == DT_AGG_QUANTIZE)
			return cmp_i64(lv ? lv[DT_QUANTIZE_ZERO] : 0,
				       rv ? rv[DT_QUANTIZE_ZERO] : 0);
		return 0;
	}
	default:
		return cmp_i64(lv ? lv[0] : 0, rv ? rv[0] : 0);
	}
}

static int one_key_cmp(const dt_aggdesc_t *ad, const unsigned char *l,
		       const unsigned char *r, uint32_t k)
{
	const dif_type_t *t = &ad->ag_keytypes[k];
	uint32_t off = key_off(ad, k);

	if (t->dt_string)
		return strncmp((const char *)l + off, (const char *)r + off,
			       t->dt_size);
	if (t->dt_byref) {
		int rc = memcmp(l + off, r + off, t->dt_size);
		return rc < 0 ? -1 : rc > 0;
	} else {
		uint64_t a, b, m;

		memcpy(&a, l + off, 8);
		memcpy(&b, r + off, 8);
		m = t->dt_size >= 8 ? ~0ULL : (1ULL << (t->dt_size * 8)) - 1;
		a &= m;
		b &= m;
		return a < b ? -1 : a > b;
	}
}

static int key_cmp(const dt_consumer_t *c, const dt_aggdesc_t *ad,
		   const unsigned char *l, const unsigned char *r)
{
	uint32_t n = ad->ag_nkeys, start;

	if (n == 0)
		return 0;
	start = c->c_aggsortkeypos > 0 ? (uint32_t)c->c_aggsortkeypos % n : 0;
	for (uint32_t i = 0; i < n; i++) {
		int rc = one_key_cmp(ad, l, r, (start + i) % n);
		if (rc != 0)
			return rc;
	}
	return 0;
}

static int row_cmp(const void *lp, const void *rp, void *arg)
{
	const agg_row_t *l = lp, *r = rp;
	sort_ctx_t *sc = arg;
	dt_consumer_t *c = sc->sc_c;
	const dt_aggdesc_t *ad = sc->sc_tabs[0]->at_desc;
	uint32_t pos = c->c_aggsortpos > 0 &&
				       (uint32_t)c->c_aggsortpos < sc->sc_ntabs
			       ? (uint32_t)c->c_aggsortpos
			       : 0;
	int rc = 0;

	if (c->c_aggsortkey) {
		rc = key_cmp(c, ad, l->ar_key, r->ar_key);
		if (rc == 0)
			rc = val_cmp(sc->sc_tabs[pos], l->ar_ents[pos],
				     r->ar_ents[pos]);
		for (uint32_t i = 0; rc == 0 && i < sc->sc_ntabs; i++)
			rc = val_cmp(sc->sc_tabs[i], l->ar_ents[i],
				     r->ar_ents[i]);
	} else {
		rc = val_cmp(sc->sc_tabs[pos], l->ar_ents[pos],
			     r->ar_ents[pos]);
		for (uint32_t i = 0; rc == 0 && i < sc->sc_ntabs; i++)
			rc = val_cmp(sc->sc_tabs[i], l->ar_ents[i],
				     r->ar_ents[i]);
		if (rc == 0)
			rc = key_cmp(c, ad, l->ar_key, r->ar_key);
	}
	return c->c_aggsortrev ? -rc : rc;
}

/*
 * The rows of a printa over tabs[0..n-1]: every key found in any of them,
 * with each aggregation's entry for it (NULL where it has none), sorted.
 */
static agg_row_t *collect_rows(dt_consumer_t *c, dt_aggtab_t **tabs,
			       uint32_t n, uint32_t *nrows,
			       const dt_aggent_t ***entsp)
{
	uint32_t total = 0, cnt = 0;
	agg_row_t *rows;
	const dt_aggent_t **ents;
	sort_ctx_t sc = { c, tabs, n };

	for (uint32_t i = 0; i < n; i++)
		total += tabs[i]->at_nents;
	rows = calloc(total ? total : 1, sizeof(*rows));
	ents = calloc((size_t)(total ? total : 1) * n, sizeof(*ents));
	if (rows == NULL || ents == NULL) {
		free(rows);
		free(ents);
		return NULL;
	}
	for (uint32_t i = 0; i < n; i++) {
		dt_aggtab_t *at = tabs[i];

		for (uint32_t b = 0; b < at->at_nbuckets; b++) {
			for (dt_aggent_t *e = at->at_buckets[b]; e != NULL;
			     e = e->ae_next) {
				uint32_t j;
				/* a key an earlier aggregation had is done */
				for (j = 0; j < i; j++)
					if (ent_find(tabs[j], e->ae_key))
						break;
				if (j < i)
					continue;
				rows[cnt].ar_key = e->ae_key;
				rows[cnt].ar_ents = &ents[(size_t)cnt * n];
				for (j = 0; j < n; j++)
					rows[cnt].ar_ents[j] =
						j == i ? e
						       : ent_find(tabs[j],
								  e->ae_key);
				cnt++;
			}
		}
	}
	qsort_r(rows, cnt, sizeof(*rows), row_cmp, &sc);
	*nrows = cnt;
	*entsp = ents;
	return rows;
}

/* ---- printing ------------------------------------------------------ */

static void print_rows(dt_consumer_t *c, FILE *fp, const dt_pffmt_t *pf,
		       dt_aggtab_t **tabs, uint32_t n)
{
	const dt_aggdesc_t *ad = tabs[0]->at_desc;
	const dt_aggent_t **ents = NULL;
	uint32_t nrows = 0;
	agg_row_t *rows = collect_rows(c, tabs, n, &nrows, &ents);
	dt_pfval_t *keys = NULL;

	if (rows == NULL)
		return;
	if (pf != NULL && ad->ag_nkeys > 0)
		keys = calloc(ad->ag_nkeys, sizeof(*keys));

	for (uint32_t r = 0; r < nrows; r++) {
		if (pf != NULL) {
			for (uint32_t k = 0; keys != NULL && k < ad->ag_nkeys;
			     k++)
				key_val(ad, rows[r].ar_key, k, &keys[k]);
			dt_pf_print(c, fp, pf, keys, ad->ag_nkeys, tabs,
				    rows[r].ar_ents, n);
			continue;
		}
		for (uint32_t k = 0; k < ad->ag_nkeys; k++)
			print_key(c, fp, ad, rows[r].ar_key, k);
		for (uint32_t i = 0; i < n; i++)
			dt_agg_print_value(c, fp, tabs[i], rows[r].ar_ents[i],
					   NULL);
		fputc('\n', fp);
	}
	free(keys);
	free(rows);
	free(ents);
}

int dt_printa(dt_consumer_t *c, const char *fmt, const uint32_t *aggids,
	      uint32_t naggids)
{
	dt_aggtab_t *tabs[16];
	dt_pffmt_t *pf = NULL;
	uint32_t n = 0;

	for (uint32_t i = 0; i < naggids && n < 16; i++) {
		dt_aggtab_t *at = dt_agg_lookup_tab(c, aggids[i]);
		if (at != NULL)
			tabs[n++] = at;
	}
	if (n == 0)
		return -1;
	if (fmt != NULL) {
		char err[128];
		pf = dt_pf_parse(fmt, err, sizeof(err));
		if (pf == NULL)
			return -1;
	}
	dt_snapshot(c);
	if (pf == NULL)
		fputc('\n', c->c_out); /* printa() without a format */
	print_rows(c, c->c_out, pf, tabs, n);
	for (uint32_t i = 0; i < n; i++)
		tabs[i]->at_printed = 1;
	dt_pf_free(pf);
	return 0;
}

void dt_consume_final_aggs(dt_consumer_t *c)
{
	dt_snapshot(c);
	/* dtrace(1) ends the trace output with a newline, even with -q */
	fputc('\n', c->c_out);
	for (uint32_t j = 0; j < c->c_naggs; j++) {
		uint32_t i = c->c_aggsortrev ? c->c_naggs - 1 - j : j;
		dt_aggtab_t *at = &c->c_aggs[i];

		if (at->at_printed || at->at_nents == 0)
			continue;
		print_rows(c, c->c_out, NULL, &at, 1);
	}
	fflush(c->c_out);
}

/* ---- clear, trunc, normalize -------------------------------------- */

void dt_agg_clear(dt_consumer_t *c, uint32_t aggid)
{
	dt_aggtab_t *at = dt_agg_lookup_tab(c, aggid);

	if (at == NULL)
		return;
	dt_snapshot(c);
	for (uint32_t b = 0; b < at->at_nbuckets; b++)
		for (dt_aggent_t *e = at->at_buckets[b]; e != NULL;
		     e = e->ae_next)
			dt_agg_init(at->at_desc->ag_func,
				    &at->at_desc->ag_params, e->ae_vals);
}

static void ent_remove(dt_aggtab_t *at, const dt_aggent_t *victim)
{
	dt_aggent_t **pp = &at->at_buckets[victim->ae_hash % at->at_nbuckets];

	for (; *pp != NULL; pp = &(*pp)->ae_next) {
		if (*pp == victim) {
			dt_aggent_t *e = *pp;
			*pp = e->ae_next;
			ent_free(e);
			at->at_nents--;
			return;
		}
	}
}

void dt_agg_trunc(dt_consumer_t *c, uint32_t aggid, int64_t n)
{
	dt_aggtab_t *at = dt_agg_lookup_tab(c, aggid);
	const dt_aggent_t **ents = NULL;
	uint32_t nrows = 0, lo, hi;
	agg_row_t *rows;
	int sk = c->c_aggsortkey, sr = c->c_aggsortrev;

	if (at == NULL)
		return;
	dt_snapshot(c);
	/* trunc keeps the highest (n > 0) or lowest (n < 0) values */
	c->c_aggsortkey = 0;
	c->c_aggsortrev = 0;
	rows = collect_rows(c, &at, 1, &nrows, &ents);
	c->c_aggsortkey = sk;
	c->c_aggsortrev = sr;
	if (rows == NULL)
		return;
	if (n > 0) {
		lo = 0;
		hi = (uint64_t)n >= nrows ? 0 : nrows - (uint32_t)n;
	} else if (n < 0) {
		lo = (uint64_t)-n >= nrows ? nrows : (uint32_t)-n;
		hi = nrows;
	} else {
		lo = 0;
		hi = nrows;
	}
	for (uint32_t r = lo; r < hi; r++)
		ent_remove(at, rows[r].ar_ents[0]);
	free(rows);
	free(ents);
}

void dt_agg_normalize(dt_consumer_t *c, uint32_t aggid, int64_t n)
{
	dt_aggtab_t *at = dt_agg_lookup_tab(c, aggid);

	if (at != NULL)
		at->at_normal = n > 0 ? n : 1;
}
