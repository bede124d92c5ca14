/* int division and modulo truncate toward zero: 0 / 5 */
/* @@options: -q */
BEGIN
{
	a = 0;
	b = 5;
	printf("%d %d\n", a / b, a % b);
	exit(0);
}
