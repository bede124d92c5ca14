/* modulo takes the sign of the dividend */
/* @@options: -q */
BEGIN
{
	x = -17;
	printf("%d\n", x % 5);
	exit(0);
}
