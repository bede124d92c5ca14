/* int division and modulo truncate toward zero: -100 / 7 */
/* @@options: -q */
BEGIN
{
	a = -100;
	b = 7;
	printf("%d %d\n", a / b, a % b);
	exit(0);
}
