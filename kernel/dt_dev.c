// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_dev.c - /dev/dtrace, the misc device the consumer talks to (root only).
 * The ioctl interface arrives with the tracing core; for now it opens.
 */
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include "dt_kmod.h"

static int dt_dev_open(struct inode *inode, struct file *file)
{
	return capable(CAP_SYS_ADMIN) ? 0 : -EPERM;
}

static int dt_dev_release(struct inode *inode, struct file *file)
{
	return 0;
}

static const struct file_operations dt_dev_fops = {
	.owner = THIS_MODULE,
	.open = dt_dev_open,
	.release = dt_dev_release,
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
	return misc_register(&dt_dev);
}

void dt_dev_exit(void)
{
	misc_deregister(&dt_dev);
}
