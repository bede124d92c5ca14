/* HAVE_HRTIMER_INIT: high-resolution timers with hrtimer_init() + .function (before 6.15). */
#include <linux/hrtimer.h>
void dtp_hrt(struct hrtimer *t);
void dtp_hrt(struct hrtimer *t) { hrtimer_init(t, CLOCK_MONOTONIC, HRTIMER_MODE_REL); hrtimer_cancel(t); }
