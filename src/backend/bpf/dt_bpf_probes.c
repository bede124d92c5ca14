/*
 * dt_bpf_probes.c - the probes this backend offers, with ids that stay
 * put while it is open: dtrace (BEGIN=1, END=2, ERROR=3), profile and
 * tick (plus any rate asked for by name), syscall entry/return for the
 * 64-bit (x64) and 32-bit (x32) ABIs from the build's syscall tables, and
 * sdt: every tracepoint in tracefs that can be reached as a raw tracepoint.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/mount.h>
#include "dt_bpf_impl.h"
#include "dt_bpf_syscalls.h"
#include "dt_profile.h"

#define TRACEFS "/sys/kernel/tracing"

int dt_bpf_probe_add(dt_bpf_ptab_t *t, const char *prov, const char *mod,
	       const char *func, const char *name, int kind)
{
	dt_bpf_probe_t *p;

	if (t->n == t->cap) {
		uint32_t nc = t->cap ? t->cap * 2 : 1024;

		p = realloc(t->pt, nc * sizeof(*p));
		if (p == NULL)
			return -1;
		t->pt = p;
		t->cap = nc;
	}
	p = &t->pt[t->n];
	memset(p, 0, sizeof(*p));
	p->p_info.pi_id = t->n + 1;
	p->p_info.pi_prov = strdup(prov);
	p->p_info.pi_mod = strdup(mod);
	p->p_info.pi_func = strdup(func);
	p->p_info.pi_name = strdup(name);
	p->p_kind = kind;
	if (!p->p_info.pi_prov || !p->p_info.pi_mod || !p->p_info.pi_func ||
	    !p->p_info.pi_name)
		return -1;
	t->n++;
	return 0;
}

static int add_rate(dt_bpf_ptab_t *t, const char *name)
{
	int tick;
	uint64_t ns = dt_profile_period(name, &tick);

	if (ns == 0)
		return 1;
	if (dt_bpf_probe_add(t, "profile", "", "", name,
		tick ? DT_BPF_P_TICK : DT_BPF_P_PROFILE) != 0)
		return -1;
	t->pt[t->n - 1].p_period_ns = ns;
	return 0;
}

static int cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* names of the entries of dir, sorted; NULL-terminated, caller frees */
static char **listdir(const char *dir, int want_dirs)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL, path[512];
	size_t n = 0, cap = 0;
	struct stat st;

	if (d == NULL)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (want_dirs && e->d_type != DT_DIR) {
			if (e->d_type != DT_UNKNOWN)
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
				continue;
		}
		if (n + 2 > cap) {
			char **nv;

			cap = cap ? cap * 2 : 64;
			nv = realloc(v, cap * sizeof(*v));
			if (nv == NULL)
				break;
			v = nv;
		}
		v[n++] = strdup(e->d_name);
	}
	closedir(d);
	if (v == NULL)
		return NULL;
	qsort(v, n, sizeof(*v), cmpstr);
	v[n] = NULL;
	return v;
}

static void freelist(char **v)
{
	size_t k;

	for (k = 0; v != NULL && v[k] != NULL; k++)
		free(v[k]);
	free(v);
}

void dt_bpf_probes_sdt(dt_bpf_ptab_t *t)
{
	char dir[512], **groups, **events;
	size_t g, e;
	struct stat st;

	if (t->sdt_done)
		return;
	t->sdt_done = 1;
	if (stat(TRACEFS "/events", &st) != 0)
		(void)mount("nodev", TRACEFS, "tracefs", 0, NULL);
	groups = listdir(TRACEFS "/events", 1);
	for (g = 0; groups != NULL && groups[g] != NULL; g++) {
		/* syscalls has its own provider */
		if (strcmp(groups[g], "syscalls") == 0 ||
		    strcmp(groups[g], "ftrace") == 0)
			continue;
		snprintf(dir, sizeof(dir), TRACEFS "/events/%s", groups[g]);
		events = listdir(dir, 1);
		for (e = 0; events != NULL && events[e] != NULL; e++) {
			int nargs = dt_bpf_sdt_nargs(events[e]);

			if (nargs < 0)
				continue; /* not reachable as a raw tracepoint */
			if (dt_bpf_probe_add(t, "sdt", groups[g], "", events[e],
				DT_BPF_P_SDT) != 0)
				break;
			t->pt[t->n - 1].p_nr = nargs;
		}
		freelist(events);
	}
	freelist(groups);
}

