/* negating INT_MIN */
/* @@options: -q */
BEGIN
{
	x = -2147483647 - 1;
	printf("%d\n", -x);
	exit(0);
}
