// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_probes.c - the module-wide probe table.  Ids are stable for the
 * module's lifetime (BEGIN=1, END=2, ERROR=3, then profile defaults,
 * syscalls, sdt tracepoints; fbt and extra profile probes are added on
 * demand).  The table only changes under dt_lock while no program is
 * enabled, so the probe path reads it without locks.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/mm.h>
#include "dt_kmod.h"
#include "dt_trace.h"
#include "dt_profile.h"
#include "providers/dt_fbt.h"

DEFINE_MUTEX(dt_lock);
struct dt_probe *dt_probes;
u32 dt_nprobes;
static u32 dt_cap;
struct dt_sess *dt_active;

/* Grow by doubling; only while nothing is enabled (see above). */
struct dt_probe *dt_probe_add(u8 prov, const char *mod, const char *func,
			      const char *name)
{
	struct dt_probe *p;

	if (dt_nprobes == dt_cap) {
		u32 ncap = dt_cap ? dt_cap * 2 : 1024;
		struct dt_probe *np = kvmalloc_array(ncap, sizeof(*np), GFP_KERNEL | __GFP_ZERO);

		if (!np)
			return NULL;
		if (dt_probes)
			memcpy(np, dt_probes, dt_nprobes * sizeof(*np));
		kvfree(dt_probes);
		dt_probes = np;
		dt_cap = ncap;
	}
	p = &dt_probes[dt_nprobes];
	memset(p, 0, sizeof(*p));
	p->id = ++dt_nprobes;
	p->prov = prov;
	p->mod = mod ? mod : "";
	strscpy(p->func, func ? func : "", sizeof(p->func));
	strscpy(p->name, name, sizeof(p->name));
	return p;
}

struct dt_probe *dt_probe_lookup(u32 id)
{
	return id >= 1 && id <= dt_nprobes ? &dt_probes[id - 1] : NULL;
}

static const char *const dt_provnames[DT_PROV_NPROV] = {
	"dtrace", "profile", "syscall", "sdt", "fbt", "pid"
};

static int dt_profile_add(const char *name)
{
	int tick;
	u64 period = dt_profile_period(name, &tick);
	struct dt_probe *p;

	if (!period)
		return -EINVAL;
	p = dt_probe_add(DT_PROV_PROFILE, "", "", name);
	if (!p)
		return -ENOMEM;
	p->period = period;
	p->tick = tick;
	return 0;
}

int dt_probes_init(void)
{
	size_t i;
	int err;

	if (!dt_probe_add(DT_PROV_DTRACE, "", "", "BEGIN") ||
	    !dt_probe_add(DT_PROV_DTRACE, "", "", "END") ||
	    !dt_probe_add(DT_PROV_DTRACE, "", "", "ERROR"))
		return -ENOMEM;
	for (i = 0; i < DT_PROFILE_NDEFAULTS; i++) {
		err = dt_profile_add(dt_profile_defaults[i]);
		if (err)
			return err;
	}
	err = dt_syscall_init();
	if (err)
		return err;
	return dt_sdt_init();
}

void dt_probes_exit(void)
{
	u32 i;

	for (i = 0; i < dt_nprobes; i++) {
		struct dt_probe *p = &dt_probes[i];

		if (p->prov == DT_PROV_PID && !p->ret) {
			kfree(p->upath);
			kfree(p->mod);
		}
	}
	dt_fbt_index_free();
	kvfree(dt_probes);
	dt_probes = NULL;
	dt_nprobes = dt_cap = 0;
}

int dt_probes_list(struct dtd_ubuf *ub)
{
	struct dtd_probe dp;
	u64 need = (u64)dt_nprobes * sizeof(dp);
	u32 i;

	ub->dy_used = need;
	if (ub->dy_len < need)
		return 0; /* the caller retries with dy_used bytes */
	for (i = 0; i < dt_nprobes; i++) {
		const struct dt_probe *p = &dt_probes[i];

		memset(&dp, 0, sizeof(dp));
		dp.dp_id = p->id;
		if (p->prov == DT_PROV_PID)
			snprintf(dp.dp_prov, sizeof(dp.dp_prov), "pid%u", p->nr);
		else
			strscpy(dp.dp_prov, dt_provnames[p->prov], sizeof(dp.dp_prov));
		strscpy(dp.dp_mod, p->mod, sizeof(dp.dp_mod));
		strscpy(dp.dp_func, p->func, sizeof(dp.dp_func));
		strscpy(dp.dp_name, p->name, sizeof(dp.dp_name));
		if (copy_to_user((void __user *)(unsigned long)(ub->dy_addr + (u64)i * sizeof(dp)),
				 &dp, sizeof(dp)))
			return -EFAULT;
	}
	return 0;
}

