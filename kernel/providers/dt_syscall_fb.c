// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_syscall_fb.c - the syscall provider without the sys_enter/sys_exit
 * tracepoints (or forced: module parameter syscall_fallback=1).  How
 * depends on how the kernel dispatches a system call:
 *
 * - through x64_sys_call()/ia32_sys_call(), a switch (6.9+, and the 2024
 *   branch-history-injection fix backported to stable kernels: Debian's
 *   6.1.0-50 has it, so its sys_call_table is only read by nobody):
 *   a kprobe (entry) and a kretprobe (return) on each dispatcher;
 * - through sys_call_table (older x86_64 kernels): every entry is
 *   replaced by one hook, written with the kernel's own text patching
 *   (text_poke() under text_mutex: the table is read-only).  Refused on a
 *   Xen PV guest, whose page tables belong to the hypervisor.
 *
 * Either way the probes fire with the task's user pt_regs, like the
 * tracepoints, through dt_syscall_fire_entry/return (dt_syscall.c).
 */
#include <linux/kernel.h>
#include <linux/kprobes.h>
#include <linux/kallsyms.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/uaccess.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <linux/rcupdate.h>
#include <linux/nospec.h>
#include "dt_kmod.h"
#include "dt_trace.h"
#include "dt_syscall.h"
#ifdef HAVE_XEN_PV
#include <xen/xen.h>
#endif

#if defined(CONFIG_X86_64) && defined(HAVE_KRETPROBES)
#define DT_SYSFB_DISPATCH 1
#endif
#if defined(CONFIG_X86_64) && defined(CONFIG_ARCH_HAS_SYSCALL_WRAPPER) && \
	defined(HAVE_TEXT_POKE) && defined(HAVE_SYSCALL_TABLE)
#define DT_SYSFB_TABLE 1
#include <asm/syscall.h>
#include <asm/text-patching.h>
#endif

static int dt_sysfb_mode; /* enum below: what is attached now */
enum { DT_SYSFB_OFF, DT_SYSFB_KPROBES, DT_SYSFB_PATCHED };

#ifdef DT_SYSFB_DISPATCH
/* x64_sys_call(const struct pt_regs *regs, unsigned int nr) */
static int dt_disp_entry(struct kprobe *kp, struct pt_regs *regs)
{
	dt_syscall_fire_entry((struct pt_regs *)regs_get_kernel_argument(regs, 0),
			      (long)(unsigned int)regs_get_kernel_argument(regs, 1));
	return 0;
}

static int dt_disp_return(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	dt_syscall_fire_return(current_pt_regs(), (long)regs_return_value(regs));
	return 0;
}

static const char *const dt_disp_names[] = { "x64_sys_call", "ia32_sys_call" };
static struct kprobe dt_disp_kp[ARRAY_SIZE(dt_disp_names)];
static struct kretprobe dt_disp_rp[ARRAY_SIZE(dt_disp_names)];
static int dt_disp_n;

static void dt_disp_detach(void)
{
	while (dt_disp_n > 0) {
		dt_disp_n--;
		unregister_kretprobe(&dt_disp_rp[dt_disp_n]);
		unregister_kprobe(&dt_disp_kp[dt_disp_n]);
	}
}

static int dt_disp_attach(void)
{
	size_t i;
	int err = 0;

	for (i = 0; i < ARRAY_SIZE(dt_disp_names) && !err; i++) {
		if (!dt_hsym_addr(dt_disp_names[i]))
			continue; /* ia32_sys_call: no IA32 emulation */
		memset(&dt_disp_kp[dt_disp_n], 0, sizeof(dt_disp_kp[0]));
		memset(&dt_disp_rp[dt_disp_n], 0, sizeof(dt_disp_rp[0]));
		dt_disp_kp[dt_disp_n].symbol_name = dt_disp_names[i];
		dt_disp_kp[dt_disp_n].pre_handler = dt_disp_entry;
		dt_disp_rp[dt_disp_n].kp.symbol_name = dt_disp_names[i];
		dt_disp_rp[dt_disp_n].handler = dt_disp_return;
		/* one instance per task inside a syscall (read, wait4 block) */
		dt_disp_rp[dt_disp_n].maxactive = 4096;
		err = register_kprobe(&dt_disp_kp[dt_disp_n]);
		if (err)
			break;
		err = register_kretprobe(&dt_disp_rp[dt_disp_n]);
		if (err) {
			unregister_kprobe(&dt_disp_kp[dt_disp_n]);
			break;
		}
		dt_disp_n++;
	}
	if (err)
		dt_disp_detach();
	return err;
}
#endif

#ifdef DT_SYSFB_TABLE
typedef long (*dt_sysfn_t)(const struct pt_regs *);
static dt_sysfn_t *dt_sct; /* the kernel's sys_call_table */
static dt_sysfn_t dt_sct_orig[NR_syscalls];
static atomic_t dt_sct_inflight = ATOMIC_INIT(0);
static int dt_sct_used; /* ever patched: unload must wait for the hook */

