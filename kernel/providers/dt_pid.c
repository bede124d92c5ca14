// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_pid.c - the pid provider on uprobes: pidN:MOD:FUNC:entry/return is a
 * uprobe (uretprobe) at the function's file offset in the executable,
 * filtered to process N.  The consumer resolves the symbol (it reads the
 * ELF file); the kernel only needs the path and the offset.  entry:
 * arg0..arg5 are the function's integer arguments by the user ABI;
 * return: arg1 is the return value.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/namei.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/ptrace.h>
#include <linux/uaccess.h>
#include <linux/uprobes.h>
#include "dt_trace.h"
#include "dt_compat_nofault.h"

struct dt_up {
	struct uprobe_consumer uc;
	struct dt_probe *p;
	struct inode *inode;
#ifdef HAVE_UPROBE_REGISTER_PTR
	struct uprobe *u;
#endif
};

static void dt_pid_args(struct pt_regs *regs, u64 *args)
{
	int i;

#if defined(CONFIG_ARM)
	args[0] = regs->ARM_r0;
	args[1] = regs->ARM_r1;
	args[2] = regs->ARM_r2;
	args[3] = regs->ARM_r3;
	args[4] = args[5] = 0;
	(void)i;
#elif defined(CONFIG_X86_32)
	/* cdecl: the arguments are on the user stack above the return address */
	for (i = 0; i < 6; i++) {
		u32 v = 0;

		dt_read_user_nofault(&v, (const void __user *)(regs->sp + 4 + 4 * i), 4);
		args[i] = v;
	}
#else
	for (i = 0; i < 6; i++)
		args[i] = regs_get_kernel_argument(regs, i);
#endif
}

static int dt_pid_entry(struct uprobe_consumer *uc, struct pt_regs *regs)
{
	struct dt_up *k = container_of(uc, struct dt_up, uc);
	u64 args[6];

	if (current->tgid != k->p->nr)
		return 0;
	dt_pid_args(regs, args);
	dt_fire(k->p, args, 6);
	return 0;
}

static int dt_pid_return(struct uprobe_consumer *uc, unsigned long func, struct pt_regs *regs)
{
	struct dt_up *k = container_of(uc, struct dt_up, uc);
	u64 args[2] = { 0, (u64)regs_return_value(regs) };

	if (current->tgid != k->p->nr)
		return 0;
	dt_fire(k->p, args, 2);
	return 0;
}

int dt_pid_enable(struct dt_probe *p)
{
	struct dt_up *k = kzalloc(sizeof(*k), GFP_KERNEL);
	struct path path;
	int err;

	if (!k)
		return -ENOMEM;
	err = kern_path(p->upath, LOOKUP_FOLLOW, &path);
	if (err) {
		kfree(k);
		return err;
	}
	k->inode = igrab(d_inode(path.dentry));
	path_put(&path);
	k->p = p;
	if (p->ret)
		k->uc.ret_handler = dt_pid_return;
	else
		k->uc.handler = dt_pid_entry;
#ifdef HAVE_UPROBE_REGISTER_PTR
	k->u = uprobe_register(k->inode, p->uoff, 0, &k->uc);
	err = IS_ERR(k->u) ? PTR_ERR(k->u) : 0;
#else
	err = uprobe_register(k->inode, p->uoff, &k->uc);
#endif
	if (err) {
		iput(k->inode);
		kfree(k);
		return err;
	}
	p->pdata = k;
	return 0;
}

void dt_pid_disable(struct dt_probe *p)
{
	struct dt_up *k = p->pdata;

#ifdef HAVE_UPROBE_REGISTER_PTR
	uprobe_unregister_nosync(k->u, &k->uc);
	uprobe_unregister_sync();
#else
	uprobe_unregister(k->inode, p->uoff, &k->uc);
#endif
	iput(k->inode);
	kfree(k);
	p->pdata = NULL;
}
