/* HAVE_DIV64_U64: linux/math64.h provides div64_u64() and div64_u64_rem() for 64-bit division. */
#include <linux/math64.h>
u64 dtp_div(u64 a, u64 b, u64 *r);
u64 dtp_div(u64 a, u64 b, u64 *r) { return div64_u64(a, b) + div64_u64_rem(a, b, r); }
