/* HAVE_DIV64_NATIVE: a plain u64 / u64 links in a module (x86-64; ARM exports __aeabi_uldivmod; i386 lacks __udivdi3). */
#include <linux/types.h>
u64 dtp_div(u64 a, u64 b);
u64 dtp_div(u64 a, u64 b) { return a / b + a % b; }