/*
 * pid probes are capped at DT_PID_MAX: each is a uprobe of its own.  fbt
 * entry probes share one ftrace_ops on x86 (providers/dt_fbt_ftrace.c) and
 * are capped by the fbt_max parameter (dt_fbt_max()); where each fbt probe
 * is its own kprobe, every ftrace-based registration walks all ftrace
 * records (O(N x 50000)), which is why that path keeps a low cap.
 */
#define DT_PID_MAX 1024
static u32 dt_nfbt;

/* pid probes: entry and return of one user function in one process */
static int dt_provide_pid(struct dtd_provide *pq)
{
	struct dt_probe *p, *r;
	char *path, *mod;
	u32 i;

	pq->dq_path[DTD_PATHLEN - 1] = pq->dq_mod[DTD_MODLEN - 1] = 0;
	if (!pq->dq_func[0] || pq->dq_path[0] != '/' || !pq->dq_pid)
		return -EINVAL;
	for (i = 0; i < dt_nprobes; i++)
		if (dt_probes[i].prov == DT_PROV_PID && dt_probes[i].nr == pq->dq_pid &&
		    strcmp(dt_probes[i].func, pq->dq_func) == 0 &&
		    strcmp(dt_probes[i].mod, pq->dq_mod) == 0)
			return 0;
	if (dt_nfbt >= DT_PID_MAX)
		return -ENOSPC;
	path = kstrdup(pq->dq_path, GFP_KERNEL);
	mod = kstrdup(pq->dq_mod, GFP_KERNEL);
	p = path && mod ? dt_probe_add(DT_PROV_PID, mod, pq->dq_func, "entry") : NULL;
	r = p ? dt_probe_add(DT_PROV_PID, mod, pq->dq_func, "return") : NULL;
	if (!r) {
		if (p)
			dt_nprobes--; /* the entry probe without its return */
		kfree(path);
		kfree(mod);
		return -ENOMEM;
	}
	p = r - 1; /* dt_probe_add may have moved the table */
	pq->dq_id = p->id;
	p->nr = r->nr = pq->dq_pid;
	p->upath = r->upath = path;
	p->uoff = r->uoff = pq->dq_offset;
	r->ret = 1;
	dt_nfbt++;
	return 0;
}

int dt_provide(struct dtd_provide *pq)
{
	struct dt_probe *p;
	u32 i;
	int err;

	pq->dq_prov[DTD_PROVLEN - 1] = pq->dq_func[DTD_FUNCLEN - 1] = 0;
	pq->dq_name[DTD_NAMELEN - 1] = 0;
	pq->dq_id = 0;
	if (strcmp(pq->dq_prov, "profile") == 0) {
		for (i = 0; i < dt_nprobes; i++)
			if (dt_probes[i].prov == DT_PROV_PROFILE &&
			    strcmp(dt_probes[i].name, pq->dq_name) == 0)
				return 0;
		err = dt_profile_add(pq->dq_name);
		if (err == 0)
			pq->dq_id = dt_nprobes;
		return err;
	}
	if (strcmp(pq->dq_prov, "pid") == 0)
		return dt_provide_pid(pq);
	if (strcmp(pq->dq_prov, "fbt") != 0 || !pq->dq_func[0])
		return -EINVAL;
	if (dt_fbt_refused(pq->dq_func))
		return -EPERM;
	if (dt_fbt_lookup(pq->dq_func))
		return 0;
	if (dt_nfbt >= dt_fbt_max())
		return -ENOSPC;
	p = dt_probe_add(DT_PROV_FBT, "vmlinux", pq->dq_func, "entry");
	if (!p || dt_fbt_index(p->id))
		return -ENOMEM;
	pq->dq_id = p->id;
	p = dt_probe_add(DT_PROV_FBT, "vmlinux", pq->dq_func, "return");
	if (!p)
		return -ENOMEM;
	p->ret = 1;
	dt_nfbt++;
	return 0;
}
