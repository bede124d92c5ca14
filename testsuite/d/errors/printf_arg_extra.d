/* printf() with more arguments than conversions */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	printf("%d\n", 1, 2);
}
