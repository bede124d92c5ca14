/* HAVE_FPROBE_FREGS: register_fprobe_ips() whose handlers get ftrace_regs (6.14+, fprobe on fgraph). */
#include <linux/fprobe.h>
static int dtp_fpe(struct fprobe *fp, unsigned long ip, unsigned long rip, struct ftrace_regs *fr, void *d)
{
	return 0;
}
static void dtp_fpx(struct fprobe *fp, unsigned long ip, unsigned long rip, struct ftrace_regs *fr, void *d)
{
	(void)ftrace_regs_get_return_value(fr);
}
static struct fprobe dtp_fp = { .entry_handler = dtp_fpe, .exit_handler = dtp_fpx };
int dtp_fprobe(unsigned long *ips, int n);
int dtp_fprobe(unsigned long *ips, int n)
{
	int r = register_fprobe_ips(&dtp_fp, ips, n);

	return r ? r : unregister_fprobe(&dtp_fp);
}
