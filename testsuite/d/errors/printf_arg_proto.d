/* printf() with fewer arguments than conversions */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	printf("%d %d\n", 1);
}
