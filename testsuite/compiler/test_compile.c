/*
 * test_compile.c - unit tests of the D compiler.  Each case compiles a
 * snippet with dt_compile() and checks either the exact error (tag, line,
 * message) or properties of the program (clauses, actions, slots,
 * aggregations, variables, probe descriptions, options).  Every program
 * that compiles also gets a structural check of its DIFOs.  Ends with
 * "N passed, M failed"; exit status 1 if anything failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dt_compile.h"
#include "dif.h"

typedef struct tcase {
	const char *src;
	const char *tag; /* NULL: must compile */
	int line;
	const char *want; /* message, or property list */
	int pspec; /* cc_probespec */
	int argc; /* macro arguments in argv[] below */
	const char *argv[4];
} tcase_t;

static int npass, nfail;

#define OK(s, p) { (s), NULL, 0, (p), 0, 0, { 0 } }
#define OKP(s, ps, p) { (s), NULL, 0, (p), (ps), 0, { 0 } }
#define ERR(s, t, l, m) { (s), (t), (l), (m), 0, 0, { 0 } }

static const char *actname(dt_actkind_t k)
{
	static const char *const n[] = { "?", "trace", "printf", "printa",
		"tracemem", "stack", "ustack", "exit", "clear", "trunc",
		"normalize", "denormalize", "setopt", "system", "freopen",
		"raise", "stop", "breakpoint", "panic", "chill", "ftruncate",
		"printm", "speculate", "commit", "discard", "print" };
	return (unsigned)k < sizeof(n) / sizeof(n[0]) ? n[k] : "?";
}

static const char *aggname(unsigned f)
{
	static const char *const n[] = { "?", "count", "sum", "avg", "min",
		"max", "stddev", "quantize", "lquantize", "llquantize" };
	return f < sizeof(n) / sizeof(n[0]) ? n[f] : "?";
}

/* structural sanity of one DIFO; returns NULL or what is wrong */
static const char *difo_sane(const dt_clause_t *c, char *buf, size_t len)
{
	const difo_t *d = &c->dc_difo;
	uint32_t pc, i;

	if (d->dtdo_len == 0 ||
	    DIF_INSTR_OP(d->dtdo_buf[d->dtdo_len - 1]) != DIF_OP_RET)
		return "does not end with RET";
	for (pc = 0; pc < d->dtdo_len; pc++) {
		dif_instr_t in = d->dtdo_buf[pc];
		unsigned op = DIF_INSTR_OP(in);
		if (op >= DIF_OP_MAX) {
			snprintf(buf, len, "bad opcode %u at %u", op, pc);
			return buf;
		}
		if (DIF_INSTR_RD(in) >= DIF_NREGS ||
		    DIF_INSTR_R1(in) >= DIF_NREGS ||
		    DIF_INSTR_R2(in) >= DIF_NREGS) {
			snprintf(buf, len, "bad register at %u", pc);
			return buf;
		}
		if (op >= DIF_OP_BA && op <= DIF_OP_BGEU &&
		    (DIF_INSTR_UIMM(in) <= pc ||
		    DIF_INSTR_UIMM(in) >= d->dtdo_len)) {
			snprintf(buf, len, "branch at %u to %u", pc,
			    DIF_INSTR_UIMM(in));
			return buf;
		}
		if (op == DIF_OP_REC && DIF_INSTR_UIMM(in) >= d->dtdo_nslots) {
			snprintf(buf, len, "REC of bad slot at %u", pc);
			return buf;
		}
		if (op == DIF_OP_SETS && DIF_INSTR_UIMM(in) >= d->dtdo_strlen) {
			snprintf(buf, len, "SETS out of strtab at %u", pc);
			return buf;
		}
		if (op == DIF_OP_SETX && DIF_INSTR_UIMM(in) >= d->dtdo_intlen) {
			snprintf(buf, len, "SETX out of inttab at %u", pc);
			return buf;
		}
		if ((op < DIF_OP_BA || op > DIF_OP_BGEU) && op != DIF_OP_REC &&
		    op != DIF_OP_RET && op != DIF_OP_DROP &&
		    !(op >= DIF_OP_STB && op <= DIF_OP_STX) &&
		    op != DIF_OP_STGV && op != DIF_OP_STTV && op != DIF_OP_STLV &&
		    op != DIF_OP_STGA && op != DIF_OP_STTA &&
		    !(op >= DIF_OP_PUSHTV && op <= DIF_OP_FLUSHTS) &&
		    op != DIF_OP_AGG && op != DIF_OP_SPEC &&
		    op != DIF_OP_COMMIT && op != DIF_OP_DISCARD &&
		    op != DIF_OP_NOP && DIF_INSTR_RD(in) == 0) {
			snprintf(buf, len, "write to %%r0 at %u", pc);
			return buf;
		}
	}
	for (i = 0; i < d->dtdo_nacts; i++)
		if (d->dtdo_actpc[i] >= d->dtdo_len ||
		    (i > 0 && d->dtdo_actpc[i] < d->dtdo_actpc[i - 1]))
			return "action pcs out of order";
	for (i = 0; i < d->dtdo_nslots; i++) {
		const dif_recslot_t *s = &d->dtdo_slots[i];
		uint32_t al = s->rs_byref || s->rs_size > 8 ? 1 : s->rs_size;
		if (s->rs_offset + s->rs_size > d->dtdo_recsize)
			return "slot beyond recsize";
		if (al > 1 && s->rs_offset % al != 0)
			return "misaligned slot";
	}
	for (i = 0; i < c->dc_nacts; i++)
		if (c->dc_acts[i].da_slot + c->dc_acts[i].da_nslots >
		    d->dtdo_nslots)
			return "action slots out of range";
	return NULL;
}

