/* int128-shim.h - forced into 32-bit cross builds of the user tools by
 * testsuite/kmod/run: gcc has no __int128 on i386/ARM, which
 * src/libdtrace/dt_aggprint.c uses for stddev; 64 bits until it is portable. */
#define __int128 long long