static int add_sys(dt_bpf_ptab_t *t, const dt_bpf_sysent_t *tab, size_t n,
		   int abi)
{
	size_t k;

	for (k = 0; k < n; k++) {
		const char *mod = abi == DT_BPF_ABI_X64 ? "x64" : "x32";

		if (dt_bpf_probe_add(t, "syscall", mod, tab[k].se_name, "entry",
			DT_BPF_P_SYSENTRY) != 0 ||
		    dt_bpf_probe_add(t, "syscall", mod, tab[k].se_name, "return",
			DT_BPF_P_SYSRETURN) != 0)
			return -1;
		t->pt[t->n - 2].p_abi = t->pt[t->n - 1].p_abi = abi;
		t->pt[t->n - 2].p_nr = t->pt[t->n - 1].p_nr = tab[k].se_nr;
	}
	return 0;
}

int dt_bpf_probes_init(dt_bpf_ptab_t *t)
{
	size_t k;

	memset(t, 0, sizeof(*t));
	if (dt_bpf_probe_add(t, "dtrace", "", "", "BEGIN", DT_BPF_P_BEGIN) != 0 ||
	    dt_bpf_probe_add(t, "dtrace", "", "", "END", DT_BPF_P_END) != 0 ||
	    dt_bpf_probe_add(t, "dtrace", "", "", "ERROR", DT_BPF_P_ERROR) != 0)
		return -1;
	for (k = 0; k < DT_PROFILE_NDEFAULTS; k++)
		if (add_rate(t, dt_profile_defaults[k]) != 0)
			return -1;
	if (add_sys(t, dt_bpf_sys_x64, dt_bpf_sys_x64_n, DT_BPF_ABI_X64) != 0 ||
	    add_sys(t, dt_bpf_sys_x32, dt_bpf_sys_x32_n, DT_BPF_ABI_X32) != 0)
		return -1;
	/* sdt (tracefs + BTF) is listed when someone may want it */
	return 0;
}

/* profile:::tick-5s and the like exist once somebody names them */
int dt_bpf_probes_provide(dt_bpf_ptab_t *t, const dt_probedesc_t *pd)
{
	uint32_t k;
	const char *name = pd->pd_name;

	t->provided = 1;
	if (pd->pd_prov == NULL || pd->pd_prov[0] == '\0' ||
	    strpbrk(pd->pd_prov, "*?[") != NULL ||
	    strcmp(pd->pd_prov, "sdt") == 0)
		dt_bpf_probes_sdt(t);

	if (dt_bpf_fbt_provide(t, pd) != 0 || dt_bpf_pid_provide(t, pd) != 0)
		return -1;
	if (name == NULL || strpbrk(name, "*?[") != NULL)
		return 0;
	if (pd->pd_prov != NULL && pd->pd_prov[0] != '\0' &&
	    strcmp(pd->pd_prov, "profile") != 0)
		return 0;
	if (pd->pd_mod != NULL && pd->pd_mod[0] != '\0')
		return 0;
	if (pd->pd_func != NULL && pd->pd_func[0] != '\0')
		return 0;
	for (k = 0; k < t->n; k++)
		if (strcmp(t->pt[k].p_info.pi_prov, "profile") == 0 &&
		    strcmp(t->pt[k].p_info.pi_name, name) == 0)
			return 0;
	return add_rate(t, name) < 0 ? -1 : 0;
}

const dt_bpf_probe_t *dt_bpf_probe_byid(const dt_bpf_ptab_t *t, uint32_t id)
{
	return id >= 1 && id <= t->n ? &t->pt[id - 1] : NULL;
}

void dt_bpf_probes_free(dt_bpf_ptab_t *t)
{
	uint32_t k;

	for (k = 0; k < t->n; k++) {
		free((char *)t->pt[k].p_info.pi_prov);
		free((char *)t->pt[k].p_info.pi_mod);
		free((char *)t->pt[k].p_info.pi_func);
		free((char *)t->pt[k].p_info.pi_name);
		free(t->pt[k].p_priv);
	}
	free(t->pt);
	memset(t, 0, sizeof(*t));
}
