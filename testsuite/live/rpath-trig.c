/*
 * rpath-trig.c - calls dt_rp_add (in rpath-lib.c's library, found via
 * RPATH/RUNPATH) argv[1] times, then exits 0.
 */
#include <stdlib.h>

int dt_rp_add(int a, int b);

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1, i, s = 0;

	for (i = 0; i < n; i++)
		s = dt_rp_add(s, i);
	return s == -1;
}
