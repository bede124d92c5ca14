/* int division and modulo truncate toward zero: 7 / -2 */
/* @@options: -q */
BEGIN
{
	a = 7;
	b = -2;
	printf("%d %d\n", a / b, a % b);
	exit(0);
}