/* check one "key=value" property; returns NULL or a complaint */
static const char *prop(const dt_program_t *p, const char *k, const char *v,
			char *buf, size_t len)
{
	unsigned c = 0, i = 0;
	char got[512];

	got[0] = '\0';
	if (strcmp(k, "c") == 0) {
		snprintf(got, sizeof(got), "%u", p->dp_nclauses);
	} else if (strcmp(k, "g") == 0) {
		snprintf(got, sizeof(got), "%u", p->dp_naggs);
	} else if (strcmp(k, "v") == 0) {
		snprintf(got, sizeof(got), "%u", p->dp_nvars);
	} else if (strcmp(k, "gs") == 0) {
		snprintf(got, sizeof(got), "%u", p->dp_globsize);
	} else if (strcmp(k, "ls") == 0) {
		snprintf(got, sizeof(got), "%u", p->dp_localsize);
	} else if (sscanf(k, "a%u", &c) == 1 && k[0] == 'a' && k[1] != 'g') {
		/* actions of clause c: kind[:nslots],... */
		const dt_clause_t *cl;
		size_t o = 0;
		if (c >= p->dp_nclauses)
			return "no such clause";
		cl = &p->dp_clauses[c];
		for (i = 0; i < cl->dc_nacts; i++) {
			const dt_action_t *a = &cl->dc_acts[i];
			o += (size_t)snprintf(got + o, sizeof(got) - o, "%s%s",
			    i ? "," : "", actname(a->da_kind));
			if (a->da_nslots)
				o += (size_t)snprintf(got + o, sizeof(got) - o,
				    ":%u", a->da_nslots);
			if (a->da_aggid)
				o += (size_t)snprintf(got + o, sizeof(got) - o,
				    "@%u", a->da_aggid);
		}
	} else if (sscanf(k, "s%u", &c) == 1 && k[0] == 's' && k[1] != 'l') {
		if (c >= p->dp_nclauses)
			return "no such clause";
		snprintf(got, sizeof(got), "%u",
		    p->dp_clauses[c].dc_difo.dtdo_nacts);
	} else if (sscanf(k, "pc%u", &c) == 1) {
		/* first pc of each statement, and the DIFO length */
		const difo_t *d;
		size_t o = 0;
		if (c >= p->dp_nclauses)
			return "no such clause";
		d = &p->dp_clauses[c].dc_difo;
		for (i = 0; i < d->dtdo_nacts; i++)
			o += (size_t)snprintf(got + o, sizeof(got) - o, "%u,",
			    d->dtdo_actpc[i]);
		snprintf(got + o, sizeof(got) - o, "len%u", d->dtdo_len);
	} else if (sscanf(k, "op%u", &c) == 1) {
		/* the opcodes of clause c, by name */
		const difo_t *d;
		size_t o = 0;
		if (c >= p->dp_nclauses)
			return "no such clause";
		d = &p->dp_clauses[c].dc_difo;
		for (i = 0; i < d->dtdo_len; i++)
			o += (size_t)snprintf(got + o, sizeof(got) - o, "%s%u",
			    i ? "," : "", DIF_INSTR_OP(d->dtdo_buf[i]));
	} else if (sscanf(k, "ao%u", &c) == 1) {
		if (c >= p->dp_nclauses)
			return "no such clause";
		snprintf(got, sizeof(got), "%u", p->dp_clauses[c].dc_aggonly);
	} else if (sscanf(k, "r%u", &c) == 1) {
		if (c >= p->dp_nclauses)
			return "no such clause";
		snprintf(got, sizeof(got), "%u",
		    p->dp_clauses[c].dc_difo.dtdo_recsize);
	} else if (sscanf(k, "np%u", &c) == 1) {
		if (c >= p->dp_nclauses)
			return "no such clause";
		snprintf(got, sizeof(got), "%u", p->dp_clauses[c].dc_nprobes);
	} else if (sscanf(k, "p%u.%u", &c, &i) == 2 ||
	    sscanf(k, "p%u", &c) == 1) {
		const dt_probedesc_t *pd;
		if (c >= p->dp_nclauses || i >= p->dp_clauses[c].dc_nprobes)
			return "no such probe";
		pd = &p->dp_clauses[c].dc_probes[i];
		snprintf(got, sizeof(got), "%s:%s:%s:%s", pd->pd_prov,
		    pd->pd_mod, pd->pd_func, pd->pd_name);
	} else if (sscanf(k, "sl%u.%u", &c, &i) == 2) {
		/* slot: offset:size:fmt */
		const difo_t *d;
		if (c >= p->dp_nclauses)
			return "no such clause";
		d = &p->dp_clauses[c].dc_difo;
		if (i >= d->dtdo_nslots)
			return "no such slot";
		snprintf(got, sizeof(got), "%u:%u:%d", d->dtdo_slots[i].rs_offset,
		    d->dtdo_slots[i].rs_size, p->dp_clauses[c].dc_slotfmt[i]);
	} else if (sscanf(k, "ag%u", &i) == 1) {
		/* aggregation id i: name:func:nkeys:keysize[:s|u] */
		const dt_aggdesc_t *ag;
		if (i < 1 || i > p->dp_naggs)
			return "no such aggregation";
		ag = &p->dp_aggs[i - 1];
		snprintf(got, sizeof(got), "%s:%s:%u:%u:%s", ag->ag_name,
		    aggname(ag->ag_func), ag->ag_nkeys, ag->ag_keysize,
		    ag->ag_signed ? "s" : "u");
	} else if (sscanf(k, "aq%u", &i) == 1) {
		/* aggregation params: base,limit,step / factor,low,high,nsteps */
		const dt_aggdesc_t *ag;
		if (i < 1 || i > p->dp_naggs)
			return "no such aggregation";
		ag = &p->dp_aggs[i - 1];
		snprintf(got, sizeof(got), "%lld,%lld,%lld,%lld,%lld,%lld,%lld",
		    (long long)ag->ag_params.ap_base,
		    (long long)ag->ag_params.ap_limit,
		    (long long)ag->ag_params.ap_step,
		    (long long)ag->ag_params.ap_factor,
		    (long long)ag->ag_params.ap_low,
		    (long long)ag->ag_params.ap_high,
		    (long long)ag->ag_params.ap_nsteps);
	} else if (sscanf(k, "kf%u", &i) == 1) {
		/* key formats of aggregation i */
		const dt_aggdesc_t *ag;
		size_t o = 0;
		if (i < 1 || i > p->dp_naggs)
			return "no such aggregation";
		ag = &p->dp_aggs[i - 1];
		for (c = 0; c < ag->ag_nkeys; c++)
			o += (size_t)snprintf(got + o, sizeof(got) - o, "%s%d",
			    c ? "," : "", ag->ag_keyfmt[c]);
	} else if (strcmp(k, "var") == 0) {
		/* every variable: name/scope/assoc/size[/offset] */
		size_t o = 0;
		for (i = 0; i < p->dp_nvars; i++) {
			const dif_var_t *dv = &p->dp_vars[i];
			o += (size_t)snprintf(got + o, sizeof(got) - o,
			    "%s%s/%c%s/%u", i ? "," : "",
			    p->dp_strtab + dv->dv_name,
			    "gtl"[dv->dv_scope], dv->dv_assoc ? "a" : "",
			    dv->dv_type.dt_size);
		}
	} else if (strcmp(k, "o") == 0) {
		size_t o = 0;
		for (i = 0; i < p->dp_nopts; i++)
			o += (size_t)snprintf(got + o, sizeof(got) - o,
			    "%s%s%s%s", i ? "," : "", p->dp_opts[i].op_name,
			    p->dp_opts[i].op_value ? "=" : "",
			    p->dp_opts[i].op_value ? p->dp_opts[i].op_value :
			    "");
	} else if (sscanf(k, "f%u.%u", &c, &i) == 2) {
		/* printf format of action i of clause c */
		if (c >= p->dp_nclauses || i >= p->dp_clauses[c].dc_nacts)
			return "no such action";
		snprintf(got, sizeof(got), "%s",
		    p->dp_clauses[c].dc_acts[i].da_fmt ?
		    p->dp_clauses[c].dc_acts[i].da_fmt : "(null)");
	} else {
		snprintf(buf, len, "unknown property %s", k);
		return buf;
	}
	if (strcmp(got, v) != 0) {
		snprintf(buf, len, "%s: got \"%s\", want \"%s\"", k, got, v);
		return buf;
	}
	return NULL;
}

