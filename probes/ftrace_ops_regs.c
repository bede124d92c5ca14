/* HAVE_FTRACE_OPS_REGS: one ftrace_ops with pt_regs (SAVE_REGS, RCU) and a batched ip filter (ftrace_set_filter_ips): fbt entry at scale. */
#include <linux/ftrace.h>
static void dtp_cb(unsigned long ip, unsigned long pip, struct ftrace_ops *op, struct ftrace_regs *fr)
{
	(void)ftrace_get_regs(fr);
}
static struct ftrace_ops dtp_ops = { .func = dtp_cb, .flags = FTRACE_OPS_FL_SAVE_REGS | FTRACE_OPS_FL_RCU };
int dtp_fops(unsigned long *ips, unsigned int n);
int dtp_fops(unsigned long *ips, unsigned int n)
{
	int r = ftrace_set_filter_ips(&dtp_ops, ips, n, 0, 0);

	return r ? r : register_ftrace_function(&dtp_ops) + unregister_ftrace_function(&dtp_ops);
}
