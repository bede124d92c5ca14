/* HAVE_STACK_TRACE_SAVE: stack_trace_save() (5.2+) fills an array of return addresses. */
#include <linux/stacktrace.h>
unsigned int dtp_st(unsigned long *e, unsigned int n);
unsigned int dtp_st(unsigned long *e, unsigned int n) { return stack_trace_save(e, n, 0); }