static void run(const tcase_t *t, int idx)
{
	dt_cc_opts_t o;
	dt_cc_error_t e;
	dt_program_t *p;
	char buf[1200], why[1024];
	const char *bad = NULL;
	char *argv[5];
	int i;

	memset(&o, 0, sizeof(o));
	o.cc_probespec = t->pspec;
	argv[0] = (char *)"test.d";
	for (i = 0; i < t->argc; i++)
		argv[i + 1] = (char *)t->argv[i];
	o.cc_argv = argv;
	o.cc_argc = t->argc + 1;
	o.cc_pid = 4242;
	o.cc_target = 77;
	p = dt_compile(t->src, &o, &e);
	if (t->tag != NULL) {
		if (p != NULL) {
			bad = "compiled, expected an error";
			dt_program_free(p);
		} else if (strcmp(e.ce_tag, t->tag) != 0 ||
		    e.ce_line != t->line || strcmp(e.ce_msg, t->want) != 0) {
			snprintf(why, sizeof(why), "got [%s] line %d: %s\n"
			    "      want [%s] line %d: %s", e.ce_tag, e.ce_line,
			    e.ce_msg, t->tag, t->line, t->want);
			bad = why;
		}
	} else if (p == NULL) {
		snprintf(why, sizeof(why), "failed: [%s] line %d: %s", e.ce_tag,
		    e.ce_line, e.ce_msg);
		bad = why;
	} else {
		const char *s = t->want;
		uint32_t c;
		for (c = 0; c < p->dp_nclauses && bad == NULL; c++)
			if ((bad = difo_sane(&p->dp_clauses[c], why,
			    sizeof(why))) != NULL) {
				snprintf(buf, sizeof(buf), "clause %u: %.1000s", c,
				    bad);
				snprintf(why, sizeof(why), "%.1000s", buf);
				bad = why;
			}
		while (bad == NULL && s != NULL && *s != '\0') {
			char kv[512], *eq;
			const char *br = strchr(s, '{');
			size_t n = strcspn(s, " ");
			/* key={value with spaces} */
			if (br != NULL && br < s + n && strchr(br, '}')) {
				n = (size_t)(strchr(br, '}') - s) + 1;
				snprintf(kv, sizeof(kv), "%.*s%.*s",
				    (int)(br - s), s,
				    (int)(strchr(br, '}') - br - 1), br + 1);
				s += n;
				while (*s == ' ')
					s++;
				if ((eq = strchr(kv, '=')) == NULL)
					continue;
				*eq = '\0';
				bad = prop(p, kv, eq + 1, why, sizeof(why));
				continue;
			}
			snprintf(kv, sizeof(kv), "%.*s", (int)n, s);
			s += n;
			while (*s == ' ')
				s++;
			if ((eq = strchr(kv, '=')) == NULL)
				continue;
			*eq = '\0';
			bad = prop(p, kv, eq + 1, why, sizeof(why));
		}
		dt_program_free(p);
	}
	if (bad != NULL) {
		nfail++;
		printf("FAIL %d: %s\n      %s\n", idx, t->src, bad);
	} else {
		npass++;
	}
}

