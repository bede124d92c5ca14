/* HAVE_UPROBE_REGISTER_PTR: uprobe_register() returns struct uprobe * (6.12+), not an int. */
#include <linux/uprobes.h>
struct uprobe *dtp_up(struct inode *i, struct uprobe_consumer *uc);
struct uprobe *dtp_up(struct inode *i, struct uprobe_consumer *uc) { return uprobe_register(i, 0, 0, uc); }
