/* constant INT_MAX + 1 printed as int */
/* @@options: -q */
BEGIN
{
	printf("%d\n", 2147483647 + 1);
	exit(0);
}
