/* function-like macro */
/* @@options: -q -C */
#define SQ(x) ((x) * (x))

BEGIN
{
	printf("%d\n", SQ(7));
	exit(0);
}