#include "cases.h"

/* a backend's answer for args[] types: fbt::vfs_read:entry only */
static const char *argtype(void *arg, const dt_probedesc_t *pds,
			   uint32_t npds, int n)
{
	static const char *const vfs_read[] = { "struct argtest *",
		"char *", "unsigned long", "long long *" };
	(void)arg;
	if (npds != 1 || strcmp(pds[0].pd_func, "vfs_read") != 0)
		return NULL;
	if (n == 4)
		return "unsigned short";
	if (n == 5)
		return "struct no_such_type_anywhere *";
	return n >= 0 && n < 4 ? vfs_read[n] : NULL;
}

static const tcase_t argtype_cases[] = {
	OK("struct argtest { int a; long b; }; fbt::vfs_read:entry "
	   "{ trace(args[0]->b); trace(args[2]); trace(args[4]); "
	   "trace(args[6]); }",
	   "sl0.0=0:8:1 sl0.1=8:8:2 sl0.2=16:2:2 sl0.3=24:8:1"),
	OK("fbt::vfs_write:entry { trace(args[0]); }", "sl0.0=0:8:1"),
	ERR("fbt::vfs_read:entry { trace(args[1]->x); }", "D_OP_SOU", 1,
	    "operator -> cannot be applied to pointer to type \"char\"; "
	    "must be applied to a struct or union pointer"),
};

