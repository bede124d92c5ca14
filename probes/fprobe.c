/* HAVE_FPROBE: register_fprobe_ips() with the 6.5-6.13 handler prototypes (entry returns int; ret_ip, pt_regs, entry_data): fbt return at scale. */
#include <linux/fprobe.h>
static int dtp_fpe(struct fprobe *fp, unsigned long ip, unsigned long rip, struct pt_regs *regs, void *d)
{
	return 0;
}
static void dtp_fpx(struct fprobe *fp, unsigned long ip, unsigned long rip, struct pt_regs *regs, void *d)
{
}
static struct fprobe dtp_fp = { .entry_handler = dtp_fpe, .exit_handler = dtp_fpx };
int dtp_fprobe(unsigned long *ips, int n);
int dtp_fprobe(unsigned long *ips, int n)
{
	int r = register_fprobe_ips(&dtp_fp, ips, n);

	return r ? r : unregister_fprobe(&dtp_fp);
}
