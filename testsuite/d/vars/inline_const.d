/* inline constant */
/* @@options: -q */
inline int TEN = 10;

BEGIN
{
	printf("%d\n", TEN * 2);
	exit(0);
}
