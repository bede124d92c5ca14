/*
 * dt_errmsg.c - the text of runtime errors and drop reports, in DTrace's
 * wording (users grep for these lines).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "dt_consume_impl.h"

const char *dt_fault_str(uint32_t fault)
{
	switch (fault) {
	case DIF_FAULT_BADADDR:
		return "invalid address";
	case DIF_FAULT_BADALIGN:
		return "invalid alignment";
	case DIF_FAULT_ILLOP:
		return "illegal operation";
	case DIF_FAULT_DIVZERO:
		return "divide-by-zero";
	case DIF_FAULT_NOSCRATCH:
		return "out of scratch space";
	case DIF_FAULT_KPRIV:
		return "invalid kernel access";
	case DIF_FAULT_UPRIV:
		return "invalid user access";
	case DIF_FAULT_TUPOFLOW:
		return "tuple stack overflow";
	case DIF_FAULT_BADSTACK:
		return "bad stack";
	default:
		return "unknown fault";
	}
}

void dt_consume_errmsg(const dt_consumer_t *c, const dt_errrec_t *er,
		       char *buf, size_t len)
{
	const dt_ecb_t *e = NULL;
	char details[64] = "", where[32];

	if (er->de_epid >= 1 && er->de_epid <= c->c_conf.cc_necbs)
		e = &c->c_conf.cc_ecbs[er->de_epid - 1];

	/* the faulting address is part of the message for these faults */
	if (er->de_fault == DIF_FAULT_BADADDR ||
	    er->de_fault == DIF_FAULT_BADALIGN ||
	    er->de_fault == DIF_FAULT_BADSTACK)
		snprintf(details, sizeof(details), " (0x%" PRIx64 ")",
			 er->de_addr);

	if (er->de_action == 0)
		snprintf(where, sizeof(where), "predicate");
	else
		snprintf(where, sizeof(where), "action #%u", er->de_action);

	snprintf(buf, len,
		 "error on enabled probe ID %u (ID %u: %s:%s:%s:%s): %s%s in %s"
		 " at DIF offset %u",
		 er->de_epid, e ? e->ec_probeid : 0, e ? e->ec_prov : "",
		 e ? e->ec_mod : "", e ? e->ec_func : "", e ? e->ec_name : "",
		 dt_fault_str(er->de_fault), details, where, er->de_offset);
}

void dt_consume_drop(dt_consumer_t *c, enum dt_dropkind kind, int cpu,
		     uint64_t n)
{
	FILE *fp = c->c_conf.cc_err ? c->c_conf.cc_err : stderr;
	const char *s = n > 1 ? "s" : "";

	if (n == 0)
		return;
	/* our own output first, so the report lands where it happened */
	fflush(c->c_out);

	switch (kind) {
	case DT_DROP_PRINCIPAL:
		fprintf(fp, "dtrace: %" PRIu64 " drop%s on CPU %d\n", n, s,
			cpu);
		break;
	case DT_DROP_AGGREGATION:
		fprintf(fp, "dtrace: %" PRIu64 " aggregation drop%s on CPU %d\n",
			n, s, cpu);
		break;
	case DT_DROP_DYNAMIC:
		fprintf(fp, "dtrace: %" PRIu64 " dynamic variable drop%s\n", n,
			s);
		break;
	case DT_DROP_DYNRINSE:
		fprintf(fp,
			"dtrace: %" PRIu64 " dynamic variable drop%s with "
			"non-empty rinsing list\n", n, s);
		break;
	case DT_DROP_DYNDIRTY:
		fprintf(fp,
			"dtrace: %" PRIu64 " dynamic variable drop%s with "
			"non-empty dirty list\n", n, s);
		break;
	case DT_DROP_SPEC:
		fprintf(fp, "dtrace: %" PRIu64 " speculative drop%s\n", n, s);
		break;
	case DT_DROP_SPECBUSY:
		fprintf(fp,
			"dtrace: %" PRIu64 " failed speculation%s (available "
			"buffer(s) still busy)\n", n, s);
		break;
	case DT_DROP_SPECUNAVAIL:
		fprintf(fp,
			"dtrace: %" PRIu64 " failed speculation%s (no "
			"speculative buffer available)\n", n, s);
		break;
	case DT_DROP_STKSTROVERFLOW:
		fprintf(fp,
			"dtrace: %" PRIu64 " jstack()/ustack() string table "
			"overflow%s\n", n, s);
		break;
	case DT_DROP_DBLERROR:
		fprintf(fp, "dtrace: %" PRIu64 " error%s in ERROR probe "
			"enabling\n", n, s);
		break;
	}
	fflush(fp);
}

void dt_consume_drops(dt_consumer_t *c, int cpu, uint64_t drops)
{
	dt_consume_drop(c, DT_DROP_PRINCIPAL, cpu, drops);
}
