/* int multiplication overflow */
/* @@options: -q */
BEGIN
{
	x = 65536;
	printf("%d\n", x * 65536);
	exit(0);
}
