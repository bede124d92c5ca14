/* int division and modulo truncate toward zero: -1 / 3 */
/* @@options: -q */
BEGIN
{
	a = -1;
	b = 3;
	printf("%d %d\n", a / b, a % b);
	exit(0);
}
