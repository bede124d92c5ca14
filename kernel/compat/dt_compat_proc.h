/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * dt_compat_proc.h - a /proc file's operations table, whichever type
 * proc_create() wants on this kernel (struct proc_ops since 5.6, struct
 * file_operations before).  Use DT_PROC_OPS(name, open) and pass &name.
 */
#ifndef DT_COMPAT_PROC_H
#define DT_COMPAT_PROC_H

#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#ifdef HAVE_PROC_OPS
#define DT_PROC_OPS(name, open_fn)					\
	static const struct proc_ops name = {				\
		.proc_open = open_fn,					\
		.proc_read = seq_read,					\
		.proc_lseek = seq_lseek,				\
		.proc_release = single_release,				\
	}
#else
#define DT_PROC_OPS(name, open_fn)					\
	static const struct file_operations name = {			\
		.owner = THIS_MODULE,					\
		.open = open_fn,					\
		.read = seq_read,					\
		.llseek = seq_lseek,					\
		.release = single_release,				\
	}
#endif

#endif /* DT_COMPAT_PROC_H */
