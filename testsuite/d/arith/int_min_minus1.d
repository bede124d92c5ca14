/* INT_MIN - 1 wraps */
/* @@options: -q */
BEGIN
{
	x = -2147483647 - 1;
	printf("%d\n", x - 1);
	exit(0);
}
