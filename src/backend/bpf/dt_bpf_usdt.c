/*
 * dt_bpf_usdt.c - USDT probes on BPF: the sites <sys/sdt.h> records in an
 * object's .note.stapsdt notes become probes PROVIDERpid:MODULE:FUNC:NAME
 * (FUNC: the function holding the site; "__" in a name reads "-", as in
 * DTrace's own USDT).  Each site is a uprobe (dt_bpf_pid.c attaches it);
 * a site with a semaphore is attached with the uprobe PMU's reference
 * counter, so the kernel raises the semaphore while we trace.
 *
 * Arguments come from the note's argument specs ("-4@%edi 8@-8(%rbp)
 * 4@$5 -4@8+counter(%rip)"): SIZE@OPERAND, a negative size being signed;
 * the operand is a register, a constant, or memory at disp(base,index,
 * scale), at a symbol %rip-relative or (i386 PIC) sym@GOTOFF(%reg), read
 * with bpf_probe_read_user.  The specs of each probe are kept in a table for
 * the life of the process; the probe's p_nr is its slot + 1, which is also
 * the high half of its attach cookie when probes share a program
 * (dt_bpf_pid_arg picks the code by it).
 */
#include <ctype.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dt_bpf_xl.h"
#include "dt_bpf_uprobe.h"

#define USDT_MAXARGS 12

enum { UA_NONE, UA_REG, UA_CONST, UA_MEM };

typedef struct usdt_arg {
	int ua_kind;
	int ua_size; /* 1, 2, 4 or 8 */
	int ua_signed;
	int ua_reg, ua_shift; /* pt_regs offset; 8 for %ah and the like */
	int ua_index, ua_scale; /* memory: index register (-1: none) */
	int64_t ua_val; /* constant, or displacement */
	char ua_sym[64]; /* memory: symbol of sym+disp(%rip) */
	int ua_gotoff; /* i386 PIC: sym@GOTOFF(%reg), reg = the GOT */
} usdt_arg_t;

typedef struct usdt_slot {
	char *us_spec; /* with the object and site for %rip operands */
	int us_nargs;
	usdt_arg_t us_arg[USDT_MAXARGS];
} usdt_slot_t;

static usdt_slot_t *slots;
static uint32_t nslots;

/* x86_64 struct pt_regs offset of a register name (no '%'), or -1 */
static int reg_off(const char *r, size_t len, int *shift)
{
	static const struct { const char *n[4]; int off; } gp[] = {
		{ { "rax", "eax", "ax", "al" }, 80 },
		{ { "rbx", "ebx", "bx", "bl" }, 40 },
		{ { "rcx", "ecx", "cx", "cl" }, 88 },
		{ { "rdx", "edx", "dx", "dl" }, 96 },
		{ { "rsi", "esi", "si", "sil" }, 104 },
		{ { "rdi", "edi", "di", "dil" }, 112 },
		{ { "rbp", "ebp", "bp", "bpl" }, 32 },
		{ { "rsp", "esp", "sp", "spl" }, 152 },
		{ { "rip", "eip", "ip", "" }, 128 },
	};
	static const int rn[8] = { 72, 64, 56, 48, 24, 16, 8, 0 }; /* r8.. */
	static const char high[4][3] = { "ah", "bh", "ch", "dh" };
	static const int highoff[4] = { 80, 40, 88, 96 };
	char b[8];
	size_t k, j;

	*shift = 0;
	if (len == 0 || len >= sizeof(b))
		return -1;
	memcpy(b, r, len);
	b[len] = '\0';
	for (k = 0; k < sizeof(gp) / sizeof(gp[0]); k++)
		for (j = 0; j < 4; j++)
			if (gp[k].n[j][0] != '\0' && strcmp(b, gp[k].n[j]) == 0)
				return gp[k].off;
	for (k = 0; k < 4; k++)
		if (strcmp(b, high[k]) == 0) {
			*shift = 8;
			return highoff[k];
		}
	if (b[0] == 'r' && isdigit((unsigned char)b[1])) {
		char *end;
		long v = strtol(b + 1, &end, 10);

		if (v >= 8 && v <= 15 && (*end == '\0' ||
		    ((end[0] == 'd' || end[0] == 'w' || end[0] == 'b') &&
		     end[1] == '\0')))
			return rn[v - 8];
	}
	return -1;
}

