/* -C: #define */
/* @@options: -q -C */
#define N 5

BEGIN
{
	printf("%d\n", N * 2);
	exit(0);
}
