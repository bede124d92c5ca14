// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_dev.c - /dev/dtrace (misc device, mode 0600, CAP_SYS_ADMIN): the
 * ioctls of dtrace_ioctl.h.  One program may be loaded at a time (a
 * second LOAD gets EBUSY); it belongs to the open file that loaded it and
 * closing that file - also when the kernel does it for a consumer killed
 * with SIGKILL - disables every probe and frees everything.
 */
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/uaccess.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/math64.h>
#include "dt_kmod.h"
#include "dt_trace.h"

static int dt_dev_open(struct inode *inode, struct file *file)
{
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	file->private_data = NULL;
	return 0;
}

static void dt_sess_end(struct dt_sess *s)
{
	u64 t0 = ktime_get_ns();

	WRITE_ONCE(s->state, DTD_ST_STOPPED);
	dt_sess_disable(s);
	WRITE_ONCE(dt_active, NULL);
	synchronize_rcu();
	dt_sess_free(s);
	dt_fbt_reap_start();
	pr_info("dtracedrv: consumer closed: all probes off and freed in %llu ms\n",
		div_u64(ktime_get_ns() - t0, 1000000));
}

static int dt_dev_release(struct inode *inode, struct file *file)
{
	struct dt_sess *s = file->private_data;

	if (s) {
		mutex_lock(&dt_lock);
		dt_sess_end(s);
		mutex_unlock(&dt_lock);
	}
	return 0;
}

static long dt_ioctl_locked(struct file *file, unsigned int cmd, void __user *uarg)
{
	struct dt_sess *s = file->private_data;
	struct dtd_ubuf ub;
	int err = 0;
	u64 t0;
	u32 i;

	switch (cmd) {
	case DTD_IOC_VERSION: {
		struct dtd_version v = { 0 };

		v.dv_version = DTD_VERSION;
		v.dv_ncpus = nr_cpu_ids;
		v.dv_ptrsize = sizeof(void *);
		v.dv_nprobes = dt_nprobes;
		strscpy(v.dv_release, DT_KERNEL_RELEASE, sizeof(v.dv_release));
		return copy_to_user(uarg, &v, sizeof(v)) ? -EFAULT : 0;
	}
	case DTD_IOC_PROBES:
		if (copy_from_user(&ub, uarg, sizeof(ub)))
			return -EFAULT;
		err = dt_probes_list(&ub);
		break;
	case DTD_IOC_PROVIDE: {
		struct dtd_provide pq;

		if (dt_active && dt_active->state >= DTD_ST_ENABLED)
			return -EBUSY; /* the table is read without locks then */
		if (copy_from_user(&pq, uarg, sizeof(pq)))
			return -EFAULT;
		err = dt_provide(&pq);
		if (!err && copy_to_user(uarg, &pq, sizeof(pq)))
			err = -EFAULT;
		return err;
	}
	case DTD_IOC_LOAD:
		if (s || dt_active)
			return -EBUSY;
		if (copy_from_user(&ub, uarg, sizeof(ub)))
			return -EFAULT;
		s = dt_sess_load((const void __user *)(unsigned long)ub.dy_addr, ub.dy_len, &err);
		if (!s)
			return err;
		file->private_data = s;
		WRITE_ONCE(dt_active, s);
		return 0;
	case DTD_IOC_ENABLE:
		if (!s || s->state != DTD_ST_LOADED)
			return -EINVAL;
		t0 = ktime_get_ns();
		err = dt_sess_enable(s);
		if (!err)
			s->state = DTD_ST_ENABLED;
		pr_info("dtracedrv: enabled %u ECBs in %llu ms (%llu fbt functions refused by the kernel), err %d\n",
			s->necbs, div_u64(ktime_get_ns() - t0, 1000000), s->fbt_failed, err);
		return err;
	case DTD_IOC_GO:
		if (!s || s->state != DTD_ST_ENABLED)
			return -EINVAL;
		/* BEGIN runs to completion before any other probe may fire */
		dt_fire_forced(s, &dt_probes[DT_PROBE_BEGIN - 1]);
		WRITE_ONCE(s->state, DTD_ST_ACTIVE);
		for (i = 0; i < dt_nprobes; i++)
			if (dt_probes[i].prov == DT_PROV_PROFILE && dt_probes[i].pdata)
				dt_profile_start(&dt_probes[i]);
		return 0;
	case DTD_IOC_STOP:
		if (!s || s->state != DTD_ST_ACTIVE)
			return -EINVAL;
		WRITE_ONCE(s->state, DTD_ST_STOPPED);
		/* every firing that saw ACTIVE is over before END runs */
		synchronize_rcu();
		dt_fire_forced(s, &dt_probes[DT_PROBE_END - 1]);
		return 0;
	case DTD_IOC_BUFSNAP:
	case DTD_IOC_AGGSNAP:
		if (!s)
			return -EINVAL;
		if (copy_from_user(&ub, uarg, sizeof(ub)))
			return -EFAULT;
		err = cmd == DTD_IOC_BUFSNAP ? dt_sess_bufsnap(s, &ub) : dt_sess_aggsnap(s, &ub);
		break;
	case DTD_IOC_STATUS: {
		struct dtd_status *st = kmalloc(sizeof(*st), GFP_KERNEL);

		if (!st)
			return -ENOMEM;
		dt_sess_status(s, st);
		err = copy_to_user(uarg, st, sizeof(*st)) ? -EFAULT : 0;
		kfree(st);
		return err;
	}
	default:
		return -ENOTTY;
	}
	if (!err && copy_to_user(uarg, &ub, sizeof(ub)))
		err = -EFAULT;
	return err;
}

static long dt_dev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	long r;

	mutex_lock(&dt_lock);
	r = dt_ioctl_locked(file, cmd, (void __user *)arg);
	mutex_unlock(&dt_lock);
	return r;
}

static const struct file_operations dt_dev_fops = {
	.owner = THIS_MODULE,
	.open = dt_dev_open,
	.release = dt_dev_release,
	.unlocked_ioctl = dt_dev_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice dt_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "dtrace",
	.fops = &dt_dev_fops,
	.mode = 0600,
};

int dt_dev_init(void)
{
	int err = dt_probes_init();

	if (err) {
		dt_syscall_exit();
		dt_probes_exit();
		return err;
	}
	err = misc_register(&dt_dev);
	if (err) {
		dt_syscall_exit();
		dt_probes_exit();
	}
	return err;
}

void dt_dev_exit(void)
{
	misc_deregister(&dt_dev);
	dt_fbt_reap_wait();
	dt_syscall_exit();
	dt_probes_exit();
}