/* "%reg" at *s: its offset, *s moved past it */
static int parse_reg(const char **s, int *shift)
{
	const char *p = *s, *q;

	if (*p != '%')
		return -1;
	q = ++p;
	while (isalnum((unsigned char)*q))
		q++;
	*s = q;
	return reg_off(p, (size_t)(q - p), shift);
}

static int parse_arg(const char *s, size_t len, usdt_arg_t *a)
{
	char buf[128];
	const char *p;
	char *end;
	long sz;
	int sh;

	memset(a, 0, sizeof(*a));
	a->ua_index = -1;
	if (len >= sizeof(buf))
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	sz = strtol(buf, &end, 10);
	if (*end != '@')
		return -1;
	a->ua_signed = sz < 0;
	a->ua_size = (int)(sz < 0 ? -sz : sz);
	if (a->ua_size != 1 && a->ua_size != 2 && a->ua_size != 4 &&
	    a->ua_size != 8)
		return -1;
	p = end + 1;
	if (*p == '%') {
		a->ua_kind = UA_REG;
		a->ua_reg = parse_reg(&p, &a->ua_shift);
		return a->ua_reg < 0 || *p != '\0' ? -1 : 0;
	}
	if (*p == '$') {
		a->ua_kind = UA_CONST;
		a->ua_val = strtoll(p + 1, &end, 0);
		return *end == '\0' && end != p + 1 ? 0 : -1;
	}
	/* [disp](base[,index[,scale]]); disp may name a symbol, as in
	 * "8+counter(%rip)" (resolved by the caller) */
	a->ua_kind = UA_MEM;
	while (*p != '(' && *p != '\0') {
		int neg = 0;

		if (*p == '+' || *p == '-') {
			neg = *p == '-';
			p++;
		}
		if (isdigit((unsigned char)*p)) {
			int64_t v = strtoll(p, &end, 0);

			a->ua_val += neg ? -v : v;
			p = end;
		} else {
			size_t l = strcspn(p, "+-(");

			if (neg || l == 0 || l >= sizeof(a->ua_sym) ||
			    a->ua_sym[0] != '\0')
				return -1;
			memcpy(a->ua_sym, p, l);
			a->ua_sym[l] = '\0';
			p += l;
			if (l > 7 && strcmp(a->ua_sym + l - 7, "@GOTOFF") == 0) {
				a->ua_sym[l - 7] = '\0';
				a->ua_gotoff = 1;
			}
		}
	}
	if (*p++ != '(')
		return -1;
	a->ua_reg = -1;
	if (*p == '%') {
		a->ua_reg = parse_reg(&p, &sh);
		if (a->ua_reg < 0 || sh != 0)
			return -1;
	}
	if (*p == ',') {
		p++;
		a->ua_index = parse_reg(&p, &sh);
		if (a->ua_index < 0 || sh != 0)
			return -1;
		a->ua_scale = 1;
		if (*p == ',') {
			a->ua_scale = (int)strtol(p + 1, &end, 10);
			p = end;
		}
	}
	if (*p != ')' || p[1] != '\0')
		return -1;
	/* a symbol only makes sense %rip-relative or GOT-relative (we know
	 * no load bias), and %rip only with a symbol (we know no instruction
	 * lengths) */
	if (!a->ua_gotoff && (a->ua_reg == 128) != (a->ua_sym[0] != '\0'))
		a->ua_kind = UA_NONE;
	return 0;
}

/*
 * The slot for a site's argument spec (shared by identical specs).  For
 * sym(%rip) operands: at the uprobe, regs->ip is the site's run-time
 * address, so the operand is regs->ip + (sym - site) + disp in link-time
 * terms; such a slot belongs to its object and site.
 */