static long dt_sct_hook(const struct pt_regs *regs)
{
	unsigned long nr = array_index_nospec(regs->orig_ax, NR_syscalls);
	long ret;

	atomic_inc(&dt_sct_inflight);
	dt_syscall_fire_entry((struct pt_regs *)regs, nr);
	ret = dt_sct_orig[nr](regs);
	dt_syscall_fire_return((struct pt_regs *)regs, ret);
	atomic_dec(&dt_sct_inflight);
	return ret;
}

/* an unexported function's address, if an indirect call may land there */
static void *dt_sysfb_callable(const char *name, unsigned long addr)
{
	void *fn = (void *)(addr ? addr : dt_hsym_addr(name));
#ifdef CONFIG_X86_KERNEL_IBT
	u8 b[4];

	if (!fn || copy_from_kernel_nofault(b, fn, 4) ||
	    !(b[0] == 0xf3 && b[1] == 0x0f && b[2] == 0x1e && b[3] == 0xfa))
		return NULL;
#endif
	return fn;
}

static int dt_sct_write(dt_sysfn_t *to)
{
	void *(*poke)(void *, const void *, size_t) = dt_sysfb_callable("text_poke", 0);
	unsigned long (*lookup)(const char *) = dt_sysfb_callable("kallsyms_lookup_name", 0);
	struct mutex *tm = lookup ? (struct mutex *)lookup("text_mutex") : NULL;
	u32 i;

	if (!poke || !tm) {
		pr_info("dtracedrv: syscall table fallback: text_poke or text_mutex not found\n");
		return -ENOENT;
	}
	mutex_lock(tm);
	for (i = 0; i < NR_syscalls; i++)
		poke(&dt_sct[i], &to[i], sizeof(to[i]));
	mutex_unlock(tm);
	return 0;
}

static int dt_sct_attach(void)
{
	static dt_sysfn_t hooks[NR_syscalls];
	u32 i;
	int err;

	dt_sct = (dt_sysfn_t *)dt_hsym_addr("sys_call_table");
	if (!dt_sct)
		return -ENOENT;
	for (i = 0; i < NR_syscalls; i++) {
		dt_sct_orig[i] = READ_ONCE(dt_sct[i]);
		hooks[i] = dt_sct_hook;
	}
	err = dt_sct_write(hooks);
	if (!err)
		dt_sct_used = 1;
	return err;
}

static void dt_sct_detach(void)
{
	dt_sct_write(dt_sct_orig);
}
#endif

int dt_sysfb_enable(void)
{
	int err = -EOPNOTSUPP;

#ifdef DT_SYSFB_DISPATCH
	if (dt_hsym_addr("x64_sys_call")) {
		err = dt_disp_attach();
		if (!err) {
			dt_sysfb_mode = DT_SYSFB_KPROBES;
			pr_info("dtracedrv: syscall provider on the dispatchers (x64_sys_call, ia32_sys_call): kprobes\n");
		}
		return err;
	}
#endif
#ifdef DT_SYSFB_TABLE
#ifdef HAVE_XEN_PV
	if (xen_pv_domain()) {
		pr_info("dtracedrv: syscall provider: no tracepoints, and sys_call_table is not patched on a Xen PV guest (the hypervisor owns the page tables)\n");
		return -EPERM;
	}
#endif
	err = dt_sct_attach();
	if (!err) {
		dt_sysfb_mode = DT_SYSFB_PATCHED;
		pr_info("dtracedrv: syscall provider on sys_call_table (patched with text_poke)\n");
	}
	return err;
#endif
	pr_info("dtracedrv: syscall provider: no tracepoints and no fallback on this kernel\n");
	return err;
}

void dt_sysfb_disable(void)
{
#ifdef DT_SYSFB_DISPATCH
	if (dt_sysfb_mode == DT_SYSFB_KPROBES)
		dt_disp_detach();
#endif
#ifdef DT_SYSFB_TABLE
	if (dt_sysfb_mode == DT_SYSFB_PATCHED)
		dt_sct_detach();
#endif
	dt_sysfb_mode = DT_SYSFB_OFF;
}

/*
 * Module unload: a task may still be inside the table hook (blocked in a
 * syscall that began while the table was patched).  Wait until none is,
 * then for an RCU-tasks grace period, after which no task is between the
 * counter's decrement and the hook's return.
 */
void dt_sysfb_exit(void)
{
#ifdef DT_SYSFB_TABLE
	int n = 0;

	if (!dt_sct_used)
		return;
	while (atomic_read(&dt_sct_inflight)) {
		if (n++ % 500 == 0)
			pr_info("dtracedrv: unload waits for %d task(s) in a hooked syscall\n",
				atomic_read(&dt_sct_inflight));
		msleep(10);
	}
	synchronize_rcu_tasks();
#endif
}
