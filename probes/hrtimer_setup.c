/* HAVE_HRTIMER_SETUP: hrtimer_setup() takes the callback (6.13+), replacing hrtimer_init(). */
#include <linux/hrtimer.h>
void dtp_hrt(struct hrtimer *t, enum hrtimer_restart (*fn)(struct hrtimer *));
void dtp_hrt(struct hrtimer *t, enum hrtimer_restart (*fn)(struct hrtimer *)) { hrtimer_setup(t, fn, CLOCK_MONOTONIC, HRTIMER_MODE_REL); }
