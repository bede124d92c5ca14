/*
 * usdt-trig.c - a trigger for the pid provider and USDT: calls known
 * functions a known number of times and passes USDT probes with known
 * arguments, so the live tests can assert exact output.
 *
 *   usdt-trig N          for i in 0..N-1: dt_trig_add(i, 3) (returns i+3),
 *                        USDT dttest:tick(i, -i) (register operands),
 *                        dt_trig_slow(i) with USDT dttest:slow__path(2i, -i, i)
 *                        (memory operands: built at -O0),
 *                        dt_trig_guarded(i) with USDT dttest:guarded(i)
 *                        behind its semaphore (usdt-sema.c),
 *                        dt_trig_global(i): adds i to dt_trig_total, USDT
 *                        dttest:global(dt_trig_total, dt_trig_vec[2] = 7)
 *                        (%rip-relative operands); then
 *                        dt_trig_done(N) and USDT dttest:done(N).
 *   usdt-trig N wait     the same after one byte arrives on stdin
 *
 * Built 64-bit, and 32-bit with gcc -m32.  dt_trig_add is written in
 * assembly so its instruction offsets are known: push %rbp (0),
 * mov %rsp,%rbp (1), lea (%rdi,%rsi),%rax (4), pop %rbp (8), ret (9).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/sdt.h>

long dt_trig_add(long a, long b);
#if defined(__x86_64__)
__asm__(".text\n"
	".globl dt_trig_add\n"
	".type dt_trig_add, @function\n"
	"dt_trig_add:\n"
	"\tpushq %rbp\n"
	"\tmovq %rsp, %rbp\n"
	"\tleaq (%rdi,%rsi), %rax\n"
	"\tpopq %rbp\n"
	"\tret\n"
	".size dt_trig_add, .-dt_trig_add\n");
#else
/* i386 (gcc -m32), cdecl: push %ebp (0), mov %esp,%ebp (1),
 * mov 8(%ebp),%eax (3), add 12(%ebp),%eax (6), pop %ebp (9), ret (10) */
__asm__(".text\n"
	".globl dt_trig_add\n"
	".type dt_trig_add, @function\n"
	"dt_trig_add:\n"
	"\tpushl %ebp\n"
	"\tmovl %esp, %ebp\n"
	"\tmovl 8(%ebp), %eax\n"
	"\taddl 12(%ebp), %eax\n"
	"\tpopl %ebp\n"
	"\tret\n"
	".size dt_trig_add, .-dt_trig_add\n");
#endif

/* -O0 keeps the USDT operands in the frame: memory operands */
__attribute__((noinline, optimize("O0"))) void dt_trig_slow(long i)
{
	long twice = i * 2;
	int neg = (int)-i;

	STAP_PROBE3(dttest, slow__path, twice, neg, i);
}

__attribute__((noinline)) long dt_trig_done(long n)
{
	STAP_PROBE1(dttest, done, n);
	__asm__ volatile("" ::: "memory");
	return n;
}

static volatile long sink;

long dt_trig_total;
int dt_trig_vec[4] = { 5, 6, 7, 8 };

/* the memory clobber makes the operands globals in memory, %rip-relative */
__attribute__((noinline)) void dt_trig_global(long i)
{
	dt_trig_total += i;
	__asm__ volatile("" ::: "memory");
	STAP_PROBE2(dttest, global, dt_trig_total, dt_trig_vec[2]);
}

long dt_trig_guarded(long i); /* usdt-sema.c */

int main(int argc, char **argv)
{
	long n, i;
	char c;

	if (argc < 2)
		return 2;
	n = atol(argv[1]);
	if (argc > 2 && strcmp(argv[2], "wait") == 0 && read(0, &c, 1) != 1)
		return 2;
	for (i = 0; i < n; i++) {
		long r = dt_trig_add(i, 3);

		STAP_PROBE2(dttest, tick, i, (int)-i);
		sink += r;
		dt_trig_slow(i);
		sink += dt_trig_guarded(i);
		dt_trig_global(i);
	}
	sink += dt_trig_done(n);
	return 0;
}
