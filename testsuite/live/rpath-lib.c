/*
 * rpath-lib.c - a private shared library for d/pid-c-rpath.sh: it lives
 * in a temporary folder that only the trigger's RPATH/RUNPATH names, so
 * only the dynamic linker's own search finds it.
 */
int dt_rp_add(int a, int b);

int dt_rp_add(int a, int b)
{
	return a + b;
}