static int spec_slot(const char *spec, const char *path, uint64_t site,
		     uint32_t *slot)
{
	usdt_slot_t *ns, *s;
	const char *p = spec;
	char *key;
	uint32_t k;
	int rip = strstr(spec, "(%rip)") != NULL ||
		  strstr(spec, "@GOTOFF") != NULL;
	size_t kl = strlen(spec) + strlen(path) + 32;
	int a;

	key = malloc(kl);
	if (key == NULL)
		return -1;
	if (rip)
		snprintf(key, kl, "%s\n%s\n%llx", spec, path,
			 (unsigned long long)site);
	else
		snprintf(key, kl, "%s", spec);
	for (k = 0; k < nslots; k++)
		if (strcmp(slots[k].us_spec, key) == 0) {
			free(key);
			*slot = k;
			return 0;
		}
	ns = realloc(slots, (nslots + 1) * sizeof(*ns));
	if (ns == NULL) {
		free(key);
		return -1;
	}
	slots = ns;
	s = &slots[nslots];
	memset(s, 0, sizeof(*s));
	s->us_spec = key;
	while (*p != '\0' && s->us_nargs < USDT_MAXARGS) {
		size_t l;

		while (*p == ' ')
			p++;
		l = strcspn(p, " ");
		if (l == 0)
			break;
		/* an operand we cannot read still keeps its position */
		if (parse_arg(p, l, &s->us_arg[s->us_nargs]) != 0)
			s->us_arg[s->us_nargs].ua_kind = UA_NONE;
		s->us_nargs++;
		p += l;
	}
	for (a = 0; a < s->us_nargs; a++) {
		usdt_arg_t *ua = &s->us_arg[a];
		uint64_t v, got;

		if (ua->ua_kind != UA_MEM || ua->ua_sym[0] == '\0')
			continue;
		if (dt_elf_symval(path, ua->ua_sym, &v) != 0)
			ua->ua_kind = UA_NONE;
		else if (!ua->ua_gotoff)
			ua->ua_val += (int64_t)(v - site);
		else if (dt_elf_symval(path, "_GLOBAL_OFFSET_TABLE_", &got) != 0)
			ua->ua_kind = UA_NONE;
		else
			ua->ua_val += (int64_t)(v - got);
	}
	*slot = nslots++;
	return 0;
}

/* sign- or zero-extend the low size bytes of R0 */
static void extend(xl_t *x, const usdt_arg_t *a)
{
	int bits = 64 - 8 * a->ua_size;

	if (bits == 0)
		return;
	E(ALU_I(BPF_LSH, R0, bits));
	E(ALU_I(a->ua_signed ? BPF_ARSH : BPF_RSH, R0, bits));
}

void dt_bpf_usdt_arg(xl_t *x, uint32_t slot, int n)
{
	const usdt_arg_t *a;

	if (slot >= nslots || n < 0 || n >= slots[slot].us_nargs) {
		E(MOV_I(R0, 0));
		return;
	}
	a = &slots[slot].us_arg[n];
	switch (a->ua_kind) {
	case UA_REG:
		E(LDX(BPF_DW, R0, R6, a->ua_reg));
		if (a->ua_shift)
			E(ALU_I(BPF_RSH, R0, a->ua_shift));
		break;
	case UA_CONST:
		ld64(x, R0, (uint64_t)a->ua_val);
		break;
	case UA_MEM:
		if (a->ua_reg >= 0)
			E(LDX(BPF_DW, R3, R6, a->ua_reg));
		else
			E(MOV_I(R3, 0));
		if (a->ua_index >= 0) {
			E(LDX(BPF_DW, R1, R6, a->ua_index));
			E(ALU_I(BPF_MUL, R1, a->ua_scale));
			E(ALU_R(BPF_ADD, R3, R1));
		}
		ld64(x, R1, (uint64_t)a->ua_val);
		E(ALU_R(BPF_ADD, R3, R1));
		E(ST(BPF_DW, FP, SL_TMP, 0));
		E(MOV_R(R1, FP));
		E(ALU_I(BPF_ADD, R1, SL_TMP));
		E(MOV_I(R2, a->ua_size));
		E(CALL(BPF_FUNC_probe_read_user));
		E(LDX(BPF_DW, R0, FP, SL_TMP));
		break;
	default:
		E(MOV_I(R0, 0));
		return;
	}
	extend(x, a);
}

/* DTrace spells a USDT name's "__" as "-" */
static void probe_name(const char *in, char *out, size_t len)
{
	size_t o = 0;

	while (*in != '\0' && o + 1 < len) {
		if (in[0] == '_' && in[1] == '_') {
			out[o++] = '-';
			in += 2;
		} else {
			out[o++] = *in++;
		}
	}
	out[o] = '\0';
}