/* kernel types from BTF: run only where the kernel has BTF */
static const tcase_t btf_cases[] = {
	OK("BEGIN { trace(curthread->pid); trace(curthread->comm); }",
	   "sl0.0=0:4:1 sl0.1=4:16:4"),
	OK("BEGIN { trace(curthread->real_parent->tgid); "
	   "trace(curthread->mm->mmap_base); }", "sl0.0=0:4:1 sl0.1=8:8:2"),
	OK("BEGIN { this->f = (struct file *)arg0; trace(this->f->f_flags); }",
	   "sl0.0=0:4:2"),
	OK("BEGIN { trace(sizeof (struct list_head)); "
	   "trace(offsetof(struct list_head, prev)); }", "c=1"),
	OK("struct list_head { int mine; }; BEGIN { trace(sizeof "
	   "(struct list_head)); }", "c=1"),
	ERR("BEGIN { trace(curthread->no_such_member); }", "D_TYPE_MEMBER", 1,
	    "no_such_member is not a member of struct task_struct"),
	OK("BEGIN { trace(curthread->sched_reset_on_fork); }",
	   "sl0.0=0:4:2"),
	OK("BEGIN { trace(TASK_COMM_LEN); trace(PIDTYPE_PID); }",
	   "op0=18,60,18,60,67"), /* kernel enum constants, folded */
};

