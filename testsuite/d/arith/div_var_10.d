/* int division and modulo truncate toward zero: 2147483647 / -1 */
/* @@options: -q */
BEGIN
{
	a = 2147483647;
	b = -1;
	printf("%d %d\n", a / b, a % b);
	exit(0);
}