static int glob_ok(const char *pat, const char *s)
{
	return pat == NULL || pat[0] == '\0' || fnmatch(pat, s, 0) == 0;
}

static dt_bpf_probe_t *find_probe(dt_bpf_ptab_t *t, const char *prov,
				  const char *mod, const char *func,
				  const char *name)
{
	uint32_t k;

	for (k = 0; k < t->n; k++)
		if (t->pt[k].p_kind == DT_BPF_P_USDT &&
		    strcmp(t->pt[k].p_info.pi_name, name) == 0 &&
		    strcmp(t->pt[k].p_info.pi_func, func) == 0 &&
		    strcmp(t->pt[k].p_info.pi_mod, mod) == 0 &&
		    strcmp(t->pt[k].p_info.pi_prov, prov) == 0)
			return &t->pt[k];
	return NULL;
}

static int usdt_obj(dt_bpf_ptab_t *t, const char *prov, const char *prefix,
		    int pid, const dt_uobj_t *u)
{
	dt_elf_obj_t o;
	size_t k;
	int rc = 0;

	if (dt_elf_open(u->uo_path, &o) != 0)
		return 0;
	for (k = 0; k < o.eo_nnotes && rc == 0; k++) {
		const dt_elf_note_t *en = &o.eo_notes[k];
		const dt_elf_func_t *f = dt_elf_func_at(&o, en->en_pc);
		const char *func = f != NULL ? f->ef_name : "";
		uint64_t off = dt_elf_off(&o, en->en_pc);
		uint64_t sema = en->en_sema ? dt_elf_off(&o, en->en_sema) : 0;
		char name[128];
		dt_bpf_probe_t *pr;
		dt_upriv_t *up;
		uint32_t slot, s;

		if (strcmp(en->en_prov, prefix) != 0 || off == (uint64_t)-1 ||
		    sema == (uint64_t)-1)
			continue;
		probe_name(en->en_name, name, sizeof(name));
		pr = find_probe(t, prov, u->uo_base, func, name);
		if (pr != NULL) {
			/* another site of the same probe */
			up = pr->p_priv;
			if (up == NULL || strcmp(up->up_path, u->uo_path) != 0 ||
			    up->up_nsites == DT_UP_MAXSITES)
				continue;
			for (s = 0; s < up->up_nsites; s++)
				if (up->up_site[s].off == off)
					break;
			if (s == up->up_nsites) {
				up->up_site[s].off = off;
				up->up_site[s].sema = sema;
				up->up_nsites++;
			}
			continue;
		}
		if (spec_slot(en->en_args, u->uo_path, en->en_pc, &slot) != 0)
			return -1;
		up = dt_upriv_new(pid, u->uo_path);
		if (up == NULL || dt_bpf_probe_add(t, prov, u->uo_base, func,
						   name, DT_BPF_P_USDT) != 0) {
			free(up);
			rc = -1;
			break;
		}
		up->up_nsites = 1;
		up->up_site[0].off = off;
		up->up_site[0].sema = sema;
		t->pt[t->n - 1].p_priv = up;
		t->pt[t->n - 1].p_nr = (int)(slot + 1);
	}
	dt_elf_close(&o);
	return rc;
}

int dt_bpf_usdt_provide(dt_bpf_ptab_t *t, const dt_probedesc_t *pd,
			const char *prefix, int pid)
{
	dt_uobj_t *objs;
	size_t n, k;
	uint32_t j;
	int rc = 0;

	if (dt_uobj_list(pid, &objs, &n) != 0)
		return 0;
	for (k = 0; k < n && rc == 0; k++) {
		int seen = 0;

		if (!glob_ok(pd->pd_mod, objs[k].uo_base) &&
		    !dt_uobj_mod_match(&objs[k], pd->pd_mod))
			continue;
		/* each object's notes are read once per provider */
		for (j = 0; j < t->n && !seen; j++)
			seen = t->pt[j].p_kind == DT_BPF_P_USDT &&
			       strcmp(t->pt[j].p_info.pi_prov, pd->pd_prov) == 0 &&
			       strcmp(t->pt[j].p_info.pi_mod, objs[k].uo_base) == 0;
		if (!seen)
			rc = usdt_obj(t, pd->pd_prov, prefix, pid, &objs[k]);
	}
	dt_uobj_free(objs, n);
	return rc;
}
