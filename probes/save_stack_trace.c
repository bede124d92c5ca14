/* HAVE_SAVE_STACK_TRACE: the older save_stack_trace(struct stack_trace *) is usable from a module. */
#include <linux/stacktrace.h>
void dtp_st(struct stack_trace *t);
void dtp_st(struct stack_trace *t) { save_stack_trace(t); }
