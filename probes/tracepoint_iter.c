/* HAVE_TRACEPOINT_ITER: for_each_kernel_tracepoint() lets a module find unexported tracepoints. */
#include <linux/tracepoint.h>
static void dtp_cb(struct tracepoint *tp, void *priv) { }
void dtp_tpi(void);
void dtp_tpi(void) { for_each_kernel_tracepoint(dtp_cb, NULL); }
