/* HAVE_UPROBES: the uprobes API (uprobe_register, struct uprobe_consumer) exists and links. */
#include <linux/uprobes.h>
void *dtp_up(struct uprobe_consumer *uc);
void *dtp_up(struct uprobe_consumer *uc) { return uc->handler ? (void *)uprobe_register : NULL; }
