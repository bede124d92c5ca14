/* HAVE_KRETPROBES: register_kretprobe()/unregister_kretprobe() exist and link. */
#include <linux/kprobes.h>
int dtp_krp(struct kretprobe *rp);
int dtp_krp(struct kretprobe *rp) { int r = register_kretprobe(rp); unregister_kretprobe(rp); return r; }