int main(int argc, char **argv)
{
	size_t i;

	if (argc > 1) {
		/* compile one program given on the command line */
		dt_cc_error_t e;
		dt_program_t *p = dt_compile(argv[1], NULL, &e);
		if (p == NULL) {
			printf("[%s] line %d: %s\n", e.ce_tag, e.ce_line,
			    e.ce_msg);
			return 1;
		}
		dt_program_free(p);
		printf("ok\n");
		return 0;
	}
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run(&cases[i], (int)i);
	{
		/* a very deep expression is refused, not a stack overflow */
		static char deep[200016];
		tcase_t t = ERR(deep, "D_SYNTAX", 1,
		    "expression is nested too deeply");
		size_t o = (size_t)snprintf(deep, sizeof(deep), "BEGIN { x = 1");
		while (o < sizeof(deep) - 8) {
			memcpy(deep + o, "+1", 2);
			o += 2;
		}
		memcpy(deep + o, "; }", 4);
		run(&t, 999);
	}
	for (i = 0; i < sizeof(argtype_cases) / sizeof(argtype_cases[0]); i++) {
		/* run() takes no callback: compile these here */
		dt_cc_opts_t o;
		dt_cc_error_t e;
		dt_program_t *p;
		const tcase_t *t = &argtype_cases[i];
		char why[1024];
		const char *bad = NULL;
		memset(&o, 0, sizeof(o));
		o.cc_argtype = argtype;
		p = dt_compile(t->src, &o, &e);
		if (t->tag != NULL) {
			if (p != NULL || strcmp(e.ce_tag, t->tag) != 0 ||
			    strcmp(e.ce_msg, t->want) != 0) {
				snprintf(why, sizeof(why), "got %s %s",
				    p ? "success" : e.ce_tag, p ? "" : e.ce_msg);
				bad = why;
			}
		} else if (p == NULL) {
			snprintf(why, sizeof(why), "[%s] %s", e.ce_tag, e.ce_msg);
			bad = why;
		} else {
			const char *s = t->want;
			while (bad == NULL && *s) {
				char kv[256], *eq;
				size_t n = strcspn(s, " ");
				snprintf(kv, sizeof(kv), "%.*s", (int)n, s);
				s += n;
				while (*s == ' ')
					s++;
				if ((eq = strchr(kv, '=')) == NULL)
					continue;
				*eq = '\0';
				bad = prop(p, kv, eq + 1, why, sizeof(why));
			}
		}
		dt_program_free(p);
		if (bad != NULL) {
			nfail++;
			printf("FAIL argtype %zu: %s\n      %s\n", i, t->src,
			    bad);
		} else {
			npass++;
		}
	}
	if (getenv("DTRACE_BTF") == NULL &&
	    access("/sys/kernel/btf/vmlinux", R_OK) == 0)
		for (i = 0; i < sizeof(btf_cases) / sizeof(btf_cases[0]); i++)
			run(&btf_cases[i], (int)(1000 + i));
	else
		printf("(no kernel BTF: %zu BTF cases not run)\n",
		    sizeof(btf_cases) / sizeof(btf_cases[0]));
	printf("%d passed, %d failed\n", npass, nfail);
	return nfail != 0;
}
