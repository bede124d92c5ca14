/* HAVE_KPROBES: register_kprobe()/unregister_kprobe() exist and link (GPL-only exports). */
#include <linux/kprobes.h>
int dtp_kp(struct kprobe *kp);
int dtp_kp(struct kprobe *kp) { int r = register_kprobe(kp); unregister_kprobe(kp); return r; }
