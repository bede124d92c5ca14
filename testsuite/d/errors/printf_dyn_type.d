/* printf() %*d given a string width */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	printf("%*d\n", "w", 1);
}
