/* %@ in printf() */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	printf("%@d\n", 1);
}
