/* HAVE_PROC_OPS: proc_create() takes struct proc_ops (5.6+) rather than struct file_operations. */
#include <linux/proc_fs.h>
static const struct proc_ops dtp_ops = { .proc_lseek = NULL };
void *dtp_proc(void);
void *dtp_proc(void) { return proc_create("x", 0400, NULL, &dtp_ops); }
